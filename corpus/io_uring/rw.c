// SPDX-License-Identifier: GPL-2.0-only
/*
 * rw.c - io_uring's asynchronous reads and writes, modelled on
 * io_uring/rw.c: the part a completion runs.  Preparing a request sets its
 * kiocb's ki_complete to io_complete_rw(), which the layer below calls
 * from wherever the I/O ended: for a block device, the bio's end_io, in
 * the device's interrupt.
 *
 * A result of -EAGAIN may be retried by the submitting task ("reissue").
 * Before that, the attempt's accounting is ended, and io_req_io_end()
 * tells fsnotify, which may sleep.  Whether to reissue is
 * io_rw_should_reissue()'s decision, and outside task context it says no:
 * its last test is !in_task().  So in an interrupt the reissue branch
 * never runs; the predicate's answer, not the branch's own condition,
 * says so.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fsnotify.h>
#include <linux/preempt.h>

#define REQ_F_ISREG	(1U << 0)
#define REQ_F_NOWAIT	(1U << 1)
#define REQ_F_REISSUE	(1U << 2)

struct io_kiocb {
	struct kiocb rw;
	struct file *file;
	unsigned int flags;
	long cqe_res;		/* what the completion entry will say */
};

extern void io_req_task_work_add(struct io_kiocb *req);

/* A retry is the submitting task's business: only for regular files and
 * block devices, never for a NOWAIT request, never from an interrupt.
 * (-DIO_REISSUE_ANY_CONTEXT leaves the last test out: the control.) */
static bool io_rw_should_reissue(struct io_kiocb *req)
{
	if (!(req->flags & REQ_F_ISREG))
		return false;
	if (req->flags & REQ_F_NOWAIT)
		return false;
#ifndef IO_REISSUE_ANY_CONTEXT
	if (!in_task())
		return false;
#endif
	return true;
}

static void io_req_io_end(struct io_kiocb *req)
{
	if (req->rw.ki_flags & IOCB_WRITE)
		fsnotify_modify(req->file);
	else
		fsnotify_access(req->file);
}

/* True when the request is to be reissued rather than completed. */
static bool __io_complete_rw_common(struct io_kiocb *req, long res)
{
	if (res == req->cqe_res)
		return false;
	if ((res == -EAGAIN || res == -EOPNOTSUPP) && io_rw_should_reissue(req)) {
		io_req_io_end(req);
		req->flags |= REQ_F_REISSUE;
		return true;
	}
	req->cqe_res = res;
	return false;
}

static void io_complete_rw(struct kiocb *kiocb, long res)
{
	struct io_kiocb *req = container_of(kiocb, struct io_kiocb, rw);

	if (__io_complete_rw_common(req, res))
		return;
	req->cqe_res = res;
	io_req_task_work_add(req);
}

int io_prep_rw(struct io_kiocb *req, struct file *file, bool write)
{
	req->file = file;
	req->rw.ki_filp = file;
	req->rw.ki_flags = write ? IOCB_WRITE : 0;
	req->rw.ki_complete = io_complete_rw;
	return 0;
}
