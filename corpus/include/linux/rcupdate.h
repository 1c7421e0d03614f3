/* SPDX-License-Identifier: GPL-2.0-only
 * rcupdate.h - deferred frees.  call_rcu() queues a callback_head whose
 * func the RCU core runs later from its softirq (rcu_do_batch), never in
 * the caller's context.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);
extern void call_rcu(struct rcu_head *head, rcu_callback_t func);

/* Free an object after a grace period (kernel/rcu/kvfree.c): kfree_rcu()
 * names the rcu_head inside it, so the head passed is never NULL;
 * kfree_rcu_mightsleep() has none, and may sleep for it. */
extern void kvfree_call_rcu(struct rcu_head *head, void *ptr);
#define kfree_rcu(ptr, rhf)							\
	do {									\
		__typeof__(ptr) __obj = (ptr);					\
		if (__obj)							\
			kvfree_call_rcu(&__obj->rhf, (void *)__obj);		\
	} while (0)
#define kfree_rcu_mightsleep(ptr)	kvfree_call_rcu(NULL, (void *)(ptr))

/* Without CONFIG_PROVE_RCU the check is compiled out: '0 && (c)' keeps the
 * expression type-checked but never evaluated, so a lockdep_is_held() in
 * it says nothing about what the callers hold. */
#define RCU_LOCKDEP_WARN(c, s) do { } while (0 && (c))
#define rcu_dereference_protected(p, c) \
	({ RCU_LOCKDEP_WARN(!(c), "suspicious rcu_dereference_protected() usage"); (p); })

#endif
