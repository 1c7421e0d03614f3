/* SPDX-License-Identifier: GPL-2.0-only
 * migrate_pin.c - corpus model of migrate_disable()/migrate_enable()
 * (kernel/sched/core.c) under a timer base's lock.  A tracepoint in the
 * timer cancel runs a BPF-like program between migrate_disable() and
 * migrate_enable() (include/linux/bpf.h's bpf_prog_run_array()), with the
 * base's lock held.  migrate_enable() calls __set_cpus_allowed_ptr() only
 * when the task's cpus_ptr is not its own mask, and the scheduler moves
 * cpus_ptr away only while it switches out a pinned task.  The slow path
 * dequeues the task, and the fair class restarts its bandwidth's slack
 * timer: the same base's lock.
 *
 * An interrupt's code cannot be switched out, so an interrupt's pair never
 * takes the slow path: the rules line 'context-call migrate_enable
 * __set_cpus_allowed_ptr hardirq,softirq' says so.  On the whole s390 tree
 * eleven false findings (recursive-locks of the hrtimer base, a sleep in
 * affine_move_task(), lock orders) came from KVM's GIB alert interrupt
 * cancelling its timer this way.
 *
 * Must find: nothing.  In migrate-enable-task-locked
 * (-DMIGRATE_PIN_TASK_ENABLES_LOCKED) a work item pins itself, may sleep,
 * and unpins under the base's lock: a task can be switched out there.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/preempt.h>

struct pin_task {
	int migration_disabled;
	const unsigned long *cpus_ptr;	/* &cpus_mask, or one CPU while pinned and switched out */
	unsigned long cpus_mask;
	raw_spinlock_t pi_lock;
};

struct pin_timer_base {
	raw_spinlock_t lock;
	struct pin_timer *first;
};

struct pin_timer {
	struct pin_timer *next;
	unsigned long expires;
};

struct pin_prog {
	unsigned int (*run)(const void *ctx);
};

extern struct pin_task *pin_current(void);

static struct pin_timer_base pin_base;
static struct pin_timer pin_slack_timer;
static struct pin_timer pin_alert_timer;
static struct pin_prog *pin_cancel_prog;
static unsigned int pin_alert_vector;

/* hrtimer_start()'s shape: queue the timer under its base's lock */
static void pin_timer_start(struct pin_timer *t, unsigned long when)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&pin_base.lock, flags); /* expect(migrate-enable-task-locked): recursive-lock already held */
	t->expires = when;
	t->next = pin_base.first;
	pin_base.first = t;
	raw_spin_unlock_irqrestore(&pin_base.lock, flags);
}

/* The affinity change migrate_enable() asks for: the task comes off its
 * runqueue, and its group's unused runtime goes back by the slack timer. */
static int __set_cpus_allowed_ptr(struct pin_task *p, const unsigned long *mask)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&p->pi_lock, flags);
	p->cpus_ptr = mask;
	pin_timer_start(&pin_slack_timer, 5);
	raw_spin_unlock_irqrestore(&p->pi_lock, flags);
	return 0;
}

void migrate_disable(void)
{
	struct pin_task *me = pin_current();

	me->migration_disabled++;
}

void migrate_enable(void)
{
	struct pin_task *me = pin_current();

	if (me->migration_disabled > 1) {
		me->migration_disabled--;
		return;
	}
	/* moved away only if the scheduler switched us out while pinned */
	if (me->cpus_ptr != &me->cpus_mask)
		__set_cpus_allowed_ptr(me, &me->cpus_mask);
	me->migration_disabled = 0;
}

/* bpf_prog_run_array()'s bracket around the program */
static unsigned int pin_prog_run(const struct pin_prog *prog, const void *ctx)
{
	unsigned int verdict;

	migrate_disable();
	verdict = prog->run(ctx);
	migrate_enable();
	return verdict;
}

/* hrtimer_try_to_cancel()'s shape: the cancel is traced under the lock */
static void pin_timer_cancel(struct pin_timer *t)
{
	struct pin_timer **pp;
	unsigned long flags;

	raw_spin_lock_irqsave(&pin_base.lock, flags);
	if (pin_cancel_prog)
		pin_prog_run(pin_cancel_prog, t);
	for (pp = &pin_base.first; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&pin_base.lock, flags);
}

/* process_gib_alert_list()'s shape: the alert stops the wakeup timer */
static irqreturn_t pin_alert_irq(int irq, void *data)
{
	(void)irq;
	(void)data;
	pin_timer_cancel(&pin_alert_timer);
	return IRQ_HANDLED;
}

#ifdef MIGRATE_PIN_TASK_ENABLES_LOCKED
extern void pin_wait_for_cpu_state(void);	/* sleeps */

static struct work_struct pin_rebalance_work;

/* Pinned across a sleep, unpinned under the base's lock: the scheduler
 * may have moved cpus_ptr while this task slept. */
static void pin_rebalance(struct work_struct *work)
{
	unsigned long flags;

	(void)work;
	migrate_disable();
	pin_wait_for_cpu_state();
	raw_spin_lock_irqsave(&pin_base.lock, flags);
	migrate_enable();
	raw_spin_unlock_irqrestore(&pin_base.lock, flags);
}
#endif

int pin_alert_setup(void)
{
#ifdef MIGRATE_PIN_TASK_ENABLES_LOCKED
	INIT_WORK(&pin_rebalance_work, pin_rebalance);
	schedule_work(&pin_rebalance_work);
#endif
	return request_irq(pin_alert_vector, pin_alert_irq, 0, "pin-alert", NULL);
}
