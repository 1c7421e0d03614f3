/* SPDX-License-Identifier: GPL-2.0-only
 * dev_todo.c - the unregistrations queued under the RTNL, finished by its
 * release (corpus model of net/core/dev.c's netdev_run_todo()).
 *
 * rtnl_unlock() is this function: it gives the mutex back first
 * (__rtnl_unlock(), in rtnetlink.c) and only then waits for each device's
 * last reference, taking the RTNL again around every rebroadcast.  Both
 * the release and the second acquire are calls into another file.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/delay.h>

#define TODO_MAX 8

static struct net_device *todo_list[TODO_MAX];
static int todo_count;

void netdev_queue_todo(struct net_device *dev)
{
	if (todo_count < TODO_MAX)
		todo_list[todo_count++] = dev;
}

static void netdev_wait_allrefs(struct net_device *dev)
{
	rtnl_lock();	/* rebroadcast the unregistration */
	dev->mtu = 0;
	__rtnl_unlock();
	msleep(250);
}

void netdev_run_todo(void)
{
	int n = todo_count;

	todo_count = 0;
	__rtnl_unlock();
	for (int i = 0; i < n; i++)
		netdev_wait_allrefs(todo_list[i]);
}
