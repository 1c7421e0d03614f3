// SPDX-License-Identifier: GPL-2.0-only
/*
 * hrtick.c - the scheduler's high-resolution tick and a remote kick
 * (models hrtick_start(), hrtick_rq_init() and __hrtick_start() in
 * kernel/sched/core.c, and a wake-up sent with smp_call_function_single()
 * as rcu's swake_up_one_online() sends one).  The runqueue embeds the csd
 * of its tick, filled once with INIT_CSD(&rq->hrtick_csd, __hrtick_start,
 * rq); the tick interrupt sends it under the runqueue lock.  The kick's
 * function takes the runqueue lock, but it is only ever put into
 * smp_call_function_single()'s own csds, never into a runqueue's.
 * -DHRTICK_TAKES_RQ_LOCK makes the tick's own function take the lock.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/smp.h>
#include "sched.h"

extern void hrtimer_retrigger_remote(int cpu);

static void __hrtick_start(void *arg)
{
	struct rq *rq = arg;

#ifdef HRTICK_TAKES_RQ_LOCK
	raw_spin_lock(&rq->__lock); /* expect(hrtick-csd-own-lock): recursive-lock rq.__lock acquired in __hrtick_start is already held */
	rq->enqueues++;
	raw_spin_unlock(&rq->__lock);
#else
	rq->enqueues++;
#endif
}

void hrtick_rq_init(struct rq *rq)
{
	INIT_CSD(&rq->hrtick_csd, __hrtick_start, rq);
}

static void hrtick_start(struct rq *rq)
{
	smp_call_function_single_async(1, &rq->hrtick_csd);
}

static void rq_kick_ipi(void *info)
{
	struct rq *rq = info;

	raw_spin_lock(&rq->__lock);
	rq->nr_running++;
	raw_spin_unlock(&rq->__lock);
}

void rq_kick_cpu(int cpu, struct rq *rq)
{
	smp_call_function_single(cpu, rq_kick_ipi, rq, 0);
}

static irqreturn_t hrtick_interrupt(int irq, void *dev)
{
	struct rq *rq = dev;

	raw_spin_lock(&rq->__lock);
	hrtick_start(rq);
	hrtimer_retrigger_remote(1);
	raw_spin_unlock(&rq->__lock);
	return IRQ_HANDLED;
}

static struct rq hrtick_rq0;

int hrtick_setup(void)
{
	hrtick_rq_init(&hrtick_rq0);
	return request_irq(0x1004, hrtick_interrupt, 0, "hrtick", &hrtick_rq0);
}
