/* SPDX-License-Identifier: GPL-2.0-only
 * task_work.h - work a task runs on its way back to user mode.  It reuses
 * RCU's struct callback_head: init_task_work() stores the function into
 * head->func, task_work_add() queues the head on a task, and that task calls
 * it from task_work_run() in process context, with no locks held and
 * interrupts on.  An RCU callback stored into the same field runs from the
 * RCU softirq instead: the field alone does not say which.
 */
#ifndef _LINUX_TASK_WORK_H
#define _LINUX_TASK_WORK_H

#include <linux/rcupdate.h>
#include <linux/sched.h>

typedef void (*task_work_func_t)(struct callback_head *);

enum task_work_notify_mode {
	TWA_NONE,
	TWA_RESUME,
	TWA_SIGNAL,
};

static inline void init_task_work(struct callback_head *twork, task_work_func_t func)
{
	twork->func = func;
}

extern struct task_struct *get_current(void);
#define current get_current()

extern int task_work_add(struct task_struct *task, struct callback_head *twork,
			 enum task_work_notify_mode mode);
extern void task_work_run(void);

#endif
