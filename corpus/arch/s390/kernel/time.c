/* SPDX-License-Identifier: GPL-2.0-only
 * time.c - the s390 clock comparator, modelled on arch/s390/kernel/time.c:
 * its external interrupt handler (register_external_irq(), hardirq) runs
 * the CPU's clock event device, whose handler is hrtimer_interrupt() in
 * high-resolution mode.
 */
#include <linux/kernel.h>
#include <linux/clockchips.h>
#include <asm/irq.h>

static struct clock_event_device comparator_events = { .name = "comparator" };

static void clock_comparator_work(void)
{
	struct clock_event_device *cd = &comparator_events;

	cd->event_handler(cd);
}

static void clock_comparator_interrupt(struct ext_code ext_code, unsigned int param32,
				       unsigned long param64)
{
	(void)ext_code;
	(void)param32;
	(void)param64;
	inc_irq_stat(IRQEXT_CLK);
	clock_comparator_work();
}

void time_init(void)
{
	if (register_external_irq(EXT_IRQ_CLK_COMP, clock_comparator_interrupt))
		return;
	hrtimer_switch_to_hres(&comparator_events);
}
