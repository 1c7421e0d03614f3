// SPDX-License-Identifier: GPL-2.0-only
/*
 * core.c - running a hook point's hooks (models nf_hook_slow() in
 * net/netfilter/core.c): a queue verdict hands the packet and the caller's
 * hook state to nf_queue().
 */
#include <linux/netfilter.h>
#include <net/netfilter/nf_queue.h>

unsigned int nf_run_hooks(struct sk_buff *skb, struct nf_hook_state *state);

int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state)
{
	unsigned int v = nf_run_hooks(skb, state);

	if ((v & 0xff) == NF_QUEUE) {
		nf_queue(skb, state, v);
		return 0;   /* stolen: whoever takes it back finishes it */
	}
	return v == NF_ACCEPT;
}
