// SPDX-License-Identifier: GPL-2.0-only
/*
 * crypto.c - ext4's side of an inode's encryption context (after
 * fs/ext4/crypto.c): the context is an extended attribute, and setting it
 * inside a running transaction first asks how many journal credits an
 * xattr of its size needs (xattr.c, under the inode's xattr_sem).
 */
#include "xattr.h"

#define FSCRYPT_CONTEXT_SIZE	40

extern int ext4_journal_extend(void *handle, int credits);

int ext4_set_context(struct inode *inode, void *handle)
{
	int credits, error;

	error = ext4_xattr_set_credits(inode, FSCRYPT_CONTEXT_SIZE, &credits);
	if (error)
		return error;
	return ext4_journal_extend(handle, credits);
}
