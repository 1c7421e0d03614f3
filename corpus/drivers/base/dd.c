/* SPDX-License-Identifier: GPL-2.0-only
 * dd.c - corpus model of drivers/base/dd.c: unbinding a driver.  Four
 * calls deep from device_release_driver() the device is handed to
 * 'dev->bus->remove': by key that is every bus's remove in the tree (the
 * ccw bus's, virtio's, the css bus's), but a device has the one bus its
 * owner stored into it ('cdev->dev.bus = &ccw_bus_type').  And only a
 * device with a driver is unbound: __device_release_driver() reads the
 * driver into a local and tests that.  With -DDEVICE_ADD_PROBES a device
 * is probed too: bus_for_each_drv() hands each driver and a struct on the
 * stack that holds the device to __device_attach_driver(), and a probe
 * that fails is undone through the same 'dev->bus->remove'.  No findings
 * here.
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

#ifdef DEVICE_ADD_PROBES
struct device_attach_data {
	struct device *dev;
	bool check_match;
};

static int really_probe(struct device *dev, struct device_driver *drv)
{
	int ret = 0;

	dev->driver = drv;
	if (dev->bus->probe)
		ret = dev->bus->probe(dev);
	if (ret) {
		device_remove(dev);
		dev->driver = NULL;
	}
	return ret;
}

static int __device_attach_driver(struct device_driver *drv, void *_data)
{
	struct device_attach_data *data = _data;

	if (data->check_match && drv->bus != data->dev->bus)
		return 0;
	return really_probe(data->dev, drv);
}

static int __device_attach(struct device *dev, bool allow_async)
{
	struct device_attach_data data = {
		.dev = dev,
		.check_match = allow_async,
	};

	return bus_for_each_drv(dev->bus, NULL, &data, __device_attach_driver);
}

void device_initial_probe(struct device *dev)
{
	__device_attach(dev, true);
}
#endif
