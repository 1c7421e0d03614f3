/* SPDX-License-Identifier: GPL-2.0-only
 * cio.c - corpus model of drivers/s390/cio/cio.c: starting I/O on a
 * subchannel and the I/O interrupt handler.
 *
 * do_cio_interrupt() is the hardirq entry of the whole s390 I/O path: it
 * takes the subchannel lock with spin_lock(sch->lock) and calls the
 * subchannel driver's irq() through struct css_driver.irq while holding
 * it.  Everything the ccw device drivers do from their interrupt handler
 * runs under this lock - which is also every ccw device's ccwlock.
 * It is registered the 2019 way, as a static struct irqaction handed to
 * setup_irq().  Nothing here is a finding on its own.
 *
 * With -DCONFIG_CCW_CONSOLE (tree balloon-ccw-console-2019), the console's
 * subchannel is set up early by cio_probe_console(), which moves its lock
 * to a lockdep class of its own (console_sch_key): every other subchannel
 * lock keeps the class of its init site in css.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/hardirq.h>
#include <linux/string.h>
#include <linux/lockdep.h>
#include <asm/irq.h>

#include "cio.h"
#include "css.h"
#include "ioasm.h"

struct irb cio_irb;

/*
 * lowcore: where the hardware leaves the interruption code of an I/O
 * interrupt - the subchannel id, and the parameter given at enable time
 * (the subchannel's address).
 */
extern struct subchannel_id s390_io_int_schid;
extern unsigned long s390_io_int_parm;

int cio_start_key(struct subchannel *sch, struct ccw1 *cpa, __u8 lpm, __u8 key)
{
	union orb *orb = &sch->orb;
	int ccode;

	memset(orb, 0, sizeof(*orb));
	orb->cmd.intparm = (u32)(addr_t)sch;
	orb->cmd.key = key;
	orb->cmd.lpm = lpm ? lpm : sch->lpm;
	orb->cmd.cpa = (__u32)(addr_t)cpa;

	ccode = ssch(sch->schid, orb);
	switch (ccode) {
	case 0:
		sch->schib.scsw.cmd.actl |= SCSW_ACTL_START_PEND;
		return 0;
	case 1:		/* status pending */
	case 2:		/* busy */
		return -EBUSY;
	default:	/* not operational */
		return -ENODEV;
	}
}

int cio_start(struct subchannel *sch, struct ccw1 *cpa, __u8 lpm)
{
	return cio_start_key(sch, cpa, lpm, 0);
}

int cio_update_schib(struct subchannel *sch)
{
	struct schib schib;

	if (stsch(sch->schid, &schib))
		return -ENODEV;
	memcpy(&sch->schib, &schib, sizeof(schib));
	return 0;
}

int cio_enable_subchannel(struct subchannel *sch, u32 intparm)
{
	if (cio_update_schib(sch))
		return -ENODEV;
	sch->schib.pmcw.ena = 1;
	sch->schib.pmcw.intparm = intparm;
	return msch(sch->schid, &sch->schib) ? -EIO : 0;
}

int cio_disable_subchannel(struct subchannel *sch)
{
	if (cio_update_schib(sch))
		return -ENODEV;
	sch->schib.pmcw.ena = 0;
	return msch(sch->schid, &sch->schib) ? -EIO : 0;
}

/*
 * The I/O interrupt: store the interruption response block, then let the
 * subchannel's driver handle it - all with the subchannel lock held.
 */
static irqreturn_t do_cio_interrupt(int irq, void *dummy)
{
	struct subchannel_id schid;
	struct subchannel *sch;
	struct irb *irb = &cio_irb;

	schid = s390_io_int_schid;
	sch = (struct subchannel *)s390_io_int_parm;
	if (!sch) {
		/* nobody to tell: just clear the status */
		inc_irq_stat(IRQIO_CIO);
		tsch(schid, irb);
		return IRQ_HANDLED;
	}
	spin_lock(sch->lock);
	if (tsch(sch->schid, irb) == 0) {
		memcpy(&sch->schib.scsw, &irb->scsw, sizeof(irb->scsw));
		if (sch->driver && sch->driver->irq)
			sch->driver->irq(sch);
		else
			inc_irq_stat(IRQIO_CIO);
	} else {
		inc_irq_stat(IRQIO_CIO);
	}
	spin_unlock(sch->lock);
	return IRQ_HANDLED;
}

static struct irqaction io_interrupt = {
	.name	 = "I/O",
	.handler = do_cio_interrupt,
};

void init_cio_interrupts(void)
{
	setup_irq(IO_INTERRUPT, &io_interrupt);
}

#ifdef CONFIG_CCW_CONSOLE
static struct lock_class_key console_sch_key;
static struct subchannel *console_sch;

/*
 * Poll one subchannel for a pending status and hand it to the subchannel's
 * driver as an interrupt would (ccw_device_wait_idle() spins on it with the
 * device lock held, so it runs in whatever context its caller is in).
 */
void cio_tsch(struct subchannel *sch)
{
	struct irb *status = &cio_irb;
	int in_irq_already;

	if (tsch(sch->schid, status))
		return;   /* nothing pending */
	memcpy(&sch->schib.scsw, &status->scsw, sizeof(status->scsw));
	/* a task polling: be an interrupt while the driver's handler runs */
	in_irq_already = in_interrupt();
	if (!in_irq_already) {
		local_bh_disable();
		irq_enter();
	}
	if (sch->driver && sch->driver->irq)
		sch->driver->irq(sch);
	if (!in_irq_already) {
		irq_exit();
		_local_bh_enable();
	}
}

/* The subchannel of the console device, whose number the IPL told us. */
extern int cio_get_console_sch_no(void);

struct subchannel *cio_probe_console(void)
{
	struct subchannel_id schid = { 0 };
	struct subchannel *sch;
	int nr = cio_get_console_sch_no();

	if (nr < 0)
		return NULL;
	schid.sch_no = (__u32)nr;
	sch = css_alloc_subchannel(schid);
	if (!sch)
		return NULL;
	/* the console's lock is taken where other subchannels' are held */
	lockdep_set_class(sch->lock, &console_sch_key);
	console_sch = sch;
	return sch;
}
#endif
