/* SPDX-License-Identifier: GPL-2.0-only
 * hrtimer.c - the hrtimer core, modelled on kernel/time/hrtimer.c.  Each
 * CPU base keeps two queues: hard timers, run by hrtimer_interrupt() (the
 * clock event's handler, hardirq context), and soft timers, run by the
 * HRTIMER softirq's action.  Both queues run their timers through one
 * function, __run_hrtimer(), so its call through timer->function is one
 * call key for every timer in the tree; only hrtimer_init()'s mode tells
 * the two kinds apart (rules: init-mode).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/hrtimer.h>
#include <linux/clockchips.h>

enum { HRTIMER_QUEUE_HARD, HRTIMER_QUEUE_SOFT, HRTIMER_NR_QUEUES };

struct hrtimer_cpu_base {
	raw_spinlock_t lock;
	struct hrtimer *queue[HRTIMER_NR_QUEUES];
};

static struct hrtimer_cpu_base hrtimer_base0;

void hrtimer_init(struct hrtimer *timer, clockid_t clock_id, enum hrtimer_mode mode)
{
	(void)clock_id;
	timer->next = NULL;
	timer->expires = 0;
	timer->is_soft = (mode & HRTIMER_MODE_SOFT) != 0;
}

void hrtimer_start(struct hrtimer *timer, ktime_t tim, enum hrtimer_mode mode)
{
	struct hrtimer_cpu_base *base = &hrtimer_base0;
	unsigned long flags;

	(void)mode;
	raw_spin_lock_irqsave(&base->lock, flags);
	timer->expires = tim;
	timer->next = base->queue[timer->is_soft];
	base->queue[timer->is_soft] = timer;
	raw_spin_unlock_irqrestore(&base->lock, flags);
}

/* The timer's function runs without the base lock, as in the kernel. */
static void __run_hrtimer(struct hrtimer_cpu_base *base, struct hrtimer *timer, unsigned long *flags)
{
	enum hrtimer_restart (*fn)(struct hrtimer *);
	enum hrtimer_restart restart;

	fn = timer->function;
	raw_spin_unlock_irqrestore(&base->lock, *flags);
	restart = fn(timer);
	raw_spin_lock_irqsave(&base->lock, *flags);
	if (restart == HRTIMER_RESTART) {
		timer->next = base->queue[timer->is_soft];
		base->queue[timer->is_soft] = timer;
	}
}

static void __hrtimer_run_queues(struct hrtimer_cpu_base *base, int queue, unsigned long *flags)
{
	struct hrtimer *timer;

	while ((timer = base->queue[queue]) != NULL) {
		base->queue[queue] = timer->next;
		__run_hrtimer(base, timer, flags);
	}
}

/* The clock event's handler in high-resolution mode: hardirq context. */
void hrtimer_interrupt(struct clock_event_device *dev)
{
	struct hrtimer_cpu_base *base = &hrtimer_base0;
	unsigned long flags;

	(void)dev;
	raw_spin_lock_irqsave(&base->lock, flags);
	__hrtimer_run_queues(base, HRTIMER_QUEUE_HARD, &flags);
	raw_spin_unlock_irqrestore(&base->lock, flags);
}

static void hrtimer_run_softirq(struct softirq_action *h)
{
	struct hrtimer_cpu_base *base = &hrtimer_base0;
	unsigned long flags;

	(void)h;
	raw_spin_lock_irqsave(&base->lock, flags);
	__hrtimer_run_queues(base, HRTIMER_QUEUE_SOFT, &flags);
	raw_spin_unlock_irqrestore(&base->lock, flags);
}

/* The tick code's switch to one-shot mode, folded in here. */
void hrtimer_switch_to_hres(struct clock_event_device *dev)
{
	dev->event_handler = hrtimer_interrupt;
}

void hrtimers_init(void)
{
	raw_spin_lock_init(&hrtimer_base0.lock);
	open_softirq(HRTIMER_SOFTIRQ, hrtimer_run_softirq);
}
