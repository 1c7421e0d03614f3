// SPDX-License-Identifier: GPL-2.0-only
/*
 * core.c - running a hook point's hooks (models nf_hook_slow() and
 * nf_iterate() in net/netfilter/core.c): a queue verdict hands the packet
 * and the caller's hook state to nf_queue(); a packet given back resumes
 * at the hook after the one that queued it.
 */
#include <linux/netfilter.h>
#include <net/netfilter/nf_queue.h>

unsigned int nf_run_hooks(struct sk_buff *skb, struct nf_hook_state *state);
/* the hook registered at INDEX of the state's hook point, or NULL past the last */
const struct nf_hook_ops *nf_hook_ops_at(const struct nf_hook_state *state, unsigned int index);

unsigned int nf_iterate(struct sk_buff *skb, struct nf_hook_state *state, unsigned int *index)
{
	const struct nf_hook_ops *ops;
	unsigned int v = NF_ACCEPT;

	for (; v == NF_ACCEPT && (ops = nf_hook_ops_at(state, *index)) != NULL; (*index)++)
		v = ops->hook(ops->priv, skb, state);
	return v;
}

int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state)
{
	unsigned int v = nf_run_hooks(skb, state);

	if ((v & 0xff) == NF_QUEUE) {
		nf_queue(skb, state, v);
		return 0;   /* stolen: whoever takes it back finishes it */
	}
	return v == NF_ACCEPT;
}
