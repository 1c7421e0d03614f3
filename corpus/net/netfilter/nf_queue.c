// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_queue.c - handing packets to the queue handler and taking them back
 * (models net/netfilter/nf_queue.c): the entry copies the caller's hook
 * state, and nf_reinject() finishes an accepted packet with that state's
 * okfn.
 */
#include <linux/slab.h>
#include <net/netfilter/nf_queue.h>

static const struct nf_queue_handler *active_handler;

void nf_register_queue_handler(const struct nf_queue_handler *qh)
{
	active_handler = qh;
}

int nf_queue(struct sk_buff *skb, struct nf_hook_state *state, unsigned int verdict)
{
	const struct nf_queue_handler *h = active_handler;
	struct nf_queue_entry *qe;

	if (!h)
		return -1;
	qe = kmalloc(sizeof(*qe), GFP_ATOMIC);
	if (!qe)
		return -1;
	qe->skb = skb;
	qe->state = *state;
	return h->outfn(qe, verdict >> 16);
}

void nf_reinject(struct nf_queue_entry *entry, unsigned int verdict)
{
	struct nf_hook_state *st = &entry->state;

	if (verdict == NF_ACCEPT)
		st->okfn(st->net, st->sk, entry->skb);
	else
		kfree_skb(entry->skb);
	kfree(entry);
}
