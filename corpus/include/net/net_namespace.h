/* SPDX-License-Identifier: GPL-2.0-only
 * net_namespace.h - a network namespace, as far as its rtnetlink kernel
 * socket goes (include/net/net_namespace.h).
 */
#ifndef _NET_NET_NAMESPACE_H
#define _NET_NET_NAMESPACE_H

struct sock;

struct net {
	struct sock *rtnl;	/* the namespace's rtnetlink kernel socket */
};

#endif
