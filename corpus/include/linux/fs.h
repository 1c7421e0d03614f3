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
#include <linux/rwsem.h>

struct super_block;
struct address_space;

struct inode {
	void *i_private;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	struct rw_semaphore i_rwsem;
};

/* A directory is locked before an inode in it: the parent's lock in the
 * I_MUTEX_PARENT subclass, the child's in the default one.  Inlines over
 * a member of the parameter, so neither is a lock wrapper: a caller's
 * walk sees a call, and check goes into it. */
enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
};

static inline void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}

static inline void inode_lock_nested(struct inode *inode, unsigned int subclass)
{
	down_write_nested(&inode->i_rwsem, (int)subclass);
}

/* Dirtying a page cache folio reaches its file system twice: the mapping's
 * a_ops->dirty_folio, and through __mark_inode_dirty() sb->s_op->dirty_inode. */
struct folio;

struct address_space_operations {
	bool (*dirty_folio)(struct address_space *mapping, struct folio *folio);
};

struct address_space {
	struct inode *host;
	const struct address_space_operations *a_ops;
};

struct super_operations {
	void (*dirty_inode)(struct inode *inode, int flags);
};

struct super_block {
	const struct super_operations *s_op;
};

#define I_DIRTY_PAGES	(1 << 2)

extern void __mark_inode_dirty(struct inode *inode, int flags);
extern bool filemap_dirty_folio(struct address_space *mapping, struct folio *folio);

struct file_operations;
struct file;

/* One read or write on a file.  An asynchronous one ends in ki_complete,
 * which its submitter (aio, io_uring) set, called by the layer below from
 * wherever the I/O ended (block/fops.c: a bio's end_io). */
struct kiocb {
	struct file *ki_filp;
	int ki_flags;
	void (*ki_complete)(struct kiocb *iocb, long ret);
};

#define IOCB_WRITE	(1 << 6)

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
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
};

extern void fput(struct file *file);

#endif
