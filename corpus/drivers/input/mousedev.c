/* SPDX-License-Identifier: GPL-2.0-only
 * mousedev.c - corpus model of drivers/input/mousedev.c: the PS/2-style
 * mouse devices, one per pointing device, plus the mixer, one more
 * mousedev that every pointing device also feeds (/dev/input/mice).
 *
 * Opening the mixer opens every mouse behind it: mousedev_open_device()
 * takes the mixer's mutex and, through mixdev_open_devices(), calls itself
 * for each mouse, which takes that mouse's mutex - a mousedev.mutex taken
 * while another is held.  lockdep is told so at creation:
 * mousedev_create() sets the mixer's mutex to subclass SINGLE_DEPTH_NESTING
 * and every other one to 0 (lockdep_set_subclass() with a value that
 * depends on its 'mixer' argument).  Which mousedev is the mixer is decided
 * per object, so lockpath must not report the nested mutex_lock as a
 * recursive-lock (tree mousedev-mixdev).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/fs.h>
#include <linux/input.h>

struct mousedev {
	struct mutex mutex;		/* open count, exist */
	struct input_handle handle;
	struct list_head mixdev_node;	/* on mousedev_mix_list */
	int open;
	bool exist;
	bool is_mixdev;
	bool opened_by_mixdev;		/* a mixer's open opened it */
};

static struct mousedev *mousedev_mix;
static LIST_HEAD(mousedev_mix_list);

extern int input_open_device(struct input_handle *handle);
extern void input_close_device(struct input_handle *handle);

static void mixdev_open_devices(struct mousedev *mixdev);
static void mixdev_close_devices(struct mousedev *mixdev);

static int mousedev_open_device(struct mousedev *md)
{
	int err = mutex_lock_interruptible(&md->mutex);

	if (err)
		return err;
	if (md->is_mixdev) {
		mixdev_open_devices(md);
	} else if (!md->exist) {
		err = -ENODEV;
	} else if (md->open++ == 0) {
		err = input_open_device(&md->handle);
		if (err)
			md->open--;
	}
	mutex_unlock(&md->mutex);
	return err;
}

static void mousedev_close_device(struct mousedev *md)
{
	mutex_lock(&md->mutex);
	if (md->is_mixdev)
		mixdev_close_devices(md);
	else if (md->exist && --md->open == 0)
		input_close_device(&md->handle);
	mutex_unlock(&md->mutex);
}

/* Called with the mixer's mutex held: open each mouse the mixer has not. */
static void mixdev_open_devices(struct mousedev *mixdev)
{
	struct mousedev *md;

	if (mixdev->open++)
		return;
	list_for_each_entry(md, &mousedev_mix_list, mixdev_node) {
		if (md->opened_by_mixdev || mousedev_open_device(md))
			continue;
		md->opened_by_mixdev = true;
	}
}

/* Called with the mixer's mutex held: close what the mixer opened. */
static void mixdev_close_devices(struct mousedev *mixdev)
{
	struct mousedev *md;

	if (--mixdev->open)
		return;
	list_for_each_entry(md, &mousedev_mix_list, mixdev_node) {
		if (!md->opened_by_mixdev)
			continue;
		md->opened_by_mixdev = false;
		mousedev_close_device(md);
	}
}

static int mousedev_open(struct inode *inode, struct file *file)
{
	struct mousedev *md = inode->i_private;

	file->private_data = md;
	return mousedev_open_device(md);
}

static int mousedev_release(struct inode *inode, struct file *file)
{
	mousedev_close_device(file->private_data);
	return 0;
}

static const struct file_operations mousedev_fops = {
	.open = mousedev_open,
	.release = mousedev_release,
};

const struct file_operations *mousedev_get_fops(void)
{
	return &mousedev_fops;
}

static struct mousedev *mousedev_create(struct input_dev *dev, bool mixer)
{
	struct mousedev *md = kzalloc(sizeof(*md), GFP_KERNEL);

	if (!md)
		return NULL;
	INIT_LIST_HEAD(&md->mixdev_node);
	mutex_init(&md->mutex);
	/* the mixer's mutex is taken around every other one */
	lockdep_set_subclass(&md->mutex, mixer ? SINGLE_DEPTH_NESTING : 0);
	md->is_mixdev = mixer;
	md->exist = true;
	md->handle.dev = dev;
	md->handle.private = md;
	return md;
}

static int mousedev_connect(struct input_handler *handler, struct input_dev *dev)
{
	struct mousedev *md = mousedev_create(dev, false);

	if (!md)
		return -ENOMEM;
	md->handle.handler = handler;
	mutex_lock(&mousedev_mix->mutex);
	list_add_tail(&md->mixdev_node, &mousedev_mix_list);
	mutex_unlock(&mousedev_mix->mutex);
	return input_register_handle(&md->handle);
}

static struct input_handler mousedev_handler = {
	.name = "mousedev",
	.connect = mousedev_connect,
};

int mousedev_init(void)
{
	mousedev_mix = mousedev_create(NULL, true);
	if (!mousedev_mix)
		return -ENOMEM;
	return input_register_handler(&mousedev_handler);
}
