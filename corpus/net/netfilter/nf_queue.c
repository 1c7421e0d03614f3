// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_queue.c - handing packets to the queue handler and taking them back
 * (models net/netfilter/nf_queue.c): the entry copies the caller's hook
 * state, and nf_reinject() finishes the packet by the verdict it is given.
 * A repeat runs the hook that queued it again, an accept runs the hooks
 * after it; what comes of that sends the packet on through the state's
 * okfn, to a queue again (and on from the next hook, through a jump back
 * into the accept branch, when no queue takes it), or frees it.
 */
#include <linux/slab.h>
#include <net/netfilter/nf_queue.h>

static const struct nf_queue_handler *active_handler;

/* the hooks after *INDEX at the state's hook point (core.c), and the hook at INDEX again */
unsigned int nf_iterate(struct sk_buff *skb, struct nf_hook_state *state, unsigned int *index);
unsigned int nf_hook_entry_run(struct sk_buff *skb, struct nf_hook_state *state, unsigned int index);
int nf_reroute(struct sk_buff *skb, struct nf_queue_entry *entry);

void nf_register_queue_handler(const struct nf_queue_handler *qh)
{
	active_handler = qh;
}

/* 1: no handler, the caller goes on with the next hook */
int nf_queue(struct sk_buff *skb, struct nf_hook_state *state, unsigned int verdict)
{
	const struct nf_queue_handler *h = active_handler;
	struct nf_queue_entry *qe;

	if (!h)
		return 1;
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
	struct sk_buff *pkt = entry->skb;
	unsigned int at = entry->hook_index;

	if (verdict == NF_REPEAT)   /* user space wants the same hook to look again */
		verdict = nf_hook_entry_run(pkt, st, at);

	if (verdict == NF_ACCEPT && nf_reroute(pkt, entry) < 0)
		verdict = NF_DROP;

	if (verdict == NF_ACCEPT) {
resume:
		at++;
		verdict = nf_iterate(pkt, st, &at);
	}

	switch (verdict & NF_VERDICT_MASK) {
	case NF_ACCEPT:
	case NF_STOP:
		st->okfn(st->net, st->sk, pkt);
		break;
	case NF_QUEUE:
		if (nf_queue(pkt, st, verdict) == 1)
			goto resume;
		break;
	case NF_STOLEN:
		break;
	default:
		kfree_skb(pkt);
	}
	kfree(entry);
}
