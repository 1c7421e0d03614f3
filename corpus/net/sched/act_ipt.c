/* SPDX-License-Identifier: GPL-2.0-only
 * act_ipt.c - corpus model of the tc action that runs an xtables target
 * (net/sched/act_ipt.c).  Replacing an action's target destroys the old
 * one with the action's spinlock held (bottom halves off), through a
 * parameter block built by a designated initialiser on the stack:
 * 'struct xt_tgdtor_param par = { .target = .. }'.  A target whose
 * destructor sleeps (xt_IDLETIMER's, in this tree) then sleeps in atomic
 * context (ACT_IPT_REPLACE builds the replacing path).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/netfilter/x_tables.h>

struct tcf_ipt {
	spinlock_t tcf_lock;
	struct xt_entry_target *tcfi_t;
	struct net *net;
};

static void ipt_destroy_target(struct xt_entry_target *m, struct net *net)
{
	struct xt_tgdtor_param par = {
		.target		= m->target,
		.targinfo	= m->data,
		.family		= 2,
		.net		= net,
	};

	if (par.target->destroy)
		par.target->destroy(&par);
}

#ifdef ACT_IPT_REPLACE
void tcf_ipt_replace(struct tcf_ipt *ipt, struct xt_entry_target *fresh)
{
	spin_lock_bh(&ipt->tcf_lock);
	ipt_destroy_target(ipt->tcfi_t, ipt->net);
	kfree(ipt->tcfi_t);
	ipt->tcfi_t = fresh;
	spin_unlock_bh(&ipt->tcf_lock);
}
#endif

void tcf_ipt_release(struct tcf_ipt *ipt)
{
	ipt_destroy_target(ipt->tcfi_t, ipt->net);
	kfree(ipt->tcfi_t);
}
