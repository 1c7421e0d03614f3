/* SPDX-License-Identifier: GPL-2.0-only
 * neighbour.h - a neighbour table as far as its proxy queue goes: the
 * requests it answers by proxy wait on a queue, and the protocol's redo
 * replays them from a timer.
 */
#ifndef _NET_NEIGHBOUR_H
#define _NET_NEIGHBOUR_H

#include <linux/skbuff.h>
#include <linux/timer.h>

struct neigh_table {
	int family;
	struct sk_buff_head proxy_queue;
	struct timer_list proxy_timer;
	void (*proxy_redo)(struct sk_buff *skb);
};

void neigh_table_init(struct neigh_table *tbl);

#endif
