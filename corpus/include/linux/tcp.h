/* SPDX-License-Identifier: GPL-2.0-only
 * tcp.h - a TCP socket is a connection-oriented inet socket with TCP's
 * state after it; tcp_sk() is a cast (6.1; later kernels write it as a
 * container_of_const()).
 */
#ifndef _LINUX_TCP_H
#define _LINUX_TCP_H

#include <net/inet_connection_sock.h>

struct tcp_sock {
	struct inet_connection_sock inet_conn;
	u32 retrans_out;
};

static inline struct tcp_sock *tcp_sk(const struct sock *sk)
{
	return (struct tcp_sock *)sk;
}

#endif
