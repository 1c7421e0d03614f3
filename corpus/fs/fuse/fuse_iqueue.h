/* SPDX-License-Identifier: GPL-2.0-only
 * fuse_iqueue.h - a FUSE connection's input queue, and the ops by which it
 * tells its transport that a request waits.  Two transports implement the
 * ops: /dev/fuse (a daemon reads the queue; fiq_dev.c) and virtio-fs (a
 * virtqueue carries it to the host; virtio_fs_fiq.c).  A connection has
 * one of them, chosen when it is set up (fuse_iqueue_init()).
 */
#ifndef _FS_FUSE_IQUEUE_H
#define _FS_FUSE_IQUEUE_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/wait.h>

struct fuse_iqueue;

struct fuse_iqueue_ops {
	/* entered with fiq->lock held; releases it */
	void (*wake_pending_and_unlock)(struct fuse_iqueue *fiq);
};

struct fuse_iqueue {
	spinlock_t lock;
	struct list_head pending;
	wait_queue_head_t waitq;
	const struct fuse_iqueue_ops *ops;
	void *priv;                      /* the transport's */
};

struct fuse_ireq {
	struct list_head list;
	int opcode;
	bool want_forget;                /* the reply asks to forget the inode */
};

void fuse_iqueue_init(struct fuse_iqueue *fiq, const struct fuse_iqueue_ops *ops, void *priv);
void fuse_ireq_end(struct fuse_iqueue *fiq, struct fuse_ireq *req);

#endif
