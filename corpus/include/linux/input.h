/* SPDX-License-Identifier: GPL-2.0-only
 * input.h - the input core, as far as a driver sees it: allocate and
 * register an input_dev, report events (input_event() is callable from
 * any context, it takes the device's event_lock irqsave inside the core).
 */
#ifndef _LINUX_INPUT_H
#define _LINUX_INPUT_H

#include <linux/types.h>
#include <linux/device.h>

#define EV_SYN		0x00
#define EV_KEY		0x01
#define EV_ABS		0x03
#define SYN_REPORT	0
#define SYN_DROPPED	3
#define ABS_CNT		0x40

struct input_dev {
	const char *name;
	struct device dev;
	void *driver_data;
	int (*event)(struct input_dev *dev, unsigned int type, unsigned int code, int value);
};

struct input_dev *input_allocate_device(void);
void input_free_device(struct input_dev *dev);
int input_register_device(struct input_dev *dev);
void input_unregister_device(struct input_dev *dev);
void input_event(struct input_dev *dev, unsigned int type, unsigned int code, int value);
void input_set_abs_params(struct input_dev *dev, unsigned int axis, int min, int max, int fuzz, int flat);

static inline void input_set_drvdata(struct input_dev *dev, void *data)
{
	dev->driver_data = data;
}

#endif
