/* SPDX-License-Identifier: GPL-2.0-only
 * rtnetlink.h - the RTNL, the mutex that serialises network configuration
 * (net/core/rtnetlink.c).  ASSERT_RTNL() is a one-time warning around
 * rtnl_is_locked(), a statement expression with no lock argument.
 */
#ifndef _LINUX_RTNETLINK_H
#define _LINUX_RTNETLINK_H

#include <linux/bug.h>
#include <linux/types.h>

struct sk_buff;
struct net;
struct nlmsghdr;

extern void rtnl_lock(void);
extern void rtnl_unlock(void);
extern void __rtnl_unlock(void);
extern void netdev_run_todo(void);
extern int rtnl_is_locked(void);

/* Tell group GROUP's listeners (and the requester, when NLH asked). */
extern void rtnl_notify(struct sk_buff *skb, struct net *net, u32 pid, u32 group,
			struct nlmsghdr *nlh, gfp_t flags);

#define ASSERT_RTNL()	WARN_ON_ONCE(!rtnl_is_locked())

#endif
