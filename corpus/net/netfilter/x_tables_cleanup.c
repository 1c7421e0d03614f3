/* SPDX-License-Identifier: GPL-2.0-only
 * x_tables_cleanup.c - corpus model of ip_tables' rule cleanup
 * (net/ipv4/netfilter/ip_tables.c, cleanup_entry()): it fills the
 * destructor's parameter block member by member.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/netfilter/x_tables.h>

void xt_cleanup_entry(struct xt_entry_target *t, struct net *net)
{
	struct xt_tgdtor_param par;

	par.net = net;
	par.target = t->target;
	par.targinfo = t->data;
	par.family = 2;
	if (par.target->destroy)
		par.target->destroy(&par);
}
