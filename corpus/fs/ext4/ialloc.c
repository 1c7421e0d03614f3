// SPDX-License-Identifier: GPL-2.0-only
/*
 * ialloc.c - allocating an inode (after fs/ext4/ialloc.c): a new inode of
 * an encrypted file system gets its encryption context at once, stored as
 * an extended attribute (crypto.c), which sizes its journal credits under
 * the new inode's xattr_sem.
 */
#include <linux/slab.h>
#include "xattr.h"

extern int ext4_set_context(struct inode *inode, void *handle);
extern int ext4_fs_encrypted(struct super_block *sb);

struct inode *ext4_new_inode(void *handle, struct inode *dir, int flags)
{
	struct ext4_inode_info *ei = kzalloc(sizeof(*ei), GFP_NOFS);

	(void)flags;
	if (!ei)
		return NULL;
	ei->vfs_inode.i_sb = dir->i_sb;
	if (ext4_fs_encrypted(dir->i_sb) && ext4_set_context(&ei->vfs_inode, handle)) {
		kfree(ei);
		return NULL;
	}
	return &ei->vfs_inode;
}
