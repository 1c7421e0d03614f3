// SPDX-License-Identifier: GPL-2.0-only
/*
 * expect_timeout_reported.c - the same timer, had it reported the removal
 * to the request that created the expectation: its portid and report are
 * the expectation's own, no constant (the control of expect_timeout.c).
 */
#include <net/netfilter/nf_conntrack_expect.h>

static void nf_ct_expectation_timed_out(struct timer_list *t)
{
	struct nf_conntrack_expect *exp = from_timer(exp, t, timeout);

	spin_lock_bh(&nf_conntrack_expect_lock);
	nf_ct_unlink_expect_report(exp, exp->portid, exp->report);
	spin_unlock_bh(&nf_conntrack_expect_lock);
}

void nf_ct_expect_start_timer(struct nf_conntrack_expect *exp, unsigned long timeout)
{
	timer_setup(&exp->timeout, nf_ct_expectation_timed_out, 0);
	mod_timer(&exp->timeout, jiffies + timeout);
}
