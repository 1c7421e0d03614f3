// SPDX-License-Identifier: GPL-2.0-only
/*
 * irq_work_threads.c - irq work that PREEMPT_RT runs from a per-CPU
 * thread (models irq_work_init_threads() and run_irq_workd() in
 * kernel/irq_work.c): the lazy list is run from the irq-work interrupt,
 * and on PREEMPT_RT also from a smpboot thread with interrupts on, whose
 * description is registered only under IS_ENABLED(CONFIG_PREEMPT_RT).
 * -DCONFIG_PREEMPT_RT=1 turns the registration on.
 */
#include <linux/kernel.h>
#include <linux/kconfig.h>
#include <linux/bug.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/smpboot.h>

static DEFINE_RAW_SPINLOCK(lazy_list_lock);
static int lazy_pending;

static void irq_work_run_lazy(void)
{
	raw_spin_lock(&lazy_list_lock); /* expect(irq-work-threads-rt): irq-inversion lazy_list_lock is acquired with interrupts enabled */
	lazy_pending = 0;
	raw_spin_unlock(&lazy_list_lock);
}

static int irq_workd_should_run(unsigned int cpu)
{
	return lazy_pending;
}

static void run_irq_workd(unsigned int cpu)
{
	irq_work_run_lazy();
}

static struct smp_hotplug_thread irqwork_threads = {
	.thread_should_run	= irq_workd_should_run,
	.thread_fn		= run_irq_workd,
	.thread_comm		= "irq_work/%u",
};

static irqreturn_t irq_work_interrupt(int irq, void *dev)
{
	irq_work_run_lazy();
	return IRQ_HANDLED;
}

int irq_work_init_threads(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT_RT))
		BUG_ON(smpboot_register_percpu_thread(&irqwork_threads));
	return request_irq(0x1407, irq_work_interrupt, 0, "irq_work", NULL);
}
