/* SPDX-License-Identifier: GPL-2.0-only
 * rtnetlink.c - the RTNL mutex and its accessors (corpus model).  Its
 * release, rtnl_unlock(), is netdev_run_todo() of another file, which
 * calls back into __rtnl_unlock() here.  rtnl_notify() sends a change to
 * the namespace's listeners through its rtnetlink socket.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rtnetlink.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>
#include <net/netlink.h>

static DEFINE_MUTEX(rtnl_mutex);

void rtnl_lock(void)
{
	mutex_lock(&rtnl_mutex); /* expect(rtnl-announce-locked): recursive-lock rtnetlink.c:rtnl_mutex acquired in rtnl_lock is already held */
}

/* The mutex alone, for the device unregistration that runs after it
 * (netdev_run_todo(), net/core/dev_todo.c). */
void __rtnl_unlock(void)
{
	mutex_unlock(&rtnl_mutex);
}

/* The RTNL's release finishes the unregistrations queued under it: what
 * gives the mutex back is a function of another file. */
void rtnl_unlock(void)
{
	netdev_run_todo();
}

int rtnl_is_locked(void)
{
	return mutex_is_locked(&rtnl_mutex);
}

#ifdef RTNL_DELLINK
/* A request that unregisters a device: the RTNL is taken here and given
 * back by rtnl_unlock() through netdev_run_todo(), which takes it again
 * after the release.  Not a recursive lock: the release comes first. */
void rtnetlink_rcv_dellink(struct net_device *dev)
{
	rtnl_lock();
	netdev_queue_todo(dev);
	rtnl_unlock();
}
#endif

void rtnl_notify(struct sk_buff *skb, struct net *net, u32 pid, u32 group,
		 struct nlmsghdr *nlh, gfp_t flags)
{
	struct sock *rtnl = net->rtnl;

	nlmsg_notify(rtnl, skb, pid, group, nlmsg_report(nlh), flags);
}
