// SPDX-License-Identifier: GPL-2.0-only
/*
 * af_netlink.c - a unicast to a kernel socket runs that socket's input
 * at once, in the sender's context; a notification unicasts only when the
 * request asked for a report (models netlink_unicast(),
 * netlink_kernel_create() and nlmsg_notify() in net/netlink/af_netlink.c).
 */
#include <linux/slab.h>
#include <net/netlink.h>

struct netlink_sock {
	struct sock sk;
	void (*netlink_rcv)(struct sk_buff *skb);
};

extern struct netlink_sock *netlink_lookup(struct sock *ssk, u32 portid);

static int netlink_unicast_kernel(struct netlink_sock *nlk, struct sk_buff *skb)
{
	if (!nlk->netlink_rcv)
		return -ENOENT;
	nlk->netlink_rcv(skb);
	return (int)skb->len;
}

int netlink_unicast(struct sock *ssk, struct sk_buff *skb, u32 portid, int nonblock)
{
	struct netlink_sock *nlk = netlink_lookup(ssk, portid);

	if (!nlk)
		return -ENOENT;
	return netlink_unicast_kernel(nlk, skb);
}

struct sock *netlink_kernel_create(int unit, struct netlink_kernel_cfg *cfg)
{
	struct netlink_sock *nlk = kzalloc(sizeof(*nlk), GFP_KERNEL);

	if (!nlk)
		return NULL;
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
