/* SPDX-License-Identifier: GPL-2.0-only
 * input.h - the input core, as far as a driver sees it: allocate and
 * register an input_dev, report events (input_event() is callable from
 * any context, it takes the device's event_lock irqsave inside the core).
 * Handlers (evdev) attach to a device through an input_handle; the core
 * serialises a device's users, grabs and power transitions with its mutex
 * and calls the driver's event() for output events (LEDs) under it.
 */
#ifndef _LINUX_INPUT_H
#define _LINUX_INPUT_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/mutex.h>

#define EV_SYN		0x00
#define EV_KEY		0x01
#define EV_ABS		0x03
#define SYN_REPORT	0
#define SYN_DROPPED	3
#define ABS_CNT		0x40

#define EV_LED		0x11
#define LED_CNT		0x10

struct input_handle;

struct input_dev {
	const char *name;
	struct device dev;
	void *driver_data;
	int (*event)(struct input_dev *dev, unsigned int type, unsigned int code, int value);
	struct mutex mutex;			/* users, grab, suspend */
	struct input_handle *grab;
	struct input_dev_poller *poller;	/* input-poller.c: polled devices */
	struct input_handle *handles;		/* attached handlers, through input_handle.next */
	unsigned long led[1];
	unsigned int users;
	bool going_away;
};

#define to_input_dev(d) container_of(d, struct input_dev, dev)

/* A handler (evdev, ...): attached to every device it can serve. */
struct input_handler {
	const char *name;
	int (*connect)(struct input_handler *handler, struct input_dev *dev);
	void (*disconnect)(struct input_handle *handle);
	void (*event)(struct input_handle *handle, unsigned int type, unsigned int code, int value);
};

/* One handler attached to one device. */
struct input_handle {
	void *private;
	const char *name;
	struct input_dev *dev;
	struct input_handler *handler;
	struct input_handle *next;
};

int input_register_handler(struct input_handler *handler);
int input_register_handle(struct input_handle *handle);
int input_grab_device(struct input_handle *handle);
void input_release_device(struct input_handle *handle);
int input_dev_suspend(struct device *dev);

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

static inline void *input_get_drvdata(struct input_dev *dev)
{
	return dev->driver_data;
}

#endif
