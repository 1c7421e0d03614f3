// SPDX-License-Identifier: GPL-2.0-only
/*
 * ip_hooks.c - IPv4's two ends of the netfilter hooks (models
 * ip_local_out() in net/ipv4/ip_output.c and ip_local_deliver() in
 * net/ipv4/ip_input.c): a packet sent leaves through dst_output(), a packet
 * received for this host is finished by ip_local_deliver_finish(), which
 * hands IGMP its messages.
 */
#include <linux/netfilter.h>

void igmp_rcv(struct sk_buff *skb);
int dev_queue_xmit(struct net *net, struct sk_buff *skb);

int dst_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return dev_queue_xmit(net, skb);
}

static int __ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return nf_hook(NFPROTO_IPV4, NF_INET_LOCAL_OUT, net, sk, skb, dst_output);
}

int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	int ret = __ip_local_out(net, sk, skb);

	if (ret == 1)
		ret = dst_output(net, sk, skb);
	return ret;
}

static int ip_local_deliver_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	igmp_rcv(skb);
	return 0;
}

int ip_local_deliver(struct net *net, struct sk_buff *skb)
{
	return NF_HOOK(NFPROTO_IPV4, NF_INET_LOCAL_IN, net, NULL, skb, ip_local_deliver_finish);
}
