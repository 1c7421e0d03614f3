/* SPDX-License-Identifier: GPL-2.0-only
 * evdev.c - corpus model of drivers/input/evdev.c, the handler behind
 * /dev/input/eventN.
 *
 * Every evdev has a mutex, evdev.mutex, over its state: whether the device
 * still exists, and which client grabbed it.  The ioctl path takes it and,
 * for EVIOCGRAB, asks the input core for the device with it held
 * (evdev.mutex -> input_dev.mutex).  When the device goes, the core calls
 * evdev_disconnect(), which takes evdev.mutex to mark it gone: whatever
 * lock the caller of input_unregister_device() holds is ordered before
 * evdev.mutex.
 *
 * With -DEVDEV_GRAB_UNLOCKED (tree lock-cycle3-dropped) the EVIOCGRAB path
 * is the reworked one: the ioctl checks the evdev's state under the mutex,
 * drops it, asks input_grab_device() for the device, and takes the mutex
 * again only to record the grab (handing the device back, again unlocked,
 * if another client or a disconnect came first).  evdev_disconnect() still
 * takes evdev.mutex under whatever the unregistering driver holds; without
 * the evdev.mutex -> input_dev.mutex dependency the other two make no
 * cycle.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/input.h>

#define EVIOCGRAB	0x40044590

struct evdev {
	struct mutex mutex;		/* exist, grab */
	struct input_handle handle;
	struct evdev_client *grab;
	bool exist;
};

struct evdev_client {
	struct evdev *evdev;
};

#ifndef EVDEV_GRAB_UNLOCKED
static long evdev_set_grab(struct evdev *ev, struct evdev_client *client, bool on)
{
	int rc;

	if (!on) {
		if (ev->grab != client)
			return -EINVAL;
		ev->grab = NULL;
		input_release_device(&ev->handle);
		return 0;
	}
	if (ev->grab)
		return -EBUSY;
	rc = input_grab_device(&ev->handle);
	if (!rc)
		ev->grab = client;
	return rc;
}

static long evdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct evdev_client *client = file->private_data;
	struct evdev *ev = client->evdev;
	long rc = -ENODEV;

	mutex_lock(&ev->mutex);
	if (ev->exist)
		rc = cmd == EVIOCGRAB ? evdev_set_grab(ev, client, arg != 0) : -EINVAL;
	mutex_unlock(&ev->mutex);
	return rc;
}
#else
/* EVIOCGRAB, ON or off, with evdev.mutex not held. */
static long evdev_set_grab(struct evdev *ev, struct evdev_client *client, bool on)
{
	bool ungrab, lost;
	int rc;

	mutex_lock(&ev->mutex);
	rc = !ev->exist ? -ENODEV : on && ev->grab ? -EBUSY : !on && ev->grab != client ? -EINVAL : 0;
	ungrab = !rc && !on;
	if (ungrab)
		ev->grab = NULL;
	mutex_unlock(&ev->mutex);
	if (rc)
		return rc;
	if (ungrab) {
		input_release_device(&ev->handle);
		return 0;
	}

	rc = input_grab_device(&ev->handle);	/* no evdev.mutex here */
	if (rc)
		return rc;
	mutex_lock(&ev->mutex);
	lost = !ev->exist || ev->grab;
	if (!lost)
		ev->grab = client;
	mutex_unlock(&ev->mutex);
	if (lost)
		input_release_device(&ev->handle);
	return lost ? -EBUSY : 0;
}

static long evdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct evdev_client *client = file->private_data;

	if (cmd != EVIOCGRAB)
		return -EINVAL;
	return evdev_set_grab(client->evdev, client, arg != 0);
}
#endif

static int evdev_open(struct inode *inode, struct file *file)
{
	struct evdev_client *client = kzalloc(sizeof(*client), GFP_KERNEL);

	if (!client)
		return -ENOMEM;
	client->evdev = inode->i_private;
	file->private_data = client;
	return 0;
}

/* the character device's operations (its registration is not modelled) */
const struct file_operations evdev_fops = {
	.open		= evdev_open,
	.unlocked_ioctl	= evdev_ioctl,
};

static void evdev_disconnect(struct input_handle *handle)
{
	struct evdev *ev = handle->private;

	mutex_lock(&ev->mutex);
	ev->exist = false;
	mutex_unlock(&ev->mutex);
}

static int evdev_connect(struct input_handler *handler, struct input_dev *idev)
{
	struct evdev *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev)
		return -ENOMEM;
	mutex_init(&ev->mutex);
	ev->exist = true;
	ev->handle.dev = idev;
	ev->handle.handler = handler;
	ev->handle.name = "evdev";
	ev->handle.private = ev;
	return input_register_handle(&ev->handle);
}

static struct input_handler evdev_handler = {
	.name		= "evdev",
	.connect	= evdev_connect,
	.disconnect	= evdev_disconnect,
};

static int __init evdev_init(void)
{
	return input_register_handler(&evdev_handler);
}
module_init(evdev_init);
