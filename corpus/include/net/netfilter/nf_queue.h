/* SPDX-License-Identifier: GPL-2.0-only
 * nf_queue.h - packets queued by a hook's NF_QUEUE verdict: the entry keeps
 * a copy of the hook state, and one handler (nfnetlink_queue) takes them.
 */
#ifndef _NET_NF_QUEUE_H
#define _NET_NF_QUEUE_H

#include <linux/list.h>
#include <linux/netfilter.h>

struct nf_queue_entry {
	struct list_head list;      /* on its queue instance's list while it waits */
	struct sk_buff *skb;
	unsigned int id;
	unsigned int hook_index;    /* the hook that queued it */
	struct nf_hook_state state;
};

struct nf_queue_handler {
	int (*outfn)(struct nf_queue_entry *entry, unsigned int queuenum);
};

void nf_register_queue_handler(const struct nf_queue_handler *qh);
int nf_queue(struct sk_buff *skb, struct nf_hook_state *state, unsigned int verdict);
void nf_reinject(struct nf_queue_entry *entry, unsigned int verdict);

#endif
