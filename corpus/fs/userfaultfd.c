// SPDX-License-Identifier: GPL-2.0-only
/*
 * userfaultfd.c - reading a userfaultfd (models userfaultfd_ctx_read() in
 * fs/userfaultfd.c): the reader holds the file's wait queue lock (fd_wqh)
 * and, inside it, takes the pending-faults queue's lock
 * (fault_pending_wqh) to move a fault over.  Both are
 * 'wait_queue_head.lock'; each queue is initialised by an
 * init_waitqueue_head() of its own, so lockdep gives them two classes and
 * the order is fixed.  -DUFFD_ONE_INIT_SITE initialises both through one
 * helper: one class, and the nesting is lockdep's recursion.
 */
#include <linux/wait.h>
#include <linux/slab.h>

struct userfaultfd_ctx {
	wait_queue_head_t fault_pending_wqh;
	wait_queue_head_t fd_wqh;
	int pending;
};

#ifdef UFFD_ONE_INIT_SITE
static void uffd_queue_init(wait_queue_head_t *q)
{
	init_waitqueue_head(q);
}
#endif

struct userfaultfd_ctx *userfaultfd_ctx_new(void)
{
	struct userfaultfd_ctx *ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return NULL;
#ifdef UFFD_ONE_INIT_SITE
	uffd_queue_init(&ctx->fault_pending_wqh);
	uffd_queue_init(&ctx->fd_wqh);
#else
	init_waitqueue_head(&ctx->fault_pending_wqh);
	init_waitqueue_head(&ctx->fd_wqh);
#endif
	ctx->pending = 0;
	return ctx;
}

int userfaultfd_ctx_read(struct userfaultfd_ctx *ctx)
{
	int got = 0;

	spin_lock_irq(&ctx->fd_wqh.lock);
	/* the documented order: fd_wqh, then fault_pending_wqh */
	spin_lock(&ctx->fault_pending_wqh.lock); /* expect(uffd-one-init-site): recursive-lock wait_queue_head.lock acquired in userfaultfd_ctx_read is already held */
	if (ctx->pending) {
		ctx->pending--;
		got = 1;
	}
	spin_unlock(&ctx->fault_pending_wqh.lock);
	spin_unlock_irq(&ctx->fd_wqh.lock);
	return got;
}
