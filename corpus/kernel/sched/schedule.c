/* SPDX-License-Identifier: GPL-2.0-only
 * schedule.c - corpus model of kernel/sched/core.c's __schedule(): it
 * disables interrupts itself, takes the runqueue, and leaves through a
 * helper that unlocks the runqueue and enables them
 * (raw_spin_rq_unlock_irq(), sched.h).  Its own operations end with
 * interrupts off, but the call after them turns them on: the function
 * leaves nothing certain, and a caller that sleeps after schedule() does
 * so with interrupts as it had them.
 *
 * Must find: nothing in sched-switch-irqs; in sched-switch-irqs-left-off
 * (-DSCHED_SWITCH_KEEPS_OFF: the unlock without the enable) sleep-in-atomic
 * at the worker's mutex after schedule().
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include "sched.h"

static struct rq runqueue1;
static DEFINE_MUTEX(worker_mutex);
static struct work_struct worker_work;

static void __schedule(struct rq *rq)
{
	local_irq_disable();
	raw_spin_rq_lock_nested(rq, 0);
	rq->nr_running++;
#ifdef SCHED_SWITCH_KEEPS_OFF
	raw_spin_rq_unlock(rq);
#else
	raw_spin_rq_unlock_irq(rq);
#endif
}

void schedule(void)
{
	__schedule(&runqueue1);
}

/* A worker that gives up the CPU, then takes its mutex. */
static void worker_fn(struct work_struct *work)
{
	(void)work;
	schedule();
	mutex_lock(&worker_mutex); /* expect(sched-switch-irqs-left-off): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) with interrupts disabled, in worker_fn */
	mutex_unlock(&worker_mutex);
}

int sched_worker_init(void)
{
	INIT_WORK(&worker_work, worker_fn);
	return schedule_work(&worker_work);
}
