/* SPDX-License-Identifier: GPL-2.0-only
 * timer_base.c - corpus model of the timer wheel's base lock
 * (kernel/time/timer.c).  lock_timer_base() finds the base a timer sits on
 * from its flags, takes the base's lock with interrupts saved and returns
 * it, retrying in a 'for (;;)' while the timer migrates: the function ends
 * only by its return, with the lock held and interrupts off.  __mod_timer()
 * may move the timer to another base: it drops the first base's lock and
 * takes the second's with the plain raw_spin_lock(), interrupts still off
 * from lock_timer_base().  schedule_timeout() arms an on-stack timer with
 * __mod_timer() directly (mod_timer() itself is a deferral in the rules),
 * and a device's interrupt handler cancels its timeout timer with
 * del_timer(), which takes the base lock in hardirq context: every holder
 * of it must have interrupts off, and does.
 *
 * The corpus's bug: a statistics hook that takes a mutex, called by
 * __mod_timer() with the base's lock held.
 *
 * Must find: the sleep at the hook's mutex, holding timer_base.lock.
 * In timer-base-bounded-retry (-DTIMER_BASE_BOUNDED_RETRY: the retry loop
 * has a condition, so it may end without the lock and lock_timer_base()
 * returns NULL) nothing is certain after the call: no sleep, and the
 * plain lock of the second base has interrupts as the caller had them.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <asm/processor.h>

#define TIMER_BASEMASK		0x1
#define TIMER_MIGRATING		0x2
#define TIMER_LOCK_TRIES	8

struct timer_base {
	raw_spinlock_t lock;
	unsigned long clk;
	unsigned int pending;
};

static struct timer_base timer_bases[2];
static DEFINE_MUTEX(timer_stats_mutex);
static unsigned long timer_stats_armed;

static struct timer_base *get_timer_base(u32 tflags)
{
	return &timer_bases[tflags & TIMER_BASEMASK];
}

static struct timer_base *lock_timer_base(struct timer_list *timer, unsigned long *flags)
{
#ifdef TIMER_BASE_BOUNDED_RETRY
	for (int tries = 0; tries < TIMER_LOCK_TRIES; tries++) {
#else
	for (;;) {
#endif
		u32 tf = READ_ONCE(timer->flags);

		if (!(tf & TIMER_MIGRATING)) {
			struct timer_base *base = get_timer_base(tf);

			raw_spin_lock_irqsave(&base->lock, *flags);
			if (timer->flags == tf)
				return base;
			raw_spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
#ifdef TIMER_BASE_BOUNDED_RETRY
	return NULL;
#endif
}

/* The corpus's bug: the hook sleeps, and its caller holds the base lock. */
static void timer_stats_note(struct timer_list *timer)
{
	mutex_lock(&timer_stats_mutex); /* expect(timer-base-loop): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) while holding spinlock timer_base.lock, in timer_stats_note */
	timer_stats_armed++;
	mutex_unlock(&timer_stats_mutex);
	(void)timer;
}

static int __mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base, *new_base;
	unsigned long flags;

	base = lock_timer_base(timer, &flags);
	if (!base)
		return -EBUSY;
	timer_stats_note(timer);
	new_base = get_timer_base(timer->flags ^ TIMER_BASEMASK);
	if (base != new_base) {
		/* the flag tells lock_timer_base() to wait while neither is held */
		timer->flags |= TIMER_MIGRATING;
		raw_spin_unlock(&base->lock);
		base = new_base;
		raw_spin_lock(&base->lock); /* expect(timer-base-bounded-retry): irq-inversion timer_base.lock is acquired with interrupts enabled in __mod_timer */
		WRITE_ONCE(timer->flags, (timer->flags & ~(TIMER_MIGRATING | TIMER_BASEMASK)) ^ TIMER_BASEMASK);
	}
	timer->expires = expires;
	base->pending++;
	raw_spin_unlock_irqrestore(&base->lock, flags);
	return 1;
}

int del_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;

	base = lock_timer_base(timer, &flags);
	if (!base)
		return 0;
	base->pending--;
	raw_spin_unlock_irqrestore(&base->lock, flags);
	return 1;
}

long schedule_timeout(long timeout)
{
	struct timer_list timer = { .flags = 0 };

	__mod_timer(&timer, jiffies + (unsigned long)timeout);
	schedule();
	del_timer(&timer);
	return 0;
}

/* A device that waits for its interrupt with a timeout timer. */
static struct timer_list cmd_timer;
static struct work_struct cmd_work;

static irqreturn_t cmd_done_interrupt(int irq, void *dev)
{
	(void)irq;
	del_timer(dev);
	return IRQ_HANDLED;
}

static void cmd_submit(struct work_struct *work)
{
	(void)work;
	schedule_timeout(HZ);
}

int timer_base_init(void)
{
	INIT_WORK(&cmd_work, cmd_submit);
	schedule_work(&cmd_work);
	return request_irq(0x1004, cmd_done_interrupt, 0, "cmd", &cmd_timer);
}
