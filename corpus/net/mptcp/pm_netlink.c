/* SPDX-License-Identifier: GPL-2.0-only
 * pm_netlink.c - modelled on net/mptcp/pm_netlink.c: the in-kernel path
 * manager tells a user-space listener about a subflow's events over
 * netlink.  A subflow's timer that gives up on it reports the close with
 * the subflow socket's spinlock held, as TCP's timers hold it; the event
 * is unicast to the listener's netlink socket.
 */
#include <linux/timer.h>
#include <net/netlink.h>

#define MPTCP_EVENT_SUB_CLOSED	11

struct mptcp_pm_listener {
	struct sock *nl_sk;
	u32 portid;
};

static struct mptcp_pm_listener pm_listener;

extern struct sk_buff *mptcp_event_build(struct sock *ssk, int event);

static void mptcp_event_subflow(struct sock *ssk, int event)
{
	struct sk_buff *msg = mptcp_event_build(ssk, event);

	if (msg)
		nlmsg_unicast(pm_listener.nl_sk, msg, pm_listener.portid);
}

static void subflow_giveup_timer(struct timer_list *t)
{
	struct sock *ssk = from_timer(ssk, t, sk_timer);

	bh_lock_sock(ssk);
	mptcp_event_subflow(ssk, MPTCP_EVENT_SUB_CLOSED);
	bh_unlock_sock(ssk);
}

void mptcp_pm_subflow_established(struct sock *ssk)
{
	timer_setup(&ssk->sk_timer, subflow_giveup_timer, 0);
}
