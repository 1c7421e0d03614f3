// SPDX-License-Identifier: GPL-2.0-only
/*
 * smp.c - running a function on one CPU (models kernel/smp.c): both entry
 * points end in generic_exec_single(), which on the calling CPU itself
 * loads the csd's function into a local and calls it at once, interrupts
 * off; for another CPU it queues the csd for that CPU's IPI.
 * smp_call_function_single() fills a csd of its own, through a local
 * pointer to its stack csd or, for a call that does not wait, to this
 * CPU's per-CPU csd: whole variables, never a csd some struct embeds.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/smp.h>

static DEFINE_PER_CPU(call_single_data_t, csd_data);

extern void send_call_function_single_ipi(int cpu, struct __call_single_data *csd);

static int generic_exec_single(int cpu, struct __call_single_data *csd)
{
	if (cpu == smp_processor_id()) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;
		unsigned long flags;

		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	send_call_function_single_ipi(cpu, csd);
	return 0;
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	call_single_data_t *csd;
	call_single_data_t csd_stack = { .flags = 1 };

	csd = &csd_stack;
	if (!wait)
		csd = this_cpu_ptr(&csd_data);
	csd->func = func;
	csd->info = info;
	return generic_exec_single(cpu, csd);
}

int smp_call_function_single_async(int cpu, call_single_data_t *csd)
{
	return generic_exec_single(cpu, csd);
}
