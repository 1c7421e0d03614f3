/* SPDX-License-Identifier: GPL-2.0-only
 * tape_online.c - a ccw tape driver's online/offline callbacks and its
 * interrupt handler, modelled on the structure of drivers/s390/char/tape_core.c
 * (set_online/set_offline in struct ccw_driver, cdev->handler set at probe),
 * reduced to three locks the interrupt path takes:
 *
 *  - the ccw device lock (the subchannel lock, held by do_cio_interrupt
 *    around the handler): tape_online takes it with plain spin_lock() in
 *    this model, a bug: the driver core calls set_online in process context
 *    with interrupts enabled, and an I/O interrupt on that CPU would spin on
 *    the lock forever.  Built with -DTAPE_ONLINE_IRQSAVE it uses
 *    spin_lock_irqsave(), as the real driver does (tree tape-online-irqsave).
 *    tape_offline always uses spin_lock_irq().
 *  - tape_device.stat_lock: tape_reset_stats, which nobody in the tree
 *    calls, takes it with spin_lock() after taking a mutex; sleeping on the
 *    mutex proves its callers run with interrupts on, so this is the same
 *    bug, found without any rule about who calls it.
 *  - tape_device.count_lock: tape_read_count, an exported helper that does
 *    not sleep, takes it with spin_lock(); its callers (outside the tree)
 *    may hold it with interrupts off, so nothing is reported.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/export.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct tape_device {
	struct ccw_device *cdev;
	struct mutex mutex;        /* serialises resets */
	spinlock_t stat_lock;      /* interrupt statistics */
	spinlock_t count_lock;     /* blocks transferred */
	unsigned long irqs, blocks;
	int state;
};

static struct tape_device tape_unit0;

/* Called by cio with the ccw device lock held, in hardirq context. */
static void tape_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct tape_device *td = &tape_unit0;

	(void)cdev; (void)intparm; (void)irb;
	spin_lock(&td->stat_lock);
	td->irqs++;
	spin_unlock(&td->stat_lock);
	spin_lock(&td->count_lock);
	td->blocks++;
	spin_unlock(&td->count_lock);
}

static int tape_probe(struct ccw_device *cdev)
{
	tape_unit0.cdev = cdev;
	cdev->handler = tape_irq;
	return 0;
}

static int tape_online(struct ccw_device *cdev)
{
#ifdef TAPE_ONLINE_IRQSAVE
	unsigned long flags;

	spin_lock_irqsave(get_ccwdev_lock(cdev), flags);
	tape_unit0.state = 1;
	spin_unlock_irqrestore(get_ccwdev_lock(cdev), flags);
#else
	spin_lock(get_ccwdev_lock(cdev)); /* expect(tape-online): irq-inversion called through ccw_driver.set_online */
	tape_unit0.state = 1;
	spin_unlock(get_ccwdev_lock(cdev));
#endif
	return 0;
}

static int tape_offline(struct ccw_device *cdev)
{
	spin_lock_irq(get_ccwdev_lock(cdev));
	tape_unit0.state = 0;
	spin_unlock_irq(get_ccwdev_lock(cdev));
	return 0;
}

void tape_reset_stats(struct tape_device *td)
{
	mutex_lock(&td->mutex);
	spin_lock(&td->stat_lock); /* expect: irq-inversion sleeps at line */
	td->irqs = 0;
	spin_unlock(&td->stat_lock);
	mutex_unlock(&td->mutex);
}
EXPORT_SYMBOL(tape_reset_stats);

unsigned long tape_read_count(struct tape_device *td)
{
	unsigned long n;

	spin_lock(&td->count_lock);
	n = td->blocks;
	spin_unlock(&td->count_lock);
	return n;
}
EXPORT_SYMBOL(tape_read_count);

static struct ccw_driver tape_driver = {
	.probe = tape_probe,
	.set_online = tape_online,
	.set_offline = tape_offline,
};

int tape_init(void)
{
	return ccw_driver_register(&tape_driver);
}
