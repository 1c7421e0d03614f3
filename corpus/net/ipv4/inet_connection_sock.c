/* SPDX-License-Identifier: GPL-2.0-only
 * inet_connection_sock.c - modelled on net/ipv4/inet_connection_sock.c:
 * the protocol hands in its timer functions, and the last teardown calls
 * whatever destroy the socket's protocol table holds.
 */
#include <linux/export.h>
#include <net/inet_connection_sock.h>

void inet_csk_init_xmit_timers(struct sock *sk, void (*keepalive_handler)(struct timer_list *))
{
	timer_setup(&sk->sk_timer, keepalive_handler, 0);
}
EXPORT_SYMBOL(inet_csk_init_xmit_timers);

void inet_csk_destroy_sock(struct sock *sk)
{
	sk->sk_prot->destroy(sk);
}
EXPORT_SYMBOL(inet_csk_destroy_sock);
