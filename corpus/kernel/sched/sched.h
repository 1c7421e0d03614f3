/* SPDX-License-Identifier: GPL-2.0-only
 * sched.h - corpus model of kernel/sched/sched.h: the runqueue, the
 * functions of core.c that lock it, and an inline that works under that
 * lock.  Every scheduler file includes this header; lockpath walks its
 * inline functions once, in whichever TU comes first.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/spinlock.h>

struct sched_task {
	raw_spinlock_t pi_lock;
	int on_rq;
};

struct rq {
	raw_spinlock_t __lock;
	raw_spinlock_t stats_lock;
	unsigned int nr_running;
	unsigned long enqueues;
};

/* core.c: returns with rq->__lock held (and its unlock). */
extern void raw_spin_rq_lock_nested(struct rq *rq, int subclass);
extern void raw_spin_rq_unlock(struct rq *rq);

/* core.c: lock wrappers (one primitive on the parameter): in core.c's TU a
 * call of one is the lock operation itself. */
extern void rq_stats_lock(raw_spinlock_t *l);
extern void rq_stats_unlock(raw_spinlock_t *l);

/* core.c: marks a task runnable; takes the task's pi_lock. */
extern void sched_task_mark_queued(struct sched_task *p);

/*
 * Queue P on RQ.  The corpus's bug: the task's pi_lock is taken under the
 * runqueue lock, the reverse of the wakeup's order (core.c).  lockpath
 * does not see it: that the call below returns holding rq->__lock is known
 * only in core.c's TU (the summary of a function of the main file), and an
 * inline of a header is walked in whichever TU includes it first, so its
 * facts may not use it (extract/walk.c, apply_summary).  Until session 13
 * they did: the lock-order was reported when core.c came first in the
 * compile database and not otherwise.
 */
static inline void rq_enqueue_task(struct rq *rq, struct sched_task *p)
{
	raw_spin_rq_lock_nested(rq, 0);
	rq->nr_running++;
	sched_task_mark_queued(p);
	raw_spin_rq_unlock(rq);
}

/* The same bug through a wrapper: in core.c's TU the wrapper's call is the
 * acquisition, in any other TU a call into it; a header's function may not
 * depend on which (extract/wrappers.h, wrappers_prim_in_header). */
static inline void rq_count_enqueue(struct rq *rq, struct sched_task *p)
{
	rq_stats_lock(&rq->stats_lock);
	rq->enqueues++;
	sched_task_mark_queued(p);
	rq_stats_unlock(&rq->stats_lock);
}

#endif
