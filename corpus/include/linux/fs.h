/* SPDX-License-Identifier: GPL-2.0-only
 * fs.h - a character device's side of the VFS: the file_operations a
 * driver fills in (open, release, ioctl), called by the VFS in process
 * context; the driver finds its state through file->private_data.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>

struct inode {
	void *i_private;
};

struct file {
	void *private_data;
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};

#endif
