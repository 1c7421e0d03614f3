/* SPDX-License-Identifier: GPL-2.0-only
 * inet_connection_sock.h - what connection-oriented inet sockets share:
 * the timers a protocol sets on each of its sockets, and the teardown
 * that ends in the socket's own protocol's destroy.
 */
#ifndef _INET_CONNECTION_SOCK_H
#define _INET_CONNECTION_SOCK_H

#include <linux/kernel.h>
#include <net/sock.h>

/* An inet socket starts with its struct sock, and a connection-oriented
 * one with its inet socket: inet_csk() is a cast. */
struct inet_sock {
	struct sock sk;
	int inet_id;
};

/* What differs between IPv4 and IPv6 for a connection-oriented socket. */
struct inet_connection_sock_af_ops {
	int (*rebuild_header)(struct sock *sk);
};

struct inet_connection_sock {
	struct inet_sock icsk_inet;
	void *icsk_ulp_data;
	const struct inet_connection_sock_af_ops *icsk_af_ops;
};

static inline struct inet_sock *inet_sk(const struct sock *sk)
{
	return (struct inet_sock *)sk;
}

static inline struct inet_connection_sock *inet_csk(const struct sock *sk)
{
#ifdef INET_CSK_CONTAINER_OF
	/* as later kernels write such casts (tcp_sk() is container_of_const()) */
	return container_of(sk, struct inet_connection_sock, icsk_inet.sk);
#else
	return (struct inet_connection_sock *)sk;
#endif
}

void inet_csk_init_xmit_timers(struct sock *sk, void (*keepalive_handler)(struct timer_list *));
void inet_csk_destroy_sock(struct sock *sk);

#endif
