/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * trace_events.h - the trace buffer's reading iterator (include/linux/
 * trace_events.h): where the reader is, and the scratch buffer it copies
 * an entry into before the next one is looked at.
 */
#ifndef _LINUX_TRACE_EVENTS_H
#define _LINUX_TRACE_EVENTS_H

#include <linux/types.h>

struct trace_entry {
	unsigned short type;
	int pid;
};

struct trace_iterator;

/* A tracer's callbacks: open() sets up a reader's private state. */
struct tracer {
	const char *name;
	void (*open)(struct trace_iterator *iter);
};

struct trace_iterator {
	struct tracer *trace;
	void *private;
	int cpu_file;
	unsigned long iter_flags;
	void *temp;                  /* the copy of the current entry */
	unsigned int temp_size;
	char *fmt;
	unsigned int fmt_size;
	struct trace_entry *ent;
	int ent_size;
	unsigned long long ts;
};

#define TRACE_FILE_LAT_FMT	1

enum ftrace_dump_mode { DUMP_NONE, DUMP_ALL, DUMP_ORIG };

extern void trace_init_global_iter(struct trace_iterator *iter);
extern struct trace_entry *trace_find_next_entry(struct trace_iterator *iter, int *ent_cpu,
						 unsigned long long *ent_ts);
extern int print_trace_line(struct trace_iterator *iter);
extern int trace_print_lat_context(struct trace_iterator *iter);
extern void ftrace_dump(enum ftrace_dump_mode oops_dump_mode);
extern int register_tracer(struct tracer *type);

#endif
