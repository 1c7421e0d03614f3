// SPDX-License-Identifier: GPL-2.0-only
/*
 * igmp_report.c - IGMPv3 state-change reports (models igmp_ifc_timer_expire()
 * and igmpv3_send_cr() in net/ipv4/igmp.c): the interface timer builds and
 * sends the report with the device's tombstone list locked, and a query
 * received on the device clears that list under the same lock.
 * -DIGMP_REINJECT_HELD has the timer also give back a packet it had queued
 * earlier, with the lock held.
 */
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/netfilter.h>
#include <net/netfilter/nf_queue.h>

struct in_device {
	struct net *net;
	spinlock_t mc_tomb_lock;
	struct timer_list mr_ifc_timer;
	int tombs;
	struct nf_queue_entry *parked;
};

int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb);
struct sk_buff *igmp_build_report(struct in_device *in_dev);
struct in_device *igmp_dev_of(struct sk_buff *skb);

static void igmp_report_changes(struct in_device *in_dev)
{
	struct sk_buff *skb;

	spin_lock_bh(&in_dev->mc_tomb_lock);
	skb = igmp_build_report(in_dev);
	if (skb)
		ip_local_out(in_dev->net, NULL, skb);
#ifdef IGMP_REINJECT_HELD
	if (in_dev->parked)
		nf_reinject(in_dev->parked, NF_ACCEPT);
#endif
	spin_unlock_bh(&in_dev->mc_tomb_lock);
}

static void igmp_ifc_timer_expire(struct timer_list *t)
{
	struct in_device *in_dev = from_timer(in_dev, t, mr_ifc_timer);

	igmp_report_changes(in_dev);
}

void igmp_rcv(struct sk_buff *skb)
{
	struct in_device *in_dev = igmp_dev_of(skb);

	spin_lock_bh(&in_dev->mc_tomb_lock);	/* expect(netfilter-reinject-parked): recursive-lock in_device.mc_tomb_lock acquired in igmp_rcv is already held */
	in_dev->tombs = 0;
	spin_unlock_bh(&in_dev->mc_tomb_lock);
}

void igmp_dev_init(struct in_device *in_dev)
{
	timer_setup(&in_dev->mr_ifc_timer, igmp_ifc_timer_expire, 0);
}
