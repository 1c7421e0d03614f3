/*
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
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/device.h>
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
	struct ccw_device *cdev = to_ccwdev(dev);
	struct ccw_driver *cdrv = to_ccwdrv(drv);

	return cdrv->ids && cdrv->ids->cu_type == cdev->id.cu_type;
}

static int ccw_device_probe(struct device *dev)
{
	struct ccw_device *cdev = to_ccwdev(dev);
	struct ccw_driver *cdrv = to_ccwdrv(dev->driver);
	int ret;

	cdev->drv = cdrv;
	ret = cdrv->probe ? cdrv->probe(cdev) : -ENODEV;
	if (ret)
		cdev->drv = NULL;
	return ret;
}

static void ccw_device_remove(struct device *dev)
{
	struct ccw_device *cdev = to_ccwdev(dev);
	struct ccw_driver *cdrv = cdev->drv;

	if (cdrv->remove)
		cdrv->remove(cdev);
	spin_lock_irq(cdev->ccwlock);
	if (cdev->online) {
		cdev->online = 0;
		ccw_device_offline(cdev);
	}
	spin_unlock_irq(cdev->ccwlock);
	cdev->drv = NULL;
}

static struct bus_type ccw_bus_type = {
	.name	= "ccw",
	.match	= ccw_bus_match,
	.probe	= ccw_device_probe,
	.remove	= ccw_device_remove,
};

int ccw_driver_register(struct ccw_driver *cdriver)
{
	cdriver->driver.bus = &ccw_bus_type;
	return driver_register(&cdriver->driver);
}

void ccw_driver_unregister(struct ccw_driver *cdriver)
{
	driver_unregister(&cdriver->driver);
}

/* ---- online / offline ---- */

/*
 * Enable the device and, once the state machine has settled, call the
 * driver's set_online().  Sleeps; called without the ccw device lock.
 */
int ccw_device_set_online(struct ccw_device *cdev)
{
	int ret;

	if (!cdev || cdev->online || !cdev->drv)
		return -EINVAL;
	if (!get_device(&cdev->dev))
		return -ENODEV;

	spin_lock_irq(cdev->ccwlock);
	ret = ccw_device_online(cdev);
	if (ret) {
		spin_unlock_irq(cdev->ccwlock);
		put_device(&cdev->dev);
		return ret;
	}
	/* the verify interrupt moves the device on; wait for it unlocked */
	while (!dev_fsm_final_state(cdev)) {
		spin_unlock_irq(cdev->ccwlock);
		wait_event(cdev->private->wait_q, dev_fsm_final_state(cdev));
		spin_lock_irq(cdev->ccwlock);
	}
	if (cdev->private->state != DEV_STATE_ONLINE) {
		spin_unlock_irq(cdev->ccwlock);
		put_device(&cdev->dev);
		return -ENODEV;
	}
	spin_unlock_irq(cdev->ccwlock);

	if (cdev->drv->set_online)
		ret = cdev->drv->set_online(cdev);
	if (ret) {
		spin_lock_irq(cdev->ccwlock);
		ccw_device_offline(cdev);
		spin_unlock_irq(cdev->ccwlock);
		put_device(&cdev->dev);
		return ret;
	}
	cdev->online = 1;
	return 0;
}

int ccw_device_set_offline(struct ccw_device *cdev)
{
	int ret = 0;

	if (!cdev || !cdev->online || !cdev->drv)
		return -ENODEV;
	if (cdev->drv->set_offline)
		ret = cdev->drv->set_offline(cdev);
	if (ret)
		return ret;
	spin_lock_irq(cdev->ccwlock);
	cdev->online = 0;
	ret = ccw_device_offline(cdev);
	spin_unlock_irq(cdev->ccwlock);
	put_device(&cdev->dev);
	return ret;
}

/* ---- deferred device work: runs from cio_work_q, lock not held on entry ---- */

void ccw_device_todo(struct work_struct *work)
{
	struct ccw_device_private *priv = container_of(work, struct ccw_device_private, todo_work);
	struct ccw_device *cdev = priv->cdev;
	enum cdev_todo todo;

	spin_lock_irq(cdev->ccwlock);
	todo = priv->todo;
	priv->todo = CDEV_TODO_NOTHING;
	spin_unlock_irq(cdev->ccwlock);

	switch (todo) {
	case CDEV_TODO_REGISTER:
		if (device_add(&cdev->dev))
			put_device(&cdev->dev);
		break;
	case CDEV_TODO_UNREG:
		device_unregister(&cdev->dev);
		break;
	default:
		break;
	}
	put_device(&cdev->dev);
}

