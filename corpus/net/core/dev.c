/* SPDX-License-Identifier: GPL-2.0-only
 * dev.c - corpus model of the MTU part of net/core/dev.c: dev_set_mtu()
 * checks the value and calls the device's own ndo_change_mtu() through its
 * net_device_ops, or just stores the MTU.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/netdevice.h>

int __dev_set_mtu(struct net_device *dev, int new_mtu)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (!ops->ndo_change_mtu) {
		WRITE_ONCE(dev->mtu, new_mtu);
		return 0;
	}
	return ops->ndo_change_mtu(dev, new_mtu);
}

int dev_set_mtu(struct net_device *dev, int new_mtu)
{
	if (new_mtu < 68)
		return -EINVAL;
	if (dev->mtu == (unsigned int)new_mtu)
		return 0;
	return __dev_set_mtu(dev, new_mtu);
}

int register_netdevice(struct net_device *dev)
{
	if (dev->netdev_ops->ndo_init)
		return dev->netdev_ops->ndo_init(dev);
	return 0;
}
