/* SPDX-License-Identifier: GPL-2.0-only
 * xattr.h - ext4's extended attributes as the corpus models them (after
 * fs/ext4/xattr.h): what one set or removal asks for (ext4_xattr_info:
 * a NULL value removes the name), where the name was found in the inode's
 * own body or in the external block, and the per-inode semaphore that
 * serialises them.  A value too large for either goes into an inode of
 * its own (an EA inode, in_inode).
 */
#ifndef _EXT4_XATTR_H
#define _EXT4_XATTR_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/rwsem.h>

struct ext4_inode_info {
	struct rw_semaphore xattr_sem;	/* every xattr change, and expanding the inode */
	unsigned int i_extra_isize;
	struct inode vfs_inode;
};

/* the VFS inode is embedded in ext4's */
#define EXT4_I(vfs) container_of(vfs, struct ext4_inode_info, vfs_inode)

struct ext4_xattr_info {
	int name_index;
	const char *name;
	const void *value;	/* NULL: remove the name */
	size_t value_len;
	int in_inode;		/* the value lives in an EA inode */
};

struct ext4_xattr_search {
	void *first, *here, *end;
	int not_found;
};

struct ext4_iloc {
	void *bh;
	unsigned long offset;
};

struct ext4_xattr_ibody_find {
	struct ext4_xattr_search s;
	struct ext4_iloc iloc;
};

struct ext4_xattr_block_find {
	struct ext4_xattr_search s;
	void *bh;
};

#define EXT4_XATTR_INDEX_SYSTEM	7	/* "system." names: inline data */

/* xattr.c: find a name in the body, then set or remove it there */
extern int ext4_xattr_ibody_find(struct inode *inode, struct ext4_xattr_info *req,
				 struct ext4_xattr_ibody_find *found);
extern int ext4_xattr_ibody_set(void *handle, struct inode *inode, struct ext4_xattr_info *req,
				struct ext4_xattr_ibody_find *found);
extern int ext4_xattr_set_credits(struct inode *inode, size_t value_len, int *credits);
extern int ext4_expand_extra_isize_ea(struct inode *inode, int new_extra_isize, void *handle);

/* ialloc.c */
extern struct inode *ext4_new_inode(void *handle, struct inode *dir, int flags);

#endif
