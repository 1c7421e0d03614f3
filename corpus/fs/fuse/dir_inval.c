/* SPDX-License-Identifier: GPL-2.0-only
 * dir_inval.c - corpus model of fs/fuse/dir.c's reverse invalidation of a
 * directory entry, asked for by the FUSE server in a notification.  The
 * directory's inode is locked as a parent (inode_lock_nested(..,
 * I_MUTEX_PARENT)), then the entry's own inode (inode_lock()), both
 * inlines of fs.h over the inode's i_rwsem: one lock class, two
 * subclasses, which lockdep accepts.
 *
 * Extract applies the locks a header's inline gives back at its call
 * (affine-move-unlock-in-header), not those it leaves held: with a call
 * for its acquiring site, the parent's lock would have lost its subclass,
 * and the child's lock was reported as taking it again (the 99-TU set's
 * one new finding when a header's summary was first applied whole).
 * Check's callee effects do not carry the parent's lock here either: the
 * early return leaves no one call before every return that gives it back
 * (check/callee_effects.c, bracketed()).  Where there is one, they carry
 * it without its subclass, a gap this tree does not cover.
 *
 * Must find: nothing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/workqueue.h>

struct inval_entry {
	struct inode *parent;
	struct inode *child;
	unsigned long child_id;
	int expired;
};

static struct inval_entry pending_inval;
static struct work_struct notify_work;

static int fuse_reverse_inval_entry(struct inval_entry *e)
{
	int err = -ENOENT;

	if (!e->parent)		/* the server named a directory that is gone */
		return -ENOENT;
	inode_lock_nested(e->parent, I_MUTEX_PARENT);
	if (!e->child)
		goto unlock_parent;
	e->expired = 1;
	inode_lock(e->child);
	if (e->child_id)
		err = 0;
	inode_unlock(e->child);
unlock_parent:
	inode_unlock(e->parent);
	return err;
}

static void fuse_notify_fn(struct work_struct *work)
{
	(void)work;
	fuse_reverse_inval_entry(&pending_inval);
}

int fuse_inval_model_init(void)
{
	INIT_WORK(&notify_work, fuse_notify_fn);
	return schedule_work(&notify_work);
}
