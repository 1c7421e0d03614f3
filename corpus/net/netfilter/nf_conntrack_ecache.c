// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_conntrack_ecache.c - an expectation event goes to the registered
 * notifier as an item built on the stack by a designated initialiser,
 * whose report member is the reporter's parameter (models
 * nf_ct_expect_event_report() in net/netfilter/nf_conntrack_ecache.c).
 */
#include <net/netfilter/nf_conntrack_ecache.h>

static const struct nf_ct_event_notifier *nf_conntrack_event_cb;

void nf_conntrack_register_notifier(const struct nf_ct_event_notifier *nb)
{
	nf_conntrack_event_cb = nb;
}

void nf_ct_expect_event_report(unsigned int event, struct nf_conntrack_expect *exp,
			       u32 portid, int report)
{
	const struct nf_ct_event_notifier *notify = nf_conntrack_event_cb;

	if (!notify)
		return;
	if (exp->events & (1 << event)) {
		struct nf_exp_event item = {
			.exp = exp,
			.portid = portid,
			.report = report,
		};

		notify->exp_event(1 << event, &item);
	}
}
