// SPDX-License-Identifier: GPL-2.0-only
/*
 * ip_rcv_hooks.c - IPv4's receive hook (models ip_rcv() in
 * net/ipv4/ip_input.c): a packet through PRE_ROUTING is finished by
 * ip_rcv_finish(), which sends one for this host on to the LOCAL_IN hook,
 * where a rule may queue it.  A bridge's hook there (models
 * ip_sabotage_in() in net/bridge/br_netfilter_hooks.c) finishes a bridged
 * packet itself through the state's okfn and steals it from the others.
 */
#include <linux/netfilter.h>

int ip_local_deliver(struct net *net, struct sk_buff *skb);

static int ip_rcv_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return ip_local_deliver(net, skb);
}

int ip_rcv(struct net *net, struct sk_buff *skb)
{
	return NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, net, NULL, skb, ip_rcv_finish);
}

static unsigned int ip_sabotage_in(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
	state->okfn(state->net, state->sk, skb);
	return NF_STOLEN;
}

static const struct nf_hook_ops sabotage_ops = {
	.hook = ip_sabotage_in,
	.pf = NFPROTO_IPV4,
	.hooknum = NF_INET_PRE_ROUTING,
};

int br_netfilter_init(struct net *net)
{
	return nf_register_net_hook(net, &sabotage_ops);
}
