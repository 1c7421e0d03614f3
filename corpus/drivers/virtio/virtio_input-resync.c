/*
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

static void virtinput_queue_evtbuf(struct virtio_input *vi, struct virtio_input_event *evtbuf)
{
	struct scatterlist sg[1];

	sg_init_one(sg, evtbuf, sizeof(*evtbuf));
	virtqueue_add_inbuf(vi->evt, sg, 1, evtbuf, GFP_ATOMIC);
}

/* Select a config page; the device answers with its size.  Three config accesses. */
static u8 virtinput_cfg_select(struct virtio_input *vi, u8 select, u8 subsel)
{
	u8 size;

	virtio_cwrite(vi->vdev, struct virtio_input_config, select, &select);
	virtio_cwrite(vi->vdev, struct virtio_input_config, subsel, &subsel);
	virtio_cread(vi->vdev, struct virtio_input_config, size, &size);
	return size;
}

static void virtinput_cfg_abs(struct virtio_input *vi, int abs)
{
	u32 mi, ma;

	virtinput_cfg_select(vi, VIRTIO_INPUT_CFG_ABS_INFO, abs);
	virtio_cread(vi->vdev, struct virtio_input_config, u.abs.min, &mi);
	virtio_cread(vi->vdev, struct virtio_input_config, u.abs.max, &ma);
	input_set_abs_params(vi->idev, abs, mi, ma, 0, 0);
}

/* The variant: the device dropped events, so re-read every axis range. */
static void virtinput_resync_abs(struct virtio_input *vi)
{
	int abs;

	for (abs = 0; abs < ABS_CNT; abs++)
		virtinput_cfg_abs(vi, abs);
}

/* Event queue callback: vring_interrupt(), in the transport's interrupt context. */
static void virtinput_recv_events(struct virtqueue *vq)
{
	struct virtio_input *vi = vq->vdev->priv;
	struct virtio_input_event *event;
	unsigned long flags;
	unsigned int len;

	spin_lock_irqsave(&vi->lock, flags);
	if (vi->ready) {
		while ((event = virtqueue_get_buf(vi->evt, &len)) != NULL) {
			if (event->type == EV_SYN && event->code == SYN_DROPPED)
				virtinput_resync_abs(vi);
			input_event(vi->idev, event->type, event->code, event->value);
			virtinput_queue_evtbuf(vi, event);
		}
		virtqueue_kick(vq);
	}
	spin_unlock_irqrestore(&vi->lock, flags);
}

/* Status queue callback: the device consumed a LED/feedback status; free it. */
static void virtinput_recv_status(struct virtqueue *vq)
{
	struct virtio_input *vi = vq->vdev->priv;
	struct virtio_input_event *stsbuf;
	unsigned long flags;
	unsigned int len;

	spin_lock_irqsave(&vi->lock, flags);
	while ((stsbuf = virtqueue_get_buf(vi->sts, &len)) != NULL)
		kfree(stsbuf);
	spin_unlock_irqrestore(&vi->lock, flags);
}

static int virtinput_init_vqs(struct virtio_input *vi)
{
	struct virtqueue *vqs[2];
	vq_callback_t *cbs[] = { virtinput_recv_events, virtinput_recv_status };
	static const char * const names[] = { "events", "status" };
	int err;

	err = virtio_find_vqs(vi->vdev, 2, vqs, cbs, names, NULL);
	if (err)
		return err;
	vi->evt = vqs[0];
	vi->sts = vqs[1];
	return 0;
}

static int virtinput_probe(struct virtio_device *vdev)
{
	struct virtio_input *vi;
	unsigned long flags;
	int abs, err, i;

	vi = kzalloc(sizeof(*vi), GFP_KERNEL);
	if (!vi)
		return -ENOMEM;
	vdev->priv = vi;
	vi->vdev = vdev;
	spin_lock_init(&vi->lock);
	err = virtinput_init_vqs(vi);
	if (err)
		goto err_free;
	vi->idev = input_allocate_device();
	if (!vi->idev) {
		err = -ENOMEM;
		goto err_vqs;
	}
	input_set_drvdata(vi->idev, vi);
	if (virtinput_cfg_select(vi, VIRTIO_INPUT_CFG_EV_BITS, EV_ABS))
		for (abs = 0; abs < ABS_CNT; abs++)
			virtinput_cfg_abs(vi, abs);
	virtio_device_ready(vdev);
	vi->ready = true;
	err = input_register_device(vi->idev);
	if (err)
		goto err_input;
	spin_lock_irqsave(&vi->lock, flags);
	for (i = 0; i < (int)ARRAY_SIZE(vi->evts); i++)
		virtinput_queue_evtbuf(vi, &vi->evts[i]);
	virtqueue_kick(vi->evt);
	spin_unlock_irqrestore(&vi->lock, flags);
	return 0;

err_input:
	vi->ready = false;
	input_free_device(vi->idev);
err_vqs:
	vdev->config->del_vqs(vdev);
err_free:
	kfree(vi);
	return err;
}

static void virtinput_remove(struct virtio_device *vdev)
{
	struct virtio_input *vi = vdev->priv;
	unsigned long flags;

	spin_lock_irqsave(&vi->lock, flags);
	vi->ready = false;
	spin_unlock_irqrestore(&vi->lock, flags);
	input_unregister_device(vi->idev);
	vdev->config->reset(vdev);
	vdev->config->del_vqs(vdev);
	kfree(vi);
}

static const struct virtio_device_id id_table[] = {
	{ VIRTIO_ID_INPUT, VIRTIO_DEV_ANY_ID },
	{ 0 },
};

static struct virtio_driver virtio_input_driver = {
	.driver.name		= "virtio_input",
	.driver.owner		= THIS_MODULE,
	.id_table		= id_table,
	.probe			= virtinput_probe,
	.remove			= virtinput_remove,
};
module_virtio_driver(virtio_input_driver);
MODULE_DEVICE_TABLE(virtio, id_table);
MODULE_LICENSE("GPL");
