/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_net_announce.c - virtio-net's configuration-change work (corpus
 * model of drivers/net/virtio_net.c): the device asks the driver to
 * announce its new location; the driver updates its settings under the
 * RTNL, notifies the peers and acknowledges the announcement.
 *
 * The RTNL's lock and unlock are functions of another file (rtnetlink.c),
 * and so is the notification (dev_notify.c).  netdev_notify_peers() takes
 * the RTNL itself: called where this work holds it (the variant built with
 * VIRTNET_ANNOUNCE_UNDER_RTNL) it deadlocks; the driver must call
 * __netdev_notify_peers() there, or notify after its rtnl_unlock().
 */
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

struct virtnet_info {
	struct net_device *dev;
	struct work_struct config_work;
	unsigned int new_mtu;
	bool announce;
};

static void virtnet_update_settings(struct virtnet_info *vi)
{
	vi->dev->mtu = vi->new_mtu;
}

static void virtnet_config_changed_work(struct work_struct *work)
{
	struct virtnet_info *vi = container_of(work, struct virtnet_info, config_work);

	rtnl_lock();
	virtnet_update_settings(vi);
#ifdef VIRTNET_ANNOUNCE_UNDER_RTNL
	if (vi->announce)
		netdev_notify_peers(vi->dev);
#endif
	rtnl_unlock();
#ifndef VIRTNET_ANNOUNCE_UNDER_RTNL
	if (vi->announce)
		netdev_notify_peers(vi->dev);
#endif
	vi->announce = false;
}

void virtnet_init_config_work(struct virtnet_info *vi)
{
	INIT_WORK(&vi->config_work, virtnet_config_changed_work);
}
