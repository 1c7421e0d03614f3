/* SPDX-License-Identifier: GPL-2.0-only
 * dev_state.c - telling the stack that a device's state changed (corpus
 * model).  netdev_state_change() runs under the RTNL, and says so with
 * ASSERT_RTNL(); the link watcher then refreshes its view under its own
 * mutex.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

static DEFINE_MUTEX(linkwatch_mutex);
static unsigned long linkwatch_events;

static void linkwatch_refresh(struct net_device *dev)
{
	(void)dev;
	mutex_lock(&linkwatch_mutex);
	linkwatch_events++;
	mutex_unlock(&linkwatch_mutex);
}

void netdev_state_change(struct net_device *dev)
{
	ASSERT_RTNL();
	linkwatch_refresh(dev);
}
