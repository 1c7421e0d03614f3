/*
 * virtio_ring.c - corpus model of drivers/virtio/virtio_ring.c: the split
 * ring, reduced to a token array.  A virtqueue remembers the transport's
 * notify function and the driver's callback, both passed in as
 * parameters; vring_interrupt() calls the callback (virtqueue.callback)
 * from the transport's interrupt path, virtqueue_notify() calls notify.
 * The ring takes no locks: its callers serialise.  No findings.
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

struct vring_virtqueue {
	struct virtqueue vq;
	bool broken;
	bool event_suppressed;
	bool (*notify)(struct virtqueue *vq);
	unsigned int num;
	unsigned int avail_idx;		/* next slot the driver fills */
	unsigned int used_idx;		/* next slot the device returns */
	unsigned int device_idx;	/* how far the device has got */
	unsigned int kicked_idx;
	void *data[];			/* the driver's tokens */
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

static int virtqueue_add(struct virtqueue *_vq, unsigned int total_sg, void *data, gfp_t gfp)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (unlikely(vq->broken))
		return -EIO;
	if (!data || _vq->num_free < total_sg)
		return -ENOSPC;
	vq->data[vq->avail_idx % vq->num] = data;
	vq->avail_idx++;
	_vq->num_free -= total_sg;
	return 0;
}

int virtqueue_add_outbuf(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			 void *data, gfp_t gfp)
{
	return virtqueue_add(vq, num, data, gfp);
}
EXPORT_SYMBOL_GPL(virtqueue_add_outbuf);

int virtqueue_add_inbuf(struct virtqueue *vq, struct scatterlist sg[], unsigned int num,
			void *data, gfp_t gfp)
{
	return virtqueue_add(vq, num, data, gfp);
}
EXPORT_SYMBOL_GPL(virtqueue_add_inbuf);

int virtqueue_add_sgs(struct virtqueue *vq, struct scatterlist *sgs[], unsigned int out_sgs,
		      unsigned int in_sgs, void *data, gfp_t gfp)
{
	return virtqueue_add(vq, out_sgs + in_sgs, data, gfp);
}
EXPORT_SYMBOL_GPL(virtqueue_add_sgs);

bool virtqueue_kick_prepare(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	bool needs = vq->avail_idx != vq->kicked_idx && !vq->event_suppressed;

	vq->kicked_idx = vq->avail_idx;
	return needs;
}
EXPORT_SYMBOL_GPL(virtqueue_kick_prepare);

bool virtqueue_notify(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (unlikely(vq->broken))
		return false;
	if (!vq->notify(_vq)) {
		vq->broken = true;
		return false;
	}
	return true;
}
EXPORT_SYMBOL_GPL(virtqueue_notify);

bool virtqueue_kick(struct virtqueue *vq)
{
	if (virtqueue_kick_prepare(vq))
		return virtqueue_notify(vq);
	return true;
}
EXPORT_SYMBOL_GPL(virtqueue_kick);

static bool more_used(const struct vring_virtqueue *vq)
{
	return vq->used_idx != READ_ONCE(vq->device_idx);
}

void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vq = to_vvq(_vq);
	void *ret;

	if (unlikely(vq->broken) || !more_used(vq))
		return NULL;
	ret = vq->data[vq->used_idx % vq->num];
	vq->data[vq->used_idx % vq->num] = NULL;
	vq->used_idx++;
	_vq->num_free++;
	if (len)
		*len = 0;
	return ret;
}
EXPORT_SYMBOL_GPL(virtqueue_get_buf);

void virtqueue_disable_cb(struct virtqueue *_vq)
{
	to_vvq(_vq)->event_suppressed = true;
}
EXPORT_SYMBOL_GPL(virtqueue_disable_cb);

bool virtqueue_enable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	vq->event_suppressed = false;
	return !more_used(vq);
}
EXPORT_SYMBOL_GPL(virtqueue_enable_cb);

bool virtqueue_is_broken(struct virtqueue *_vq)
{
	return READ_ONCE(to_vvq(_vq)->broken);
}
EXPORT_SYMBOL_GPL(virtqueue_is_broken);

unsigned int virtqueue_get_vring_size(struct virtqueue *_vq)
{
	return to_vvq(_vq)->num;
}
EXPORT_SYMBOL_GPL(virtqueue_get_vring_size);

void *virtqueue_get_desc_addr_of(struct virtqueue *_vq)
{
	return to_vvq(_vq)->data;
}
EXPORT_SYMBOL_GPL(virtqueue_get_desc_addr_of);

/* The device used buffers: tell the driver.  Transports call this in hardirq context. */
irqreturn_t vring_interrupt(int irq, void *_vq)
{
	struct vring_virtqueue *vq = to_vvq(_vq);

	if (!more_used(vq))
		return IRQ_NONE;
	if (unlikely(vq->broken))
		return IRQ_HANDLED;
	if (vq->vq.callback)
		vq->vq.callback(&vq->vq);
	return IRQ_HANDLED;
}
EXPORT_SYMBOL_GPL(vring_interrupt);

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int vring_align, struct virtio_device *vdev,
					 bool weak_barriers, bool may_reduce_num, bool context,
					 bool (*notify)(struct virtqueue *),
					 void (*callback)(struct virtqueue *),
					 const char *name)
{
	struct vring_virtqueue *vq;

	if (!num)
		return NULL;
	vq = kzalloc(sizeof(*vq) + num * sizeof(vq->data[0]), GFP_KERNEL);
	if (!vq)
		return NULL;
	vq->vq.callback = callback;
	vq->vq.vdev = vdev;
	vq->vq.name = name;
	vq->vq.index = index;
	vq->vq.num_free = num;
	vq->notify = notify;
	vq->num = num;
	list_add_tail(&vq->vq.list, &vdev->vqs);
	return &vq->vq;
}
EXPORT_SYMBOL_GPL(vring_create_virtqueue);

void vring_del_virtqueue(struct virtqueue *_vq)
{
	list_del(&_vq->list);
	kfree(to_vvq(_vq));
}
EXPORT_SYMBOL_GPL(vring_del_virtqueue);

/* Keep only the feature bits the ring implements. */
void vring_transport_features(struct virtio_device *vdev)
{
	u64 keep = (1ULL << 24) - 1;	/* the device-specific bits */

	keep |= 1ULL << VIRTIO_F_VERSION_1;
	vdev->features &= keep;
}
EXPORT_SYMBOL_GPL(vring_transport_features);
