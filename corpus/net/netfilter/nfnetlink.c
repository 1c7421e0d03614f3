// SPDX-License-Identifier: GPL-2.0-only
/*
 * nfnetlink.c - netfilter's netlink socket: messages go out through
 * nlmsg_notify(), and requests come in through the kernel socket's input,
 * which hands a delete to ctnetlink (models nfnetlink_send() and
 * nfnetlink_rcv() in net/netfilter/nfnetlink.c).
 */
#include <net/netlink.h>

#define NETLINK_NETFILTER	12

extern int ctnetlink_del_expect(struct sk_buff *skb);

static struct sock *nfnl;

int nfnetlink_send(struct sk_buff *skb, u32 portid, unsigned int group, int echo, gfp_t flags)
{
	return nlmsg_notify(nfnl, skb, portid, group, echo, flags);
}

static void nfnetlink_rcv(struct sk_buff *skb)
{
	ctnetlink_del_expect(skb);
}

void nfnetlink_net_init(void)
{
	struct netlink_kernel_cfg cfg = {
		.groups = 8,
		.input = nfnetlink_rcv,
	};

	nfnl = netlink_kernel_create(NETLINK_NETFILTER, &cfg);
}
