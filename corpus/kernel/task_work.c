/* SPDX-License-Identifier: GPL-2.0-only
 * task_work.c - the queue of a task's pending work and its runner.  A
 * returning task calls task_work_run(), which calls each queued head's
 * func: the dispatch of deferred work (rules: callback_head.func), whose
 * functions are entries of their own, in the context their API gives them.
 */
#include <linux/task_work.h>

static struct callback_head *pending_work;

int task_work_add(struct task_struct *task, struct callback_head *work,
		  enum task_work_notify_mode mode)
{
	(void)task;
	(void)mode;
	work->next = pending_work;
	pending_work = work;
	return 0;
}

void task_work_run(void)
{
	struct callback_head *work;

	while ((work = pending_work) != NULL) {
		pending_work = work->next;
		work->func(work);
	}
}
