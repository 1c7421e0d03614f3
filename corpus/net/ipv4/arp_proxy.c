/* SPDX-License-Identifier: GPL-2.0-only
 * arp_proxy.c - modelled on net/ipv4/arp.c: ARP's neighbour table, whose
 * proxy redo answers a queued request and takes the next packet off a
 * backlog queue of its own (the model's stand-in for handing the reply on
 * to another queue).
 */
#include <net/neighbour.h>

static struct sk_buff_head arp_backlog;

static void parp_redo(struct sk_buff *skb)
{
	struct sk_buff *next = skb_dequeue(&arp_backlog);

	if (next)
		consume_skb(next);
	consume_skb(skb);
}

static struct neigh_table arp_tbl = {
	.family = 2,
	.proxy_redo = parp_redo,
};

void arp_init(void)
{
	skb_queue_head_init(&arp_backlog);
	neigh_table_init(&arp_tbl);
}
