// SPDX-License-Identifier: GPL-2.0-only
/*
 * irq_work.c - corpus model of irq work (kernel/irq_work.c): a CPU queues
 * work for itself and signals itself with an external call; the external
 * call's interrupt (hardirq, here registered with register_external_irq()
 * like s390's smp.c does) runs every work queued.
 */
#include <linux/kernel.h>
#include <linux/irq_work.h>
#include <asm/irq.h>

static struct irq_work *raised_list;

bool irq_work_queue(struct irq_work *work)
{
	work->next = raised_list;
	raised_list = work;
	return true;
}

static void irq_work_run(void)
{
	struct irq_work *work = raised_list;

	raised_list = NULL;
	while (work) {
		struct irq_work *next = work->next;

		work->func(work);
		work = next;
	}
}

static void do_ext_call_interrupt(struct ext_code ext_code, unsigned int param32, unsigned long param64)
{
	(void)ext_code;
	(void)param32;
	(void)param64;
	irq_work_run();
}

void irq_work_init(void)
{
	register_external_irq(EXT_IRQ_EXTERNAL_CALL, do_ext_call_interrupt);
}
