// SPDX-License-Identifier: GPL-2.0-only
/*
 * bmap.c - gfs2's iomap_begin (models fs/gfs2/bmap.c): a write or a
 * zeroing goes on to gfs2_iomap_begin_write(), which reserves blocks in a
 * resource group under the inode's rw mutex; any other iteration (a
 * report) only looks the mapping up.
 */
#include <linux/iomap.h>
#include <linux/mutex.h>

struct gfs2_inode {
	struct inode i_inode;
	struct mutex i_rw_mutex;
};

#define GFS2_I(inode)	((struct gfs2_inode *)(inode))

int gfs2_lookup_extent(struct gfs2_inode *ip, loff_t pos, loff_t length);

static int gfs2_iomap_begin_write(struct gfs2_inode *ip, loff_t pos, loff_t length)
{
	int ret;

	mutex_lock(&ip->i_rw_mutex);	/* expect(gfs2-seek-write): recursive-lock gfs2_inode.i_rw_mutex */
	ret = gfs2_lookup_extent(ip, pos, length);
	mutex_unlock(&ip->i_rw_mutex);
	return ret;
}

static int gfs2_iomap_begin(struct inode *inode, loff_t pos, loff_t length, unsigned flags)
{
	struct gfs2_inode *ip = GFS2_I(inode);
	int ret = gfs2_lookup_extent(ip, pos, length);

	if (ret)
		return ret;
	switch (flags & (IOMAP_WRITE | IOMAP_ZERO)) {
	case IOMAP_WRITE:
		break;
	case IOMAP_ZERO:
		break;
	default:
		goto out;
	}
	ret = gfs2_iomap_begin_write(ip, pos, length);
out:
	return ret;
}

const struct iomap_ops gfs2_iomap_ops = {
	.iomap_begin = gfs2_iomap_begin,
};
