/* SPDX-License-Identifier: GPL-2.0-only
 * dev_notify.c - telling the neighbours a device moved (corpus model of
 * net/core/dev.c's netdev_notify_peers()).  The plain call takes the RTNL
 * itself; the '__' one is for a caller that holds it.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

void __netdev_notify_peers(struct net_device *dev)
{
	ASSERT_RTNL();
	dev->mtu = dev->mtu;	/* stands for the NETDEV_NOTIFY_PEERS notifiers */
}

void netdev_notify_peers(struct net_device *dev)
{
	rtnl_lock();
	__netdev_notify_peers(dev);
	rtnl_unlock();
}
