// SPDX-License-Identifier: GPL-2.0-only
/*
 * console_lines.c - a console that hands each flushed line to the reader
 * waiting on it, under the console's lock.  A line buffer the reader left
 * unread goes back to its slab cache under that lock; printk's flush
 * (printk_defer.c) wakes the reader, so a printk made on the way, by the
 * cache's report of a corrupted object, takes the console's lock again.
 */
#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/slub_def.h>

struct kmem_cache console_line_cache = { .name = "console_line" };
static DEFINE_SPINLOCK(console_lines_lock);
static void *line_for_reader;
static unsigned long lines_woken;

/* the reader asks for the next line, in a buffer of the console's cache */
void console_line_wanted(void *line)
{
	unsigned long flags;

	spin_lock_irqsave(&console_lines_lock, flags);
	if (line_for_reader)
		kmem_cache_free(&console_line_cache, line_for_reader);
	line_for_reader = line;
	spin_unlock_irqrestore(&console_lines_lock, flags);
}

void console_reader_wake(void)
{
	unsigned long flags;

	spin_lock_irqsave(&console_lines_lock, flags); /* expect(corruption-report-still-ok): recursive-lock console_lines_lock acquired in console_reader_wake */
	lines_woken++;
	spin_unlock_irqrestore(&console_lines_lock, flags);
}
