/* SPDX-License-Identifier: GPL-2.0-only
 * affinity.c - corpus model of a task's CPU affinity change
 * (kernel/sched/core.c).  affinity_rq_lock() (the kernel's task_rq_lock();
 * the corpus's sched.h has the kernel's task_rq_unlock(), for
 * affine_move.c) takes the task's pi_lock with
 * interrupts saved and its runqueue's lock, retrying in a 'for (;;)': it
 * returns with both held and interrupts off.  __set_cpus_allowed_ptr()
 * calls it and hands the locked runqueue to __set_cpus_allowed_ptr_locked(),
 * which gives both back through affinity_rq_unlock() on each of its branches
 * (the mask unchanged, the task running elsewhere, the rest).  A kernel
 * thread (the corpus's: a work item) pins itself with set_cpus_allowed_ptr()
 * before it waits for work under a mutex.
 *
 * By its chain of calls __set_cpus_allowed_ptr() left interrupts off (its
 * last call before the return, __set_cpus_allowed_ptr_locked(), leaves
 * nothing on every path, so the lock's effect stood): kthreadd's and
 * refscale's sleeps after it were "with interrupts disabled".  A function
 * that switches the interrupts on some of its paths only leaves nothing
 * certain, and a call of it ends the effect of the calls before.
 *
 * Must find: nothing.  In affinity-keeps-irqs-off
 * (-DAFFINITY_UNLOCK_KEEPS_IRQS_OFF: the unlock drops both locks but never
 * gives the saved interrupt state back) the mutex is taken with interrupts
 * disabled.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <asm/processor.h>
#include "sched.h"

struct affinity_task {
	raw_spinlock_t pi_lock;
	struct rq *rq;
	unsigned long cpus_mask;
	int on_cpu;
};

static struct rq affinity_rq;
static struct affinity_task kthreadd_task = { .rq = &affinity_rq };
static DEFINE_MUTEX(kthread_create_mutex);
static struct work_struct kthreadd_work;
static unsigned long kthread_created;

struct affinity_flags {
	unsigned long flags;
};

static struct rq *affinity_rq_lock(struct affinity_task *p, struct affinity_flags *rf)
{
	for (;;) {
		struct rq *rq;

		raw_spin_lock_irqsave(&p->pi_lock, rf->flags);
		rq = READ_ONCE(p->rq);
		raw_spin_lock(&rq->__lock);
		if (rq == READ_ONCE(p->rq))
			return rq;
		raw_spin_unlock(&rq->__lock);
		raw_spin_unlock_irqrestore(&p->pi_lock, rf->flags);
		cpu_relax();
	}
}

#ifdef AFFINITY_UNLOCK_KEEPS_IRQS_OFF
/* the control's bug: the locks go, the saved interrupt state is never given back */
static void affinity_rq_unlock(struct rq *rq, struct affinity_task *p, struct affinity_flags *rf)
{
	raw_spin_unlock(&rq->__lock);
	raw_spin_unlock(&p->pi_lock);
	(void)rf;
}
#else
static void affinity_rq_unlock(struct rq *rq, struct affinity_task *p, struct affinity_flags *rf)
{
	raw_spin_unlock(&rq->__lock);
	raw_spin_unlock_irqrestore(&p->pi_lock, rf->flags);
}
#endif

static int __set_cpus_allowed_ptr_locked(struct affinity_task *p, unsigned long mask, struct rq *rq,
					 struct affinity_flags *rf)
{
	if (p->cpus_mask == mask) {
		affinity_rq_unlock(rq, p, rf);
		return 0;
	}
	p->cpus_mask = mask;
	if (p->on_cpu) {
		/* the stopper moves it; the corpus only unlocks */
		affinity_rq_unlock(rq, p, rf);
		return 1;
	}
	affinity_rq_unlock(rq, p, rf);
	return 0;
}

static int __set_cpus_allowed_ptr(struct affinity_task *p, unsigned long mask)
{
	struct affinity_flags rf;
	struct rq *rq = affinity_rq_lock(p, &rf);

	return __set_cpus_allowed_ptr_locked(p, mask, rq, &rf);
}

int set_cpus_allowed_ptr(struct affinity_task *p, unsigned long mask)
{
	return __set_cpus_allowed_ptr(p, mask);
}

/* The thread that creates kernel threads: pinned, then waiting for work. */
static void kthreadd_fn(struct work_struct *work)
{
	(void)work;
	set_cpus_allowed_ptr(&kthreadd_task, 1UL);
	mutex_lock(&kthread_create_mutex); /* expect(affinity-keeps-irqs-off): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) with interrupts disabled, in kthreadd_fn */
	kthread_created++;
	mutex_unlock(&kthread_create_mutex);
}

int kthreadd_model_init(void)
{
	INIT_WORK(&kthreadd_work, kthreadd_fn);
	return schedule_work(&kthreadd_work);
}
