/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_ring.c - corpus model of drivers/virtio/virtio_ring.c: the split
 * ring, reduced to a token array.  A virtqueue remembers the transport's
 * notify function and the driver's callback, both passed in as
 * parameters; vring_interrupt() calls the callback (virtqueue.callback)
 * from the transport's interrupt path, virtqueue_notify() calls notify.
 * The ring takes no locks: its callers serialise.  No findings.
 *
 * With -DVRING_DEBUG_NO_WORK an interrupt with no used buffers says so on
 * a dynamic-debug site, naming the queue with a plain '%p', as the kernel's
 * does; -DVRING_DEBUG_FWNODE names the device's firmware node ('%pfw')
 * instead (the trees vring-debug-format and vring-debug-fwnode).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/interrupt.h>
#include <linux/export.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>
#include <linux/dynamic_debug.h>

struct vring_virtqueue {
	struct virtqueue vq;
	bool broken;
	bool event_suppressed;
	bool (*notify)(struct virtqueue *vr);
	unsigned int num;
	unsigned int avail_idx;		/* next slot the driver fills */
	unsigned int used_idx;		/* next slot the device returns */
	unsigned int device_idx;	/* how far the device has got */
	unsigned int kicked_idx;
	void *data[];			/* the driver's tokens */
};

#define to_vvq(q) container_of(q, struct vring_virtqueue, vq)

static int virtqueue_add(struct virtqueue *q, unsigned int total_sg, void *data, gfp_t gfp)
{
	struct vring_virtqueue *vr = to_vvq(q);

	if (unlikely(vr->broken))
		return -EIO;
	if (!data || q->num_free < total_sg)
		return -ENOSPC;
	vr->data[vr->avail_idx % vr->num] = data;
	vr->avail_idx++;
	q->num_free -= total_sg;
	return 0;
}

int virtqueue_add_outbuf(struct virtqueue *vr, struct scatterlist sg[], unsigned int num,
			 void *data, gfp_t gfp)
{
	return virtqueue_add(vr, num, data, gfp);
}

int virtqueue_add_inbuf(struct virtqueue *vr, struct scatterlist sg[], unsigned int num,
			void *data, gfp_t gfp)
{
	return virtqueue_add(vr, num, data, gfp);
}

int virtqueue_add_sgs(struct virtqueue *vr, struct scatterlist *sgs[], unsigned int out_sgs,
		      unsigned int in_sgs, void *data, gfp_t gfp)
{
	return virtqueue_add(vr, out_sgs + in_sgs, data, gfp);
}

bool virtqueue_kick_prepare(struct virtqueue *q)
{
	struct vring_virtqueue *vr = to_vvq(q);
	bool needs = vr->avail_idx != vr->kicked_idx && !vr->event_suppressed;

	vr->kicked_idx = vr->avail_idx;
	return needs;
}

bool virtqueue_notify(struct virtqueue *q)
{
	struct vring_virtqueue *vr = to_vvq(q);

	if (unlikely(vr->broken))
		return false;
	if (!vr->notify(q)) {
		vr->broken = true;
		return false;
	}
	return true;
}

bool virtqueue_kick(struct virtqueue *vr)
{
	if (virtqueue_kick_prepare(vr))
		return virtqueue_notify(vr);
	return true;
}

static bool more_used(const struct vring_virtqueue *vr)
{
	return vr->used_idx != READ_ONCE(vr->device_idx);
}

void *virtqueue_get_buf(struct virtqueue *q, unsigned int *len)
{
	struct vring_virtqueue *vr = to_vvq(q);
	void *buf;

	if (unlikely(vr->broken) || !more_used(vr))
		return NULL;
	buf = vr->data[vr->used_idx % vr->num];
	vr->data[vr->used_idx % vr->num] = NULL;
	vr->used_idx++;
	q->num_free++;
	if (len)
		*len = 0;
	return buf;
}

void virtqueue_disable_cb(struct virtqueue *q)
{
	to_vvq(q)->event_suppressed = true;
}

bool virtqueue_enable_cb(struct virtqueue *q)
{
	struct vring_virtqueue *vr = to_vvq(q);

	vr->event_suppressed = false;
	return !more_used(vr);
}

bool virtqueue_is_broken(struct virtqueue *q)
{
	return READ_ONCE(to_vvq(q)->broken);
}

unsigned int virtqueue_get_vring_size(struct virtqueue *q)
{
	return to_vvq(q)->num;
}

void *virtqueue_get_desc_addr_of(struct virtqueue *q)
{
	return to_vvq(q)->data;
}

/* The device used buffers: tell the driver.  Transports call this in hardirq context. */
irqreturn_t vring_interrupt(int irq, void *q)
{
	struct vring_virtqueue *vr = to_vvq(q);

	if (!more_used(vr)) {
#if defined(VRING_DEBUG_NO_WORK)
		dynamic_pr_debug("no used buffers on queue %p\n", q);
#elif defined(VRING_DEBUG_FWNODE)
		dynamic_pr_debug("no used buffers on a queue of %pfw\n", vr->vq.vdev->dev.fwnode);
#endif
		return IRQ_NONE;
	}
	if (unlikely(vr->broken))
		return IRQ_HANDLED;
	if (vr->vq.callback)
		vr->vq.callback(&vr->vq);
	return IRQ_HANDLED;
}

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int vring_align, struct virtio_device *vd,
					 bool weak_barriers, bool may_reduce_num, bool context,
					 bool (*notify)(struct virtqueue *),
					 void (*callback)(struct virtqueue *),
					 const char *name)
{
	struct vring_virtqueue *vr;

	if (!num)
		return NULL;
	vr = kzalloc(sizeof(*vr) + num * sizeof(vr->data[0]), GFP_KERNEL);
	if (!vr)
		return NULL;
	vr->vq.callback = callback;
	vr->vq.vdev = vd;
	vr->vq.name = name;
	vr->vq.index = index;
	vr->vq.num_free = num;
	vr->notify = notify;
	vr->num = num;
	list_add_tail(&vr->vq.list, &vd->vqs);
	return &vr->vq;
}

void vring_del_virtqueue(struct virtqueue *q)
{
	list_del(&q->list);
	kfree(to_vvq(q));
}

/* Keep only the feature bits the ring implements. */
void vring_transport_features(struct virtio_device *vd)
{
	u64 keep = (1ULL << 24) - 1;	/* the device-specific bits */

	keep |= 1ULL << VIRTIO_F_VERSION_1;
	vd->features &= keep;
}
