/* SPDX-License-Identifier: GPL-2.0-only
 * qeth_tx_timer.c - hard hrtimers of an OSA-like network card, modelled on
 * the qeth driver's TX completion timer: hrtimer_init() with
 * HRTIMER_MODE_REL (no soft bit), so the clock's interrupt runs the
 * function in hardirq context.  Its receive-poll timer is soft on one
 * setup path and hard on the other: with one hard initialisation the
 * timer's function runs in hardirq context on some cards, and the path
 * from hrtimer_interrupt stays.
 *
 * Must find: irqs-off-call at both timer functions' kfree_skb, in hardirq
 * context (dev_kfree_skb_irq() is the call that is allowed there).
 */
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/hrtimer.h>

struct qeth_qdio_out_q {
	struct hrtimer timer;
	struct sk_buff *pending;
};

struct qeth_card {
	struct qeth_qdio_out_q txq;
	struct hrtimer rx_poll_timer;
	struct sk_buff *rx_stale;
	int rx_poll_soft;
};

static enum hrtimer_restart qeth_out_queue_timer(struct hrtimer *timer)
{
	struct qeth_qdio_out_q *queue = container_of(timer, struct qeth_qdio_out_q, timer);

	kfree_skb(queue->pending); /* expect: irqs-off-call kfree_skb must not be called in hardirq context */
	queue->pending = NULL;
	return HRTIMER_NORESTART;
}

static enum hrtimer_restart qeth_rx_poll_timer(struct hrtimer *timer)
{
	struct qeth_card *card = container_of(timer, struct qeth_card, rx_poll_timer);

	kfree_skb(card->rx_stale); /* expect: irqs-off-call kfree_skb must not be called in hardirq context */
	card->rx_stale = NULL;
	return HRTIMER_NORESTART;
}

void qeth_init_timers(struct qeth_card *card)
{
	hrtimer_init(&card->txq.timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	card->txq.timer.function = qeth_out_queue_timer;

	if (card->rx_poll_soft)
		hrtimer_init(&card->rx_poll_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	else
		hrtimer_init(&card->rx_poll_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	card->rx_poll_timer.function = qeth_rx_poll_timer;
}
