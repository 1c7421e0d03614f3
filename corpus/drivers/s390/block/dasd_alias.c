/* SPDX-License-Identifier: GPL-2.0-only
 * dasd_alias.c - corpus model of how the s390 DASD driver handles the ccw
 * device lock around its interrupt handler and its sleeping requests
 * (drivers/s390/block/dasd.c, dasd_alias.c: PAV alias devices that hand
 * requests to their base device, dasd_sleep_on, the reset work), written
 * as a catalogue of the escapes lockpath must not report.
 *
 * dasd_alias_int_handler() is cdev->handler: cio calls it in hardirq
 * context with the subchannel lock - this device's ccw device lock - held.
 * On that path it:
 *   - tries the same lock with spin_trylock() (dasd_alias_start): a
 *     trylock cannot deadlock, it fails;
 *   - takes the *base* device's ccw device lock with spin_lock_nested(..,
 *     SINGLE_DEPTH_NESTING): another lock of the same class, which lockdep
 *     is told is nested on purpose;
 *   - queues reset_work instead of sleeping: do_reset_device runs later in
 *     process context with nothing held;
 *   - takes stats_lock, a lock it allocated with kmalloc() - as css.c
 *     allocates the subchannel lock: two allocations are two locks;
 *   - reports an error through dasd_alias_done(device, -EIO), whose
 *     'switch (err)' takes the ccw device lock only under 'case 0:' (the
 *     shape of cio's ccw_device_verify_done(); the function also assigns
 *     err itself, -ENODEV, which is not 0 either).
 * In process context, dasd_sleep_on_locked() (__releases/__acquires) and
 * the exported dasd_alias_wait_locked() (__must_hold) drop their caller's
 * lock around wait_for_completion() and take it back: neither sleeps with
 * the lock held.  All of this must stay silent.
 *
 * The control: dasd_alias_flush_locked() says lockdep_assert_held() and
 * then sleeps (msleep) - with its caller's spinlock held.  Nobody in the
 * tree calls it; only the assertion tells lockpath what the callers hold,
 * and the sleep-in-atomic it reports shows the assertion is honoured.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/module.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct dasd_device {
	struct ccw_device *cdev;
	struct dasd_device *base;	/* an alias device: its base, else NULL */
	struct list_head ccw_queue;	/* requests not yet started */
	struct ccw1 *running;		/* the channel program in flight */
	spinlock_t *stats_lock;		/* allocated, like the subchannel lock */
	unsigned long irqs;
	struct completion done;		/* the running request ended */
	struct work_struct reset_work;
};

struct dasd_ccw_req {
	struct list_head devlist;
	struct ccw1 *cpaddr;
};

/* Start the first queued request.  The caller holds the ccw device lock. */
static void __dasd_start_head(struct dasd_device *device)
{
	struct dasd_ccw_req *cqr;

	if (device->running || list_empty(&device->ccw_queue))
		return;
	cqr = list_first_entry(&device->ccw_queue, struct dasd_ccw_req, devlist);
	if (ccw_device_start(device->cdev, cqr->cpaddr, (unsigned long)cqr, 0, 0) == 0)
		device->running = cqr->cpaddr;
}

static void do_reset_device(struct work_struct *work);

/* From any context, whether or not the caller holds the lock: try it. */
static void dasd_alias_start(struct dasd_device *device)
{
	if (!spin_trylock(get_ccwdev_lock(device->cdev)))
		return;		/* held, by our caller or another CPU: it starts the queue */
	__dasd_start_head(device);
	spin_unlock(get_ccwdev_lock(device->cdev));
}

/* The outcome of a request, from any context; takes the lock only on success. */
static void dasd_alias_done(struct dasd_device *device, int err)
{
	if (!device->cdev)
		err = -ENODEV;
	switch (err) {
	case 0:
		spin_lock_irq(get_ccwdev_lock(device->cdev));
		__dasd_start_head(device);
		spin_unlock_irq(get_ccwdev_lock(device->cdev));
		break;
	case -ETIME:
	case -EIO:
		device->running = NULL;
		break;
	default:
		break;
	}
}

