// SPDX-License-Identifier: GPL-2.0-only
/*
 * trace.c - corpus model of the trace buffer's reader (kernel/trace/
 * trace.c).  A reader copies each entry into its iterator's scratch buffer
 * and grows it with kmalloc() when an entry is larger.  ftrace_dump(), run
 * on an oops or an RCU stall from any context, cannot allocate: its
 * iterator is a static one that trace_init_global_iter() points at a
 * static buffer, and the copy refuses to grow that buffer
 * ('!WARN_ON_ONCE(iter->temp == static_temp_buf)').
 *
 * -DTRACE_DUMP_NO_STATIC_BUF: the dump's iterator starts without a
 * buffer, as a file reader's does, and its first copy allocates.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/trace_events.h>

#define STATIC_TEMP_BUF_SIZE	128
static char static_temp_buf[STATIC_TEMP_BUF_SIZE];
static char static_fmt_buf[STATIC_TEMP_BUF_SIZE];
static struct tracer *current_trace;

int register_tracer(struct tracer *type)
{
	current_trace = type;
	return 0;
}

static struct trace_entry *peek_next_entry(struct trace_iterator *iter)
{
	return iter->ent;
}

struct trace_entry *trace_find_next_entry(struct trace_iterator *iter, int *ent_cpu,
					  unsigned long long *ent_ts)
{
	(void)ent_cpu;
	if (iter->ent && iter->ent != iter->temp) {
		/* a dump's buffer is static: the copy cannot grow it */
		if ((!iter->temp || iter->temp_size < (unsigned int)iter->ent_size) &&
		    !WARN_ON_ONCE(iter->temp == static_temp_buf)) {
			void *temp = kmalloc((size_t)iter->ent_size, GFP_KERNEL);

			if (!temp)
				return NULL;
			kfree(iter->temp);
			iter->temp = temp;
			iter->temp_size = (unsigned int)iter->ent_size;
		}
		memcpy(iter->temp, iter->ent, (size_t)iter->ent_size);
		iter->ent = iter->temp;
	}
	if (ent_ts)
		*ent_ts = iter->ts;
	return peek_next_entry(iter);
}

static int print_trace_fmt(struct trace_iterator *iter)
{
	if (iter->iter_flags & TRACE_FILE_LAT_FMT)
		return trace_print_lat_context(iter);
	return 0;
}

int print_trace_line(struct trace_iterator *iter)
{
	if (!iter->ent)
		return 0;
	return print_trace_fmt(iter);
}

/* Set up an iterator over the global buffer without allocating. */
void trace_init_global_iter(struct trace_iterator *iter)
{
	iter->trace = current_trace;
	iter->cpu_file = -1;
	iter->iter_flags = 0;
	if (iter->trace && iter->trace->open)   /* the tracer's reader state */
		iter->trace->open(iter);
#ifndef TRACE_DUMP_NO_STATIC_BUF
	iter->temp = static_temp_buf;
	iter->temp_size = STATIC_TEMP_BUF_SIZE;
#else
	iter->temp = NULL;
	iter->temp_size = 0;
#endif
	iter->fmt = static_fmt_buf;
	iter->fmt_size = STATIC_TEMP_BUF_SIZE;
}

void ftrace_dump(enum ftrace_dump_mode oops_dump_mode)
{
	/* static: an iterator is too big for an interrupt's stack */
	static struct trace_iterator iter;
	int cnt = 0;

	trace_init_global_iter(&iter);
	if (oops_dump_mode == DUMP_NONE)
		return;
	printk("Dumping ftrace buffer:\n");
	while (iter.ent && cnt < 1000) {
		cnt++;
		iter.iter_flags |= TRACE_FILE_LAT_FMT;
		print_trace_line(&iter);
	}
}
