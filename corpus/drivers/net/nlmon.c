// SPDX-License-Identifier: GPL-2.0-only
/*
 * nlmon.c - the netlink monitor: a network device that, once up, is a
 * netlink tap, and whose transmit counts what netlink copies to it and
 * drops it (models drivers/net/nlmon.c).  Its own ndo_open puts the
 * device into its tap; nothing else in the kernel sets a tap's device.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>

struct nlmon {
	struct netlink_tap nt;
	unsigned long packets;
	unsigned long bytes;
};

static netdev_tx_t nlmon_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct nlmon *nlmon = netdev_priv(dev);

	nlmon->packets++;
	nlmon->bytes += skb->len;
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static int nlmon_open(struct net_device *dev)
{
	struct nlmon *nlmon = netdev_priv(dev);

	nlmon->nt.dev = dev;
	nlmon->nt.module = THIS_MODULE;
	return netlink_add_tap(&nlmon->nt);
}

static int nlmon_close(struct net_device *dev)
{
	struct nlmon *nlmon = netdev_priv(dev);

	return netlink_remove_tap(&nlmon->nt);
}

static const struct net_device_ops nlmon_ops = {
	.ndo_open	= nlmon_open,
	.ndo_stop	= nlmon_close,
	.ndo_start_xmit	= nlmon_xmit,
};

/* rtnl_link_ops.setup in the kernel: a new nlmon device's table */
void nlmon_setup(struct net_device *dev)
{
	dev->netdev_ops = &nlmon_ops;
}
