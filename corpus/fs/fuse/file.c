/* SPDX-License-Identifier: GPL-2.0-only
 * file.c - writeback of a FUSE file, modelled on fs/fuse/file.c.
 *
 * Pending writes are queued on the inode and flushed with fi->lock held,
 * a spinlock.  Each flushed write is sent as a background request with
 * args->force set, so the send never waits for a request slot.  Built with
 * -DFUSE_WRITEPAGE_NO_FORCE the store is missing, and the send sleeps in
 * fuse_get_req with the spinlock held (tree member-guard-fuse-nostore).
 */
#include <linux/kernel.h>
#include "fuse_i.h"

static struct fuse_mount *fuse_mount_of(struct fuse_inode *fi);

static void fuse_send_writepage(struct fuse_mount *fm, struct fuse_writepage_args *wpa)
{
	struct fuse_args *args = &wpa->args;

#ifndef FUSE_WRITEPAGE_NO_FORCE
	args->force = true;
#endif
	args->nocreds = true;
	fuse_background_submit(fm, args);
}

/* Called with fi->lock held. */
static void fuse_flush_writepages(struct fuse_inode *fi)
{
	struct fuse_mount *fm = fuse_mount_of(fi);

	while (fi->writectr >= 0 && fi->queued) {
		struct fuse_writepage_args *wpa = fi->queued;

		fi->queued = wpa->next;
		fuse_send_writepage(fm, wpa);
	}
}

/* A flush notice to the daemon: it wants no reply, so it never waits. */
static void fuse_notify_flushed(struct fuse_inode *fi, struct fuse_args *args)
{
	args->noreply = 1;
	fuse_simple_notify(fuse_mount_of(fi), args);
}

void fuse_writepages_send(struct fuse_inode *fi, struct fuse_args *notice)
{
	spin_lock(&fi->lock);
	fuse_flush_writepages(fi);
	fuse_notify_flushed(fi, notice);
	spin_unlock(&fi->lock);
}

static struct fuse_mount fuse_the_mount;

static struct fuse_mount *fuse_mount_of(struct fuse_inode *fi)
{
	(void)fi;
	return &fuse_the_mount;
}
