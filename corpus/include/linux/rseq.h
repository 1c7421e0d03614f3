/* SPDX-License-Identifier: GPL-2.0-only
 * rseq.h - restartable sequences, as the signal delivery path sees them:
 * the delivery notes a signal event with interrupts off for one statement
 * (a scoped guard with no lock), then fixes up the task's critical
 * section from user memory, which may fault and sleep.
 */
#ifndef _LINUX_RSEQ_H
#define _LINUX_RSEQ_H

#include <linux/irqflags.h>
#include <linux/cleanup.h>

DEFINE_LOCK_GUARD_0(irq, local_irq_disable(), local_irq_enable())

struct rseq_task {
	unsigned long rseq_event_mask;
	void *rseq;
};

extern void __rseq_handle_notify_resume(struct rseq_task *t);

static inline void rseq_signal_deliver(struct rseq_task *t)
{
	scoped_guard(irq)
		t->rseq_event_mask |= 1UL;
	if (t->rseq)
		__rseq_handle_notify_resume(t);
}

#endif
