/* SPDX-License-Identifier: GPL-2.0-only
 * closure.h - bcache's closures, modelled on drivers/md/bcache/closure.h: a
 * refcounted continuation.  continue_at(cl, fn, wq) stores fn (and wq)
 * through set_closure_fn(); when the count drops to zero,
 * closure_put_after_sub() (closure.c) queues fn on wq as a work item, or,
 * with no wq or as a destructor, calls it on the spot.
 */
#ifndef _BCACHE_CLOSURE_H
#define _BCACHE_CLOSURE_H

#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/workqueue.h>

struct closure;
typedef void (closure_fn)(struct closure *);

#define CLOSURE_REMAINING_MASK	((1 << 20) - 1)
#define CLOSURE_DESTRUCTOR	(1 << 21)
#define CLOSURE_RUNNING		(1 << 22)

struct closure {
	struct workqueue_struct *wq;
	struct work_struct work;
	closure_fn *fn;
	struct closure *parent;
	atomic_t remaining;
};

extern void closure_sub(struct closure *cl, int v);
extern void closure_put(struct closure *cl);

static inline void closure_init(struct closure *cl, struct closure *parent)
{
	cl->fn = NULL;
	cl->wq = NULL;
	cl->parent = parent;
	atomic_set(&cl->remaining, CLOSURE_RUNNING + 1);
}

static inline void set_closure_fn(struct closure *cl, closure_fn *fn, struct workqueue_struct *wq)
{
	cl->fn = fn;
	cl->wq = wq;
}

#define continue_at(_cl, _fn, _wq)					\
	do {								\
		set_closure_fn(_cl, _fn, _wq);				\
		closure_sub(_cl, CLOSURE_RUNNING + 1);			\
	} while (0)

#define closure_return(_cl)	continue_at((_cl), NULL, NULL)

#define closure_return_with_destructor(_cl, _destructor)		\
	do {								\
		set_closure_fn(_cl, _destructor, NULL);			\
		closure_sub(_cl, CLOSURE_RUNNING - CLOSURE_DESTRUCTOR + 1); \
	} while (0)

#endif
