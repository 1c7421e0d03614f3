/* SPDX-License-Identifier: GPL-2.0-only
 * platform_device.h - devices described by firmware (device tree, ACPI, the
 * kernel command line) rather than found on a bus: what virtio-mmio binds
 * to.  A platform driver's probe gets the device, asks for its register
 * window and its interrupt line, and maps the window.
 */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/module.h>

struct resource {
	u64 start, end;
	unsigned long flags;
};
#define IORESOURCE_MEM		0x00000200

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	unsigned int num_resources;
	struct resource *resource;
};

#define to_platform_device(d)	container_of((d), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *pd);
	int (*remove)(struct platform_device *pd);
	struct device_driver driver;
};

extern struct resource *platform_get_resource(struct platform_device *pd, unsigned int type,
					      unsigned int num);
extern int platform_get_irq(struct platform_device *pd, unsigned int num);
extern void __iomem *devm_ioremap_resource(struct device *d, const struct resource *res);
extern int platform_driver_register(struct platform_driver *drv);
extern void platform_driver_unregister(struct platform_driver *drv);

static inline void *platform_get_drvdata(const struct platform_device *pd)
{
	return dev_get_drvdata(&pd->dev);
}

static inline void platform_set_drvdata(struct platform_device *pd, void *data)
{
	dev_set_drvdata(&pd->dev, data);
}

#define module_platform_driver(pdrv_) \
	module_driver(pdrv_, platform_driver_register, platform_driver_unregister)

#endif
