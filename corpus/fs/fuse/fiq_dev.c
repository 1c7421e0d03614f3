/* SPDX-License-Identifier: GPL-2.0-only
 * fiq_dev.c - /dev/fuse's input-queue ops.  Requests are queued to a
 * /dev/fuse connection from the syscalls of the file system's users, in
 * process context, so telling the daemon may take the statistics mutex.
 * A path from virtio-fs's virtqueue interrupt must not land here: that
 * connection's ops are virtio-fs's (one object, one ops table).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include "fuse_iqueue.h"

static DEFINE_MUTEX(fuse_dev_stats_mutex);
static unsigned long fuse_dev_wakeups;

static void fuse_dev_wake_and_unlock(struct fuse_iqueue *fiq)
{
	spin_unlock(&fiq->lock);
	mutex_lock(&fuse_dev_stats_mutex);
	fuse_dev_wakeups++;
	mutex_unlock(&fuse_dev_stats_mutex);
	wake_up(&fiq->waitq);
}

static const struct fuse_iqueue_ops fuse_dev_fiq_ops = {
	.wake_pending_and_unlock = fuse_dev_wake_and_unlock,
};

/* A /dev/fuse mount sets up its connection's queue. */
void fuse_dev_fiq_setup(struct fuse_iqueue *fiq)
{
	fuse_iqueue_init(fiq, &fuse_dev_fiq_ops, NULL);
}
