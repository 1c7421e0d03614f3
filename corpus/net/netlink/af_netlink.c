// SPDX-License-Identifier: GPL-2.0-only
/*
 * af_netlink.c - a unicast to a kernel socket runs that socket's input
 * at once, in the sender's context; to a user's socket it is queued there
 * and the socket's data-ready callback told.  A notification unicasts only
 * when the request asked for a report (models netlink_unicast(),
 * netlink_kernel_create() and nlmsg_notify() in net/netlink/af_netlink.c).
 * Every socket the lookup finds is a netlink socket: the unicast reads it
 * as one (nlk_sk(), a container_of() of the first member) before it
 * delivers anything.  Every delivery also hands a copy to each tap on the
 * tap list: a network device's transmit, called from here
 * (netlink_deliver_tap(), as in the kernel).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/export.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <net/netlink.h>

#define NETLINK_F_KERNEL_SOCKET	0x1

struct netlink_sock {
	struct sock sk;
	unsigned long flags;
	unsigned int rmem_limit;
	void (*netlink_rcv)(struct sk_buff *skb);
};

static inline struct netlink_sock *nlk_sk(struct sock *sk)
{
	return container_of(sk, struct netlink_sock, sk);
}

extern struct sock *netlink_getsockbyportid(struct sock *ssk, u32 portid);

static bool netlink_is_kernel(struct sock *sk)
{
	return nlk_sk(sk)->flags & NETLINK_F_KERNEL_SOCKET;
}

static LIST_HEAD(netlink_tap_all);
static DEFINE_MUTEX(netlink_tap_lock);

int netlink_add_tap(struct netlink_tap *nt)
{
	mutex_lock(&netlink_tap_lock);
	list_add(&nt->list, &netlink_tap_all);
	mutex_unlock(&netlink_tap_lock);
	return 0;
}

int netlink_remove_tap(struct netlink_tap *nt)
{
	mutex_lock(&netlink_tap_lock);
	list_del(&nt->list);
	mutex_unlock(&netlink_tap_lock);
	return 0;
}

#ifdef NETLINK_TAP_ATTACH
/* The control of netlink-tap-owner: a helper that any module may call
 * puts a device of its own on the list, so a tap's device may be any
 * driver's. */
int netlink_attach_tap(struct netlink_tap *nt, struct net_device *dev)
{
	nt->dev = dev;
	return netlink_add_tap(nt);
}
EXPORT_SYMBOL_GPL(netlink_attach_tap);
#endif

/* The copy goes out by the tap's device, in the sender's context. */
static int __netlink_deliver_tap_skb(struct sk_buff *skb, struct net_device *dev)
{
	struct sk_buff *nskb = skb_clone(skb, GFP_ATOMIC);

	if (!nskb)
		return -ENOMEM;
	nskb->dev = dev;
	return dev_queue_xmit(nskb);
}

static void __netlink_deliver_tap(struct sk_buff *skb)
{
	struct netlink_tap *tmp;

	list_for_each_entry(tmp, &netlink_tap_all, list) {
		if (__netlink_deliver_tap_skb(skb, tmp->dev))
			break;
	}
}

static void netlink_deliver_tap(struct sk_buff *skb)
{
	if (!list_empty(&netlink_tap_all))
		__netlink_deliver_tap(skb);
}

static int netlink_unicast_kernel(struct sock *sk, struct sk_buff *skb)
{
	struct netlink_sock *nlk = nlk_sk(sk);

	if (!nlk->netlink_rcv)
		return -ENOENT;
	netlink_deliver_tap(skb);
	nlk->netlink_rcv(skb);
	return (int)skb->len;
}

/* Room in the receiver's queue, or -EAGAIN (the model never waits). */
static int netlink_attachskb(struct sock *sk, struct sk_buff *skb)
{
	struct netlink_sock *nlk = nlk_sk(sk);

	if (sk->sk_receive_queue.qlen >= nlk->rmem_limit)
		return -EAGAIN;
	return 0;
}

static int __netlink_sendskb(struct sock *sk, struct sk_buff *skb)
{
	unsigned int queued = skb->len;

	netlink_deliver_tap(skb);
	skb_queue_tail(&sk->sk_receive_queue, skb);
	sk->sk_data_ready(sk);
	return (int)queued;
}

int netlink_sendskb(struct sock *sk, struct sk_buff *skb)
{
	return __netlink_sendskb(sk, skb);
}

int netlink_unicast(struct sock *ssk, struct sk_buff *skb, u32 portid, int nonblock)
{
	struct sock *sk = netlink_getsockbyportid(ssk, portid);

	if (!sk)
		return -ENOENT;
#ifndef NETLINK_LATE_KERNEL_CHECK
	if (netlink_is_kernel(sk))
		return netlink_unicast_kernel(sk, skb);
	if (netlink_attachskb(sk, skb))
		return -EAGAIN;
#else
	/* the control: only a blocking send reads the socket as a netlink one */
	if (!nonblock && netlink_is_kernel(sk))
		return netlink_unicast_kernel(sk, skb);
	if (!nonblock && netlink_attachskb(sk, skb))
		return -EAGAIN;
#endif
	return netlink_sendskb(sk, skb);
}

struct sock *netlink_kernel_create(int unit, struct netlink_kernel_cfg *cfg)
{
	struct netlink_sock *nlk = kzalloc(sizeof(*nlk), GFP_KERNEL);

	if (!nlk)
		return NULL;
	nlk->flags |= NETLINK_F_KERNEL_SOCKET;
	nlk->netlink_rcv = cfg->input;
	return &nlk->sk;
}

int nlmsg_notify(struct sock *sk, struct sk_buff *skb, u32 portid, unsigned int group,
		 int report, gfp_t flags)
{
	int err = 0;

	if (group)
		err = nlmsg_multicast(sk, skb, report ? portid : 0, group, flags);
	if (report) {
		int err2 = nlmsg_unicast(sk, skb, portid);

		if (!err)
			err = err2;
	}
	return err;
}
