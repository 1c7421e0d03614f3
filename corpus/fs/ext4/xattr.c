// SPDX-License-Identifier: GPL-2.0-only
/*
 * xattr.c - setting and removing ext4 extended attributes (after
 * fs/ext4/xattr.c).  ext4_xattr_ibody_set() writes one name into the
 * inode's body; a value big enough for an inode of its own is first put
 * into one (ext4_xattr_inode_lookup_create() -> ext4_xattr_inode_create(),
 * a new inode, ialloc.c), but only when there is a value: a removal passes
 * 'i->value = NULL'.  Growing the inode's extra space moves entries out of
 * the body into the external block (ext4_xattr_move_to_block()): it sets
 * up both searches and the request member by member (seven stores), adds
 * the entry to the block, and then removes it from the body with the same
 * request, its value now NULL.  The caller holds the inode's xattr_sem for
 * writing throughout (inode.c); creating an EA inode reads xattr_sem to
 * size its journal credits (ext4_xattr_set_credits(), from the new inode's
 * encryption context, crypto.c).
 *
 * -DEXT4_MOVE_KEEPS_VALUE (control ext4-xattr-move-value) removes the
 * entry from the body with its value still set.
 */
#include <linux/errno.h>
#include <linux/slab.h>
#include "xattr.h"

#define EXT4_XATTR_MIN_LARGE_EA_SIZE	1024

struct ext4_xattr_entry {
	unsigned char e_name_len;
	unsigned char e_name_index;
	unsigned short e_value_offs;
	unsigned int e_value_size;
	char e_name[16];
};

extern int ext4_xattr_block_find(struct inode *inode, struct ext4_xattr_info *req,
				 struct ext4_xattr_block_find *where);
extern int ext4_xattr_block_set(void *handle, struct inode *inode, struct ext4_xattr_info *req,
				struct ext4_xattr_block_find *where);
extern int ext4_xattr_set_entry(struct ext4_xattr_info *i, struct ext4_xattr_search *s, void *handle,
				struct inode *inode, struct inode *ea_inode);
extern struct ext4_xattr_entry *ext4_xattr_pick_entry(struct inode *inode, int isize_diff);
extern void *ext4_xattr_entry_value(struct inode *inode, struct ext4_xattr_entry *entry);
extern char *ext4_xattr_entry_name(struct ext4_xattr_entry *entry);	/* a copy, NUL-terminated */

int ext4_xattr_set_credits(struct inode *inode, size_t value_len, int *credits)
{
	struct ext4_inode_info *ei = EXT4_I(inode);

	down_read(&ei->xattr_sem);	/* expect(ext4-xattr-move-value,ext4-inline-destroy-value): recursive-lock acquired in ext4_xattr_set_credits is already held */
	*credits = value_len > EXT4_XATTR_MIN_LARGE_EA_SIZE ? 8 : 2;
	up_read(&ei->xattr_sem);
	return 0;
}

static struct inode *ext4_xattr_inode_create(void *handle, struct inode *inode)
{
	return ext4_new_inode(handle, inode, 1);
}

static int ext4_xattr_inode_lookup_create(void *handle, struct inode *inode, const void *value,
					  size_t value_len, struct inode **ret)
{
	struct inode *ea_inode = ext4_xattr_inode_create(handle, inode);

	(void)value;
	(void)value_len;
	if (!ea_inode)
		return -ENOMEM;
	*ret = ea_inode;
	return 0;
}

int ext4_xattr_ibody_set(void *handle, struct inode *inode, struct ext4_xattr_info *req,
			 struct ext4_xattr_ibody_find *found)
{
	struct inode *ea_inode = NULL;

	/* a value too big for the body goes into an inode of its own; a
	 * removal (no value) creates none */
	if (req->value && req->in_inode) {
		int err = ext4_xattr_inode_lookup_create(handle, inode, req->value, req->value_len, &ea_inode);

		if (err)
			return err;
	}
	return ext4_xattr_set_entry(req, &found->s, handle, inode, ea_inode);
}

static int ext4_xattr_move_to_block(void *handle, struct inode *inode, struct ext4_xattr_entry *entry)
{
	struct ext4_xattr_ibody_find *body_find;
	struct ext4_xattr_block_find *blk_find;
	struct ext4_xattr_info req = {
		.value = NULL,
		.value_len = 0,
		.name_index = entry->e_name_index,
		.in_inode = entry->e_value_size > EXT4_XATTR_MIN_LARGE_EA_SIZE,
	};
	int err = -ENOMEM;

	body_find = kzalloc(sizeof(*body_find), GFP_NOFS);
	blk_find = kzalloc(sizeof(*blk_find), GFP_NOFS);
	if (!body_find || !blk_find)
		goto done;

	/* seven member stores before the one the removal needs */
	body_find->s.not_found = -ENODATA;
	blk_find->s.not_found = -ENODATA;
	body_find->iloc.bh = NULL;
	blk_find->bh = NULL;
	req.name = ext4_xattr_entry_name(entry);

	err = ext4_xattr_ibody_find(inode, &req, body_find);
	if (err)
		goto done;
	req.value = ext4_xattr_entry_value(inode, entry);
	req.value_len = entry->e_value_size;
	err = ext4_xattr_block_find(inode, &req, blk_find);
	if (!err)	/* the entry goes into the block ... */
		err = ext4_xattr_block_set(handle, inode, &req, blk_find);
	if (err)
		goto done;

	/* ... and out of the body: a removal */
#ifndef EXT4_MOVE_KEEPS_VALUE
	req.value = NULL;
	req.value_len = 0;
#endif
	err = ext4_xattr_ibody_set(handle, inode, &req, body_find);
done:
	kfree(blk_find);
	kfree(body_find);
	return err;
}

static int ext4_xattr_make_inode_space(void *handle, struct inode *inode, int isize_diff)
{
	while (isize_diff > 0) {
		struct ext4_xattr_entry *victim = ext4_xattr_pick_entry(inode, isize_diff);
		int err;

		if (!victim)
			return -ENOSPC;
		err = ext4_xattr_move_to_block(handle, inode, victim);
		if (err)
			return err;
		isize_diff -= (int)victim->e_value_size;
	}
	return 0;
}

/* The caller holds xattr_sem for writing (inode.c). */
int ext4_expand_extra_isize_ea(struct inode *inode, int new_extra_isize, void *handle)
{
	int isize_diff = new_extra_isize - (int)EXT4_I(inode)->i_extra_isize;

	if (isize_diff <= 0)
		return 0;
	return ext4_xattr_make_inode_space(handle, inode, isize_diff);
}
