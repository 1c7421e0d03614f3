/* SPDX-License-Identifier: GPL-2.0-only
 * netfilter_netdev.h - the egress hook a device's transmit path runs: its
 * hook state has no okfn (NULL), as the transmit goes on in the caller.
 */
#ifndef _LINUX_NETFILTER_NETDEV_H
#define _LINUX_NETFILTER_NETDEV_H

#include <linux/netfilter.h>

enum { NFPROTO_NETDEV = 5 };
enum { NF_NETDEV_INGRESS, NF_NETDEV_EGRESS };

/* the skb to transmit, or NULL when a hook took it */
static inline struct sk_buff *nf_hook_egress(struct sk_buff *skb, struct net *net)
{
	struct nf_hook_state egress;

	nf_hook_state_init(&egress, NF_NETDEV_EGRESS, NFPROTO_NETDEV, NULL, net, NULL);
	return nf_hook_slow(skb, &egress) == 1 ? skb : NULL;
}

#endif
