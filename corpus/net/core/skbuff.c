/* SPDX-License-Identifier: GPL-2.0-only
 * skbuff.c - the last put of an skb: its destructor, then the memory.  The
 * destructor runs here, in whatever context called kfree_skb().
 */
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

static void skb_release(struct sk_buff *skb)
{
	if (skb->destructor)
		skb->destructor(skb);
	kfree(skb);
}

void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	(void)reason;
	if (!skb || !atomic_dec_and_test(&skb->users))
		return;
	skb_release(skb);
}

void consume_skb(struct sk_buff *skb)
{
	if (!skb || !atomic_dec_and_test(&skb->users))
		return;
	skb_release(skb);
}

/* The head of a queue, taken under its lock with interrupts saved. */
struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
	unsigned long flags;
	struct sk_buff *skb;

	spin_lock_irqsave(&list->lock, flags); /* expect(packet-retire-subflow-nocast,neigh-proxy-queue-noclass): recursive-lock */
	skb = list->next;
	if (skb) {
		list->next = skb->next;
		list->qlen--;
	}
	spin_unlock_irqrestore(&list->lock, flags);
	return skb;
}
