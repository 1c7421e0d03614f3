/* SPDX-License-Identifier: GPL-2.0-only
 * fiq_core.c - the transport-neutral side of the input queue: set up with
 * a transport's ops, and a finished request that asks for a FORGET queues
 * one and tells the transport through its ops.
 */
#include <linux/kernel.h>
#include "fuse_iqueue.h"

void fuse_iqueue_init(struct fuse_iqueue *fiq, const struct fuse_iqueue_ops *ops, void *priv)
{
	spin_lock_init(&fiq->lock);
	INIT_LIST_HEAD(&fiq->pending);
	init_waitqueue_head(&fiq->waitq);
	fiq->ops = ops;
	fiq->priv = priv;
}

static void fuse_queue_forget(struct fuse_iqueue *fiq, struct fuse_ireq *req)
{
	spin_lock(&fiq->lock);
	req->opcode = 2;   /* FUSE_FORGET */
	list_add_tail(&req->list, &fiq->pending);
	fiq->ops->wake_pending_and_unlock(fiq);
}

/* A reply came back: whatever the transport, a forget may follow. */
void fuse_ireq_end(struct fuse_iqueue *fiq, struct fuse_ireq *req)
{
	if (req->want_forget)
		fuse_queue_forget(fiq, req);
}
