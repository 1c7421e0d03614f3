/* SPDX-License-Identifier: GPL-2.0-only
 * css.c - corpus model of drivers/s390/cio/css.c: the channel subsystem
 * bus.  A subchannel's lock is allocated on its own (css_sch_create_locks)
 * so that sch->lock can be shared with the ccw device on it; the bus
 * probe binds a css_driver to the subchannel, which is how
 * sch->driver->irq later finds io_subchannel_irq().  No findings.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/workqueue.h>
#include <linux/init.h>

#include "cio.h"
#include "css.h"

struct workqueue_struct *cio_work_q;

static int css_sch_create_locks(struct subchannel *sub)
{
	sub->lock = kmalloc(sizeof(*sub->lock), GFP_KERNEL);
	if (!sub->lock)
		return -ENOMEM;
	spin_lock_init(sub->lock);
	mutex_init(&sub->reg_mutex);
	return 0;
}

struct subchannel *css_alloc_subchannel(struct subchannel_id schid)
{
	struct subchannel *sub;

	sub = kzalloc(sizeof(*sub), GFP_KERNEL | GFP_DMA);
	if (!sub)
		return NULL;
	sub->schid = schid;
	if (css_sch_create_locks(sub)) {
		kfree(sub);
		return NULL;
	}
	return sub;
}

static int css_bus_match(struct device *d, struct device_driver *dd)
{
	return to_subchannel(d)->st == SUBCHANNEL_TYPE_IO;
}

/* Bind: the driver's irq() becomes reachable from do_cio_interrupt. */
static int css_probe(struct device *d)
{
	struct subchannel *sub = to_subchannel(d);
	int rc;

	sub->driver = to_cssdriver(d->driver);
	rc = sub->driver->probe ? sub->driver->probe(sub) : -ENODEV;
	if (rc)
		sub->driver = NULL;
	return rc;
}

static void css_remove(struct device *d)
{
	struct subchannel *sub = to_subchannel(d);

	if (sub->driver->remove)
		sub->driver->remove(sub);
	sub->driver = NULL;
}

static struct bus_type css_bus_type = {
	.name	= "css",
	.match	= css_bus_match,
	.probe	= css_probe,
	.remove	= css_remove,
};

int css_register_subchannel(struct subchannel *sub)
{
	sub->dev.bus = &css_bus_type;
	return device_register(&sub->dev);
}

int css_driver_register(struct css_driver *cd_drv)
{
	cd_drv->drv.bus = &css_bus_type;
	return driver_register(&cd_drv->drv);
}

void css_driver_unregister(struct css_driver *cd_drv)
{
	driver_unregister(&cd_drv->drv);
}

static int __init css_bus_init(void)
{
	cio_work_q = alloc_workqueue("cio", 0, 1);
	if (!cio_work_q)
		return -ENOMEM;
	init_cio_interrupts();
	return bus_register(&css_bus_type);
}
subsys_initcall(css_bus_init);