/* cdev->handler: hardirq, this device's ccw device lock held by cio. */
static void dasd_alias_int_handler(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct dasd_device *device = dev_get_drvdata(&cdev->dev);
	struct dasd_device *base;

	if (!device)
		return;
	spin_lock(device->stats_lock);
	device->irqs++;
	spin_unlock(device->stats_lock);
	device->running = NULL;
	complete(&device->done);
	if (irb_is_error(irb)) {
		dasd_alias_done(device, -EIO);
		schedule_work(&device->reset_work);	/* sleeps: not here */
		return;
	}
	dasd_alias_start(device);
	base = device->base;
	if (base && !list_empty(&device->ccw_queue)) {
		/* an alias hands its queue to the base device: a second ccw device lock */
		spin_lock_nested(get_ccwdev_lock(base->cdev), SINGLE_DEPTH_NESTING);
		list_splice_init(&device->ccw_queue, &base->ccw_queue);
		__dasd_start_head(base);
		spin_unlock(get_ccwdev_lock(base->cdev));
	}
}

/* Start the queue and wait for the request; drops the caller's lock to sleep. */
static void dasd_sleep_on_locked(struct dasd_device *device)
	__releases(device->cdev->ccwlock) __acquires(device->cdev->ccwlock)
{
	__dasd_start_head(device);
	spin_unlock_irq(get_ccwdev_lock(device->cdev));
	wait_for_completion(&device->done);
	spin_lock_irq(get_ccwdev_lock(device->cdev));
}

/* reset_work: process context, nothing held. */
static void do_reset_device(struct work_struct *work)
{
	struct dasd_device *device = container_of(work, struct dasd_device, reset_work);

	spin_lock_irq(get_ccwdev_lock(device->cdev));
	device->running = NULL;
	dasd_sleep_on_locked(device);
	spin_unlock_irq(get_ccwdev_lock(device->cdev));
}

/* For the disciplines (other modules): wait for the running request. */
void dasd_alias_wait_locked(struct dasd_device *device)
	__must_hold(device->cdev->ccwlock)
{
	while (device->running) {
		spin_unlock_irq(device->cdev->ccwlock);
		wait_for_completion(&device->done);
		spin_lock_irq(device->cdev->ccwlock);
	}
}
EXPORT_SYMBOL(dasd_alias_wait_locked);

/* For the disciplines: drop every queued request.  The control case. */
void dasd_alias_flush_locked(struct dasd_device *device)
{
	struct dasd_ccw_req *cqr, *n;

	lockdep_assert_held(get_ccwdev_lock(device->cdev));
	list_for_each_entry_safe(cqr, n, &device->ccw_queue, devlist) {
		list_del(&cqr->devlist);
		kfree(cqr);
	}
	msleep(10); /* expect: sleep-in-atomic while holding spinlock *ccw_device.ccwlock */
}
EXPORT_SYMBOL(dasd_alias_flush_locked);

static int dasd_alias_set_online(struct ccw_device *cdev)
{
	struct dasd_device *device;

	device = kzalloc(sizeof(*device), GFP_KERNEL);
	if (!device)
		return -ENOMEM;
	device->stats_lock = kmalloc(sizeof(*device->stats_lock), GFP_KERNEL);
	if (!device->stats_lock) {
		kfree(device);
		return -ENOMEM;
	}
	spin_lock_init(device->stats_lock);
	device->cdev = cdev;
	INIT_LIST_HEAD(&device->ccw_queue);
	init_completion(&device->done);
	INIT_WORK(&device->reset_work, do_reset_device);
	spin_lock_irq(get_ccwdev_lock(cdev));
	dev_set_drvdata(&cdev->dev, device);
	spin_unlock_irq(get_ccwdev_lock(cdev));
	return 0;
}

static int dasd_alias_probe(struct ccw_device *cdev)
{
	cdev->handler = dasd_alias_int_handler;
	return 0;
}

static struct ccw_device_id dasd_alias_ids[] = {
	{ CCW_DEVICE(0x3990, 0) },
	{},
};

static struct ccw_driver dasd_alias_driver = {
	.driver = {
		.owner = THIS_MODULE,
		.name = "dasd-alias-model",
	},
	.ids		= dasd_alias_ids,
	.probe		= dasd_alias_probe,
	.set_online	= dasd_alias_set_online,
	.int_class	= IRQIO_DAS,
};
module_ccw_driver(dasd_alias_driver);
