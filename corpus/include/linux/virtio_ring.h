/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_ring.h - the split ring implementation's interface to transports:
 * a transport creates each virtqueue with its notify function and the
 * driver's callback, and calls vring_interrupt() when the device used
 * buffers; vring_interrupt() calls the callback.
 */
#ifndef _LINUX_VIRTIO_RING_H
#define _LINUX_VIRTIO_RING_H

#include <linux/types.h>
#include <linux/interrupt.h>
#include <linux/virtio.h>

struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 unsigned int vring_align, struct virtio_device *vd,
					 bool weak_barriers, bool may_reduce_num, bool ctx,
					 bool (*notify)(struct virtqueue *q),
					 void (*callback)(struct virtqueue *q),
					 const char *name);
void vring_del_virtqueue(struct virtqueue *q);
void vring_transport_features(struct virtio_device *vd);
irqreturn_t vring_interrupt(int irq, void *q);
void *virtqueue_get_desc_addr_of(struct virtqueue *q);

#endif
