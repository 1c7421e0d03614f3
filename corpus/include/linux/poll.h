/* SPDX-License-Identifier: GPL-2.0-only
 * poll.h - poll tables.  A file's poll method hands each of its wait queues
 * to poll_wait(), which calls the poll table's queueing procedure: the
 * poller (select, epoll, vhost, an eventfd user) decides there what to put
 * on the queue.  Which queue that is, only the polled file knows.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/wait.h>

struct file;
struct poll_table_struct;
typedef void (*poll_queue_proc)(struct file *filp, struct wait_queue_head *wq,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	unsigned long _key;
} poll_table;

static inline void poll_wait(struct file *filp, struct wait_queue_head *wq, poll_table *pt)
{
	if (pt && pt->_qproc && wq)
		pt->_qproc(filp, wq, pt);
}

#endif
