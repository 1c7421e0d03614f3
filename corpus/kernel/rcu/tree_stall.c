// SPDX-License-Identifier: GPL-2.0-only
/*
 * tree_stall.c - corpus model of RCU's CPU stall check (kernel/rcu/
 * tree_stall.h): the scheduler tick (here the clock comparator's external
 * interrupt, hardirq) checks how long the grace period has waited and, past
 * the timeout, reports the stall and dumps the trace buffer when
 * ftrace_dump_on_oops is set.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/trace_events.h>
#include <asm/irq.h>

static unsigned long gp_start, stall_timeout = 21;
int ftrace_dump_on_oops;

static void check_cpu_stall(unsigned long now)
{
	if (now - gp_start < stall_timeout)
		return;
	printk("rcu: INFO: rcu_sched self-detected stall on CPU\n");
	if (ftrace_dump_on_oops)
		ftrace_dump(DUMP_ALL);
	gp_start = now;
}

static void stall_tick(struct ext_code ext_code, unsigned int param32, unsigned long param64)
{
	(void)ext_code;
	(void)param32;
	check_cpu_stall(param64);
}

void rcu_stall_init(void)
{
	register_external_irq(EXT_IRQ_CLK_COMP, stall_tick);
}
