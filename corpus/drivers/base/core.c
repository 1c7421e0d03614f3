/* SPDX-License-Identifier: GPL-2.0-only
 * core.c - corpus model of drivers/base/core.c: taking a device out of the
 * driver model.  device_del() hands the device to its bus, whichever bus
 * that is (none, for a partition's device); the bus's own remove() runs
 * further down, in dd.c, through 'dev->bus'.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/device.h>

#include "base.h"

void device_del(struct device *dev)
{
	struct device *up = dev->parent;

	/* a device with no bus is only unlinked from its parent */
	bus_remove_device(dev);
	if (up)
		put_device(up);
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}
