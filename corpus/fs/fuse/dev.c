/* SPDX-License-Identifier: GPL-2.0-only
 * dev.c - handing FUSE requests to the daemon, modelled on fs/fuse/dev.c.
 *
 * A request normally waits for a free slot (fuse_get_req sleeps while the
 * connection is blocked).  A sender that must not sleep, such as writeback
 * flushing under the inode's spinlock, sets args->force first and gets a
 * request allocated without waiting.  The test sits in the callee, the
 * store in its caller (or the caller's caller): lockpath carries the
 * constant member from the store into the test.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/err.h>
#include "fuse_i.h"

static struct fuse_req *fuse_req_new(struct fuse_args *args, gfp_t gfp)
{
	struct fuse_req *req = kmalloc(sizeof(*req), gfp);

	if (req)
		req->args = args;
	return req;
}

/* Wait for a request slot: the connection may be blocked for a long time. */
static struct fuse_req *fuse_get_req(struct fuse_mount *fm, struct fuse_args *args)
{
	struct fuse_conn *fc = fm->fc;

	wait_event(fc->blocked_waitq, !fc->blocked); /* expect(member-guard-fuse-nostore): sleep-in-atomic */
	return fuse_req_new(args, GFP_KERNEL);
}

/* A request whose reply someone waits for: wait until replies are allowed. */
static struct fuse_req *fuse_get_reply_req(struct fuse_mount *fm, struct fuse_args *args)
{
	struct fuse_conn *fc = fm->fc;

	wait_event(fc->blocked_waitq, fc->num_background < 16);
	return fuse_req_new(args, GFP_KERNEL);
}

static void fuse_queue_background(struct fuse_conn *fc, struct fuse_req *req)
{
	spin_lock(&fc->bg_lock);
	fc->num_background++;
	req->flags |= 1;
	spin_unlock(&fc->bg_lock);
}

int fuse_simple_background(struct fuse_mount *fm, struct fuse_args *args, gfp_t gfp)
{
	struct fuse_req *req;

	if (args->force)
		req = fuse_req_new(args, gfp);   /* no waiting: the sender cannot sleep */
	else
		req = fuse_get_req(fm, args);
	if (!req)
		return -ENOMEM;
	fuse_queue_background(fm->fc, req);
	return 0;
}

/* A layer between the store and the test: the args pointer passed on. */
int fuse_background_submit(struct fuse_mount *fm, struct fuse_args *args)
{
	args->opcode = 16;
	return fuse_simple_background(fm, args, GFP_ATOMIC);
}

/* A notification reply: the same choice written as '?:'. */
int fuse_simple_notify(struct fuse_mount *fm, struct fuse_args *args)
{
	struct fuse_req *req = args->noreply ? fuse_req_new(args, GFP_ATOMIC) :
						 fuse_get_reply_req(fm, args);

	if (!req)
		return -ENOMEM;
	fuse_queue_background(fm->fc, req);
	return 0;
}
