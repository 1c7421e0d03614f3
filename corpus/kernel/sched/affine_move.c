/* SPDX-License-Identifier: GPL-2.0-only
 * affine_move.c - corpus model of the tail of an affinity change in
 * kernel/sched/core.c.  __set_cpus_allowed_ptr() locks the task and its
 * runqueue (task_rq_lock(), this file's) and hands them to
 * __set_cpus_allowed_ptr_locked(), which lets affine_move_task() move the
 * task and only then frees the mask it replaced.  affine_move_task() gives
 * both locks back through task_rq_unlock(), an inline of sched.h, on each
 * of its branches.  Freeing the old mask takes the mask pool's lock, under
 * which the pool's refill wakes a waiter (pi_lock): no deadlock, because
 * the free comes after the unlock.
 *
 * Before, extract applied at a call only the summary of a function of the
 * main file: a header's unlock changed nothing in its caller's walk, and
 * no single call came before every return of affine_move_task(), so
 * check's callee effects (which follow the one dominating call) did not
 * see the release either.  The free ran "under" pi_lock, and a lock order
 * against the refill was reported (on the whole s390 tree, migrate_enable()
 * reaching kfree() under the task's pi_lock).
 *
 * Must find: nothing.  In affine-move-unlock-late
 * (-DAFFINE_MOVE_UNLOCK_LATE: the locks are given back only after the
 * free) the free does run under pi_lock, and the order is reported.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include "sched.h"

#define MOVE_PINNED	0x1

static struct rq move_rq;
static struct sched_task move_task;
static unsigned long move_mask, *move_user_mask;
static struct work_struct move_work, refill_work;

/* The pool the masks come from; a refill wakes whoever waited for one. */
static DEFINE_RAW_SPINLOCK(mask_pool_lock);
static unsigned long *mask_pool[4];
static struct sched_task *mask_waiter;

static void sched_wake_waiter(struct sched_task *p)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&p->pi_lock, flags);
	p->on_rq = 1;
	raw_spin_unlock_irqrestore(&p->pi_lock, flags);
}

static void mask_pool_put(unsigned long *mask)
{
	raw_spin_lock(&mask_pool_lock); /* expect(affine-move-unlock-late): lock-order kernel/sched/affine_move.c:mask_pool_lock is acquired while sched_task.pi_lock is held */
	if (!mask_pool[0])
		mask_pool[0] = mask;
	raw_spin_unlock(&mask_pool_lock);
}

static void mask_pool_refill(struct work_struct *work)
{
	(void)work;
	raw_spin_lock(&mask_pool_lock);
	mask_pool[1] = kmalloc(sizeof(unsigned long), GFP_ATOMIC);
	if (mask_waiter)
		sched_wake_waiter(mask_waiter);
	raw_spin_unlock(&mask_pool_lock);
}

static struct rq *task_rq_lock(struct sched_task *p, struct rq_flags *rf)
{
	raw_spin_lock_irqsave(&p->pi_lock, rf->flags);
	raw_spin_lock(&move_rq.__lock);
	return &move_rq;
}

/* Moves P if it must; either way the locks go back on the branch taken. */
static int affine_move_task(struct rq *rq, struct sched_task *p, struct rq_flags *rf, int flags)
{
#ifdef AFFINE_MOVE_UNLOCK_LATE
	(void)rq;
	(void)rf;
	if (flags & MOVE_PINNED)
		return 0;
	p->on_rq = 0;
	return 1;
#else
	if (flags & MOVE_PINNED) {
		task_rq_unlock(rq, p, rf);
		return 0;
	}
	p->on_rq = 0;
	task_rq_unlock(rq, p, rf);
	return 1;
#endif
}

static int __set_cpus_allowed_ptr_locked(struct sched_task *p, unsigned long mask, int flags,
					 struct rq *rq, struct rq_flags *rf)
{
	unsigned long *old = move_user_mask;
	int moved;

	move_mask = mask;
	moved = affine_move_task(rq, p, rf, flags);
	mask_pool_put(old);
#ifdef AFFINE_MOVE_UNLOCK_LATE
	task_rq_unlock(rq, p, rf);
#endif
	return moved;
}

static void move_task_fn(struct work_struct *work)
{
	struct rq_flags rf;
	struct rq *rq;

	(void)work;
	rq = task_rq_lock(&move_task, &rf);
	__set_cpus_allowed_ptr_locked(&move_task, 3UL, 0, rq, &rf);
}

int affine_move_model_init(void)
{
	INIT_WORK(&move_work, move_task_fn);
	INIT_WORK(&refill_work, mask_pool_refill);
	mask_waiter = &move_task;
	schedule_work(&refill_work);
	return schedule_work(&move_work);
}
