// SPDX-License-Identifier: GPL-2.0-only
/*
 * hrtimer_retrigger.c - telling another CPU's hrtimer base to reprogram
 * (models the csd of struct hrtimer_cpu_base in kernel/time/hrtimer.c):
 * each CPU's base embeds a csd whose function the per-CPU variable's
 * static initialiser sets, '.csd = CSD_INIT(retrigger_next_event, NULL)',
 * and a remote update sends that csd.
 */
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/smp.h>

struct hrtimer_cpu_base {
	raw_spinlock_t lock;
	unsigned int clock_was_set_seq;
	call_single_data_t csd;
};

static void retrigger_next_event(void *arg);

static DEFINE_PER_CPU(struct hrtimer_cpu_base, hrtimer_bases) = {
	.clock_was_set_seq = 0,
	.csd = CSD_INIT(retrigger_next_event, NULL),
};

static void retrigger_next_event(void *arg)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);

	raw_spin_lock(&base->lock);
	base->clock_was_set_seq++;
	raw_spin_unlock(&base->lock);
}

void hrtimer_retrigger_remote(int cpu)
{
	struct hrtimer_cpu_base *base = this_cpu_ptr(&hrtimer_bases);

	smp_call_function_single_async(cpu, &base->csd);
}
