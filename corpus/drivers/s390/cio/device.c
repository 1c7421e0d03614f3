/* SPDX-License-Identifier: GPL-2.0-only
 * device.c - corpus model of drivers/s390/cio/device.c: ccw devices on
 * I/O subchannels, and the ccw bus their drivers bind on.
 *
 * The line the 2019 deadlock hinges on is in io_subchannel_initialize_dev():
 *     cdev->ccwlock = sch->lock;
 * from then on '*ccw_device.ccwlock' and '*subchannel.lock' are one lock.
 * io_subchannel_irq() is the css_driver.irq that do_cio_interrupt() calls
 * with that lock held; it feeds the event into the device state machine
 * (dev_fsm_event, device.h).  ccw_device_set_online() drops and re-takes
 * the lock around a wait; it must not look recursive.  No findings here.
 * -DIO_SCH_LINK_APART: the probe gives the subchannel its device, apart
 * from the function that makes the subchannel the device's parent.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/device.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <asm/ccwdev.h>

#include "cio.h"
#include "css.h"
#include "io_sch.h"
#include "device.h"

static struct bus_type ccw_bus_type;

/* ---- the ccw bus ---- */

static int ccw_bus_match(struct device *dev, struct device_driver *drv)
{
	struct ccw_device *cd = to_ccwdev(dev);
	struct ccw_driver *cd_drv = to_ccwdrv(drv);

	return cd_drv->ids && cd_drv->ids->cu_type == cd->id.cu_type;
}

static int ccw_device_probe(struct device *dev)
{
	struct ccw_device *cd = to_ccwdev(dev);
	struct ccw_driver *cd_drv = to_ccwdrv(dev->driver);
	int rc;

	cd->drv = cd_drv;
	rc = cd_drv->probe ? cd_drv->probe(cd) : -ENODEV;
	if (rc)
		cd->drv = NULL;
	return rc;
}

static void ccw_device_remove(struct device *dev)
{
	struct ccw_device *cd = to_ccwdev(dev);
	struct ccw_driver *cd_drv = cd->drv;

	if (cd_drv->remove)
		cd_drv->remove(cd);
	spin_lock_irq(cd->ccwlock);
	if (cd->online) {
		cd->online = 0;
		ccw_device_offline(cd);
	}
	spin_unlock_irq(cd->ccwlock);
	cd->drv = NULL;
}

static struct bus_type ccw_bus_type = {
	.name	= "ccw",
	.match	= ccw_bus_match,
	.probe	= ccw_device_probe,
	.remove	= ccw_device_remove,
};

int ccw_driver_register(struct ccw_driver *cd_drv)
{
	cd_drv->driver.bus = &ccw_bus_type;
	return driver_register(&cd_drv->driver);
}

void ccw_driver_unregister(struct ccw_driver *cd_drv)
{
	driver_unregister(&cd_drv->driver);
}

/* ---- online / offline ---- */

/*
 * Enable the device and, once the state machine has settled, call the
 * driver's set_online().  Sleeps; called without the ccw device lock.
 */
int ccw_device_set_online(struct ccw_device *cd)
{
	int rc;

	if (!cd || cd->online || !cd->drv)
		return -EINVAL;
	if (!get_device(&cd->dev))
		return -ENODEV;

	spin_lock_irq(cd->ccwlock);
	rc = ccw_device_online(cd);
	if (rc) {
		spin_unlock_irq(cd->ccwlock);
		put_device(&cd->dev);
		return rc;
	}
	/* the verify interrupt moves the device on; wait for it unlocked */
	while (!dev_fsm_final_state(cd)) {
		spin_unlock_irq(cd->ccwlock);
		wait_event(cd->private->wait_q, dev_fsm_final_state(cd));
		spin_lock_irq(cd->ccwlock);
	}
	if (cd->private->state != DEV_STATE_ONLINE) {
		spin_unlock_irq(cd->ccwlock);
		put_device(&cd->dev);
		return -ENODEV;
	}
	spin_unlock_irq(cd->ccwlock);

	if (cd->drv->set_online)
		rc = cd->drv->set_online(cd);
	if (rc) {
		spin_lock_irq(cd->ccwlock);
		ccw_device_offline(cd);
		spin_unlock_irq(cd->ccwlock);
		put_device(&cd->dev);
		return rc;
	}
	cd->online = 1;
	return 0;
}

int ccw_device_set_offline(struct ccw_device *cd)
{
	int rc = 0;

	if (!cd || !cd->online || !cd->drv)
		return -ENODEV;
	if (cd->drv->set_offline)
		rc = cd->drv->set_offline(cd);
	if (rc)
		return rc;
	spin_lock_irq(cd->ccwlock);
	cd->online = 0;
	rc = ccw_device_offline(cd);
	spin_unlock_irq(cd->ccwlock);
	put_device(&cd->dev);
	return rc;
}

/* ---- deferred device work: runs from cio_work_q, lock not held on entry ---- */

