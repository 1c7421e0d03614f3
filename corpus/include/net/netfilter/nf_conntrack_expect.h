/* SPDX-License-Identifier: GPL-2.0-only
 * nf_conntrack_expect.h - expectations: the related connection a helper
 * expects (an FTP data channel), dropped when its timer runs out.  Code
 * that unlinks one with no netlink request behind it uses the inline
 * without a report, which is the _report variant with portid and report
 * 0 (include/net/netfilter/nf_conntrack_expect.h).
 */
#ifndef _NF_CONNTRACK_EXPECT_H
#define _NF_CONNTRACK_EXPECT_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct nf_conntrack_expect {
	struct timer_list timeout;
	unsigned int events;    /* the events its master's listeners want */
	u32 portid;             /* the request that created it, if any */
	int report;
};

#define IPEXP_DESTROY	1

extern spinlock_t nf_conntrack_expect_lock;

extern void nf_ct_unlink_expect_report(struct nf_conntrack_expect *exp, u32 portid, int report);
extern void nf_ct_expect_start_timer(struct nf_conntrack_expect *exp, unsigned long timeout);

static inline void nf_ct_unlink_expect(struct nf_conntrack_expect *exp)
{
	nf_ct_unlink_expect_report(exp, 0, 0);
}

#endif
