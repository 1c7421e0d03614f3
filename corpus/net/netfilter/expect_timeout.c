// SPDX-License-Identifier: GPL-2.0-only
/*
 * expect_timeout.c - an expectation's timer unlinks it under the
 * expectation lock, reporting nobody (models nf_ct_expectation_timed_out()
 * in net/netfilter/nf_conntrack_expect.c).
 */
#include <net/netfilter/nf_conntrack_expect.h>

static void nf_ct_expectation_timed_out(struct timer_list *t)
{
	struct nf_conntrack_expect *exp = from_timer(exp, t, timeout);

	spin_lock_bh(&nf_conntrack_expect_lock);
	nf_ct_unlink_expect(exp);
	spin_unlock_bh(&nf_conntrack_expect_lock);
}

void nf_ct_expect_start_timer(struct nf_conntrack_expect *exp, unsigned long timeout)
{
	timer_setup(&exp->timeout, nf_ct_expectation_timed_out, 0);
	mod_timer(&exp->timeout, jiffies + timeout);
}
