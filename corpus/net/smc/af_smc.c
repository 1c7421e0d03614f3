/* SPDX-License-Identifier: GPL-2.0-only
 * af_smc.c - corpus model of net/smc/af_smc.c's option setter.  SMC (the
 * shared-memory transport of s390's ISM devices and of RoCE) keeps an
 * ordinary TCP socket, the CLC socket, for its handshake and for the
 * fallback; options it does not handle itself go to that inner socket,
 * through the inner socket's proto_ops, under the mutex that keeps the
 * inner socket from being released meanwhile.
 *
 * The inner socket's table has the type of SMC's own, so by type the
 * inner call reaches smc_setsockopt() again, and the path came through
 * this file, whose table binds proto_ops to SMC's for the rest of the path
 * (check/ops_tables.c): a second smc_setsockopt() under the first one's
 * mutex.  The kernel never makes that call (a CLC socket is TCP, not SMC);
 * the engine does not follow a call into a function already on the path.
 *
 * Must not find: the recursive-lock at smc_setsockopt()'s mutex_lock()
 * through smc_setsockopt() -> clcsock->ops->setsockopt -> smc_setsockopt().
 * Must find, the control (a bug made for the tree, not the kernel's): the
 * SOL_SMC branch calls a helper that takes the same mutex again, on a path
 * that enters no function twice.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/net.h>

#define SMC_LIMIT_HS	1

struct smc_sock {
	struct socket *clcsock;			/* the inner TCP socket, NULL once released */
	struct mutex clcsock_release_lock;	/* held while clcsock is used */
	int limit_hs;
};

static struct smc_sock *smc_sk(struct socket *sock)
{
	return (struct smc_sock *)sock->sk;
}

/* The control: takes the mutex its only caller already holds. */
static void smc_note_limit_hs(struct smc_sock *smc, int on)
{
	mutex_lock(&smc->clcsock_release_lock); /* expect: recursive-lock smc_sock.clcsock_release_lock acquired in smc_note_limit_hs is already held */
	smc->limit_hs = on;
	mutex_unlock(&smc->clcsock_release_lock);
}

static int smc_setsockopt(struct socket *sock, int level, int optname, char *optval, unsigned int optlen)
{
	struct smc_sock *smc = smc_sk(sock);
	struct socket *inner;
	int rc = 0;

	mutex_lock(&smc->clcsock_release_lock);
	inner = smc->clcsock;
	if (!inner) {
		rc = -EBADF;
	} else if (level == SOL_SMC) {
		if (optname == SMC_LIMIT_HS && optlen > 0)
			smc_note_limit_hs(smc, optval[0] != 0);
		else
			rc = -ENOPROTOOPT;
	} else {
		/* every other level is the CLC socket's business */
		rc = inner->ops->setsockopt(inner, level, optname, optval, optlen);
	}
	mutex_unlock(&smc->clcsock_release_lock);
	return rc;
}

const struct proto_ops smc_sock_ops = {
	.family = 43,
	.setsockopt = smc_setsockopt,
};
