// SPDX-License-Identifier: GPL-2.0-only
/*
 * dev_egress.c - a device's transmit path through the egress hook (models
 * __dev_queue_xmit() in net/core/dev.c with nf_hook_egress()).
 */
#include <linux/netfilter_netdev.h>

int dev_hard_xmit(struct sk_buff *skb);

int dev_queue_xmit(struct net *net, struct sk_buff *skb)
{
	skb = nf_hook_egress(skb, net);
	return skb ? dev_hard_xmit(skb) : 0;
}
