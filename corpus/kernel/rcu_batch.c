/* SPDX-License-Identifier: GPL-2.0-only
 * rcu_batch.c - the RCU core's callback runner (rcu_do_batch in
 * kernel/rcu/tree.c): it dequeues the callback_heads that call_rcu() queued
 * and calls each head->func.  That call is the deferral's dispatcher: the
 * callbacks are softirq entries of their own (rules: keyentry
 * callback_head.func), never callees of whoever reaches this loop.
 */
#include <linux/rcupdate.h>
#include <linux/types.h>

static struct callback_head *ready_list;

/* Queue HEAD; FUNC runs once a grace period has passed (here: at the next
 * rcu_run_ready).  The store is what makes every RCU callback in a tree a
 * target of callback_head.func. */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	head->next = ready_list;
	ready_list = head;
}

void rcu_run_ready(void)
{
	struct callback_head *head;

	while ((head = ready_list) != NULL) {
		ready_list = head->next;
		head->func(head);
	}
}
