/* SPDX-License-Identifier: GPL-2.0-only
 * fs.h - a character device's side of the VFS: the file_operations a
 * driver fills in (open, release, ioctl), called by the VFS in process
 * context; the driver finds its state through file->private_data.  The
 * last fput() of a file runs its release from task work (fs/file_table.c).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/rcupdate.h>

struct inode {
	void *i_private;
};

struct file_operations;

struct file {
	void *private_data;
	const struct file_operations *f_op;
	struct inode *f_inode;
	atomic_t f_count;
	struct callback_head f_task_work;	/* the last fput's __fput, as task work */
	struct callback_head f_rcuhead;		/* the struct's own free, after RCU */
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};

extern void fput(struct file *file);

#endif
