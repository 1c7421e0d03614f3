/* SPDX-License-Identifier: GPL-2.0-only
 * netlink.h - a netlink message's header, and netlink's taps
 * (include/linux/netlink.h): a tap is a network device that netlink hands
 * a copy of every message it delivers (net/netlink/af_netlink.c).  The
 * device is put on the tap list by its own driver (drivers/net/nlmon.c).
 */
#ifndef _LINUX_NETLINK_H
#define _LINUX_NETLINK_H

#include <linux/types.h>
#include <linux/list.h>

#define NLM_F_ECHO	0x08	/* the sender wants to hear of its change */

struct nlmsghdr {
	u32 nlmsg_len;
	u16 nlmsg_type;
	u16 nlmsg_flags;
	u32 nlmsg_seq;
	u32 nlmsg_pid;
};

struct net_device;
struct module;

struct netlink_tap {
	struct net_device *dev;
	struct module *module;
	struct list_head list;
};

extern int netlink_add_tap(struct netlink_tap *nt);
extern int netlink_remove_tap(struct netlink_tap *nt);

#endif
