/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_config.h - the transport's operations and the config-space
 * accessors drivers use.  virtio_cread()/virtio_cwrite() are macros, so the
 * indirect call vdev->config->get(...) (or ->set) is made from the driver
 * function that uses them; 8-byte fields go through the static inline
 * __virtio_cread_many(), which retries until the config generation is
 * stable.  These are the 2019 accessors: no might_sleep() in them yet.
 */
#ifndef _LINUX_VIRTIO_CONFIG_H
#define _LINUX_VIRTIO_CONFIG_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/typecheck.h>
#include <linux/virtio.h>

/* The device status byte, in the order a driver sets the bits (protocol). */
enum {
	VIRTIO_CONFIG_S_ACKNOWLEDGE = 1, VIRTIO_CONFIG_S_DRIVER = 2,
	VIRTIO_CONFIG_S_FEATURES_OK = 8, VIRTIO_CONFIG_S_DRIVER_OK = 4,
	VIRTIO_CONFIG_S_FAILED = 0x80,	/* the driver gave up */
};

#define VIRTIO_F_VERSION_1		32

struct irq_affinity;

typedef void vq_callback_t(struct virtqueue *q);

struct virtio_config_ops {
	void (*get)(struct virtio_device *vd, unsigned int offset, void *buf, unsigned int len);
	void (*set)(struct virtio_device *vd, unsigned int offset, const void *buf,
		    unsigned int len);
	u32 (*generation)(struct virtio_device *vd);
	u8 (*get_status)(struct virtio_device *vd);
	void (*set_status)(struct virtio_device *vd, u8 status);
	void (*reset)(struct virtio_device *vd);
	int (*find_vqs)(struct virtio_device *vd, unsigned int nvqs, struct virtqueue *vqs[],
			vq_callback_t *cbs[], const char * const names[], const bool *ctx,
			struct irq_affinity *desc);
	void (*del_vqs)(struct virtio_device *vd);
	u64 (*get_features)(struct virtio_device *vd);
	int (*finalize_features)(struct virtio_device *vd);
	const char *(*bus_name)(struct virtio_device *vd);
};

static inline bool __virtio_test_bit(const struct virtio_device *vdev, unsigned int fbit)
{
	return (vdev->features & (1ULL << fbit)) != 0;
}

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int fbit)
{
	return __virtio_test_bit(vdev, fbit);
}

/* The transport's find_vqs, without per-queue context: CBS become vq->callback. */
static inline int virtio_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
				  vq_callback_t *cbs[], const char * const names[],
				  struct irq_affinity *desc)
{
	return vdev->config->find_vqs(vdev, nvqs, vqs, cbs, names, NULL, desc);
}

/* Tell the device the driver is ready: from here on it may interrupt. */
static inline void virtio_device_ready(struct virtio_device *vd)
{
	unsigned int st = vd->config->get_status(vd);

	BUG_ON(st & VIRTIO_CONFIG_S_DRIVER_OK);	/* only once */
	vd->config->set_status(vd, st | VIRTIO_CONFIG_S_DRIVER_OK);
}

static inline const char *virtio_bus_name(struct virtio_device *vd)
{
	return vd->config->bus_name ? vd->config->bus_name(vd) : "virtio";
}

/* Read COUNT fields of BYTES each, again if the device changed them meanwhile. */
static inline void __virtio_cread_many(struct virtio_device *vdev, unsigned int offset, void *dst,
				       size_t count, size_t bytes)
{
	u32 before, after = 0;
	size_t i;

	if (vdev->config->generation)
		after = vdev->config->generation(vdev);
	do {
		before = after;
		for (i = 0; i < count; i++)
			vdev->config->get(vdev, offset + bytes * i, dst + i * bytes, bytes);
		if (vdev->config->generation)
			after = vdev->config->generation(vdev);
	} while (after != before);
}

/*
 * virtio_cread - read config field MEMBER of STRUCTNAME into *PTR.
 * Up to 4 bytes: one vdev->config->get() made right here, in the caller.
 */
#define virtio_cread(vdev, structname, member, ptr)				\
	do {									\
		__typeof__(((structname *)0)->member) __cr_val;			\
										\
		typecheck(__typeof__(__cr_val), *(ptr));			\
		if (sizeof(__cr_val) <= 4)					\
			(vdev)->config->get((vdev), offsetof(structname, member), \
					    &__cr_val, sizeof(__cr_val));	\
		else								\
			__virtio_cread_many((vdev), offsetof(structname, member), \
					    &__cr_val, 1, sizeof(__cr_val));	\
		*(ptr) = __cr_val;						\
	} while (0)

/* virtio_cwrite - write *PTR to config field MEMBER: vdev->config->set() in the caller. */
#define virtio_cwrite(vdev, structname, member, ptr)				\
	do {									\
		__typeof__(((structname *)0)->member) __cw_val = *(ptr);	\
										\
		typecheck(__typeof__(__cw_val), *(ptr));			\
		(vdev)->config->set((vdev), offsetof(structname, member),	\
				    &__cw_val, sizeof(__cw_val));		\
	} while (0)

/* virtio_cread_feature - read the field only if the device offers FBIT; -ENOENT otherwise. */
#define virtio_cread_feature(vdev, fbit, structname, member, ptr)		\
	({									\
		int __crf_ret = 0;						\
		if (!virtio_has_feature(vdev, fbit))				\
			__crf_ret = -ENOENT;					\
		else								\
			virtio_cread((vdev), structname, member, ptr);		\
		__crf_ret;							\
	})

static inline u8 virtio_cread8(struct virtio_device *vdev, unsigned int off)
{
	u8 val;

	vdev->config->get(vdev, off, &val, sizeof(val));
	return val;
}

static inline u32 virtio_cread32(struct virtio_device *vdev, unsigned int off)
{
	u32 val;

	vdev->config->get(vdev, off, &val, sizeof(val));
	return val;
}

#endif
