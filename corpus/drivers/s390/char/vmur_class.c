// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmur_class.c - corpus model of drivers/s390/char/vmur.c: z/VM's unit
 * record devices, a ccw driver that gives each online unit a character
 * device node.  Setting a unit online creates the node's class device
 * with the driver's global mutex held, and the driver's remove takes that
 * mutex too.  device_create() goes down to device_add(), whose error
 * unwind calls 'dev->bus->remove': by key the ccw bus's remove, which
 * calls this driver's remove.  But the class device is a new one, on no
 * bus.  With -DVMUR_OWN_BUS the driver adds a device of its own instead,
 * on a bus of its own whose remove takes the mutex, and unregisters it
 * when a later step fails: that one is found, also where a helper the new
 * device is handed to stores the bus (-DVMUR_NODE_INIT).  With -DVMUR_ADD_ONLY too,
 * only device_add()'s own unwind is left, which clears the driver before
 * it takes the device off its bus: nothing is unbound, nothing found.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <asm/ccwdev.h>

static DEFINE_MUTEX(vmur_mutex);

struct urdev {
	struct ccw_device *cdev;
	struct device *node;
	int open_count;
};

#ifdef VMUR_OWN_BUS
static void ur_bus_remove(struct device *dev)
{
	mutex_lock(&vmur_mutex); /* expect(vmur-own-bus,vmur-own-bus-init-helper): recursive-lock vmur_mutex acquired in ur_bus_remove is already held */
	dev->driver = NULL;
	mutex_unlock(&vmur_mutex);
}

extern int ur_node_attrs(struct device *node);

static struct bus_type ur_bus = {
	.name	= "vmur",
	.remove	= ur_bus_remove,
};

#ifdef VMUR_NODE_INIT
/* the node's place in the device tree, filled by a helper it is handed to */
static void ur_node_init(struct device *node, struct urdev *urd)
{
	node->bus = &ur_bus;
	node->parent = &urd->cdev->dev;
}
#endif

/* a unit node put on the driver's own bus */
static struct device *ur_node_create(struct urdev *urd)
{
	struct device *node = kzalloc(sizeof(*node), GFP_KERNEL);

	if (!node)
		return ERR_PTR(-ENOMEM);
#ifdef VMUR_NODE_INIT
	ur_node_init(node, urd);
#else
	node->bus = &ur_bus;
	node->parent = &urd->cdev->dev;
#endif
	if (device_add(node)) {
		kfree(node);
		return ERR_PTR(-EIO);
	}
#ifndef VMUR_ADD_ONLY
	if (ur_node_attrs(node)) {
		device_unregister(node);
		return ERR_PTR(-EIO);
	}
#endif
	return node;
}
#else
static struct class *vmur_class;

static struct device *ur_node_create(struct urdev *urd)
{
	return device_create(vmur_class, &urd->cdev->dev, urd, "vmrdr");
}
#endif

static int ur_set_online(struct ccw_device *cdev)
{
	struct urdev *urd;
	int rc = 0;

	mutex_lock(&vmur_mutex);
	urd = dev_get_drvdata(&cdev->dev);
	if (!urd) {
		rc = -ENODEV;
		goto unlock;
	}
	urd->node = ur_node_create(urd);
	if (IS_ERR(urd->node)) {
		rc = (int)PTR_ERR(urd->node);
		urd->node = NULL;
	}
unlock:
	mutex_unlock(&vmur_mutex);
	return rc;
}

static int ur_probe(struct ccw_device *cdev)
{
	struct urdev *urd = kzalloc(sizeof(*urd), GFP_KERNEL);

	if (!urd)
		return -ENOMEM;
	urd->cdev = cdev;
	dev_set_drvdata(&cdev->dev, urd);
	return 0;
}

static void ur_remove(struct ccw_device *cdev)
{
	struct urdev *urd;

	mutex_lock(&vmur_mutex);
	urd = dev_get_drvdata(&cdev->dev);
	if (urd && !urd->open_count) {
		dev_set_drvdata(&cdev->dev, NULL);
		kfree(urd);
	}
	mutex_unlock(&vmur_mutex);
}

static struct ccw_driver ur_driver = {
	.probe		= ur_probe,
	.remove		= ur_remove,
	.set_online	= ur_set_online,
	.driver		= { .name = "vmur" },
};

module_ccw_driver(ur_driver);
