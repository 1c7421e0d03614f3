// SPDX-License-Identifier: GPL-2.0-only
/*
 * icmp_reply.c - an ICMP error sent from a timer (models icmp_send() and
 * icmp_push_reply() in net/ipv4/icmp.c, reached from ip_expire() when a
 * fragment queue times out): the reply is queued on the per-CPU ICMP
 * socket with MSG_DONTWAIT, in softirq context.  -DICMP_REPLY_BLOCKING
 * leaves the flag out; -DICMP_REPLY_ZEROCOPY adds MSG_ZEROCOPY, which no
 * ICMP reply asks for.
 */
#include <linux/timer.h>
#include <net/sock.h>

#ifdef ICMP_REPLY_BLOCKING
#define REPLY_FLAGS	0
#elif defined(ICMP_REPLY_ZEROCOPY)
#define REPLY_FLAGS	(MSG_DONTWAIT | MSG_ZEROCOPY)
#else
#define REPLY_FLAGS	MSG_DONTWAIT
#endif

int ip_append_data(struct sock *sk, int length, unsigned int flags);

struct ipq {
	struct timer_list timer;
	struct sock *icmp_sk;
	int len;
};

static void icmp_push_reply(struct sock *sk, int len)
{
	ip_append_data(sk, len, REPLY_FLAGS);
}

static void ip_expire(struct timer_list *t)
{
	struct ipq *qp = from_timer(qp, t, timer);

	icmp_push_reply(qp->icmp_sk, qp->len);
}

void ipq_arm(struct ipq *qp)
{
	timer_setup(&qp->timer, ip_expire, 0);
}
