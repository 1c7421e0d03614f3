/* SPDX-License-Identifier: GPL-2.0-only
 * workqueue.h - deferred work.  INIT_WORK() is a macro that stores the
 * work function in work_struct.func; queue_work() and schedule_work() are
 * static inlines over the out-of-line queue_work_on().  The work function
 * later runs in process context with no locks held: queueing is not a call.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *w);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

struct workqueue_struct;

#define WORK_CPU_UNBOUND	512

enum {
	WQ_UNBOUND		= 1 << 1,
	WQ_FREEZABLE		= 1 << 2,
	WQ_MEM_RECLAIM		= 1 << 3,
	WQ_CPU_INTENSIVE	= 1 << 5,
};

static inline void __init_work(struct work_struct *w, int onstack)
{
}

#define __INIT_WORK(w_, fn_, onstack_)					\
	do {								\
		__init_work((w_), onstack_);				\
		(w_)->data = (atomic_long_t){ 0 };			\
		INIT_LIST_HEAD(&(w_)->entry);				\
		(w_)->func = (fn_);					\
	} while (0)

#define INIT_WORK(w_, fn_)		__INIT_WORK((w_), (fn_), 0)

#define __WORK_INITIALIZER(n, f)	{ .data = { 0 }, .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define DECLARE_WORK(n, f)		struct work_struct n = __WORK_INITIALIZER(n, f)

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_freezable_wq;

extern struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
						int max_active, ...);
extern void destroy_workqueue(struct workqueue_struct *q);

extern bool queue_work_on(int cpu, struct workqueue_struct *q, struct work_struct *w);
extern bool cancel_work_sync(struct work_struct *w);
extern bool flush_work(struct work_struct *w);
extern void flush_workqueue(struct workqueue_struct *q);

static inline bool queue_work(struct workqueue_struct *q, struct work_struct *w)
{
	return queue_work_on(WORK_CPU_UNBOUND, q, w);
}

static inline bool schedule_work(struct work_struct *w)
{
	return queue_work(system_wq, w);
}

#endif
