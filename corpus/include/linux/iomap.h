/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * iomap.h - the iomap iterator: a file system maps a file range through its
 * iomap_ops; the iteration's flags say what the mapping is for (a write, a
 * zeroing, or only a report: seek, fiemap, bmap).
 */
#ifndef _LINUX_IOMAP_H
#define _LINUX_IOMAP_H

#include <linux/types.h>
#include <linux/fs.h>

#define IOMAP_WRITE	(1 << 0)
#define IOMAP_ZERO	(1 << 1)
#define IOMAP_REPORT	(1 << 2)

struct iomap_iter {
	struct inode *inode;
	loff_t pos;
	u64 len;
	unsigned flags;
	s64 processed;
};

struct iomap_ops {
	int (*iomap_begin)(struct inode *inode, loff_t pos, loff_t length, unsigned flags);
	int (*iomap_end)(struct inode *inode, loff_t pos, loff_t length, unsigned flags);
};

int iomap_iter(struct iomap_iter *iter, const struct iomap_ops *ops);
loff_t iomap_seek_data(struct inode *inode, loff_t offset, const struct iomap_ops *ops);

#endif
