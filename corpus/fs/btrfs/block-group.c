// SPDX-License-Identifier: GPL-2.0-only
/*
 * block-group.c - starting the write-out of dirty block groups at commit,
 * modelled on fs/btrfs/block-group.c.  btrfs_start_dirty_block_groups()
 * holds the transaction's cache_write_mutex while it sets up each group's
 * cache; cache_save_setup() truncates a stale cache inode with no block
 * group (NULL), so the truncation does not take the mutex again.  Removing
 * a block group truncates its cache with the group, without the mutex.
 */
#include "btrfs_cache.h"

#define BTRFS_DC_CLEAR	1

static int cache_save_setup(struct btrfs_block_group *bg, struct btrfs_trans_handle *trans)
{
	if (!bg->cache_inode)
		return 0;
	if (bg->disk_cache_state != BTRFS_DC_CLEAR)
		return 0;
#ifdef CACHE_SETUP_PASSES_GROUP
	return btrfs_truncate_free_space_cache(trans, bg, bg->cache_inode);
#else
	return btrfs_truncate_free_space_cache(trans, NULL, bg->cache_inode);
#endif
}

int btrfs_start_dirty_block_groups(struct btrfs_trans_handle *trans)
{
	struct btrfs_transaction *cur_trans = trans->transaction;
	struct btrfs_block_group *bg;
	int ret = 0;

	mutex_lock(&cur_trans->cache_write_mutex);
	list_for_each_entry(bg, &cur_trans->dirty_bgs, dirty_list) {
		ret = cache_save_setup(bg, trans);
		if (ret)
			break;
	}
	mutex_unlock(&cur_trans->cache_write_mutex);
	return ret;
}

int btrfs_remove_block_group_cache(struct btrfs_trans_handle *trans, struct btrfs_block_group *bg)
{
	return btrfs_truncate_free_space_cache(trans, bg, bg->cache_inode);
}
