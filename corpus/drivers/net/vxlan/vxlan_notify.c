// SPDX-License-Identifier: GPL-2.0-only
/*
 * vxlan_notify.c - a vxlan device learns where a sender is under its
 * forwarding database's bucket lock, and the ageing timer tells netlink's
 * listeners of each entry it deletes under that lock (models vxlan_xmit()
 * -> vxlan_snoop() and vxlan_cleanup() -> vxlan_fdb_destroy() ->
 * __vxlan_fdb_notify() -> rtnl_notify() of drivers/net/vxlan/vxlan_core.c,
 * one transmit call shorter).  Netlink hands every message it delivers to
 * its taps' devices, and the vxlan transmit takes the bucket lock; but a
 * tap's device is always an nlmon device (drivers/net/nlmon.c), so the
 * notification never comes back into vxlan_xmit().
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <net/net_namespace.h>

#define FDB_BUCKETS	4
#define RTNLGRP_NEIGH	3

struct vxlan_fdb {
	unsigned long used;
	unsigned int bucket;
};

struct vxlan_dev {
	struct net_device *dev;
	struct net *net;
	spinlock_t hash_lock[FDB_BUCKETS];
	struct vxlan_fdb *fdb[FDB_BUCKETS];
	struct timer_list age_timer;
	unsigned long age_interval;
};

static void vxlan_fdb_notify(struct vxlan_dev *vxlan, struct vxlan_fdb *f)
{
	struct sk_buff *skb = alloc_skb(64 + f->bucket, GFP_ATOMIC);

	if (skb)
		rtnl_notify(skb, vxlan->net, 0, RTNLGRP_NEIGH, NULL, GFP_ATOMIC);
}

static void vxlan_fdb_destroy(struct vxlan_dev *vxlan, struct vxlan_fdb *f)
{
	vxlan->fdb[f->bucket] = NULL;
	vxlan_fdb_notify(vxlan, f);
	kfree(f);
}

static void vxlan_age_cleanup(struct timer_list *t)
{
	struct vxlan_dev *vxlan = from_timer(vxlan, t, age_timer);
	unsigned int b;

	for (b = 0; b < FDB_BUCKETS; b++) {
		struct vxlan_fdb *f;

		spin_lock(&vxlan->hash_lock[b]);
		f = vxlan->fdb[b];
		if (f && jiffies - f->used >= vxlan->age_interval)
			vxlan_fdb_destroy(vxlan, f);
		spin_unlock(&vxlan->hash_lock[b]);
	}
	mod_timer(&vxlan->age_timer, jiffies + vxlan->age_interval);
}

/* The sender's entry is fresh again. */
static void vxlan_snoop(struct net_device *dev, unsigned int bucket)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);

	spin_lock(&vxlan->hash_lock[bucket]); /* expect(netlink-tap-attach): recursive-lock */
	if (vxlan->fdb[bucket])
		vxlan->fdb[bucket]->used = jiffies;
	spin_unlock(&vxlan->hash_lock[bucket]);
}

static netdev_tx_t vxlan_xmit(struct sk_buff *skb, struct net_device *dev)
{
	vxlan_snoop(dev, skb->len % FDB_BUCKETS);
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops vxlan_netdev_ops = {
	.ndo_start_xmit	= vxlan_xmit,
};

/* rtnl_link_ops.setup in the kernel: a new vxlan device's table */
void vxlan_setup(struct net_device *dev)
{
	dev->netdev_ops = &vxlan_netdev_ops;
}

void vxlan_age_init(struct vxlan_dev *vxlan)
{
	timer_setup(&vxlan->age_timer, vxlan_age_cleanup, 0);
}
