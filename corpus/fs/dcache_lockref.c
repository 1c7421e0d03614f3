// SPDX-License-Identifier: GPL-2.0-only
/*
 * dcache_lockref.c - two users of struct lockref (models fs/dcache.c and
 * fs/gfs2/glock.c): a dentry's d_lock is its lockref's lock, and so is a
 * glock's.  Each is initialised at its own spin_lock_init(), so lockref's
 * lock is split into classes, and the dentry's, written
 * 'dentry->d_lockref.lock' at its init and its acquisitions, is a class of
 * its own (the path tells it apart).  Renaming takes the parent's d_lock
 * and then the child's without a nesting annotation: one class twice.
 * Waiting for a lookup drops the caller's d_lock and takes it again.
 */
#include <linux/lockref.h>
#include <linux/slab.h>

struct dentry {
	struct lockref d_lockref;
	struct dentry *d_parent;
};
#define d_lock	d_lockref.lock

struct gfs2_glock {
	struct lockref gl_lockref;
};

struct dentry *d_alloc(struct dentry *parent)
{
	struct dentry *d = kmalloc(sizeof(*d), GFP_KERNEL);

	if (d) {
		spin_lock_init(&d->d_lock);
		d->d_parent = parent;
	}
	return d;
}

void glock_init(struct gfs2_glock *gl)
{
	spin_lock_init(&gl->gl_lockref.lock);
}

void d_move_under_parent(struct dentry *d)
{
	spin_lock(&d->d_parent->d_lock);
	spin_lock(&d->d_lock); /* expect(dcache-lockref): recursive-lock dentry.d_lockref.lock acquired in d_move_under_parent is already held */
	spin_unlock(&d->d_lock);
	spin_unlock(&d->d_parent->d_lock);
}

/* waiting for a lookup in progress: the caller's d_lock is dropped and
 * taken again around the wait (models d_wait_lookup()) */
static void wait_for_lookup(struct dentry *d)
{
	spin_unlock(&d->d_lock);
	d->d_lockref.count++;
	spin_lock(&d->d_lock);
}

void d_alloc_parallel_wait(struct dentry *d)
{
	spin_lock(&d->d_lock);
	wait_for_lookup(d);
	spin_unlock(&d->d_lock);
}
