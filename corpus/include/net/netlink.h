/* SPDX-License-Identifier: GPL-2.0-only
 * netlink.h - netlink messages (include/net/netlink.h): a unicast is a
 * netlink_unicast() that does not wait for room; a notification goes to a
 * group and, when the request asked for a report, to the requester too.
 */
#ifndef _NET_NETLINK_H
#define _NET_NETLINK_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/skbuff.h>
#include <net/sock.h>
#include <linux/netlink.h>

/* What netlink_kernel_create() is given: the kernel socket's input. */
struct netlink_kernel_cfg {
	unsigned int groups;
	void (*input)(struct sk_buff *skb);
};

extern struct sock *netlink_kernel_create(int unit, struct netlink_kernel_cfg *cfg);
extern int netlink_unicast(struct sock *ssk, struct sk_buff *skb, u32 portid, int nonblock);
extern int nlmsg_multicast(struct sock *sk, struct sk_buff *skb, u32 portid, unsigned int group,
			   gfp_t flags);
extern int nlmsg_notify(struct sock *sk, struct sk_buff *skb, u32 portid, unsigned int group,
			int report, gfp_t flags);

/* Whether the request asked to hear of its own change. */
static inline int nlmsg_report(const struct nlmsghdr *nlh)
{
	return nlh ? !!(nlh->nlmsg_flags & NLM_F_ECHO) : 0;
}

static inline int nlmsg_unicast(struct sock *sk, struct sk_buff *skb, u32 portid)
{
	int err = netlink_unicast(sk, skb, portid, MSG_DONTWAIT);

	return err > 0 ? 0 : err;
}

#endif
