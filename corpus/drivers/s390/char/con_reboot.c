/* SPDX-License-Identifier: GPL-2.0-only
 * con_reboot.c - a console-like ccw device that quiesces on reboot.  Its
 * reboot notifier is on a blocking chain, which the kernel runs in process
 * context with interrupts enabled; the notifier takes the device's request
 * lock with plain spin_lock().  The device's interrupt handler takes the
 * same lock in hardirq context.  An interrupt on the CPU that holds the lock
 * in the notifier spins on it for ever: irq-inversion, the kind lockdep
 * reports as "{HARDIRQ-ON-W} -> {IN-HARDIRQ-W}".  The fix is
 * spin_lock_irqsave() in the notifier.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/reboot.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct conrb_dev {
	spinlock_t req_lock;    /* the queue of console requests */
	int pending;
	int quiesced;
};

static struct conrb_dev conrb0;

/* cdev->handler: cio calls it in hardirq context. */
static void conrb_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	(void)cdev; (void)intparm; (void)irb;
	spin_lock(&conrb0.req_lock);
	if (conrb0.pending)
		conrb0.pending--;
	spin_unlock(&conrb0.req_lock);
}

static int conrb_reboot_event(struct notifier_block *nb, unsigned long event, void *data)
{
	(void)nb; (void)event; (void)data;
	spin_lock(&conrb0.req_lock); /* expect: irq-inversion called through blocking_notifier_call_chain */
	conrb0.quiesced = 1;
	spin_unlock(&conrb0.req_lock);
	return NOTIFY_OK;
}

static struct notifier_block conrb_reboot_nb = {
	.notifier_call = conrb_reboot_event,
};

static int conrb_probe(struct ccw_device *cdev)
{
	spin_lock_init(&conrb0.req_lock);
	cdev->handler = conrb_irq;
	return register_reboot_notifier(&conrb_reboot_nb);
}

static struct ccw_driver conrb_driver = {
	.probe = conrb_probe,
};

int conrb_init(void)
{
	return ccw_driver_register(&conrb_driver);
}
