// SPDX-License-Identifier: GPL-2.0-only
/*
 * nf_conntrack_update.c - a queued packet's connection brought up to date
 * before the packet goes back (models nf_conntrack_update() in
 * net/netfilter/nf_conntrack_core.c): confirming the connection delivers
 * its events, which ctnetlink mirrors to a monitoring tap device, and that
 * transmit runs the device's egress hook.
 */
#include <net/netfilter/nf_queue.h>

struct sk_buff *ctnetlink_event_skb(struct nf_queue_entry *entry);
int dev_queue_xmit(struct net *net, struct sk_buff *skb);

int nf_conntrack_refresh(struct nf_queue_entry *entry)
{
	struct sk_buff *event = ctnetlink_event_skb(entry);

	return event ? dev_queue_xmit(entry->state.net, event) : 0;
}
