/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_input-unplug.c - corpus model of drivers/virtio/virtio_input.c
 * with two hypothetical changes.  Output events (LEDs) are sent on the
 * status queue under a mutex, virtio_input.sts_mutex, instead of the
 * driver's spinlock; and the device may withdraw its input function: on a
 * config change the driver queues unplug_work, which looks at config space
 * and, if the device's name is gone, unregisters the input device with
 * sts_mutex held, so that no status update races with the teardown.
 *
 * Each step is harmless alone.  With the input core and evdev they make a
 * cycle of three lock classes, each dependency on its own path:
 *   input_dev.mutex -> sts_mutex   suspend turns the LEDs off through
 *                                  virtinput_status (input.c)
 *   sts_mutex -> evdev.mutex       unplug_work -> input_unregister_device
 *                                  -> evdev_disconnect (evdev.c)
 *   evdev.mutex -> input_dev.mutex EVIOCGRAB -> input_grab_device
 * No two of the three locks are ever taken in both orders (no ABBA).
 *
 * config_changed runs on the transport's interrupt path (virtio-ccw: in
 * hardirq, under the subchannel lock): it only queues the work.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/scatterlist.h>
#include <linux/input.h>
#include <linux/module.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_input.h>

struct virtio_input {
	struct virtio_device *vdev;
	struct input_dev *idev;
	struct virtqueue *sts;
	struct mutex sts_mutex;		/* the status queue, and gone */
	struct work_struct unplug_work;
	bool gone;
};

/* input_dev.event: send one output event to the device. */
static int virtinput_status(struct input_dev *idev, unsigned int type, unsigned int code, int value)
{
	struct virtio_input *vin = input_get_drvdata(idev);
	struct virtio_input_event *out;
	struct scatterlist sg[1];
	int rc = -ENODEV;

	out = kzalloc(sizeof(*out), GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	out->type = type;
	out->code = code;
	out->value = value;
	sg_init_one(sg, out, sizeof(*out));

	/* where the cycle closes: the search meets this dependency last */
	mutex_lock(&vin->sts_mutex);	/* expect(lock-cycle3-ccw): lock-order closing the dependency cycle input_dev.mutex -> virtio_input.sts_mutex -> evdev.mutex -> input_dev.mutex */
	if (!vin->gone)
		rc = virtqueue_add_outbuf(vin->sts, sg, 1, out, GFP_KERNEL);
	if (!rc)
		virtqueue_kick(vin->sts);
	mutex_unlock(&vin->sts_mutex);
	if (rc)
		kfree(out);
	return rc;
}

/* Process context: has the device taken its input function away? */
static void virtinput_unplug_work(struct work_struct *w)
{
	struct virtio_input *vin = container_of(w, struct virtio_input, unplug_work);
	u8 sel = VIRTIO_INPUT_CFG_ID_NAME, len;

	virtio_cwrite(vin->vdev, struct virtio_input_config, select, &sel);
	virtio_cread(vin->vdev, struct virtio_input_config, size, &len);
	if (len)
		return;

	mutex_lock(&vin->sts_mutex);
	vin->gone = true;
	input_unregister_device(vin->idev);
	mutex_unlock(&vin->sts_mutex);
}

/* Interrupt path: defer everything. */
static void virtinput_config_changed(struct virtio_device *vd)
{
	struct virtio_input *vin = vd->priv;

	schedule_work(&vin->unplug_work);
}

static int virtinput_probe(struct virtio_device *vd)
{
	struct virtqueue *vqs[1];
	vq_callback_t *cbs[1] = { NULL };
	static const char * const names[1] = { "status" };
	struct virtio_input *vin;
	int rc;

	vin = kzalloc(sizeof(*vin), GFP_KERNEL);
	if (!vin)
		return -ENOMEM;
	vd->priv = vin;
	vin->vdev = vd;
	mutex_init(&vin->sts_mutex);
	INIT_WORK(&vin->unplug_work, virtinput_unplug_work);
	rc = virtio_find_vqs(vd, 1, vqs, cbs, names, NULL);
	if (rc)
		goto err_free;
	vin->sts = vqs[0];
	vin->idev = input_allocate_device();
	if (!vin->idev) {
		rc = -ENOMEM;
		goto err_vqs;
	}
	vin->idev->name = "virtio-input";
	vin->idev->event = virtinput_status;
	input_set_drvdata(vin->idev, vin);
	virtio_device_ready(vd);
	rc = input_register_device(vin->idev);
	if (!rc)
		return 0;
	input_free_device(vin->idev);
err_vqs:
	vd->config->del_vqs(vd);
err_free:
	kfree(vin);
	return rc;
}

static const struct virtio_device_id input_ids[] = {
	{ .device = VIRTIO_ID_INPUT, .vendor = VIRTIO_DEV_ANY_ID },
	{ 0 },
};

static struct virtio_driver input_driver = {
	.driver.name		= "virtio_input",
	.driver.owner		= THIS_MODULE,
	.id_table		= input_ids,
	.probe			= virtinput_probe,
	.config_changed		= virtinput_config_changed,
};
module_virtio_driver(input_driver);
MODULE_DEVICE_TABLE(virtio, input_ids);
MODULE_LICENSE("GPL");
