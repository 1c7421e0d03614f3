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
#include <linux/mutex.h>

/* The monitor's private part: its place on the tap list, and a count. */
struct nlmon {
	struct netlink_tap nt;
	unsigned long seen_bytes;
};

#ifdef NLMON_STATS_MUTEX
/* A monitor that counts under a mutex: wrong in a transmit, which runs in
 * whatever context sent the message (a timer's, here). */
static DEFINE_MUTEX(nlmon_stats_mutex);
#endif

/* Every copy is counted and dropped; a monitor never sends anything on. */
static netdev_tx_t nlmon_xmit(struct sk_buff *copy, struct net_device *monitor)
{
	struct nlmon *mon = netdev_priv(monitor);

#ifdef NLMON_STATS_MUTEX
	mutex_lock(&nlmon_stats_mutex); /* expect(netlink-tap-owner-sleeps): sleep-in-atomic its object came from netlink_tap.dev, which only that file's methods fill */
#endif
	mon->seen_bytes += copy->len;
#ifdef NLMON_STATS_MUTEX
	mutex_unlock(&nlmon_stats_mutex);
#endif
	consume_skb(copy);
	return NETDEV_TX_OK;
}

/* Up: the device joins the tap list as itself. */
static int nlmon_open(struct net_device *monitor)
{
	struct nlmon *mon = netdev_priv(monitor);

	mon->nt.module = THIS_MODULE;
	mon->nt.dev = monitor;
	return netlink_add_tap(&mon->nt);
}

/* Down: off the list again. */
static int nlmon_stop(struct net_device *monitor)
{
	struct nlmon *mon = netdev_priv(monitor);

	return netlink_remove_tap(&mon->nt);
}

static const struct net_device_ops nlmon_netdev_ops = {
	.ndo_start_xmit	= nlmon_xmit,
	.ndo_open	= nlmon_open,
	.ndo_stop	= nlmon_stop,
};

/* rtnl_link_ops.setup in the kernel: a new monitor gets its table */
void nlmon_setup(struct net_device *monitor)
{
	monitor->netdev_ops = &nlmon_netdev_ops;
}
