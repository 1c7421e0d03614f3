/* SPDX-License-Identifier: GPL-2.0-only
 * ctcm_skb.c - a channel-to-channel network adapter's buffers.  Each skb it
 * sends carries a destructor that returns the channel's credit under
 * collect_lock.  Two places free skbs where the kernel forbids kfree_skb():
 * the interrupt handler drops a failed receive buffer with kfree_skb()
 * (hardirq context), and the offline path purges the collect queue with
 * kfree_skb() under spin_lock_irqsave() (interrupts off; the destructor
 * would then take collect_lock again, a recursive-lock that is not
 * restated: the path ends at the forbidden call).  The right ways are
 * beside them: dev_kfree_skb_irq() in the handler, and kfree_skb() under
 * spin_lock_bh(), which leaves interrupts on.
 *
 * Must find: irqs-off-call at the handler's kfree_skb (hardirq) and at the
 * purge's (interrupts disabled).
 * Must not find: dev_kfree_skb_irq in the handler, kfree_skb under
 * spin_lock_bh, or the destructor's collect_lock below the purge.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/skbuff.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct ctcm_channel {
	spinlock_t collect_lock;
	spinlock_t rx_lock;
	struct sk_buff *collect_queue;
	struct sk_buff *rx_skb;
	struct sk_buff *done_skb;
	int credits;
};

static struct ctcm_channel ctcm_ch0;

static void ctcm_tx_destructor(struct sk_buff *skb)
{
	(void)skb;
	spin_lock(&ctcm_ch0.collect_lock);
	ctcm_ch0.credits++;
	spin_unlock(&ctcm_ch0.collect_lock);
}

void ctcm_queue_tx(struct sk_buff *skb)
{
	unsigned long flags;

	skb->destructor = ctcm_tx_destructor;
	spin_lock_irqsave(&ctcm_ch0.collect_lock, flags);
	skb->next = ctcm_ch0.collect_queue;
	ctcm_ch0.collect_queue = skb;
	spin_unlock_irqrestore(&ctcm_ch0.collect_lock, flags);
}

/* cdev->handler: cio calls it in hardirq context. */
static void ctcm_irq_handler(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct sk_buff *skb = ctcm_ch0.rx_skb;

	(void)cdev;
	(void)intparm;
	ctcm_ch0.rx_skb = NULL;
	if (irb_is_error(irb)) {
		kfree_skb(skb); /* expect: irqs-off-call kfree_skb must not be called in hardirq context */
		return;
	}
	dev_kfree_skb_irq(ctcm_ch0.done_skb);
}

static void ctcm_purge_collect(struct ctcm_channel *ch)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&ch->collect_lock, flags);
	while ((skb = ch->collect_queue) != NULL) {
		ch->collect_queue = skb->next;
		kfree_skb(skb); /* expect: irqs-off-call kfree_skb must not be called with interrupts disabled */
	}
	spin_unlock_irqrestore(&ch->collect_lock, flags);
}

static void ctcm_purge_rx(struct ctcm_channel *ch)
{
	spin_lock_bh(&ch->rx_lock);
	kfree_skb(ch->rx_skb);
	ch->rx_skb = NULL;
	spin_unlock_bh(&ch->rx_lock);
}

static int ctcm_set_offline(struct ccw_device *cdev)
{
	(void)cdev;
	ctcm_purge_collect(&ctcm_ch0);
	ctcm_purge_rx(&ctcm_ch0);
	return 0;
}

static int ctcm_probe(struct ccw_device *cdev)
{
	cdev->handler = ctcm_irq_handler;
	return 0;
}

static struct ccw_driver ctcm_driver = {
	.probe = ctcm_probe,
	.set_offline = ctcm_set_offline,
};

int ctcm_init(void)
{
	return ccw_driver_register(&ctcm_driver);
}
