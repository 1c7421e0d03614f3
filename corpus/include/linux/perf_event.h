/* SPDX-License-Identifier: GPL-2.0-only
 * perf_event.h - perf's event contexts: a context holds the events of one
 * task or of one CPU, under its lock (raw spinlock) and mutex.  Each CPU
 * has a perf_cpu_context that embeds its CPU context ('ctx') and points to
 * the context of the task running there ('task_ctx').
 */
#ifndef _LINUX_PERF_EVENT_H
#define _LINUX_PERF_EVENT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>

struct task_struct;

struct perf_event_context {
	raw_spinlock_t lock;		/* the event lists, is_active */
	struct mutex mutex;		/* adding and removing events */
	struct list_head event_list;
	struct task_struct *task;	/* NULL for a CPU context */
	int nr_events;
	int is_active;
};

struct perf_cpu_context {
	struct perf_event_context ctx;	/* this CPU's own events */
	struct perf_event_context *task_ctx;
	int online;
};

struct perf_event {
	struct perf_event_context *ctx;
	struct list_head entry;		/* on ctx->event_list */
};

struct pmu {
	const char *name;
	struct perf_cpu_context *cpu_context;	/* one per CPU */
	int nr_cpus;
};

int perf_pmu_register(struct pmu *pmu, const char *name);
int __perf_install_in_context(struct perf_cpu_context *cpuctx, struct perf_event *event);
void perf_event_context_sched_in(struct perf_cpu_context *cpuctx, struct perf_event_context *ctx);
void perf_event_exit_task_context(struct perf_cpu_context *cpuctx, struct perf_event_context *ctx);

#endif
