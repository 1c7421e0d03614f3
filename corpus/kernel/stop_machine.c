/* SPDX-License-Identifier: GPL-2.0-only
 * stop_machine.c - corpus model of kernel/stop_machine.c's multi_cpu_stop()
 * and a CPU going down (kernel/cpu.c's take_cpu_down()).  The stopper runs
 * a state machine in a loop: one iteration's case disables interrupts,
 * a later iteration's case calls the stopper's function, so that function
 * runs with interrupts off though its call comes first in the loop's text.
 * take_cpu_down() takes the CPU state lock, which the cross-CPU call
 * interrupt takes too.
 *
 * Must find: nothing in stop-machine-loop (the call's interrupts are off,
 * or the caller's, in the iterations after the one that disabled them);
 * in stop-machine-loop-no-disable (-DSTOP_MACHINE_NO_DISABLE: no case
 * disables them) irq-inversion at take_cpu_down's lock.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

enum multi_stop_state {
	MULTI_STOP_NONE,
	MULTI_STOP_PREPARE,
	MULTI_STOP_DISABLE_IRQ,
	MULTI_STOP_RUN,
	MULTI_STOP_EXIT,
};

struct multi_stop_data {
	int (*fn)(void *arg);
	void *data;
	enum multi_stop_state state;
	int thread_ack;
};

static DEFINE_SPINLOCK(cpu_state_lock);
static int cpus_online = 2;

static int take_cpu_down(void *arg)
{
	(void)arg;
	spin_lock(&cpu_state_lock); /* expect(stop-machine-loop-no-disable): irq-inversion corpus/kernel/stop_machine.c:cpu_state_lock is acquired with interrupts enabled in take_cpu_down */
	cpus_online--;
	spin_unlock(&cpu_state_lock);
	return 0;
}

static void ack_state(struct multi_stop_data *msdata)
{
	if (--msdata->thread_ack == 0)
		msdata->state = msdata->state + 1;
}

static int multi_cpu_stop(void *data)
{
	struct multi_stop_data *msdata = data;
	enum multi_stop_state newstate, curstate = MULTI_STOP_NONE;
	unsigned long flags = arch_local_save_flags();
	int err = 0;

	do {
		newstate = READ_ONCE(msdata->state);
		if (newstate != curstate) {
			curstate = newstate;
			switch (curstate) {
			case MULTI_STOP_DISABLE_IRQ:
#ifndef STOP_MACHINE_NO_DISABLE
				local_irq_disable();
#endif
				break;
			case MULTI_STOP_RUN:
				err = msdata->fn(msdata->data);
				break;
			default:
				break;
			}
			ack_state(msdata);
		}
	} while (curstate != MULTI_STOP_EXIT);
	local_irq_restore(flags);
	return err;
}

static struct multi_stop_data cpu_down_msdata;
static struct work_struct cpu_down_work;

/* The stopper thread's work: process context, interrupts on. */
static void cpu_stopper_work(struct work_struct *work)
{
	(void)work;
	multi_cpu_stop(&cpu_down_msdata);
}

static irqreturn_t cpu_call_interrupt(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(&cpu_state_lock);
	cpus_online++;
	spin_unlock(&cpu_state_lock);
	return IRQ_HANDLED;
}

int stop_machine_cpu_down(void)
{
	cpu_down_msdata.fn = take_cpu_down;
	cpu_down_msdata.thread_ack = 2;
	INIT_WORK(&cpu_down_work, cpu_stopper_work);
	schedule_work(&cpu_down_work);
	return request_irq(0x1202, cpu_call_interrupt, 0, "ext_call", NULL);
}
