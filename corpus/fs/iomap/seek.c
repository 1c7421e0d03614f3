// SPDX-License-Identifier: GPL-2.0-only
/*
 * seek.c - SEEK_DATA over iomap (models fs/iomap/seek.c): the iteration only
 * reports the mapping, it never allocates.
 */
#include <linux/iomap.h>

#ifdef IOMAP_SEEK_FOR_WRITE
#define SEEK_ITER_FLAGS	IOMAP_WRITE
#else
#define SEEK_ITER_FLAGS	IOMAP_REPORT
#endif

loff_t iomap_seek_data(struct inode *inode, loff_t offset, const struct iomap_ops *ops)
{
	struct iomap_iter iter = {
		.inode	= inode,
		.pos	= offset,
		.len	= 4096,
		.flags	= SEEK_ITER_FLAGS,
	};
	int ret;

	while ((ret = iomap_iter(&iter, ops)) > 0)
		iter.processed = 512;
	return ret < 0 ? ret : iter.pos;
}
