/* SPDX-License-Identifier: GPL-2.0-only
 * closure.c - dropping a closure's count, modelled on
 * drivers/md/bcache/closure.c: at zero, a closure with a function and a
 * workqueue is queued (closure_queue(): the function runs as a work item,
 * in process context); a destructor, or a function set with no workqueue,
 * runs right here, in the context of whoever dropped the last count; then
 * the parent's count drops.
 */
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include "closure.h"

static void closure_work_fn(struct work_struct *work)
{
	struct closure *cl = container_of(work, struct closure, work);

	cl->fn(cl);
}

static void closure_queue(struct closure *cl)
{
	struct workqueue_struct *wq = cl->wq;

	if (wq) {
		INIT_WORK(&cl->work, closure_work_fn);
		queue_work(wq, &cl->work);
	} else {
		cl->fn(cl);
	}
}

static void closure_put_after_sub(struct closure *cl, int flags)
{
	int r = flags & CLOSURE_REMAINING_MASK;

	if (r)
		return;
	if (cl->fn && !(flags & CLOSURE_DESTRUCTOR)) {
		atomic_set(&cl->remaining, CLOSURE_RUNNING + 1);
		closure_queue(cl);
	} else {
		struct closure *parent = cl->parent;
		closure_fn *destructor = cl->fn;

		if (destructor)
			destructor(cl);
		if (parent)
			closure_put(parent);
	}
}

void closure_sub(struct closure *cl, int v)
{
	closure_put_after_sub(cl, atomic_sub_return(v, &cl->remaining));
}

void closure_put(struct closure *cl)
{
	closure_put_after_sub(cl, atomic_sub_return(1, &cl->remaining));
}
