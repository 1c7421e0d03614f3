// SPDX-License-Identifier: GPL-2.0-only
/*
 * fallback_cpu.c - a warning under the runqueue lock (models
 * select_fallback_rq() in kernel/sched/core.c, which tells that a task is
 * no longer affine to its CPU with printk_deferred() while it holds the
 * runqueue lock), and the wakeup that takes that lock (try_to_wake_up()'s
 * shape), which a console reader's wakeup reaches.  A task also leaves the
 * runqueue's list under that lock (dequeue_task()'s shape): with
 * CONFIG_DEBUG_LIST the unlink checks the list first and reports a
 * corrupted one with a printk (lib/list_debug.c).
 */
#include <linux/spinlock.h>
#include <linux/printk.h>
#include <linux/list.h>

#ifdef SCHED_WARN_DIRECT
#define sched_warn	printk
#else
#define sched_warn	printk_deferred
#endif

struct fallback_rq {
	raw_spinlock_t lock;
	int nr_wakeups;
	int nr_queued;
};

static struct fallback_rq fallback_rq;

void console_reader_wake(void)
{
	raw_spin_lock(&fallback_rq.lock);	/* expect(printk-sched-direct,bug-report-list-debug-recover): recursive-lock fallback_rq.lock */
	fallback_rq.nr_wakeups++;
	raw_spin_unlock(&fallback_rq.lock);
}

int select_fallback_cpu(int cpu, int nr_cpus)
{
	raw_spin_lock(&fallback_rq.lock);
	if (cpu >= nr_cpus) {
		sched_warn("process is no longer affine to cpu%d\n", cpu);
		cpu = 0;
	}
	raw_spin_unlock(&fallback_rq.lock);
	return cpu;
}

void dequeue_fallback_task(struct list_head *node)
{
	raw_spin_lock(&fallback_rq.lock);
	list_del(node);
	fallback_rq.nr_queued--;
	raw_spin_unlock(&fallback_rq.lock);
}