/* ---- the I/O subchannel driver ---- */

static void ccw_device_release(struct device *dev)
{
	struct ccw_device *cdev = to_ccwdev(dev);

	kfree(cdev->private);
	kfree(cdev);
}

static struct ccw_device *io_subchannel_allocate_dev(struct subchannel *sch)
{
	struct ccw_device *cdev;

	cdev = kzalloc(sizeof(*cdev), GFP_KERNEL);
	if (!cdev)
		return NULL;
	cdev->private = kzalloc(sizeof(*cdev->private), GFP_KERNEL | GFP_DMA);
	if (!cdev->private) {
		kfree(cdev);
		return NULL;
	}
	return cdev;
}

static int io_subchannel_initialize_dev(struct subchannel *sch, struct ccw_device *cdev)
{
	struct ccw_device_private *priv = cdev->private;

	priv->cdev = cdev;
	priv->sch = sch;
	priv->int_class = IRQIO_CIO;
	priv->state = DEV_STATE_NOT_OPER;
	priv->dev_id.devno = sch->schib.pmcw.dev;
	priv->dev_id.ssid = sch->schid.ssid;
	INIT_WORK(&priv->todo_work, ccw_device_todo);
	init_waitqueue_head(&priv->wait_q);
	atomic_set(&priv->onoff, 0);

	/* The ccw device has no lock of its own: it uses its subchannel's. */
	cdev->ccwlock = sch->lock;

	cdev->dev.parent = &sch->dev;
	cdev->dev.release = ccw_device_release;
	cdev->dev.bus = &ccw_bus_type;
	device_initialize(&cdev->dev);
	if (dev_set_name(&cdev->dev, "0.%x.%04x", priv->dev_id.ssid, priv->dev_id.devno)) {
		put_device(&cdev->dev);
		return -ENOMEM;
	}
	sch_set_cdev(sch, cdev);
	return 0;
}

/* Start sense-id on the new device; its completion interrupt registers it. */
static void io_subchannel_recog(struct ccw_device *cdev, struct subchannel *sch)
{
	spin_lock_irq(sch->lock);
	cdev->private->state = DEV_STATE_SENSE_ID;
	cdev->private->sense_ccw.cmd_code = 0xe4;	/* sense id */
	if (cio_start(sch, &cdev->private->sense_ccw, 0))
		cdev->private->state = DEV_STATE_NOT_OPER;
	spin_unlock_irq(sch->lock);
}

static int io_subchannel_probe(struct subchannel *sch)
{
	struct ccw_device *cdev;
	int ret;

	cdev = io_subchannel_allocate_dev(sch);
	if (!cdev)
		return -ENOMEM;
	ret = io_subchannel_initialize_dev(sch, cdev);
	if (ret)
		return ret;
	ret = cio_enable_subchannel(sch, (u32)(addr_t)sch);
	if (ret)
		return ret;
	io_subchannel_recog(cdev, sch);
	return 0;
}

static void io_subchannel_remove(struct subchannel *sch)
{
	struct ccw_device *cdev = sch_get_cdev(sch);

	if (!cdev)
		return;
	spin_lock_irq(sch->lock);
	sch_set_cdev(sch, NULL);
	cio_disable_subchannel(sch);
	spin_unlock_irq(sch->lock);
	device_unregister(&cdev->dev);
}

/* css_driver.irq: called by do_cio_interrupt() with sch->lock held. */
static void io_subchannel_irq(struct subchannel *sch)
{
	struct ccw_device *cdev = sch_get_cdev(sch);

	if (cdev)
		dev_fsm_event(cdev, DEV_EVENT_INTERRUPT);
	else
		inc_irq_stat(IRQIO_CIO);
}

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
	int ret;

	ret = bus_register(&ccw_bus_type);
	if (ret)
		return ret;
	return css_driver_register(&io_subchannel_driver);
}
subsys_initcall(io_subchannel_init);
