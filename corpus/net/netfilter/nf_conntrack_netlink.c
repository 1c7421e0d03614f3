// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_conntrack_netlink.c - ctnetlink: it turns an expectation event into a
 * message for the event group and the requester (the item's report, read
 * as a member), and deletes expectations on request under the expectation
 * lock (models ctnetlink_expect_event() and ctnetlink_del_expect() in
 * net/netfilter/nf_conntrack_netlink.c).
 */
#include <linux/gfp.h>
#include <net/netfilter/nf_conntrack_ecache.h>
#include <net/netlink.h>

#define NFNLGRP_CONNTRACK_EXP_DESTROY	6

extern struct sk_buff *ctnetlink_exp_fill(const struct nf_exp_event *item, unsigned int events);
extern struct nf_conntrack_expect *ctnetlink_exp_lookup(struct sk_buff *skb);
extern int nfnetlink_send(struct sk_buff *skb, u32 portid, unsigned int group, int echo, gfp_t flags);

static int ctnetlink_expect_event(unsigned int events, const struct nf_exp_event *item)
{
	struct sk_buff *skb = ctnetlink_exp_fill(item, events);

	if (!skb)
		return -ENOENT;
	return nfnetlink_send(skb, item->portid, NFNLGRP_CONNTRACK_EXP_DESTROY, item->report, GFP_ATOMIC);
}

/* A delete request, in the netlink socket's input. */
int ctnetlink_del_expect(struct sk_buff *skb)
{
	struct nf_conntrack_expect *exp = ctnetlink_exp_lookup(skb);

	if (!exp)
		return -ENOENT;
	spin_lock_bh(&nf_conntrack_expect_lock);	/* expect(ct-expect-event-reported): recursive-lock nf_conntrack_expect_lock acquired in ctnetlink_del_expect is already held (softirq context) */
	del_timer(&exp->timeout);
	spin_unlock_bh(&nf_conntrack_expect_lock);
	return 0;
}

static const struct nf_ct_event_notifier ctnl_notifier = {
	.exp_event = ctnetlink_expect_event,
};

void ctnetlink_init(void)
{
	nf_conntrack_register_notifier(&ctnl_notifier);
}
