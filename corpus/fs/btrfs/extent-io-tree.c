// SPDX-License-Identifier: GPL-2.0-only
/*
 * extent-io-tree.c - clearing state bits of a range (models
 * __clear_extent_bit() in fs/btrfs/extent-io-tree.c).  The tree's
 * spinlock is dropped between passes, and only a caller whose gfp mask
 * allows blocking gets a reschedule point there: the test is
 * gfpflags_allow_blocking(mask), a predicate over a bit of the mask.
 * Setting bits asks once, into a local, and tests the local (as rds's
 * receive refill does with its can_wait).
 */
#include <linux/kernel.h>
#include "ctree.h"

int clear_extent_bits(struct extent_io_tree *tree, u64 start, u64 end, u32 bits, gfp_t mask)
{
	u64 pos = start;

	while (pos <= end) {
		spin_lock(&tree->lock);
		tree->state_bits &= ~bits;
		pos += 4096;
		spin_unlock(&tree->lock);
		if (gfpflags_allow_blocking(mask))
			cond_resched(); /* expect(btrfs-clear-bits-blocking): sleep-in-atomic in clear_extent_bits; it is below the call to device_clear_alloc_bits */
	}
	return 0;
}

int set_extent_bits(struct extent_io_tree *tree, u64 start, u64 end, u32 bits, gfp_t mask)
{
	bool can_block = gfpflags_allow_blocking(mask);
	u64 pos;

	for (pos = start; pos <= end; pos += 4096) {
		spin_lock(&tree->lock);
		tree->state_bits |= bits;
		spin_unlock(&tree->lock);
		/* under the chunk map's lock, this sleep is below the same call as
		 * the one above: that finding stands for both */
		if (can_block)
			cond_resched();
	}
	return 0;
}
