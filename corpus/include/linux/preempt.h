/* SPDX-License-Identifier: GPL-2.0-only
 * preempt.h - the preemption counter and the context tests over it.  The
 * counter holds the hardirq, softirq and NMI nesting in bit fields; the
 * tests are macros over macros over preempt_count(), a static inline over
 * the architecture's counter (s390 keeps it in the lowcore).  Code asks
 * them to pick a branch for the context it runs in.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define SOFTIRQ_SHIFT	PREEMPT_BITS
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __FIELD_MASK(bits, shift)	(((1UL << (bits)) - 1) << (shift))
#define SOFTIRQ_MASK	__FIELD_MASK(SOFTIRQ_BITS, SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	__FIELD_MASK(HARDIRQ_BITS, HARDIRQ_SHIFT)
#define NMI_MASK	__FIELD_MASK(NMI_BITS, NMI_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)

/* the lowcore word, read through an out-of-line accessor in this model */
extern int __lowcore_preempt_word(void);

static inline int preempt_count(void)
{
	return __lowcore_preempt_word() & 0x7fffffff;
}

#define nmi_count()		(preempt_count() & NMI_MASK)
#define hardirq_count()		(preempt_count() & HARDIRQ_MASK)
#define softirq_count()		(preempt_count() & SOFTIRQ_MASK)
#define irq_count()		(nmi_count() | hardirq_count() | softirq_count())

#define in_nmi()		(nmi_count())
#define in_hardirq()		(hardirq_count())
#define in_irq()		(hardirq_count())
#define in_softirq()		(softirq_count())
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt()		(irq_count())
#define in_task()		(!(in_nmi() | in_hardirq() | in_serving_softirq()))
#define in_atomic()		(preempt_count() != 0)

/* Pin the task to its CPU without disabling preemption (kernel/sched/core.c):
 * the enable's slow path runs only for a task that was switched out while
 * pinned (rules: context-call). */
extern void migrate_disable(void);
extern void migrate_enable(void);

#endif
