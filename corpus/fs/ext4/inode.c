// SPDX-License-Identifier: GPL-2.0-only
/*
 * inode.c - growing an inode's extra space when it is next dirtied (after
 * fs/ext4/inode.c: __ext4_mark_inode_dirty() ->
 * ext4_try_to_expand_extra_isize()).  The expansion moves extended
 * attributes out of the inode's body, so it runs only if it gets the
 * inode's xattr_sem for writing at once (a trylock: the dirtier may hold
 * it already), and holds it throughout.
 */
#include <linux/errno.h>
#include "xattr.h"

static int ext4_try_to_expand_extra_isize(struct inode *inode, unsigned int new_extra_isize, void *handle)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	int err;

	if (!down_write_trylock(&ei->xattr_sem))
		return -EBUSY;	/* the dirtier holds it: grow the inode next time */
	err = ext4_expand_extra_isize_ea(inode, (int)new_extra_isize, handle);
	up_write(&ei->xattr_sem);
	return err;
}

int __ext4_mark_inode_dirty(void *handle, struct inode *inode, unsigned int want_extra_isize)
{
	if (EXT4_I(inode)->i_extra_isize < want_extra_isize)
		return ext4_try_to_expand_extra_isize(inode, want_extra_isize, handle);
	return 0;
}
