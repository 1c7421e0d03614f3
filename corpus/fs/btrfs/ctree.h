/* SPDX-License-Identifier: GPL-2.0-only
 * ctree.h - the corner of btrfs this corpus needs: a device's allocation
 * state (an extent io tree under a spinlock), the chunk mapping tree
 * (under an rwlock) and the work item that reclaims block groups.
 */
#ifndef _BTRFS_CTREE_H
#define _BTRFS_CTREE_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#define CHUNK_ALLOCATED	(1u << 0)
#define CHUNK_TRIMMED	(1u << 1)

struct extent_io_tree {
	spinlock_t lock;
	u32 state_bits;
};

struct btrfs_device {
	struct extent_io_tree alloc_state;
};

struct extent_map_tree {
	rwlock_t lock;
};

struct btrfs_fs_info {
	struct extent_map_tree mapping_tree;
	struct btrfs_device *first_dev;
	struct work_struct reclaim_bgs_work;
};

int clear_extent_bits(struct extent_io_tree *tree, u64 start, u64 end, u32 bits, gfp_t mask);
int set_extent_bits(struct extent_io_tree *tree, u64 start, u64 end, u32 bits, gfp_t mask);
void btrfs_remove_chunk_map(struct btrfs_fs_info *fs_info, u64 start, u64 len);
void btrfs_init_reclaim_work(struct btrfs_fs_info *fs_info);

#endif
