/* SPDX-License-Identifier: GPL-2.0-only
 * slub_track.c - corpus model of mm/slub.c's debug free path: a cache that
 * records who freed an object (slub_debug=U) saves the stack through the
 * stack depot, from any context, so it passes a mask that never blocks
 * (a no-warning bit alone).  -DSLUB_TRACK_MAY_BLOCK passes GFP_KERNEL
 * instead (the control tree): the depot's masking keeps direct reclaim.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/stackdepot.h>

#ifdef SLUB_TRACK_MAY_BLOCK
#define SLUB_TRACK_GFP	GFP_KERNEL
#else
#define SLUB_TRACK_GFP	__GFP_NOWARN
#endif

struct track {
	depot_stack_handle_t handle;
	unsigned long when;
};

static struct track last_free;
static bool slub_store_user = true;

static depot_stack_handle_t set_track_prepare(gfp_t gfp_flags)
{
	unsigned long trace[4] = { 0 };

	trace[0] = (unsigned long)__builtin_return_address(0);
	return stack_depot_save(trace, 1, gfp_flags);
}

static void free_to_partial_list(const void *obj)
{
	depot_stack_handle_t h = 0;

	if (slub_store_user)
		h = set_track_prepare(SLUB_TRACK_GFP);
	last_free.handle = h;
	last_free.when = (unsigned long)obj;
}

void kfree(const void *objp)
{
	if (!objp)
		return;
	free_to_partial_list(objp);
}
