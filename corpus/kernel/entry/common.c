/* SPDX-License-Identifier: GPL-2.0-only
 * common.c - the generic return from an interrupt, modelled on
 * kernel/entry/common.c: when the interrupt came from user mode, the exit
 * work loop enables interrupts and may call schedule() before going back.
 * This runs after irq_exit_rcu(), on the way back to the task: not in the
 * interrupt handler's context.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/irqflags.h>

struct pt_regs;

static int exit_work_pending;

static void exit_to_user_mode_loop(struct pt_regs *regs)
{
	while (exit_work_pending) {
		local_irq_enable();
		schedule();   /* silent: the hardirq context ended at irq_exit_rcu() */
		local_irq_disable();
	}
}

static void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_loop(regs);
}

int irqentry_enter(struct pt_regs *regs)
{
	return exit_work_pending;
}

void irqentry_exit(struct pt_regs *regs, int state)
{
	if (state)
		irqentry_exit_to_user_mode(regs);
}

void irq_enter_rcu(void)
{
}

void irq_exit_rcu(void)
{
}
