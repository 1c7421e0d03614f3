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
