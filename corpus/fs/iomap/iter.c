// SPDX-License-Identifier: GPL-2.0-only
/*
 * iter.c - one step of an iomap iteration (models fs/iomap/iter.c): the
 * file system's iomap_begin maps the next extent with the iteration's flags.
 */
#include <linux/iomap.h>

int iomap_iter(struct iomap_iter *iter, const struct iomap_ops *ops)
{
	int ret;

	if (iter->processed <= 0 && iter->len != (u64)iter->pos)
		return 0;
	ret = ops->iomap_begin(iter->inode, iter->pos, (loff_t)iter->len, iter->flags);
	if (ret < 0)
		return ret;
	iter->pos += iter->processed;
	return 1;
}
