/* SPDX-License-Identifier: GPL-2.0-only */ /* net.h - a socket and its protocol family's operations (struct proto_ops). */
#ifndef _LINUX_NET_H
#define _LINUX_NET_H

#include <linux/types.h>

struct sock;
struct socket;

/*
 * One table per protocol family: inet's stream sockets have one, SMC has
 * one.  A layered protocol keeps an inner socket of another family and
 * calls through the inner socket's table, which has the same type as its
 * own: by type, its call can reach itself.
 */
struct proto_ops {
	int family;
	int (*setsockopt)(struct socket *sock, int level, int optname, char *optval, unsigned int optlen);
};

struct socket {
	short type;
	struct sock *sk;
	const struct proto_ops *ops;
};

#define SOL_TCP		6
#define SOL_SMC		286

int sock_setsockopt_direct(struct socket *sock, int level, int optname, char *optval, unsigned int optlen);

#endif
