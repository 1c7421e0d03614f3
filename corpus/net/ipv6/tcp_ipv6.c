/* SPDX-License-Identifier: GPL-2.0-only
 * tcp_ipv6.c - modelled on net/ipv6/tcp_ipv6.c: IPv6 TCP's protocol
 * table, which sets up its sockets with the same TCP code as IPv4's.
 */
#include <net/inet_connection_sock.h>

void tcp_init_sock(struct sock *sk);

static int tcp_v6_init_sock(struct sock *sk)
{
	tcp_init_sock(sk);
	return 0;
}

static void tcp_v6_destroy_sock(struct sock *sk)
{
	sk->sk_wmem_queued = 0;
}

struct proto tcpv6_prot = {
	.name		= "TCPv6",
	.init		= tcp_v6_init_sock,
	.destroy	= tcp_v6_destroy_sock,
};
