/* SPDX-License-Identifier: GPL-2.0-only
 * device_gone.c - a device that disappeared, unregistered at once: its
 * driver's remove() called from where the disappearance was noticed.  cio
 * does not do this: it schedules the unregistration (ccw_device_sched_todo(),
 * CDEV_TODO_UNREG, run by a work item), because the driver core calls
 * remove() in process context and drivers write it to sleep.  This file is
 * the shortcut a driver or a core change might take, called from a device's
 * interrupt handler.
 */
#include <linux/kernel.h>
#include <asm/ccwdev.h>

void ccw_device_gone_now(struct ccw_device *cdev)
{
	struct ccw_driver *drv = cdev->drv;

	if (drv && drv->remove)
		drv->remove(cdev); /* expect: sleep-in-atomic ccw_driver.remove, which the kernel makes in process context */
	cdev->online = 0;
}
