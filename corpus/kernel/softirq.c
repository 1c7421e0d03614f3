/* SPDX-License-Identifier: GPL-2.0-only
 * softirq.c - the softirq vector: open_softirq() installs an action that
 * __do_softirq() runs (not modelled; rules: keyentry softirq_action.action);
 * irq_enter() and irq_exit(), which code that runs an interrupt handler
 * outside an interrupt calls around it (cio_tsch()).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>

extern void tick_irq_enter(void);

static struct softirq_action softirq_vec[NR_SOFTIRQS];

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/* An interrupt entered by hand: account it, and catch the tick up. */
void irq_enter(void)
{
	tick_irq_enter();
}

void irq_exit(void)
{
}
