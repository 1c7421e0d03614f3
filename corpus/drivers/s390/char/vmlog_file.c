/* SPDX-License-Identifier: GPL-2.0-only
 * vmlog_file.c - a character device for a z/VM log reader.  Its release
 * (called by __fput(), from task work: process context) takes the reader
 * mutex, which is fine.  It hands the read buffer to RCU, and the RCU
 * callback, written as if it ran in the releasing task, takes the same
 * mutex: in softirq context.
 *
 * Must find: sleep-in-atomic in vmlog_buf_free_rcu (an RCU callback).
 * Must not find: the mutex in vmlog_release, reached from ____fput, whose
 * function shares callback_head.func with RCU's callbacks but was stored
 * by init_task_work(): task work runs in process context.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/rcupdate.h>

struct vmlog_buf {
	struct rcu_head rcu;
	int records;
};

static DEFINE_MUTEX(vmlog_mutex);
static int vmlog_readers;
static int vmlog_records_freed;

static void vmlog_buf_free_rcu(struct rcu_head *head)
{
	struct vmlog_buf *buf = container_of(head, struct vmlog_buf, rcu);

	mutex_lock(&vmlog_mutex); /* expect: sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in softirq context */
	vmlog_records_freed += buf->records;
	mutex_unlock(&vmlog_mutex);
	kfree(buf);
}

static int vmlog_release(struct inode *inode, struct file *file)
{
	struct vmlog_buf *buf = file->private_data;

	(void)inode;
	mutex_lock(&vmlog_mutex);
	vmlog_readers--;
	mutex_unlock(&vmlog_mutex);
	call_rcu(&buf->rcu, vmlog_buf_free_rcu);
	return 0;
}

const struct file_operations vmlog_fops = {
	.release = vmlog_release,
};
