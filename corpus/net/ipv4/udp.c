/* SPDX-License-Identifier: GPL-2.0-only
 * udp.c - modelled on net/ipv4/udp.c: UDP's protocol table.  Its destroy
 * reads the socket as a struct udp_sock and flushes what is pending under
 * the socket spinlock (lock_sock_fast() in the kernel).
 */
#include <linux/udp.h>

static void udp_destroy_sock(struct sock *sk)
{
	struct udp_sock *up = udp_sk(sk);

	spin_lock_bh(&sk->sk_lock.slock);   /* expect(tcp-retransmit-udp-destroy-uncast): recursive-lock socket_lock_t.slock */
	up->pending = 0;
	spin_unlock_bh(&sk->sk_lock.slock);
}

struct proto udp_prot = {
	.name		= "UDP",
	.destroy	= udp_destroy_sock,
};
