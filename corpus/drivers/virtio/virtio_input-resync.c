/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_input-resync.c - corpus model of drivers/virtio/virtio_input.c
 * with a hypothetical change: when the device reports SYN_DROPPED, the
 * event queue's callback re-reads the absolute-axis ranges from config
 * space right there, instead of leaving that to process context.  (The
 * real driver reads config only in probe; this variant is the 86a5597
 * mistake moved from config_changed into a virtqueue callback.)
 *
 * The callback virtinput_recv_events() is handed to the transport as a
 * function pointer: the callbacks[] array goes through virtio_find_vqs()
 * -> vdev->config->find_vqs (a parameter) -> the transport's setup_vq (a
 * parameter) -> vring_create_virtqueue() (a parameter) -> vq->callback,
 * and vring_interrupt() calls it from the transport's interrupt path
 * under vi->lock.  Lockpath must follow the parameters back to the array.
 *
 * On virtio-ccw the config select/read is a channel program: most findings
 * are reported in virtio_ccw.c (ccw_io_helper), filtered to the trees that
 * use this file.  vi->lock is taken under the subchannel lock here, and the
 * ccw device lock under vi->lock, but only on that same interrupt path, where
 * the ccw device lock *is* the held subchannel lock: that is the
 * recursive-lock, not a second, lock-order finding (no process-context path
 * takes vi->lock and then reads config, unlike config_lock in
 * balloon-ccw-2019, which virtio_config_enable() takes at probe).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
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
	struct virtqueue *evt, *sts;
	struct virtio_input_event evts[64];
	spinlock_t lock;		/* the queues, and ready */
	bool ready;
};

static void virtinput_queue_evtbuf(struct virtio_input *vin, struct virtio_input_event *buf)
{
	struct scatterlist sg[1];

	sg_init_one(sg, buf, sizeof(*buf));
	virtqueue_add_inbuf(vin->evt, sg, 1, buf, GFP_ATOMIC);
}

/* Select a config page; the device answers with its size.  Three config accesses. */
static u8 virtinput_cfg_select(struct virtio_input *vin, u8 select, u8 subsel)
{
	u8 size;

	virtio_cwrite(vin->vdev, struct virtio_input_config, select, &select);
	virtio_cwrite(vin->vdev, struct virtio_input_config, subsel, &subsel);
	virtio_cread(vin->vdev, struct virtio_input_config, size, &size);
	return size;
}

static void virtinput_cfg_abs(struct virtio_input *vin, int abs)
{
	u32 mi, ma;

	virtinput_cfg_select(vin, VIRTIO_INPUT_CFG_ABS_INFO, abs);
	virtio_cread(vin->vdev, struct virtio_input_config, u.abs.min, &mi);
	virtio_cread(vin->vdev, struct virtio_input_config, u.abs.max, &ma);
	input_set_abs_params(vin->idev, abs, mi, ma, 0, 0);
}

/* The variant: the device dropped events, so re-read every axis range. */
static void virtinput_resync_abs(struct virtio_input *vin)
{
	int abs;

	for (abs = 0; abs < ABS_CNT; abs++)
		virtinput_cfg_abs(vin, abs);
}

/* Event queue callback: vring_interrupt(), in the transport's interrupt context. */
static void virtinput_recv_events(struct virtqueue *q)
{
	struct virtio_input *vin = q->vdev->priv;
	struct virtio_input_event *ev;
	unsigned long irqfl;
	unsigned int used;

	spin_lock_irqsave(&vin->lock, irqfl);
	if (vin->ready) {
		while ((ev = virtqueue_get_buf(vin->evt, &used)) != NULL) {
			if (ev->type == EV_SYN && ev->code == SYN_DROPPED)
				virtinput_resync_abs(vin);
			input_event(vin->idev, ev->type, ev->code, ev->value);
			virtinput_queue_evtbuf(vin, ev);
		}
		virtqueue_kick(q);
	}
	spin_unlock_irqrestore(&vin->lock, irqfl);
}

/* Status queue callback: the device consumed a LED/feedback status; free it. */
static void virtinput_recv_status(struct virtqueue *q)
{
	struct virtio_input *vin = q->vdev->priv;
	struct virtio_input_event *done;
	unsigned long irqfl;
	unsigned int used;

	spin_lock_irqsave(&vin->lock, irqfl);
	while ((done = virtqueue_get_buf(vin->sts, &used)) != NULL)
		kfree(done);
	spin_unlock_irqrestore(&vin->lock, irqfl);
}

static int virtinput_init_vqs(struct virtio_input *vin)
{
	struct virtqueue *vqs[2];
	vq_callback_t *cbs[] = { virtinput_recv_events, virtinput_recv_status };
	static const char * const names[] = { "events", "status" };
	int rc;

	rc = virtio_find_vqs(vin->vdev, 2, vqs, cbs, names, NULL);
	if (rc)
		return rc;
	vin->evt = vqs[0];
	vin->sts = vqs[1];
	return 0;
}

static int virtinput_probe(struct virtio_device *vd)
{
	struct virtio_input *vin;
	unsigned long irqfl;
	int abs, rc, i;

	vin = kzalloc(sizeof(*vin), GFP_KERNEL);
	if (!vin)
		return -ENOMEM;
	vd->priv = vin;
	vin->vdev = vd;
	spin_lock_init(&vin->lock);
	rc = virtinput_init_vqs(vin);
	if (rc)
		goto err_free;
	vin->idev = input_allocate_device();
	if (!vin->idev) {
		rc = -ENOMEM;
		goto err_vqs;
	}
	input_set_drvdata(vin->idev, vin);
	if (virtinput_cfg_select(vin, VIRTIO_INPUT_CFG_EV_BITS, EV_ABS))
		for (abs = 0; abs < ABS_CNT; abs++)
			virtinput_cfg_abs(vin, abs);
	virtio_device_ready(vd);
	vin->ready = true;
	rc = input_register_device(vin->idev);
	if (rc)
		goto err_input;
	spin_lock_irqsave(&vin->lock, irqfl);
	for (i = 0; i < (int)ARRAY_SIZE(vin->evts); i++)
		virtinput_queue_evtbuf(vin, &vin->evts[i]);
	virtqueue_kick(vin->evt);
	spin_unlock_irqrestore(&vin->lock, irqfl);
	return 0;

err_input:
	vin->ready = false;
	input_free_device(vin->idev);
err_vqs:
	vd->config->del_vqs(vd);
err_free:
	kfree(vin);
	return rc;
}

static void virtinput_remove(struct virtio_device *vd)
{
	struct virtio_input *vin = vd->priv;
	unsigned long irqfl;

	spin_lock_irqsave(&vin->lock, irqfl);
	vin->ready = false;
	spin_unlock_irqrestore(&vin->lock, irqfl);
	input_unregister_device(vin->idev);
	vd->config->reset(vd);
	vd->config->del_vqs(vd);
	kfree(vin);
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
	.remove			= virtinput_remove,
};
module_virtio_driver(input_driver);
MODULE_DEVICE_TABLE(virtio, input_ids);
MODULE_LICENSE("GPL");
