/* SPDX-License-Identifier: GPL-2.0-only
 * tcp_retrans.c - modelled on net/ipv4/tcp_timer.c and tcp_output.c: the
 * retransmit timer runs with the socket spinlock held; a retransmission
 * reads the socket as a struct tcp_sock and asks the address family's
 * table to rebuild the packet's header first.
 */
#include <linux/tcp.h>

#ifndef TCP_RETRANSMIT_UNCAST
static void tcp_retransmit_skb(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (inet_csk(sk)->icsk_af_ops->rebuild_header(sk))
		return;
	tp->retrans_out++;
}
#else
/* the control: IPv4's table named directly, the socket never cast */
extern const struct inet_connection_sock_af_ops ipv4_specific;

static void tcp_retransmit_skb(struct sock *sk)
{
	ipv4_specific.rebuild_header(sk);
}
#endif

static void tcp_retransmit_timer(struct timer_list *t)
{
	struct sock *sk = from_timer(sk, t, sk_timer);

	bh_lock_sock(sk);
	tcp_retransmit_skb(sk);
	bh_unlock_sock(sk);
}

void tcp_init_retransmit_timer(struct sock *sk)
{
	timer_setup(&sk->sk_timer, tcp_retransmit_timer, 0);
}
