// SPDX-License-Identifier: GPL-2.0-only
/*
 * block-group.c - the reclaim worker (models btrfs_reclaim_bgs_work() in
 * fs/btrfs/block-group.c): it runs in process context and relocates
 * block groups, dropping the chunk mapping of each emptied one.
 */
#include "ctree.h"

static void reclaim_bgs_work(struct work_struct *work)
{
	struct btrfs_fs_info *fs_info = container_of(work, struct btrfs_fs_info, reclaim_bgs_work);

	btrfs_remove_chunk_map(fs_info, 1u << 20, 1u << 16);
}

void btrfs_init_reclaim_work(struct btrfs_fs_info *fs_info)
{
	INIT_WORK(&fs_info->reclaim_bgs_work, reclaim_bgs_work);
}
