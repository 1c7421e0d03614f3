// SPDX-License-Identifier: GPL-2.0-only
/*
 * percpu.c - corpus model of the per-CPU allocator (mm/percpu.c): an
 * allocation that may block serialises on pcpu_alloc_mutex to populate
 * chunks; an atomic one takes only the spinlock and what is populated.
 * The mask it was given is first narrowed by the task's scope
 * (current_gfp_context()), which only clears bits.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/sched/mm.h>

static DEFINE_MUTEX(pcpu_alloc_mutex);
static DEFINE_SPINLOCK(pcpu_lock);
static unsigned long pcpu_free_units = 64;

static void *pcpu_alloc(size_t size, size_t align, bool reserved, gfp_t gfp)
{
	bool is_atomic;
	void *ptr = NULL;

	(void)align;
	(void)reserved;
	gfp = current_gfp_context(gfp);
	is_atomic = !gfpflags_allow_blocking(gfp);
	if (!is_atomic)   /* populating a chunk may sleep */
		mutex_lock(&pcpu_alloc_mutex); /* expect(ftrace-dump-graph-open-kernel,dst-cache-kernel): sleep-in-atomic mutex_lock may sleep */
	spin_lock(&pcpu_lock);
	if (pcpu_free_units >= size) {
		pcpu_free_units -= size;
		ptr = &pcpu_free_units;
	}
	spin_unlock(&pcpu_lock);
	if (!is_atomic)
		mutex_unlock(&pcpu_alloc_mutex);
	return ptr;
}

void *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp)
{
	return pcpu_alloc(size, align, false, gfp);
}
