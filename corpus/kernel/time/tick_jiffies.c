// SPDX-License-Identifier: GPL-2.0-only
/*
 * tick_jiffies.c - corpus model of the jiffies update of
 * kernel/time/tick-sched.c and tick-common.c: the periodic tick counts
 * jiffies under jiffies_lock, and an interrupt entered by hand
 * (irq_enter(), kernel/softirq.c) catches the count up under the same
 * lock.  When the tick finds ticks lost, it says so under the lock, and
 * printk writes to the consoles.
 *
 * -DTICK_REPORT_FROM_TASK: the report of lost ticks is a task's (a sysfs
 * read), under the same lock, instead of the tick's.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/printk.h>
#include <linux/hardirq.h>

static DEFINE_RAW_SPINLOCK(jiffies_lock);
static unsigned long tick_count, ticks_lost;

/* Catch the jiffies up after an idle stretch. */
void tick_irq_enter(void)
{
	raw_spin_lock(&jiffies_lock); /* expect(cio-tsch-task-context): recursive-lock jiffies_lock acquired in tick_irq_enter */
	tick_count += ticks_lost;
	ticks_lost = 0;
	raw_spin_unlock(&jiffies_lock);
}

static void tick_say_lost(void)
{
	if (ticks_lost)
		printk(KERN_WARNING "tick: %lu ticks lost\n", ticks_lost);
}

#ifdef TICK_REPORT_FROM_TASK
/* The lost ticks as a task reads them, under the lock that counts them. */
ssize_t tick_lost_show(char *buf)
{
	raw_spin_lock_irq(&jiffies_lock);
	tick_say_lost();
	raw_spin_unlock_irq(&jiffies_lock);
	return 0;
}
#else
static irqreturn_t tick_interrupt(int irq, void *dev)
{
	raw_spin_lock(&jiffies_lock);
	tick_count++;
	tick_say_lost();
	raw_spin_unlock(&jiffies_lock);
	return IRQ_HANDLED;
}

void tick_setup(void)
{
	request_irq(0, tick_interrupt, 0, "tick", NULL);
}
#endif
