/* SPDX-License-Identifier: GPL-2.0-only
 * dev_kfree.c - freeing an skb from an interrupt: dev_kfree_skb_irq()
 * queues it on this CPU's completion list, and the NET_TX softirq frees it
 * later with interrupts on (net_tx_action(), not modelled).
 * __dev_kfree_skb_any() is for callers that may be either: it asks the
 * context (in_hardirq(), irqs_disabled()) which of the two it may use.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/skbuff.h>

static struct sk_buff *completion_queue;

void __dev_kfree_skb_irq(struct sk_buff *skb)
{
	if (!skb)
		return;
	skb->next = completion_queue;
	completion_queue = skb;
}

void __dev_kfree_skb_any(struct sk_buff *skb)
{
	/* the destructor must not run here with interrupts off */
	if (in_hardirq() || irqs_disabled())
		__dev_kfree_skb_irq(skb);
	else
		dev_kfree_skb(skb);
}
