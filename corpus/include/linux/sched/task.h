/* SPDX-License-Identifier: GPL-2.0-only
 * sched/task.h - a task's reference count: get_task_struct() takes one on
 * a task its caller holds (or looked up under RCU), put_task_struct()
 * frees the task where the count hits zero (rules: refcount-get
 * refcount_inc, refcount-drop refcount_dec_and_test).  The corpus's task
 * is only what these need.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/refcount.h>
#include <linux/list.h>

struct thread_struct {
	struct list_head list;   /* on the pfault wait list */
	int pfault_wait;
};

struct task_struct {
	refcount_t usage;
	int pid;
	struct thread_struct thread;
};

extern void __put_task_struct(struct task_struct *t);

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	refcount_inc(&t->usage);
	return t;
}

static inline void put_task_struct(struct task_struct *t)
{
	if (!refcount_dec_and_test(&t->usage))
		return;
	__put_task_struct(t);
}

#endif
