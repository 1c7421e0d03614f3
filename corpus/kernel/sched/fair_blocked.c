/* SPDX-License-Identifier: GPL-2.0-only
 * fair_blocked.c - corpus model of the load balancer's blocked-load update
 * (kernel/sched/fair.c): the rebalance softirq locks the runqueue with
 * rq_lock_irqsave() and folds the load that departed tasks left in
 * cfs_rq->removed, under removed_lock; a wakeup that migrates a task (from
 * an interrupt: s390's pfault interrupt wakes the faulting task) adds to it
 * with interrupts saved.  removed_lock is taken in hardirq context, so
 * every holder must have interrupts off: the softirq's does, because
 * rq_lock_irqsave() (sched.h: inlines over a macro) left them off.  After
 * rq_unlock_irqrestore() they are on again, and the corpus's bug takes
 * removed_lock there.
 *
 * Must find: irq-inversion at the flush after the unlock; in
 * irqs-left-off-sched-plain (-DSCHED_BLOCKED_PLAIN_LOCK: the runqueue
 * taken with the plain lock, interrupts on) at the fold, the class's first
 * irqs-on acquisition (one finding per lock class).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include "sched.h"

static struct rq runqueue0;

static void update_cfs_rq_load_avg(struct cfs_rq *cfs_rq)
{
	if (!cfs_rq->removed_nr)
		return;
	raw_spin_lock(&cfs_rq->removed_lock); /* expect(irqs-left-off-sched-plain): irq-inversion cfs_rq.removed_lock is acquired with interrupts enabled in update_cfs_rq_load_avg */
	cfs_rq->removed_load = 0;
	cfs_rq->removed_nr = 0;
	raw_spin_unlock(&cfs_rq->removed_lock);
}

/* The corpus's bug: the same fold with the runqueue unlocked, interrupts on. */
static void cfs_rq_flush_removed(struct cfs_rq *cfs_rq)
{
	raw_spin_lock(&cfs_rq->removed_lock); /* expect(irqs-left-off-sched): irq-inversion cfs_rq.removed_lock is acquired with interrupts enabled in cfs_rq_flush_removed */
	cfs_rq->removed_nr = 0;
	raw_spin_unlock(&cfs_rq->removed_lock);
}

static void update_blocked_averages(struct rq *rq)
{
	struct rq_flags rf;

#ifdef SCHED_BLOCKED_PLAIN_LOCK
	raw_spin_rq_lock_nested(rq, 0);
	update_cfs_rq_load_avg(&rq->cfs);
	raw_spin_rq_unlock(rq);
	(void)rf;
#else
	rq_lock_irqsave(rq, &rf);
	update_cfs_rq_load_avg(&rq->cfs);
	rq_unlock_irqrestore(rq, &rf);
#endif
	cfs_rq_flush_removed(&rq->cfs);
}

static void run_rebalance_domains(struct softirq_action *h)
{
	(void)h;
	update_blocked_averages(&runqueue0);
}

/* A task that leaves the runqueue: its load goes to removed. */
static void remove_entity_load_avg(struct cfs_rq *cfs_rq, unsigned long load)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&cfs_rq->removed_lock, flags);
	cfs_rq->removed_load += load;
	cfs_rq->removed_nr++;
	raw_spin_unlock_irqrestore(&cfs_rq->removed_lock, flags);
}

/* The wakeup of a faulting task from an external interrupt. */
static irqreturn_t sched_wakeup_interrupt(int irq, void *dev)
{
	(void)irq;
	remove_entity_load_avg(&((struct rq *)dev)->cfs, 1);
	return IRQ_HANDLED;
}

int sched_fair_blocked_init(void)
{
	open_softirq(SCHED_SOFTIRQ, run_rebalance_domains);
	return request_irq(0x1407, sched_wakeup_interrupt, 0, "pfault", &runqueue0);
}
