/* SPDX-License-Identifier: GPL-2.0-only
 * sched.h - corpus model of kernel/sched/sched.h: the runqueue, the
 * functions of core.c that lock it, and an inline that works under that
 * lock.  Every scheduler file includes this header; lockpath walks its
 * inline functions once, in whichever TU comes first.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/spinlock.h>
#include <linux/smp.h>

struct sched_task {
	raw_spinlock_t pi_lock;
	int on_rq;
};

/* A runqueue's CFS part: load that tasks leaving it took away, folded in
 * later under removed_lock (taken from a wakeup in any context). */
struct cfs_rq {
	raw_spinlock_t removed_lock;
	unsigned long removed_load;
	int removed_nr;
};

struct rq {
	raw_spinlock_t __lock;
	raw_spinlock_t stats_lock;
	unsigned int nr_running;
	unsigned long enqueues;
	struct cfs_rq cfs;
	call_single_data_t hrtick_csd;	/* the high-resolution tick's (hrtick.c) */
};

/* What rq_lock_irqsave() saves for rq_unlock_irqrestore(). */
struct rq_flags {
	unsigned long flags;
	unsigned int clock_update_flags;
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
 * The runqueue lock with interrupts off, as the kernel layers it: a macro
 * over an inline that saves the flags and returns them, under an inline
 * that also pins the lock.  A caller's code between rq_lock_irqsave() and
 * rq_unlock_irqrestore() runs with interrupts off, which only the callees'
 * effects say (func.exit_irqs; check/callee_effects.c).
 */
static inline unsigned long _raw_spin_rq_lock_irqsave(struct rq *rq)
{
	unsigned long flags;

	local_irq_save(flags);
	raw_spin_rq_lock_nested(rq, 0);
	return flags;
}

static inline void raw_spin_rq_unlock_irqrestore(struct rq *rq, unsigned long flags)
{
	raw_spin_rq_unlock(rq);
	local_irq_restore(flags);
}

#define raw_spin_rq_lock_irqsave(rq, flags)	\
do {						\
	flags = _raw_spin_rq_lock_irqsave(rq);	\
} while (0)

static inline void rq_pin_lock(struct rq *rq, struct rq_flags *rf)
{
	rf->clock_update_flags = rq->nr_running ? 1 : 0;
}

static inline void rq_lock_irqsave(struct rq *rq, struct rq_flags *rf)
{
	raw_spin_rq_lock_irqsave(rq, rf->flags);
	rq_pin_lock(rq, rf);
}

static inline void rq_unlock_irqrestore(struct rq *rq, struct rq_flags *rf)
{
	rf->clock_update_flags = 0;
	raw_spin_rq_unlock_irqrestore(rq, rf->flags);
}

/* The scheduler's unlock that also enables interrupts (its callers
 * disabled them themselves). */
static inline void raw_spin_rq_unlock_irq(struct rq *rq)
{
	raw_spin_rq_unlock(rq);
	local_irq_enable();
}

/*
 * core.c's task_rq_lock() takes the task's pi_lock (interrupts saved in
 * RF) and then its runqueue's lock; this gives both back, as the kernel's
 * does, with the sparse annotations that say so.
 */
static inline void task_rq_unlock(struct rq *rq, struct sched_task *p, struct rq_flags *rf)
	__releases(rq->__lock)
	__releases(p->pi_lock)
{
	raw_spin_rq_unlock(rq);
	raw_spin_unlock_irqrestore(&p->pi_lock, rf->flags);
}

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
