/* SPDX-License-Identifier: GPL-2.0-only
 * ur_gone.c - a unit-record-like ccw device whose interrupt handler, on a
 * status that says the device is gone, unregisters it on the spot
 * (ccw_device_gone_now(), device_gone.c) instead of scheduling it.  Its
 * remove() was written for process context: it waits for the I/O in flight
 * under the device's I/O mutex.  One bug: the call through
 * ccw_driver.remove in hardirq context, reported there once; remove()'s own
 * mutex and wait are not restated.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct urg_dev {
	struct mutex io_mutex;
	struct completion io_done;
	int gone;
};

static struct urg_dev urg0;

static void urg_remove(struct ccw_device *cdev)
{
	(void)cdev;
	mutex_lock(&urg0.io_mutex);
	wait_for_completion(&urg0.io_done);
	urg0.gone = 1;
	mutex_unlock(&urg0.io_mutex);
}

/* cdev->handler: called by cio in hardirq context. */
static void urg_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	(void)intparm;
	if (irb_is_error(irb))
		ccw_device_gone_now(cdev);
	else
		complete(&urg0.io_done);
}

static int urg_probe(struct ccw_device *cdev)
{
	cdev->handler = urg_irq;
	return 0;
}

static struct ccw_driver urg_driver = {
	.probe = urg_probe,
	.remove = urg_remove,
};

int urg_init(void)
{
	return ccw_driver_register(&urg_driver);
}
