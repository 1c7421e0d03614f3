/* SPDX-License-Identifier: GPL-2.0-only
 * irq_poll.c - the IRQ_POLL softirq: its action runs the poll function of
 * each poller a driver scheduled.  The list of scheduled pollers is one
 * per CPU; this model keeps one.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/irq_poll.h>

static struct irq_poll *scheduled;

void irq_poll_sched(struct irq_poll *iop)
{
	iop->next_sched = scheduled;
	scheduled = iop;
}

void irq_poll_init(struct irq_poll *iop, int weight, irq_poll_fn *poll_fn)
{
	iop->weight = weight;
	iop->state = 0;
	iop->poll = poll_fn;
}

static void irq_poll_softirq(struct softirq_action *h)
{
	struct irq_poll *iop;

	(void)h;
	while ((iop = scheduled) != NULL) {
		scheduled = iop->next_sched;
		iop->poll(iop, iop->weight);
	}
}

void irq_poll_setup(void)
{
	open_softirq(IRQ_POLL_SOFTIRQ, irq_poll_softirq);
}
