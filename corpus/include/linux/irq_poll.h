/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * irq_poll.h - interrupt-driven polling from a softirq: a driver schedules
 * its poller (irq_poll_sched()), and lib/irq_poll.c's softirq action calls
 * each scheduled 'iop->poll(iop, budget)'.
 */
#ifndef _LINUX_IRQ_POLL_H
#define _LINUX_IRQ_POLL_H

struct irq_poll;
typedef int (irq_poll_fn)(struct irq_poll *, int);

struct irq_poll {
	struct irq_poll *next_sched;
	unsigned long state;
	int weight;
	irq_poll_fn *poll;
};

extern void irq_poll_sched(struct irq_poll *iop);
extern void irq_poll_init(struct irq_poll *iop, int weight, irq_poll_fn *poll_fn);

#endif
