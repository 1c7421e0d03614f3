/* SPDX-License-Identifier: GPL-2.0-only */
/* irq_work.h - work a CPU queues for itself and runs from an interrupt (kernel/irq_work.c). */
#ifndef _LINUX_IRQ_WORK_H
#define _LINUX_IRQ_WORK_H

#include <linux/types.h>

struct irq_work {
	struct irq_work *next;
	void (*func)(struct irq_work *work);
};

static inline void init_irq_work(struct irq_work *work, void (*func)(struct irq_work *))
{
	work->next = NULL;
	work->func = func;
}

extern bool irq_work_queue(struct irq_work *work);

#endif
