/* SPDX-License-Identifier: GPL-2.0-only
 * page_alloc.c - the page allocator's two halves, modelled on
 * mm/page_alloc.c: the fast path takes a free page; the slow path may
 * reclaim (shrinking every registered cache) and reschedule, but only when
 * the gfp mask allows direct reclaim: GFP_ATOMIC and GFP_NOWAIT give up
 * instead.  lockpath does not read that test; the 'blocks-with' rules say
 * it at the allocation call (rules/sleep.rules).  A page it hands out is
 * charged to the allocating task's memory cgroup (mm/memcontrol.c), which
 * may wait too; trees without that file have no body for the charge.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/shrinker.h>

static DEFINE_SPINLOCK(zone_lock);
static struct page *free_area;

static struct page *get_page_from_freelist(unsigned int order)
{
	struct page *page;
	unsigned long flags;

	(void)order;
	spin_lock_irqsave(&zone_lock, flags);
	page = free_area;
	if (page)
		free_area = NULL;
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

static struct page *__alloc_pages_slowpath(gfp_t gfp_mask, unsigned int order)
{
	bool can_direct_reclaim = gfp_mask & __GFP_DIRECT_RECLAIM;

	if (!can_direct_reclaim)
		return NULL;
	shrink_slab(gfp_mask); /* expect(alloc-sleeps-one-call)@+1: sleep-in-atomic this finding stands for the 2 sleeps found below that call */
	cond_resched(); /* expect(gfp-atomic-ccw,gfp-mask-stackdepot-blocking,audit-kernel-buffer,ftrace-dump-allocates,ftrace-dump-graph-open-kernel,bpf-refill-blocking): sleep-in-atomic cond_resched() may schedule */
	return get_page_from_freelist(order);
}

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = get_page_from_freelist(order);

	if (!page)
		page = __alloc_pages_slowpath(gfp_mask, order);
	/* a new page is charged to the allocating task's memory cgroup */
	if (page && memcg_charge_page(page, gfp_mask, order)) {
		__free_pages(page, order);
		return NULL;
	}
	return page;
}
