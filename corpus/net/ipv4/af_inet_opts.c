/* SPDX-License-Identifier: GPL-2.0-only
 * af_inet_opts.c - corpus model of inet's stream socket table
 * (net/ipv4/af_inet.c's inet_stream_ops) and the option setter it points
 * at (sock_common_setsockopt() into TCP): the socket an SMC socket keeps
 * for its CLC handshake is one of these.  The setter serialises on its
 * own socket's option mutex.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/net.h>

struct inet_opt_sock {
	struct mutex opt_mutex;
	int nodelay;
};

static struct inet_opt_sock *inet_opt_sk(struct socket *sock)
{
	return (struct inet_opt_sock *)sock->sk;
}

static int inet_common_setsockopt(struct socket *sock, int level, int optname, char *optval,
				  unsigned int optlen)
{
	struct inet_opt_sock *isk = inet_opt_sk(sock);

	if (level != SOL_TCP || optlen < 1)
		return -EINVAL;
	mutex_lock(&isk->opt_mutex);
	isk->nodelay = optval[0] != 0;
	mutex_unlock(&isk->opt_mutex);
	return 0;
}

const struct proto_ops inet_stream_ops = {
	.family = 2,
	.setsockopt = inet_common_setsockopt,
};
