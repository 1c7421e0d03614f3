// SPDX-License-Identifier: GPL-2.0-only
/*
 * file.c - gfs2's llseek (models fs/gfs2/file.c's gfs2_llseek(), which
 * holds the inode's lock across the seek) over the iomap seek.
 */
#include <linux/iomap.h>
#include <linux/mutex.h>

struct gfs2_inode {
	struct inode i_inode;
	struct mutex i_rw_mutex;
};

extern const struct iomap_ops gfs2_iomap_ops;

static loff_t gfs2_llseek(struct file *file, loff_t offset, int whence)
{
	struct gfs2_inode *ip = (struct gfs2_inode *)file->f_inode;
	loff_t ret;

	if (whence != 3)
		return offset;
	mutex_lock(&ip->i_rw_mutex);
	ret = iomap_seek_data(&ip->i_inode, offset, &gfs2_iomap_ops);
	mutex_unlock(&ip->i_rw_mutex);
	return ret;
}

const struct file_operations gfs2_file_fops = {
	.llseek = gfs2_llseek,
};
