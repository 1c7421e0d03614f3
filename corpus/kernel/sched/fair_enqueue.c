/* SPDX-License-Identifier: GPL-2.0-only
 * fair_enqueue.c - another scheduler file that uses sched.h's inline
 * (kernel/sched/fair.c's enqueue path, reduced to the call): its TU walks
 * the inline too, without core.c's summaries.  header-order-sched: nothing
 * is found here.
 */
#include <linux/kernel.h>
#include "sched.h"

void fair_enqueue_migrated(struct rq *rq, struct sched_task *p)
{
	rq_enqueue_task(rq, p);
	rq_count_enqueue(rq, p);
}
