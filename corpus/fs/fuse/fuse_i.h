/* SPDX-License-Identifier: GPL-2.0-only
 * fuse_i.h - the corner of a FUSE client that writeback needs: the
 * arguments of one request (whose flags its sender sets before handing it
 * over), the connection's request slots, and the per-inode lock under which
 * queued writes are flushed.
 */
#ifndef _FS_FUSE_I_H
#define _FS_FUSE_I_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/gfp.h>

struct fuse_args {
	int opcode;
	bool force;      /* send even when the connection is out of request slots */
	bool nocreds;    /* no caller credentials: the sender is the kernel itself */
	bool noreply;
	void (*end)(struct fuse_args *args, int error);
};

struct fuse_req {
	struct fuse_args *args;
	unsigned long flags;
};

struct fuse_conn {
	spinlock_t bg_lock;
	wait_queue_head_t blocked_waitq;
	int blocked;
	int num_background;
};

struct fuse_mount {
	struct fuse_conn *fc;
};

struct fuse_writepage_args {
	struct fuse_args args;
	struct fuse_writepage_args *next;
};

struct fuse_inode {
	spinlock_t lock;                     /* guards the queue of pending writes */
	struct fuse_writepage_args *queued;
	int writectr;
};

int fuse_simple_background(struct fuse_mount *fm, struct fuse_args *args, gfp_t gfp);
int fuse_background_submit(struct fuse_mount *fm, struct fuse_args *args);
int fuse_simple_notify(struct fuse_mount *fm, struct fuse_args *args);

#endif
