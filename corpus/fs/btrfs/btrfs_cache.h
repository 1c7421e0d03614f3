/* SPDX-License-Identifier: GPL-2.0-only
 * btrfs_cache.h - what the corpus's btrfs files share: a transaction with
 * the mutex that serialises writing out free space caches, block groups
 * and their cache inodes (fs/btrfs/transaction.h, block-group.h and
 * free-space-cache.h in Linux, reduced).
 */
#ifndef _BTRFS_CACHE_H
#define _BTRFS_CACHE_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct inode;

struct btrfs_transaction {
	struct mutex cache_write_mutex;
	struct list_head dirty_bgs;
};

struct btrfs_trans_handle {
	struct btrfs_transaction *transaction;
};

struct btrfs_block_group {
	struct list_head dirty_list;
	struct list_head io_list;
	struct inode *cache_inode;
	int disk_cache_state;
};

/* free-space-cache.c: drop a cache inode's contents; with a block group,
 * also the cache write that group still has in flight. */
int btrfs_truncate_free_space_cache(struct btrfs_trans_handle *trans,
				    struct btrfs_block_group *block_group,
				    struct inode *inode);

#endif
