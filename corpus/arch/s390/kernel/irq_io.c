/* SPDX-License-Identifier: GPL-2.0-only
 * irq_io.c - the s390 I/O interrupt entry, modelled on arch/s390/kernel/irq.c:
 * do_io_irq() enters the hardirq context with irq_enter_rcu(), runs the
 * subchannel handler, leaves it with irq_exit_rcu() and then returns towards
 * the interrupted task with irqentry_exit(), which may reschedule.
 *
 * Must find: the sleep-in-atomic in chp_event_teardown (chp_events.c).
 * Must not find: the schedule() that irqentry_exit() reaches after
 * irq_exit_rcu(): the hardirq context has ended there (rules: context-end).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>

struct pt_regs;

extern void irq_enter_rcu(void);
extern void irq_exit_rcu(void);
extern void irqentry_exit(struct pt_regs *regs, int state);
extern int irqentry_enter(struct pt_regs *regs);
extern void chp_event_irq(void);

void do_io_irq(struct pt_regs *regs)
{
	int state = irqentry_enter(regs);

	irq_enter_rcu();
	chp_event_irq();
	irq_exit_rcu();
	irqentry_exit(regs, state);
}
