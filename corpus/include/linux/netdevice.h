/* SPDX-License-Identifier: GPL-2.0-only
 * netdevice.h - a network device as far as an MTU change goes: the core's
 * dev_set_mtu() (net/core/dev.c) ends in the device's ndo_change_mtu(),
 * which a device that stacks on others (a team, a bond, a bridge) passes on
 * to each lower device.  A driver's private state follows the net_device
 * in one allocation (netdev_priv()).
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/kernel.h>

struct net_device;

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
};

struct net_device {
	char name[16];
	unsigned int mtu;
	const struct net_device_ops *netdev_ops;
	unsigned long priv_room[0];	/* the driver's state starts here */
};

static inline void *netdev_priv(const struct net_device *dev)
{
	return (void *)dev->priv_room;
}

int dev_set_mtu(struct net_device *dev, int new_mtu);
void netdev_state_change(struct net_device *dev);
int __dev_set_mtu(struct net_device *dev, int new_mtu);
int register_netdevice(struct net_device *dev);
void netdev_notify_peers(struct net_device *dev);
void __netdev_notify_peers(struct net_device *dev);
void netdev_queue_todo(struct net_device *dev);

#endif
