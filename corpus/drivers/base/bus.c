/* SPDX-License-Identifier: GPL-2.0-only
 * bus.c - corpus model of drivers/base/bus.c: a device leaving its bus
 * first loses its driver.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/device.h>

#include "base.h"

void bus_remove_device(struct device *dev)
{
	if (!dev->bus)
		return;
	device_release_driver(dev);
}
