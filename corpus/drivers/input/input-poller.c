// SPDX-License-Identifier: GPL-2.0-only
/*
 * input-poller.c - modelled on drivers/input/input-poller.c: a device with
 * no interrupt is polled with the function its driver gave
 * input_setup_polling(); the core starts polling when the device is
 * opened, under the device mutex.  No driver in this tree calls
 * input_setup_polling(): its poll functions are all outside it.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/input.h>

struct input_dev_poller {
	void (*poll)(struct input_dev *dev);
	struct input_dev *input;
};

void input_setup_polling(struct input_dev *dev, struct input_dev_poller *poller,
			 void (*poll_fn)(struct input_dev *dev))
{
	poller->input = dev;
	poller->poll = poll_fn;
	dev->poller = poller;
}
EXPORT_SYMBOL(input_setup_polling);

static void input_dev_poller_start(struct input_dev_poller *poller)
{
	poller->poll(poller->input);
}

int input_open_polled_device(struct input_dev *dev)
{
	mutex_lock(&dev->mutex);
	if (dev->poller)
		input_dev_poller_start(dev->poller);
	mutex_unlock(&dev->mutex);
	return 0;
}
EXPORT_SYMBOL(input_open_polled_device);

/* A function of the poll's type whose address the tree takes (a hook the
 * core keeps for its own use): it takes the device mutex. */
static void input_dev_drop_grab(struct input_dev *dev)
{
	mutex_lock(&dev->mutex);   /* expect(input-poller-cookie): recursive-lock input_dev.mutex */
	dev->grab = NULL;
	mutex_unlock(&dev->mutex);
}

void (*input_grab_release_hook)(struct input_dev *dev) = input_dev_drop_grab;
