/* SPDX-License-Identifier: GPL-2.0-only
 * netdevice.h - a network device as far as an MTU change goes: the core's
 * dev_set_mtu() (net/core/dev.c) ends in the device's ndo_change_mtu(),
 * which a device that stacks on others (a team, a bond, a bridge) passes on
 * to each lower device.  A driver's private state follows the net_device
 * in one allocation (netdev_priv()).  A packet leaves through
 * dev_queue_xmit(), which ends in the driver's ndo_start_xmit() for the
 * device the skb names (net/core/dev_xmit.c), in the sender's context.
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/kernel.h>

struct net_device;
struct sk_buff;

typedef enum netdev_tx {
	NETDEV_TX_OK	= 0x00,
	NETDEV_TX_BUSY	= 0x10,
} netdev_tx_t;

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
};

struct net_device {
	char name[16];
	unsigned int mtu;
	const struct net_device_ops *netdev_ops;
	void (*priv_destructor)(struct net_device *dev);
	unsigned long priv_room[0];	/* the driver's state starts here */
};

static inline void *netdev_priv(const struct net_device *dev)
{
	return (void *)dev->priv_room;
}

/* The driver's transmit, called through the device's own table. */
static inline netdev_tx_t __netdev_start_xmit(const struct net_device_ops *ops, struct sk_buff *skb,
					      struct net_device *dev)
{
	return ops->ndo_start_xmit(skb, dev);
}

static inline netdev_tx_t netdev_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	return __netdev_start_xmit(ops, skb, dev);
}

int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev);

static inline int dev_queue_xmit(struct sk_buff *skb)
{
	return __dev_queue_xmit(skb, NULL);
}

int dev_set_mtu(struct net_device *dev, int new_mtu);
void netdev_state_change(struct net_device *dev);
int __dev_set_mtu(struct net_device *dev, int new_mtu);
int register_netdevice(struct net_device *dev);
void netdev_notify_peers(struct net_device *dev);
void __netdev_notify_peers(struct net_device *dev);
void netdev_queue_todo(struct net_device *dev);

#endif
