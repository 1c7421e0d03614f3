/* SPDX-License-Identifier: GPL-2.0-only
 * lcs_tx.c - a LAN channel station's transmit side, modelled on an s390
 * network driver whose helpers run both in the interrupt handler and in
 * task or softirq context, and ask the context which way to go:
 *
 *  - the handler (cdev->handler, hardirq) frees sent skbs with
 *    dev_kfree_skb_any() and its trace area with vfree(): both test the
 *    context and defer in an interrupt, so neither the skb's destructor
 *    nor vfree's purge mutex runs there;
 *  - the statistics are left to a work item 'if (!in_task())', and folded
 *    in under a mutex after that early return: not in the handler;
 *  - the watchdog timer (softirq) retunes the card through a helper that
 *    defers only 'if (in_hardirq())', which a softirq is not: it takes
 *    the tuning mutex in softirq context;
 *  - going offline purges the queue under spin_lock_irqsave() with
 *    dev_kfree_skb_any(), which sees interrupts off.
 *
 * Must find: sleep-in-atomic at the tuning mutex, from the timer.
 * Must not find: irqs-off-call at consume_skb() (the handler, the purge),
 * sleep-in-atomic at vfree's vmap_purge_lock or at the statistics mutex.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct lcs_tx {
	spinlock_t lock;
	struct mutex stats_mutex;
	struct mutex tune_mutex;
	struct sk_buff *sent;
	struct sk_buff *queue;
	void *trace;
	unsigned long packets, window;
	struct timer_list watchdog;
	struct work_struct stats_work;
};

static struct lcs_tx lcs_tx0;

static void lcs_fold_stats(struct lcs_tx *tx)
{
	if (!in_task()) {
		schedule_work(&tx->stats_work);
		return;
	}
	mutex_lock(&tx->stats_mutex);
	tx->packets++;
	mutex_unlock(&tx->stats_mutex);
}

static void lcs_stats_work(struct work_struct *w)
{
	lcs_fold_stats(container_of(w, struct lcs_tx, stats_work));
}

static void lcs_retune(struct lcs_tx *tx)
{
	if (in_hardirq()) {
		schedule_work(&tx->stats_work);
	} else {
		mutex_lock(&tx->tune_mutex); /* expect: sleep-in-atomic softirq */
		tx->window >>= 1;
		mutex_unlock(&tx->tune_mutex);
	}
}

static void lcs_tx_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct lcs_tx *tx = &lcs_tx0;

	(void)cdev;
	(void)intparm;
	dev_kfree_skb_any(tx->sent);
	tx->sent = NULL;
	if (irb_is_error(irb)) {
		vfree(tx->trace);
		tx->trace = NULL;
		lcs_retune(tx);
	}
	lcs_fold_stats(tx);
}

static void lcs_watchdog(struct timer_list *t)
{
	struct lcs_tx *tx = from_timer(tx, t, watchdog);

	lcs_retune(tx);
}

static void lcs_purge(struct lcs_tx *tx)
{
	struct sk_buff *skb;
	unsigned long flags;

	spin_lock_irqsave(&tx->lock, flags);
	while ((skb = tx->queue) != NULL) {
		tx->queue = skb->next;
		dev_kfree_skb_any(skb);
	}
	spin_unlock_irqrestore(&tx->lock, flags);
}

static int lcs_tx_set_offline(struct ccw_device *cdev)
{
	(void)cdev;
	lcs_purge(&lcs_tx0);
	return 0;
}

static int lcs_tx_probe(struct ccw_device *cdev)
{
	cdev->handler = lcs_tx_irq;
	timer_setup(&lcs_tx0.watchdog, lcs_watchdog, 0);
	INIT_WORK(&lcs_tx0.stats_work, lcs_stats_work);
	lcs_tx0.trace = vmalloc(1 << 16);
	return 0;
}

static struct ccw_driver lcs_tx_driver = {
	.probe = lcs_tx_probe,
	.set_offline = lcs_tx_set_offline,
};

int lcs_tx_init(void)
{
	return ccw_driver_register(&lcs_tx_driver);
}
