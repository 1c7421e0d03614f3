/* SPDX-License-Identifier: GPL-2.0-only
 * dasd_kick.c - corpus model of the request-starting machinery of the
 * s390 DASD driver (drivers/s390/block/dasd.c: the interrupt handler, the
 * kick work item do_kick_device, the reload work, dasd_device_timeout),
 * reduced to what touches the ccw device lock, with a hypothetical change:
 * the kick work function takes the ccw device lock with plain spin_lock().
 *
 * The ccw device lock is the subchannel lock, which do_cio_interrupt takes
 * in hardirq context.  A work function runs in a kworker with interrupts
 * enabled: if the I/O interrupt arrives on that CPU while the work holds
 * the lock, do_cio_interrupt spins on it forever - lockdep's
 * "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage" (irq-inversion).
 * The real driver takes the lock with spin_lock_irq / spin_lock_irqsave
 * everywhere, as the other two users below still do: they must stay
 * silent.  The interrupt handler itself only queues the kick work (a
 * deferral, not a call), so it neither deadlocks nor reaches the work's
 * lock on the interrupt path.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <linux/module.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

#define DASD_STOPPED_PENDING	4	/* long busy: wait for the timer */

struct dasd_device {
	struct ccw_device *cdev;
	struct list_head ccw_queue;	/* requests not yet started */
	struct ccw1 *running;		/* the channel program in flight */
	unsigned int stopped;
	struct work_struct kick_work;
	struct work_struct reload_work;
	struct timer_list timer;
};

struct dasd_ccw_req {
	struct list_head devlist;
	struct ccw1 *cpaddr;
};

/* Start the first queued request.  The caller holds the ccw device lock. */
static void dasd_start_next(struct dasd_device *dd)
{
	struct dasd_ccw_req *cqr;

	if (dd->running || dd->stopped || list_empty(&dd->ccw_queue))
		return;
	cqr = list_first_entry(&dd->ccw_queue, struct dasd_ccw_req, devlist);
	if (ccw_device_start(dd->cdev, cqr->cpaddr, (unsigned long)cqr, 0, 0) == 0)
		dd->running = cqr->cpaddr;
}

/* The variant: the kick work takes the ccw device lock with interrupts on. */
static void do_kick_device(struct work_struct *w)
{
	struct dasd_device *dd = container_of(w, struct dasd_device, kick_work);

	spin_lock(get_ccwdev_lock(dd->cdev)); /* expect: irq-inversion *ccw_device.ccwlock is acquired with interrupts enabled in do_kick_device */
	dasd_start_next(dd);
	spin_unlock(get_ccwdev_lock(dd->cdev));
}

/* After a path change: as the real driver does it, with interrupts off. */
static void do_reload_device(struct work_struct *w)
{
	struct dasd_device *dd = container_of(w, struct dasd_device, reload_work);

	spin_lock_irq(get_ccwdev_lock(dd->cdev));
	dd->stopped = 0;
	dasd_start_next(dd);
	spin_unlock_irq(get_ccwdev_lock(dd->cdev));
}

/* The long-busy timer (softirq): interrupts off with irqsave. */
static void dasd_device_timeout(struct timer_list *t)
{
	struct dasd_device *dd = from_timer(dd, t, timer);
	unsigned long irqfl;

	spin_lock_irqsave(get_ccwdev_lock(dd->cdev), irqfl);
	dd->stopped &= ~DASD_STOPPED_PENDING;
	dasd_start_next(dd);
	spin_unlock_irqrestore(get_ccwdev_lock(dd->cdev), irqfl);
}

/* cdev->handler: hardirq, with the ccw device lock held by cio. */
static void dasd_int_handler(struct ccw_device *cd, unsigned long intparm, struct irb *irb)
{
	struct dasd_device *dd = dev_get_drvdata(&cd->dev);

	if (!dd)
		return;
	dd->running = NULL;
	if (irb_is_error(irb)) {
		dd->stopped |= DASD_STOPPED_PENDING;
		mod_timer(&dd->timer, 100);
		return;
	}
	schedule_work(&dd->kick_work);	/* start the next request later */
}

static int dasd_set_online(struct ccw_device *cd)
{
	struct dasd_device *dd;

	dd = kzalloc(sizeof(*dd), GFP_KERNEL);
	if (!dd)
		return -ENOMEM;
	dd->cdev = cd;
	INIT_LIST_HEAD(&dd->ccw_queue);
	INIT_WORK(&dd->kick_work, do_kick_device);
	INIT_WORK(&dd->reload_work, do_reload_device);
	timer_setup(&dd->timer, dasd_device_timeout, 0);
	spin_lock_irq(get_ccwdev_lock(cd));
	dev_set_drvdata(&cd->dev, dd);
	spin_unlock_irq(get_ccwdev_lock(cd));
	return 0;
}

static int dasd_set_offline(struct ccw_device *cd)
{
	struct dasd_device *dd = dev_get_drvdata(&cd->dev);

	spin_lock_irq(get_ccwdev_lock(cd));
	dev_set_drvdata(&cd->dev, NULL);
	spin_unlock_irq(get_ccwdev_lock(cd));
	if (dd) {
		del_timer_sync(&dd->timer);
		cancel_work_sync(&dd->kick_work);
		cancel_work_sync(&dd->reload_work);
		kfree(dd);
	}
	return 0;
}

static int dasd_probe(struct ccw_device *cd)
{
	cd->handler = dasd_int_handler;
	return 0;
}

static struct ccw_device_id dasd_ids[] = {
	{ CCW_DEVICE(0x3990, 0) },
	{},
};

static struct ccw_driver dasd_driver = {
	.driver = {
		.owner = THIS_MODULE,
		.name = "dasd-model",
	},
	.ids		= dasd_ids,
	.probe		= dasd_probe,
	.set_online	= dasd_set_online,
	.set_offline	= dasd_set_offline,
	.int_class	= IRQIO_DAS,
};
module_ccw_driver(dasd_driver);
