// SPDX-License-Identifier: GPL-2.0-only
/*
 * trace_output.c - corpus model of the latency format's context column
 * (kernel/trace/trace_output.c): to print how far the next entry is from
 * this one, it peeks at the next entry, which copies the current one into
 * the iterator's scratch buffer first.
 */
#include <linux/kernel.h>
#include <linux/trace_events.h>

int trace_print_lat_context(struct trace_iterator *iter)
{
	unsigned long long next_ts = 0;
	struct trace_entry *next = trace_find_next_entry(iter, NULL, &next_ts);

	return next ? (int)(next_ts - iter->ts) : 0;
}
