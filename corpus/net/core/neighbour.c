/* SPDX-License-Identifier: GPL-2.0-only
 * neighbour.c - modelled on net/core/neighbour.c: a neighbour table keeps
 * the requests it answers by proxy on a queue, and a timer replays them
 * through the protocol's redo under that queue's lock.  The queue's lock
 * has a lockdep class of its own (skb_queue_head_init_class()), because
 * the redo puts packets on other queues of the same type.
 */
#include <net/neighbour.h>

#ifndef NEIGH_PROXY_QUEUE_NO_CLASS
static struct lock_class_key neigh_table_proxy_queue_class;
#endif

static void neigh_proxy_process(struct timer_list *t)
{
	struct neigh_table *tbl = from_timer(tbl, t, proxy_timer);
	struct sk_buff *skb;

	spin_lock(&tbl->proxy_queue.lock);
	skb = tbl->proxy_queue.next;
	if (skb && tbl->proxy_redo) {
		tbl->proxy_queue.next = skb->next;
		tbl->proxy_redo(skb);
	}
	spin_unlock(&tbl->proxy_queue.lock);
}

void neigh_table_init(struct neigh_table *tbl)
{
	timer_setup(&tbl->proxy_timer, neigh_proxy_process, 0);
#ifdef NEIGH_PROXY_QUEUE_NO_CLASS
	skb_queue_head_init(&tbl->proxy_queue);   /* the control: the common class */
#else
	skb_queue_head_init_class(&tbl->proxy_queue, &neigh_table_proxy_queue_class);
#endif
}
