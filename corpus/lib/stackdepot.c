/* SPDX-License-Identifier: GPL-2.0-only
 * stackdepot.c - corpus model of lib/stackdepot.c: a trace not yet stored
 * may need a new pool page, allocated with the caller's gfp mask reduced to
 * the reclaim and I/O bits it may keep ('&=' twice, then '|=' a no-warning
 * bit).  Whether that allocation can block is the caller's mask's business:
 * a mask without __GFP_DIRECT_RECLAIM stays without it.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/stackdepot.h>

static void *depot_pool;
static depot_stack_handle_t depot_next;

static depot_stack_handle_t __stack_depot_save(unsigned long *entries, unsigned int nr_entries,
					       gfp_t alloc_flags, bool can_alloc)
{
	if (!nr_entries)
		return 0;
	if (can_alloc && !depot_pool) {
		struct page *page;

		/* no zone wishes; only what atomic and normal allocations share */
		alloc_flags &= ~GFP_ZONEMASK;
		alloc_flags &= (GFP_ATOMIC | GFP_KERNEL | __GFP_NOLOCKDEP);
		alloc_flags |= __GFP_NOWARN;
		page = alloc_pages(alloc_flags, 2);
		if (page)
			depot_pool = page_address(page);
	}
	return ++depot_next + (depot_stack_handle_t)entries[0];
}

depot_stack_handle_t stack_depot_save(unsigned long *entries, unsigned int nr_entries, gfp_t alloc_flags)
{
	return __stack_depot_save(entries, nr_entries, alloc_flags, true);
}
