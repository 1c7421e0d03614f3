/* SPDX-License-Identifier: GPL-2.0-only
 * tcp.c - modelled on net/ipv4/tcp.c: the setup every TCP socket gets
 * from its protocol's init (both address families), and the end of a
 * connection.
 */
#include <linux/export.h>
#include <net/inet_connection_sock.h>

void tcp_init_xmit_timers(struct sock *sk);

void tcp_init_sock(struct sock *sk)
{
	sk->sk_sndbuf = 4096;
	tcp_init_xmit_timers(sk);
}
EXPORT_SYMBOL(tcp_init_sock);

void tcp_done(struct sock *sk)
{
	inet_csk_destroy_sock(sk);
}
EXPORT_SYMBOL_GPL(tcp_done);
