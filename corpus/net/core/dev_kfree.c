/* SPDX-License-Identifier: GPL-2.0-only
 * dev_kfree.c - freeing an skb from an interrupt: dev_kfree_skb_irq()
 * queues it on this CPU's completion list, and the NET_TX softirq frees it
 * later with interrupts on (net_tx_action(), not modelled).
 */
#include <linux/kernel.h>
#include <linux/skbuff.h>

static struct sk_buff *completion_queue;

void __dev_kfree_skb_irq(struct sk_buff *skb)
{
	if (!skb)
		return;
	skb->next = completion_queue;
	completion_queue = skb;
}
