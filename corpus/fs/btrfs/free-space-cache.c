// SPDX-License-Identifier: GPL-2.0-only
/*
 * free-space-cache.c - truncating a free space cache inode, modelled on
 * fs/btrfs/free-space-cache.c.  The block group is optional: a caller
 * that only has the inode passes NULL, and only with a block group is the
 * transaction's cache_write_mutex taken, to wait for that group's cache
 * write still in flight.
 */
#include "btrfs_cache.h"

extern void btrfs_wait_cache_io(struct btrfs_trans_handle *trans, struct btrfs_block_group *bg);
extern int btrfs_truncate_inode_items(struct btrfs_trans_handle *trans, struct inode *inode);

int btrfs_truncate_free_space_cache(struct btrfs_trans_handle *trans,
				    struct btrfs_block_group *block_group,
				    struct inode *inode)
{
	bool waited = false;
	int ret;

	if (block_group) {
		mutex_lock(&trans->transaction->cache_write_mutex); /* expect(btrfs-cache-null-group-locked): recursive-lock cache_write_mutex */
		waited = true;
		if (!list_empty(&block_group->io_list)) {
			list_del(&block_group->io_list);
			btrfs_wait_cache_io(trans, block_group);
		}
		block_group->disk_cache_state = 0;
	}
	ret = btrfs_truncate_inode_items(trans, inode);
	if (waited)
		mutex_unlock(&trans->transaction->cache_write_mutex);
	return ret;
}