void ccw_device_todo(struct work_struct *w)
{
	struct ccw_device_private *pv = container_of(w, struct ccw_device_private, todo_work);
	struct ccw_device *cd = pv->cdev;
	enum cdev_todo todo;

	spin_lock_irq(cd->ccwlock);
	todo = pv->todo;
	pv->todo = CDEV_TODO_NOTHING;
	spin_unlock_irq(cd->ccwlock);

	switch (todo) {
	case CDEV_TODO_REGISTER:
		if (device_add(&cd->dev))
			put_device(&cd->dev);
		break;
	case CDEV_TODO_UNREG:
		device_unregister(&cd->dev);
		break;
	default:
		break;
	}
	put_device(&cd->dev);
}

/* ---- the I/O subchannel driver ---- */

static void ccw_device_release(struct device *dev)
{
	struct ccw_device *cd = to_ccwdev(dev);

	kfree(cd->private);
	kfree(cd);
}

static struct ccw_device *io_subchannel_allocate_dev(struct subchannel *sch)
{
	struct ccw_device *cd;

	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return NULL;
	cd->private = kzalloc(sizeof(*cd->private), GFP_KERNEL | GFP_DMA);
	if (!cd->private) {
		kfree(cd);
		return NULL;
	}
	return cd;
}

static int io_subchannel_initialize_dev(struct subchannel *sch, struct ccw_device *cdev)
{
	struct ccw_device_private *pv = cdev->private;

	pv->cdev = cdev;
	pv->sch = sch;
	pv->int_class = IRQIO_CIO;
	pv->state = DEV_STATE_NOT_OPER;
	pv->dev_id.devno = sch->schib.pmcw.dev;
	pv->dev_id.ssid = sch->schid.ssid;
	INIT_WORK(&pv->todo_work, ccw_device_todo);
	init_waitqueue_head(&pv->wait_q);
	atomic_set(&pv->onoff, 0);

	/* The ccw device has no lock of its own: it uses its subchannel's. */
	cdev->ccwlock = sch->lock;

	cdev->dev.parent = &sch->dev;
	cdev->dev.release = ccw_device_release;
	cdev->dev.bus = &ccw_bus_type;
	device_initialize(&cdev->dev);
	if (dev_set_name(&cdev->dev, "0.%x.%04x", pv->dev_id.ssid, pv->dev_id.devno)) {
		put_device(&cdev->dev);
		return -ENOMEM;
	}
#ifndef IO_SCH_LINK_APART
	sch_set_cdev(sch, cdev);
#endif
	return 0;
}

/* Start sense-id on the new device; its completion interrupt registers it. */
static void io_subchannel_recog(struct ccw_device *cd, struct subchannel *sch)
{
	spin_lock_irq(sch->lock);
	cd->private->state = DEV_STATE_SENSE_ID;
	cd->private->sense_ccw.cmd_code = 0xe4;	/* sense id */
	if (cio_start(sch, &cd->private->sense_ccw, 0))
		cd->private->state = DEV_STATE_NOT_OPER;
	spin_unlock_irq(sch->lock);
}

static int io_subchannel_probe(struct subchannel *sch)
{
	struct ccw_device *cd;
	int rc;

	cd = io_subchannel_allocate_dev(sch);
	if (!cd)
		return -ENOMEM;
	rc = io_subchannel_initialize_dev(sch, cd);
	if (rc)
		return rc;
#ifdef IO_SCH_LINK_APART
	sch_set_cdev(sch, cd);   /* the other half of the link, in another function */
#endif
	rc = cio_enable_subchannel(sch, (u32)(addr_t)sch);
	if (rc)
		return rc;
	io_subchannel_recog(cd, sch);
	return 0;
}

static void io_subchannel_remove(struct subchannel *sch)
{
	struct ccw_device *cd = sch_get_cdev(sch);

	if (!cd)
		return;
	spin_lock_irq(sch->lock);
	sch_set_cdev(sch, NULL);
	cio_disable_subchannel(sch);
	spin_unlock_irq(sch->lock);
	device_unregister(&cd->dev);
}

/* css_driver.irq: called by do_cio_interrupt() with sch->lock held. */
static void io_subchannel_irq(struct subchannel *sch)
{
	struct ccw_device *cd = sch_get_cdev(sch);

	if (cd)
		dev_fsm_event(cd, DEV_EVENT_INTERRUPT);
	else
		inc_irq_stat(IRQIO_CIO);
}

#ifdef CONFIG_CCW_CONSOLE
/*
 * Spin until the device's subchannel has no I/O in flight, taking its
 * status by polling: each pending status goes through the subchannel
 * driver's irq() right here (the console uses it when its buffer is full).
 * The caller holds the ccw device lock.
 */
void ccw_device_wait_idle(struct ccw_device *cd)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	for (;;) {
		cio_tsch(sch);
		if (!sch->schib.scsw.cmd.actl)
			return;
		udelay(100);
	}
}
#endif

static struct css_driver io_subchannel_driver = {
	.drv = {
		.name = "io_subchannel",
	},
	.irq	= io_subchannel_irq,
	.probe	= io_subchannel_probe,
	.remove	= io_subchannel_remove,
};

static int __init io_subchannel_init(void)
{
	int rc;

	rc = bus_register(&ccw_bus_type);
	if (rc)
		return rc;
	return css_driver_register(&io_subchannel_driver);
}
subsys_initcall(io_subchannel_init);
