/* SPDX-License-Identifier: GPL-2.0-only
 * tcp_timer.c - modelled on net/ipv4/tcp_timer.c: the keepalive timer
 * runs with the socket spinlock held and, when the peer is gone, ends the
 * connection through tcp_done().  Only TCP's own socket setup arms it.
 */
#include <net/inet_connection_sock.h>

void tcp_done(struct sock *sk);

static void tcp_keepalive_timer(struct timer_list *t)
{
	struct sock *sk = from_timer(sk, t, sk_timer);

	bh_lock_sock(sk);
	if (!sk->sk_sndbuf)
		tcp_done(sk);
	bh_unlock_sock(sk);
}

void tcp_init_xmit_timers(struct sock *sk)
{
	inet_csk_init_xmit_timers(sk, &tcp_keepalive_timer);
}
