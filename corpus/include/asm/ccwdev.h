/* SPDX-License-Identifier: GPL-2.0-only
 * asm/ccwdev.h - ccw devices and drivers, the interface between the
 * common I/O layer (drivers/s390/cio) and device drivers such as
 * virtio-ccw.  A ccw device does not own its lock: ccwlock points to the
 * lock of the subchannel the device sits on (set by the cio core), and
 * get_ccwdev_lock() is how drivers reach it.  cdev->handler is the
 * driver's interrupt handler; cio calls it with that lock held.
 */
#ifndef _S390_CCWDEV_H_
#define _S390_CCWDEV_H_

#include <linux/types.h>
#include <linux/device.h>
#include <linux/spinlock.h>
#include <linux/mod_devicetable.h>
#include <asm/irq.h>
#include <asm/cio.h>

struct ccw_device_private;
struct ccw_driver;

struct ccw_device {
	spinlock_t *ccwlock;
	struct ccw_device_private *private;	/* cio's own state */
	struct ccw_device_id id;
	struct ccw_driver *drv;
	struct device dev;
	int online;
	void (*handler)(struct ccw_device *cdev, unsigned long intparm, struct irb *irb);
};

#define CIO_GONE	0
#define CIO_NO_PATH	1
#define CIO_OPER	2
#define CIO_BOXED	3

#define NOTIFY_OK	1

struct ccw_driver {
	struct ccw_device_id *ids;
	int (*probe)(struct ccw_device *cdev);
	void (*remove)(struct ccw_device *cdev);
	int (*set_online)(struct ccw_device *cdev);
	int (*set_offline)(struct ccw_device *cdev);
	int (*notify)(struct ccw_device *cdev, int event);
	struct device_driver driver;
	enum interruption_class int_class;
};

#define CCW_DEVICE(cu, cum) \
	.cu_type = (cu), .cu_model = (cum), .match_flags = CCW_DEVICE_ID_MATCH_CU_TYPE

extern int ccw_driver_register(struct ccw_driver *driver);
/* Unregister a vanished device at once (drivers/s390/cio/device_gone.c). */
extern void ccw_device_gone_now(struct ccw_device *cdev);
extern void ccw_driver_unregister(struct ccw_driver *driver);

/* Start a channel program; the caller holds the ccw device lock. */
extern int ccw_device_start(struct ccw_device *cd, struct ccw1 *cpa, unsigned long intparm,
			    __u8 lpm, unsigned long flags);
/* The same, and a path that went away is verified before the caller hears of it. */
extern int ccw_device_start_timeout(struct ccw_device *cd, struct ccw1 *cpa, unsigned long intparm,
				    __u8 lpm, unsigned long flags, int expires);
extern void ccw_device_wait_idle(struct ccw_device *cd);
extern void ccw_device_get_id(struct ccw_device *cd, struct ccw_dev_id *dev_id);
extern void ccw_device_get_schid(struct ccw_device *cd, struct subchannel_id *schid);

extern int ccw_device_set_online(struct ccw_device *cd);
extern int ccw_device_set_offline(struct ccw_device *cd);

#define get_ccwdev_lock(x) (x)->ccwlock

#define to_ccwdev(n) container_of(n, struct ccw_device, dev)
#define to_ccwdrv(n) container_of(n, struct ccw_driver, driver)

#define module_ccw_driver(__ccw_driver) \
	module_driver(__ccw_driver, ccw_driver_register, ccw_driver_unregister)

#endif
