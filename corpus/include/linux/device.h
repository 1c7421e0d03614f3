/* SPDX-License-Identifier: GPL-2.0-only
 * device.h - the driver model, just enough of it: a bus calls its probe()
 * when a device meets a driver, drivers keep their state in driver_data.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/module.h>

struct device;
struct device_driver;
struct class;
struct fwnode_handle;
struct module;

struct bus_type {
	const char *name;
	int (*match)(struct device *d, struct device_driver *dd);
	int (*probe)(struct device *d);
	void (*remove)(struct device *d);
};

struct device_driver {
	const char *name;
	struct bus_type *bus;
	struct module *owner;
};

struct device {
	struct device *parent;
	const char *init_name;
	struct bus_type *bus;
	struct device_driver *driver;
	void *driver_data;
	u64 *dma_mask;
	struct fwnode_handle *fwnode;	/* its firmware node, for '%pfw' */
	void (*release)(struct device *d);
};

static inline void *dev_get_drvdata(const struct device *d)
{
	return d->driver_data;
}

static inline void dev_set_drvdata(struct device *d, void *data)
{
	d->driver_data = data;
}

static inline const char *dev_name(const struct device *d)
{
	return d->init_name;
}

extern void device_initialize(struct device *d);
/* a bare device of a class, on no bus: drivers/base/core_add.c */
extern struct device *device_create(struct class *cls, struct device *parent, void *drvdata,
				    const char *name);
extern int device_add(struct device *d);
extern void device_del(struct device *d);
extern void device_release_driver(struct device *d);
extern int device_register(struct device *d);
extern void device_unregister(struct device *d);
extern struct device *get_device(struct device *d);
extern void put_device(struct device *d);
extern int dev_set_name(struct device *d, const char *fmt, ...) __printf(2, 3);
extern int driver_register(struct device_driver *dd);
extern void driver_unregister(struct device_driver *dd);
extern int bus_register(struct bus_type *bus);

extern void _dev_err(const struct device *d, const char *fmt, ...) __printf(2, 3);
extern void _dev_warn(const struct device *d, const char *fmt, ...) __printf(2, 3);
extern void _dev_info(const struct device *d, const char *fmt, ...) __printf(2, 3);
#define dev_err(d, fmt, ...)	_dev_err(d, fmt, ##__VA_ARGS__)
#define dev_warn(d, fmt, ...)	_dev_warn(d, fmt, ##__VA_ARGS__)
#define dev_info(d, fmt, ...)	_dev_info(d, fmt, ##__VA_ARGS__)

/*
 * module_driver - a driver whose init and exit only register and
 * unregister it: generates both functions and their initcalls.
 */
#define module_driver(__driver, __register, __unregister)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver));					\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver));					\
}									\
module_exit(__driver##_exit)

#endif
