// SPDX-License-Identifier: GPL-2.0-only
/*
 * dev_xmit.c - a packet's way from dev_queue_xmit() to its device's
 * driver, for a device with no queueing discipline (models
 * __dev_queue_xmit(), dev_hard_start_xmit() and xmit_one() of
 * net/core/dev.c).  The device is the one the skb names; its driver's
 * ndo_start_xmit() runs in the sender's context, under the sender's locks.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>

static int xmit_one(struct sk_buff *skb, struct net_device *dev)
{
	return netdev_start_xmit(skb, dev);
}

/* Each skb of the list in turn; what is left when the driver is busy. */
static struct sk_buff *dev_hard_start_xmit(struct sk_buff *first, struct net_device *dev, int *ret)
{
	struct sk_buff *skb = first;

	while (skb) {
		struct sk_buff *next = skb->next;

		skb->next = NULL;
		*ret = xmit_one(skb, dev);
		if (*ret != NETDEV_TX_OK) {
			skb->next = next;
			break;
		}
		skb = next;
	}
	return skb;
}

int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev)
{
	struct net_device *dev = sb_dev ? sb_dev : skb->dev;
	int rc = NETDEV_TX_BUSY;

	skb = dev_hard_start_xmit(skb, dev, &rc);
	if (skb)
		kfree_skb(skb);
	return rc;
}
