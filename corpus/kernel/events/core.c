/* SPDX-License-Identifier: GPL-2.0-only
 * core.c - corpus model of kernel/events/core.c: perf's event contexts and
 * the locks around scheduling them in.
 *
 * A context is initialised by __perf_event_init_context(), one init site
 * for the lock of every context, a task's or a CPU's.  perf_pmu_register()
 * then moves each CPU context's lock and mutex to lockdep classes of their
 * own (lockdep_set_class(&cpuctx->ctx.lock, &cpuctx_lock)), because
 * perf_ctx_lock() and __perf_install_in_context() take the CPU context's
 * lock and then the task context's: two perf_event_context.lock, one
 * inside the other.  The code
 * names the CPU context's lock through its container ('cpuctx->ctx.lock',
 * lock path 'perf_cpu_context.ctx.lock'), so lockpath knows its class
 * there, and must not report the nesting (tree perf-ctx-classes).
 *
 * Built with -DPERF_EXIT_LOCKS_CPU_CTX, perf_event_exit_task_context()
 * also takes the CPU context's lock inside the task context's, the other
 * order: lockdep would report the two classes as a circular dependency,
 * and so must lockpath (tree perf-ctx-abba).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/perf_event.h>

static struct lock_class_key cpuctx_mutex;
static struct lock_class_key cpuctx_lock;

static void __perf_event_init_context(struct perf_event_context *ctx)
{
	raw_spin_lock_init(&ctx->lock);
	mutex_init(&ctx->mutex);
	INIT_LIST_HEAD(&ctx->event_list);
	ctx->nr_events = 0;
}

int perf_pmu_register(struct pmu *pmu, const char *name)
{
	int cpu;

	pmu->name = name;
	for (cpu = 0; cpu < pmu->nr_cpus; cpu++) {
		struct perf_cpu_context *cpuctx = &pmu->cpu_context[cpu];

		__perf_event_init_context(&cpuctx->ctx);
		lockdep_set_class(&cpuctx->ctx.mutex, &cpuctx_mutex);
		lockdep_set_class(&cpuctx->ctx.lock, &cpuctx_lock);
		cpuctx->online = 1;
	}
	return 0;
}

struct perf_event_context *perf_task_context_alloc(struct task_struct *task)
{
	struct perf_event_context *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return NULL;
	__perf_event_init_context(ctx);
	ctx->task = task;
	return ctx;
}

/* The CPU context first, then the task's: the order every path keeps. */
static void perf_ctx_lock(struct perf_cpu_context *cpuctx, struct perf_event_context *ctx)
{
	raw_spin_lock(&cpuctx->ctx.lock);
	if (ctx)
		raw_spin_lock(&ctx->lock);
}

static void perf_ctx_unlock(struct perf_cpu_context *cpuctx, struct perf_event_context *ctx)
{
	if (ctx)
		raw_spin_unlock(&ctx->lock);
	raw_spin_unlock(&cpuctx->ctx.lock);
}

/* Run on the event's CPU: add EVENT to its context (the CPU's, or the task's
 * running there), with the CPU context locked and the task's inside it. */
int __perf_install_in_context(struct perf_cpu_context *cpuctx, struct perf_event *event)
{
	struct perf_event_context *ctx = event->ctx;

	raw_spin_lock(&cpuctx->ctx.lock);
	if (ctx->task) {
		raw_spin_lock(&ctx->lock);
		if (cpuctx->task_ctx != ctx) {
			raw_spin_unlock(&ctx->lock);
			raw_spin_unlock(&cpuctx->ctx.lock);
			return -ESRCH;
		}
	}
	list_add_tail(&event->entry, &ctx->event_list);
	ctx->nr_events++;
	if (ctx->task)
		raw_spin_unlock(&ctx->lock);
	raw_spin_unlock(&cpuctx->ctx.lock);
	return 0;
}

void perf_event_context_sched_in(struct perf_cpu_context *cpuctx, struct perf_event_context *ctx)
{
	if (cpuctx->task_ctx == ctx)
		return;
	perf_ctx_lock(cpuctx, ctx);
	cpuctx->task_ctx = ctx;
	ctx->is_active = 1;
	perf_ctx_unlock(cpuctx, ctx);
}

/* The task is exiting: detach its context from the CPU. */
void perf_event_exit_task_context(struct perf_cpu_context *cpuctx, struct perf_event_context *ctx)
{
	mutex_lock(&ctx->mutex);
	raw_spin_lock_irq(&ctx->lock);
#ifdef PERF_EXIT_LOCKS_CPU_CTX
	/* expect@+1(perf-ctx-abba): lock-order perf_cpu_context.ctx.lock is acquired while perf_event_context.lock is held */
	raw_spin_lock(&cpuctx->ctx.lock);
#endif
	if (cpuctx->task_ctx == ctx)
		cpuctx->task_ctx = NULL;
	ctx->is_active = 0;
#ifdef PERF_EXIT_LOCKS_CPU_CTX
	raw_spin_unlock(&cpuctx->ctx.lock);
#endif
	ctx->task = NULL;
	raw_spin_unlock_irq(&ctx->lock);
	mutex_unlock(&ctx->mutex);
}
