/* SPDX-License-Identifier: GPL-2.0-only
 * base.h - what the driver core's files share and nobody else calls.
 */
#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

#include <linux/device.h>

extern void bus_remove_device(struct device *dev);
extern void bus_probe_device(struct device *dev);
extern void device_initial_probe(struct device *dev);
extern int bus_for_each_drv(struct bus_type *bus, struct device_driver *start, void *data,
			    int (*fn)(struct device_driver *, void *));
extern void device_release_driver_internal(struct device *dev, struct device_driver *drv,
					   struct device *parent);

#endif
