// SPDX-License-Identifier: GPL-2.0-only
/*
 * inline.c - a small file's data kept in the inode's body, as the
 * "system.data" extended attribute (after fs/ext4/inline.c).  When the
 * file outgrows it (writeback converts it to blocks), the attribute is
 * removed under the inode's xattr_sem: a request with the value NULL,
 * written as a designated initialiser, goes to ext4_xattr_ibody_set()
 * (xattr.c), which creates an EA inode only for a value.
 *
 * -DEXT4_INLINE_KEEPS_VALUE (control ext4-inline-destroy-value) passes
 * the old data as the value instead.
 */
#include <linux/errno.h>
#include "xattr.h"

extern void *ext4_inline_data_of(struct inode *inode);

static int ext4_destroy_inline_data_nolock(void *handle, struct inode *inode)
{
	struct ext4_xattr_info drop = {
		.name_index = EXT4_XATTR_INDEX_SYSTEM,
		.name = "data",
#ifdef EXT4_INLINE_KEEPS_VALUE
		.value = ext4_inline_data_of(inode),
		.in_inode = 1,
#else
		.value = NULL,	/* a removal */
#endif
		.value_len = 0,
	};
	struct ext4_xattr_ibody_find where = { .s = { .not_found = -ENODATA } };
	int err = ext4_xattr_ibody_find(inode, &drop, &where);

	return err ? err : ext4_xattr_ibody_set(handle, inode, &drop, &where);
}

int ext4_destroy_inline_data(void *handle, struct inode *inode)
{
	struct ext4_inode_info *ei = EXT4_I(inode);
	int err;

	down_write(&ei->xattr_sem);
	err = ext4_destroy_inline_data_nolock(handle, inode);
	up_write(&ei->xattr_sem);
	return err;
}
