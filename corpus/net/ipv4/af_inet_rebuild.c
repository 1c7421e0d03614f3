/* SPDX-License-Identifier: GPL-2.0-only
 * af_inet_rebuild.c - modelled on net/ipv4/af_inet.c: IPv4's header
 * rebuild reads the socket as a struct inet_sock, any inet socket's.  When
 * no route is left the model ends the connection (the kernel gets there
 * through inet_sk_reselect_saddr()'s rehash, several calls on), and the
 * teardown calls whatever destroy the socket's protocol table holds.
 */
#include <linux/errno.h>
#include <net/inet_connection_sock.h>

static int inet_sk_rebuild_header(struct sock *sk)
{
	struct inet_sock *inet = inet_sk(sk);

	if (inet->inet_id)
		return 0;
	inet_csk_destroy_sock(sk);
	return -EINVAL;
}

const struct inet_connection_sock_af_ops ipv4_specific = {
	.rebuild_header	= inet_sk_rebuild_header,
};
