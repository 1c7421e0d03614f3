/* SPDX-License-Identifier: GPL-2.0-only
 * file_table.c - the end of a struct file.  The last fput() does not
 * release the file in its caller's context (which may hold locks, or be an
 * interrupt): it queues ____fput() as task work on the current task, which
 * runs it on the way back to user mode, in process context.  __fput() calls
 * the driver's release, which may sleep, and frees the struct itself after
 * an RCU grace period, from the RCU softirq.
 *
 * Both deferrals store into struct callback_head's func: the task work
 * through init_task_work() (rules: register init_task_work 1 process), the
 * free through call_rcu() (register-less: the field's own context, softirq).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/task_work.h>

static void file_free_rcu(struct callback_head *head)
{
	kfree(container_of(head, struct file, f_rcuhead));
}

static void __fput(struct file *file)
{
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	call_rcu(&file->f_rcuhead, file_free_rcu);
}

static void ____fput(struct callback_head *work)
{
	__fput(container_of(work, struct file, f_task_work));
}

void fput(struct file *file)
{
	if (atomic_dec_and_test(&file->f_count)) {
		init_task_work(&file->f_task_work, ____fput);
		task_work_add(current, &file->f_task_work, TWA_RESUME);
	}
}
