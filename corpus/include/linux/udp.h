/* SPDX-License-Identifier: GPL-2.0-only
 * udp.h - a UDP socket is an inet socket with UDP's state after it;
 * udp_sk() is a cast.
 */
#ifndef _LINUX_UDP_H
#define _LINUX_UDP_H

#include <net/inet_connection_sock.h>

struct udp_sock {
	struct inet_sock inet;
	int pending;
};

static inline struct udp_sock *udp_sk(const struct sock *sk)
{
	return (struct udp_sock *)sk;
}

#endif
