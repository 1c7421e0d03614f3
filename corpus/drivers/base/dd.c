/* SPDX-License-Identifier: GPL-2.0-only
 * dd.c - corpus model of drivers/base/dd.c: unbinding a driver.  Four
 * calls deep from device_release_driver() the device is handed to
 * 'dev->bus->remove': by key that is every bus's remove in the tree (the
 * ccw bus's, virtio's, the css bus's), but a device has the one bus its
 * owner stored into it ('cdev->dev.bus = &ccw_bus_type').  And only a
 * device with a driver is unbound: __device_release_driver() reads the
 * driver into a local and tests that.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/device.h>

#include "base.h"

static void device_remove(struct device *dev)
{
	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
}

static void __device_release_driver(struct device *dev, struct device *parent)
{
	struct device_driver *bound;

	(void)parent;
	bound = dev->driver;
	if (bound) {
		device_remove(dev);
		dev->driver = NULL;
	}
}

void device_release_driver_internal(struct device *dev, struct device_driver *drv,
				    struct device *parent)
{
	if (drv && drv != dev->driver)
		return;
	__device_release_driver(dev, parent);
}

void device_release_driver(struct device *dev)
{
	device_release_driver_internal(dev, NULL, NULL);
}
