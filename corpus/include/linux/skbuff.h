/* SPDX-License-Identifier: GPL-2.0-only
 * skbuff.h - socket buffers as far as freeing one goes.  kfree_skb() is a
 * static inline over kfree_skb_reason(); the last reference runs the skb's
 * destructor (a socket's accounting, a driver's credit) in the caller's
 * context, which is why the kernel forbids kfree_skb() and consume_skb() in
 * hardirq context and with interrupts off, and offers dev_kfree_skb_irq()
 * (queue the skb for the NET_TX softirq) for those (netdevice.h).
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>

struct net_device;

struct sk_buff {
	struct sk_buff *next;
	struct net_device *dev;		/* the device it arrived on or leaves by */
	unsigned int len;
	atomic_t users;
	void (*destructor)(struct sk_buff *skb);
};

/* A queue of skbs and the spinlock that guards it (a socket's receive
 * queue); skb_dequeue() takes the lock with interrupts saved. */
struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
	unsigned int qlen;
	spinlock_t lock;
};

extern struct sk_buff *skb_dequeue(struct sk_buff_head *list);
extern void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);

/* An empty queue; every queue's lock is of this init site's class ... */
static inline void skb_queue_head_init(struct sk_buff_head *list)
{
	spin_lock_init(&list->lock);
	list->next = NULL;
	list->prev = NULL;
	list->qlen = 0;
}

/* ... unless its owner gives it a class of its own. */
static inline void skb_queue_head_init_class(struct sk_buff_head *list, struct lock_class_key *class)
{
	skb_queue_head_init(list);
	lockdep_set_class(&list->lock, class);
}

enum skb_drop_reason {
	SKB_NOT_DROPPED_YET,
	SKB_DROP_REASON_NOT_SPECIFIED,
};

extern void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);

static inline void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}

extern void consume_skb(struct sk_buff *skb);

extern struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);

/* A second head for the same data (the clone has no socket, no device). */
extern struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp_mask);

/* Grows the skb's head room; allocates with GFP_MASK (sleep.rules: blocks-with). */
extern int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp_mask);

/* net/core/dev_kfree.c: free from any context */
extern void __dev_kfree_skb_irq(struct sk_buff *skb);
#define dev_kfree_skb_irq(skb) __dev_kfree_skb_irq(skb)
#define dev_kfree_skb(skb) consume_skb(skb)
/* ... from a context the caller does not know: picks one of the two */
extern void __dev_kfree_skb_any(struct sk_buff *skb);
static inline void dev_kfree_skb_any(struct sk_buff *skb)
{
	__dev_kfree_skb_any(skb);
}

#endif
