/* SPDX-License-Identifier: GPL-2.0-only
 * virtio.h - virtio devices, drivers and virtqueues.  A transport (ccw,
 * pci) fills virtio_device.config with its virtio_config_ops and registers
 * the device; the core (drivers/virtio/virtio.c) matches it with a
 * virtio_driver, and calls the driver's config_changed callback when the
 * transport reports a configuration change - under config_lock, from
 * wherever the transport calls virtio_config_changed().
 */
#ifndef _LINUX_VIRTIO_H
#define _LINUX_VIRTIO_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/mod_devicetable.h>

struct virtio_device;

struct virtqueue {
	struct list_head list;
	void (*callback)(struct virtqueue *q);
	const char *name;
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num_free;
	void *priv;
};

int virtqueue_add_outbuf(struct virtqueue *q, struct scatterlist sg[], unsigned int num,
			 void *data, gfp_t gfp);
int virtqueue_add_inbuf(struct virtqueue *q, struct scatterlist sg[], unsigned int num,
			void *data, gfp_t gfp);
int virtqueue_add_sgs(struct virtqueue *q, struct scatterlist *sgs[], unsigned int out_sgs,
		      unsigned int in_sgs, void *data, gfp_t gfp);
bool virtqueue_kick(struct virtqueue *q);
bool virtqueue_kick_prepare(struct virtqueue *q);
bool virtqueue_notify(struct virtqueue *q);
void *virtqueue_get_buf(struct virtqueue *q, unsigned int *len);
void virtqueue_disable_cb(struct virtqueue *q);
bool virtqueue_enable_cb(struct virtqueue *q);
bool virtqueue_is_broken(struct virtqueue *q);
unsigned int virtqueue_get_vring_size(struct virtqueue *q);

struct virtio_config_ops;

struct virtio_device {
	int index;
	bool failed;
	bool config_enabled;
	bool config_change_pending;
	spinlock_t config_lock;
	struct device dev;
	struct virtio_device_id id;
	const struct virtio_config_ops *config;
	struct list_head vqs;
	u64 features;
	void *priv;
};

static inline struct virtio_device *dev_to_virtio(struct device *d)
{
	return container_of(d, struct virtio_device, dev);
}

int register_virtio_device(struct virtio_device *vd);
void unregister_virtio_device(struct virtio_device *vd);
void virtio_break_device(struct virtio_device *vd);
void virtio_config_changed(struct virtio_device *vd);
void virtio_config_disable(struct virtio_device *vd);
void virtio_config_enable(struct virtio_device *vd);

struct virtio_driver {
	struct device_driver driver;
	const struct virtio_device_id *id_table;
	const unsigned int *feature_table;
	unsigned int feature_table_size;
	int (*validate)(struct virtio_device *vd);
	int (*probe)(struct virtio_device *vd);
	void (*scan)(struct virtio_device *vd);
	void (*remove)(struct virtio_device *vd);
	void (*config_changed)(struct virtio_device *vd);
};

static inline struct virtio_driver *drv_to_virtio(struct device_driver *dd)
{
	return container_of(dd, struct virtio_driver, driver);
}

int register_virtio_driver(struct virtio_driver *vdrv);
void unregister_virtio_driver(struct virtio_driver *vdrv);

#define module_virtio_driver(__virtio_driver) \
	module_driver(__virtio_driver, register_virtio_driver, unregister_virtio_driver)

#endif
