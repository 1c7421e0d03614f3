// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_conntrack_expect.c - unlinking an expectation reports it to the
 * event listeners with the request to answer, if any (models
 * nf_ct_unlink_expect_report() in net/netfilter/nf_conntrack_expect.c).
 */
#include <net/netfilter/nf_conntrack_expect.h>
#include <net/netfilter/nf_conntrack_ecache.h>

DEFINE_SPINLOCK(nf_conntrack_expect_lock);

void nf_ct_unlink_expect_report(struct nf_conntrack_expect *exp, u32 portid, int report)
{
	del_timer(&exp->timeout);
	nf_ct_expect_event_report(IPEXP_DESTROY, exp, portid, report);
}
