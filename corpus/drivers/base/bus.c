/* SPDX-License-Identifier: GPL-2.0-only
 * bus.c - corpus model of drivers/base/bus.c: a device leaving its bus
 * first loses its driver; with -DDEVICE_ADD_PROBES a device joining one
 * is offered to each of its drivers, and a device on no bus (a class
 * device) to none.  No findings here.
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

#ifdef DEVICE_ADD_PROBES
extern struct device_driver *bus_next_driver(struct bus_type *bus, struct device_driver *prev);

int bus_for_each_drv(struct bus_type *bus, struct device_driver *start, void *data,
		     int (*fn)(struct device_driver *, void *))
{
	struct device_driver *drv = start;
	int error = 0;

	while (!error && (drv = bus_next_driver(bus, drv)))
		error = fn(drv, data);
	return error;
}

void bus_probe_device(struct device *dev)
{
	struct bus_type *bus = dev->bus;

	if (!bus)
		return;
	device_initial_probe(dev);
}
#endif
