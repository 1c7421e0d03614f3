// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsnotify.c - delivering an event on a file to the groups watching it,
 * modelled on fs/notify/fsnotify.c and fanotify's handler: each group gets
 * its own copy of the event, allocated with GFP_KERNEL, so delivering may
 * sleep.  Callers are in task context (read, write, close).  The
 * allocator's own check is the might_sleep() here (slab's might_alloc():
 * an out-of-line call with CONFIG_DEBUG_ATOMIC_SLEEP, which the trees
 * that build this file set).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/fsnotify.h>

struct fsnotify_event {
	struct file *file;
	unsigned int mask;
};

extern int fsnotify_queue_event(struct fsnotify_event *event);

int fsnotify_file(struct file *file, unsigned int mask)
{
	struct fsnotify_event *event;

	might_sleep(); /* expect(uring-reissue-any-context): sleep-in-atomic hardirq */
	event = kmalloc(sizeof(*event), GFP_KERNEL);
	if (!event)
		return -ENOMEM;
	event->file = file;
	event->mask = mask;
	return fsnotify_queue_event(event);
}
