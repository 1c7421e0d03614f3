/* SPDX-License-Identifier: GPL-2.0-only
 * protocol.c - modelled on net/mptcp/protocol.c: the MPTCP socket's
 * protocol table.  Its sockets are set up by its own init, which never
 * calls tcp_init_sock() and so never gets TCP's keepalive timer; its
 * destroy takes the socket spinlock.
 */
#include <net/sock.h>

static int mptcp_init_sock(struct sock *sk)
{
	sk->sk_sndbuf = 8192;
	return 0;
}

static void mptcp_destroy(struct sock *sk)
{
	spin_lock_bh(&sk->sk_lock.slock);   /* expect(tcp-keepalive-unknown-registrar): recursive-lock socket_lock_t.slock */
	sk->sk_wmem_queued = 0;
	spin_unlock_bh(&sk->sk_lock.slock);
}

struct proto mptcp_prot = {
	.name		= "MPTCP",
	.init		= mptcp_init_sock,
	.destroy	= mptcp_destroy,
};
