/* SPDX-License-Identifier: GPL-2.0-only
 * lcs_rx.c - a LAN channel station's receive buffers, modelled on an s390
 * network driver: the interrupt handler (cdev->handler, hardirq) refills
 * the receive ring under the card's lock through a helper that passes its
 * gfp mask on to kmalloc(), with GFP_ATOMIC; the card also registers a
 * shrinker that frees spare buffers under the same lock.  An atomic
 * allocation never enters reclaim, so the shrinker is not called under the
 * lock.  The error path's recovery allocates with GFP_KERNEL, from the
 * same interrupt: that one may reclaim and reschedule.
 *
 * Must find: sleep-in-atomic at the page allocator's cond_resched()
 * (mm/page_alloc.c), reached from the recovery's kzalloc(GFP_KERNEL).
 * Must not find: a recursive-lock on lcs_card.lock in the shrinker, or
 * the cond_resched() on the refill's path: kmalloc(.., gfp) with gfp bound
 * to GFP_ATOMIC is not entered (rules: blocks-with kmalloc 1 0x400).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/shrinker.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

#define LCS_BUF_SIZE	4096
#define LCS_RING	8

struct lcs_card {
	spinlock_t lock;
	void *rx_buf[LCS_RING];
	int rx_count;
	void *recovery_buf;
	struct shrinker shrinker;
};

static struct lcs_card lcs_card0;

static void *lcs_get_buffer(struct lcs_card *card, gfp_t gfp)
{
	(void)card;
	return kmalloc(LCS_BUF_SIZE, gfp);
}

static unsigned long lcs_shrink_scan(struct shrinker *s, struct shrink_control *sc)
{
	struct lcs_card *card = container_of(s, struct lcs_card, shrinker);
	unsigned long freed = 0, flags;

	(void)sc;
	spin_lock_irqsave(&card->lock, flags);
	while (card->rx_count > 1) {
		kfree(card->rx_buf[--card->rx_count]);
		freed++;
	}
	spin_unlock_irqrestore(&card->lock, flags);
	return freed;
}

static void lcs_recover(struct lcs_card *card)
{
	kfree(card->recovery_buf);
	card->recovery_buf = kzalloc(LCS_BUF_SIZE, GFP_KERNEL);
}

static void lcs_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct lcs_card *card = &lcs_card0;

	(void)cdev;
	(void)intparm;
	spin_lock(&card->lock);
	while (card->rx_count < LCS_RING) {
		void *buf = lcs_get_buffer(card, GFP_ATOMIC);

		if (!buf)
			break;
		card->rx_buf[card->rx_count++] = buf;
	}
	spin_unlock(&card->lock);
	if (irb_is_error(irb))
		lcs_recover(card);
}

static int lcs_probe(struct ccw_device *cdev)
{
	cdev->handler = lcs_irq;
	return 0;
}

static struct ccw_driver lcs_driver = {
	.probe = lcs_probe,
};

int lcs_init(void)
{
	spin_lock_init(&lcs_card0.lock);
	lcs_card0.shrinker.scan_objects = lcs_shrink_scan;
	register_shrinker(&lcs_card0.shrinker);
	return ccw_driver_register(&lcs_driver);
}
