/* SPDX-License-Identifier: GPL-2.0-only
 * manage.c - installing an interrupt action, modelled on kernel/irq/manage.c:
 * setup_irq() and request_threaded_irq() both end in __setup_irq(), which
 * first lets irq_setup_forced_threading() turn the handler into a thread
 * function when the kernel forces threaded interrupts (the 'threadirqs'
 * boot option).  Architectures without CONFIG_IRQ_FORCED_THREADING, s390
 * among them, define force_irqthreads() as (false): the compiler drops the
 * rest of that function, so no handler is ever stored into thread_fn there.
 * Walking the dropped code anyway makes every interrupt handler a
 * process-context entry too (irqaction.thread_fn runs in a kernel thread),
 * and every plain spin_lock() in a handler an irq-inversion against itself.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>

#ifdef CONFIG_IRQ_FORCED_THREADING
extern bool force_irqthreads_key;
# define force_irqthreads()	(force_irqthreads_key)
#else
# define force_irqthreads()	(false)
#endif

struct irq_desc {
	struct irqaction *action;
	unsigned int irq;
};

static struct irq_desc irq_descs[16];

static irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	return IRQ_WAKE_THREAD;
}

static int irq_setup_forced_threading(struct irqaction *new)
{
	if (!force_irqthreads())
		return 0;
	if (new->flags & IRQF_NO_THREAD)
		return 0;
	new->thread_fn = new->handler;
	new->handler = irq_default_primary_handler;
	return 0;
}

static int __setup_irq(unsigned int irq, struct irq_desc *desc, struct irqaction *new)
{
	int ret = irq_setup_forced_threading(new);

	if (ret)
		return ret;
	new->irq = irq;
	new->next = desc->action;
	desc->action = new;
	return 0;
}

int setup_irq(unsigned int irq, struct irqaction *act)
{
	if (irq >= 16)
		return -EINVAL;
	return __setup_irq(irq, &irq_descs[irq], act);
}
