/* SPDX-License-Identifier: GPL-2.0-only
 * tcp_ipv4.c - modelled on net/ipv4/tcp_ipv4.c: IPv4 TCP's protocol
 * table; its init is the only way an IPv4 TCP socket gets its timers.
 */
#include <net/inet_connection_sock.h>

void tcp_init_sock(struct sock *sk);

static int tcp_v4_init_sock(struct sock *sk)
{
	tcp_init_sock(sk);
	return 0;
}

static void tcp_v4_destroy_sock(struct sock *sk)
{
	sk->sk_wmem_queued = 0;
}

struct proto tcp_prot = {
	.name		= "TCP",
	.init		= tcp_v4_init_sock,
	.destroy	= tcp_v4_destroy_sock,
};
