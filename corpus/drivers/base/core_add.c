/* SPDX-License-Identifier: GPL-2.0-only
 * core_add.c - corpus model of drivers/base/core.c: putting a device into
 * the driver model.  device_add() takes its own reference first
 * ('dev = get_device(dev)', which hands back the same device), and when a
 * later step fails it unwinds through bus_remove_device(), whose
 * 'dev->bus->remove' (dd.c) is by key every bus's remove; but it clears
 * the device's driver first, and dd.c unbinds only a device that has one.  device_create()
 * makes a class device: a fresh allocation, filled here and added; no bus
 * is ever stored into it.  With -DDEVICE_ADD_PROBES an added device is
 * offered to its bus's drivers too (bus.c, dd.c).  No findings here.
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>

#include "base.h"

extern int device_add_attrs(struct device *dev);

int device_add(struct device *dev)
{
	int err;

	dev = get_device(dev);
	if (!dev)
		return -EINVAL;
	err = device_add_attrs(dev);
	if (!err) {
#ifdef DEVICE_ADD_PROBES
		bus_probe_device(dev);   /* offered to its bus's drivers */
#endif
		return 0;
	}
	/* the sysfs part failed: no driver was bound yet; off the bus again */
	dev->driver = NULL;
	bus_remove_device(dev);
	put_device(dev);
	return err;
}

static void class_dev_release(struct device *dev)
{
	kfree(dev);
}

static struct device *device_create_groups_vargs(struct class *cls, struct device *parent,
						 void *drvdata, const char *name)
{
	struct device *made;

	(void)cls;
	made = kzalloc(sizeof(*made), GFP_KERNEL);
	if (!made)
		return ERR_PTR(-ENOMEM);
	made->parent = parent;
	made->init_name = name;
	made->release = class_dev_release;
	dev_set_drvdata(made, drvdata);
	if (device_add(made)) {
		put_device(made);
		return ERR_PTR(-ENODEV);
	}
	return made;
}

struct device *device_create(struct class *cls, struct device *parent, void *drvdata, const char *name)
{
	return device_create_groups_vargs(cls, parent, drvdata, name);
}
