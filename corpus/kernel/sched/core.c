/* SPDX-License-Identifier: GPL-2.0-only
 * core.c - corpus model of kernel/sched/core.c's runqueue locking and
 * wakeup: raw_spin_rq_lock_nested() returns with the runqueue lock held
 * (extract summarises it for this file's callers), and a wakeup takes the
 * task's pi_lock, then its runqueue's lock (the kernel's order).
 * header-order-sched: see sched.h; nothing is found here, in either order
 * of the compile database.
 */
#include <linux/kernel.h>
#include "sched.h"

void raw_spin_rq_lock_nested(struct rq *rq, int subclass)
{
	raw_spin_lock_nested(&rq->__lock, subclass);
}

void raw_spin_rq_unlock(struct rq *rq)
{
	raw_spin_unlock(&rq->__lock);
}

void rq_stats_lock(raw_spinlock_t *l)
{
	raw_spin_lock(l);
}

void rq_stats_unlock(raw_spinlock_t *l)
{
	raw_spin_unlock(l);
}

void sched_task_mark_queued(struct sched_task *p)
{
	raw_spin_lock(&p->pi_lock); /* expect(header-order-sched): lock-order sched_task.pi_lock is acquired while rq.__lock is held */
	p->on_rq = 1;
	raw_spin_unlock(&p->pi_lock);
}

/* pi_lock, then the runqueue's lock: the order everything else follows. */
int sched_wake_task(struct sched_task *p, struct rq *rq)
{
	raw_spin_lock(&p->pi_lock);
	raw_spin_rq_lock_nested(rq, 0);
	rq->nr_running++;
	raw_spin_rq_unlock(rq);
	rq_stats_lock(&rq->stats_lock);
	rq->enqueues++;
	rq_stats_unlock(&rq->stats_lock);
	raw_spin_unlock(&p->pi_lock);
	return 1;
}

/* This file's own use of the header's inline: core.c's TU walks it too. */
void sched_enqueue_new(struct rq *rq, struct sched_task *p)
{
	rq_enqueue_task(rq, p);
	rq_count_enqueue(rq, p);
}
