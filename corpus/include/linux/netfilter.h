/* SPDX-License-Identifier: GPL-2.0-only
 * netfilter.h - the hook entry points as far as the function that finishes
 * a packet's journey goes.  NF_HOOK() hands its okfn to nf_hook(), which
 * writes it into a hook state on its own stack (nf_hook_state_init()) and
 * passes that state down to nf_hook_slow(); if every hook accepts, the
 * caller runs okfn itself.  A packet queued to user space keeps a copy of
 * the state, and nf_reinject() runs okfn from it later (or at once).
 */
#ifndef _LINUX_NETFILTER_H
#define _LINUX_NETFILTER_H

#include <linux/types.h>
#include <linux/skbuff.h>

struct net;
struct sock;

#define NF_DROP		0
#define NF_ACCEPT	1
#define NF_STOLEN	2
#define NF_QUEUE	3
#define NF_REPEAT	4
#define NF_STOP		5
#define NF_VERDICT_MASK	0x000000ff	/* a queue verdict keeps its queue number above */

enum { NFPROTO_IPV4 = 2 };
enum nf_inet_hooks { NF_INET_PRE_ROUTING, NF_INET_LOCAL_IN, NF_INET_FORWARD, NF_INET_LOCAL_OUT };

typedef int nf_okfn_t(struct net *net, struct sock *sk, struct sk_buff *skb);

struct nf_hook_state {
	unsigned char hook;
	unsigned char pf;
	struct net *net;
	struct sock *sk;
	nf_okfn_t *okfn;
};

static inline void nf_hook_state_init(struct nf_hook_state *st, unsigned int hook, unsigned char pf,
				      struct sock *sk, struct net *net, nf_okfn_t *finish)
{
	st->hook = hook;
	st->pf = pf;
	st->sk = sk;
	st->net = net;
	st->okfn = finish;
}

typedef unsigned int nf_hookfn(void *priv, struct sk_buff *skb, const struct nf_hook_state *state);

/* a hook function registered at a hook point */
struct nf_hook_ops {
	nf_hookfn *hook;
	void *priv;
	unsigned char pf;
	unsigned int hooknum;
};

int nf_register_net_hook(struct net *net, const struct nf_hook_ops *ops);
int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state);

/* 1: every hook accepted, the caller goes on with okfn */
static inline int nf_hook(unsigned char pf, unsigned int hook, struct net *net, struct sock *sk,
			  struct sk_buff *skb, nf_okfn_t *okfn)
{
	struct nf_hook_state on_stack;

	nf_hook_state_init(&on_stack, hook, pf, sk, net, okfn);
	return nf_hook_slow(skb, &on_stack);
}

static inline int NF_HOOK(unsigned char pf, unsigned int hook, struct net *net, struct sock *sk,
			  struct sk_buff *skb, nf_okfn_t *okfn)
{
	int verdict = nf_hook(pf, hook, net, sk, skb, okfn);

	return verdict == 1 ? okfn(net, sk, skb) : verdict;
}

#endif
