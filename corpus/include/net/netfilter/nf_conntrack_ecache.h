/* SPDX-License-Identifier: GPL-2.0-only
 * nf_conntrack_ecache.h - conntrack event delivery: one notifier (ctnetlink)
 * gets each expectation event as an item on the reporter's stack, which
 * carries the netlink request to answer (portid, report).
 */
#ifndef _NF_CONNTRACK_ECACHE_H
#define _NF_CONNTRACK_ECACHE_H

#include <net/netfilter/nf_conntrack_expect.h>

struct nf_exp_event {
	struct nf_conntrack_expect *exp;
	u32 portid;
	int report;
};

struct nf_ct_event_notifier {
	int (*exp_event)(unsigned int events, const struct nf_exp_event *item);
};

extern void nf_conntrack_register_notifier(const struct nf_ct_event_notifier *nb);
extern void nf_ct_expect_event_report(unsigned int event, struct nf_conntrack_expect *exp,
				      u32 portid, int report);

#endif
