// SPDX-License-Identifier: GPL-2.0-only
/*
 * trace_functions_graph.c - corpus model of the function graph tracer's
 * reader setup (kernel/trace/trace_functions_graph.c): open() allocates the
 * per-reader state and its per-CPU depths (mm/percpu.c).  ftrace_dump() opens the tracer from an
 * interrupt too, so the mask is chosen by the context: GFP_ATOMIC where
 * the caller is atomic or has interrupts off.
 *
 * -DGRAPH_OPEN_ALWAYS_KERNEL: open() allocates with GFP_KERNEL whatever the
 * context.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/trace_events.h>

struct fgraph_cpu_data {
	int depth;
	int last_pid;
};

struct fgraph_data {
	struct fgraph_cpu_data *cpu_data;
	int failed;
};

static void graph_trace_open(struct trace_iterator *iter)
{
	struct fgraph_data *data;
	gfp_t gfpflags;

	iter->private = NULL;
#ifndef GRAPH_OPEN_ALWAYS_KERNEL
	/* ftrace_dump() calls this with interrupts off */
	gfpflags = (in_atomic() || irqs_disabled()) ? GFP_ATOMIC : GFP_KERNEL;
#else
	gfpflags = GFP_KERNEL;
#endif
	data = kzalloc(sizeof(*data), gfpflags);
	if (!data)
		return;
	data->cpu_data = alloc_percpu_gfp(struct fgraph_cpu_data, gfpflags);
	if (!data->cpu_data) {
		kfree(data);
		return;
	}
	data->cpu_data->depth = 0;
	data->cpu_data->last_pid = -1;
	iter->private = data;
}

static struct tracer graph_trace = {
	.name = "function_graph",
	.open = graph_trace_open,
};

int init_graph_trace(void)
{
	return register_tracer(&graph_trace);
}
