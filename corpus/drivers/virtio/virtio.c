/* SPDX-License-Identifier: GPL-2.0-only
 * virtio.c - corpus model of drivers/virtio/virtio.c, the virtio core:
 * the virtio bus, device registration, and the config-change path.
 *
 * virtio_config_changed() is what every transport calls when the device
 * reports a configuration change - from its interrupt handler.  It takes
 * virtio_device.config_lock (irqsave) and calls the driver's
 * config_changed callback through struct virtio_driver.config_changed,
 * found with drv_to_virtio() (container_of) on vd->dev.driver.  The
 * callback therefore runs in the transport's interrupt context, under
 * config_lock and under whatever lock the transport holds.  The core is
 * clean by itself; with the 2019 balloon on virtio-ccw, taking config_lock
 * under the subchannel lock here is one half of a lock-order cycle (the
 * callback then takes the ccw device lock, the same lock, under
 * config_lock); lockpath reports it where the cycle closes, in
 * ccw_io_helper().
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/device.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>

static int virtio_index;

static void add_status(struct virtio_device *vd, unsigned int status)
{
	vd->config->set_status(vd, vd->config->get_status(vd) | status);
}

/* Called with config_lock held. */
static void __virtio_config_changed(struct virtio_device *vd)
{
	struct virtio_driver *vdrv = drv_to_virtio(vd->dev.driver);

	if (!vd->config_enabled)
		vd->config_change_pending = true;
	else if (vdrv && vdrv->config_changed)
		vdrv->config_changed(vd);
}

/* A transport's report of a config change; may be called in any context. */
void virtio_config_changed(struct virtio_device *vd)
{
	unsigned long irqfl;

	spin_lock_irqsave(&vd->config_lock, irqfl);
	__virtio_config_changed(vd);
	spin_unlock_irqrestore(&vd->config_lock, irqfl);
}

void virtio_config_disable(struct virtio_device *vd)
{
	spin_lock_irq(&vd->config_lock);
	vd->config_enabled = false;
	spin_unlock_irq(&vd->config_lock);
}

/* Deliver a change that arrived while the driver was not ready yet. */
void virtio_config_enable(struct virtio_device *vd)
{
	spin_lock_irq(&vd->config_lock);
	vd->config_enabled = true;
	if (vd->config_change_pending)
		__virtio_config_changed(vd);
	vd->config_change_pending = false;
	spin_unlock_irq(&vd->config_lock);
}

void virtio_break_device(struct virtio_device *vd)
{
	vd->failed = true;
}

static int virtio_dev_match(struct device *d, struct device_driver *dd)
{
	struct virtio_device *vd = dev_to_virtio(d);
	const struct virtio_device_id *ids = drv_to_virtio(dd)->id_table;
	unsigned int i;

	for (i = 0; ids[i].device; i++)
		if (ids[i].device == vd->id.device &&
		    (ids[i].vendor == VIRTIO_DEV_ANY_ID || ids[i].vendor == vd->id.vendor))
			return 1;
	return 0;
}

static int virtio_finalize_features(struct virtio_device *vd)
{
	int rc = vd->config->finalize_features(vd);

	if (rc)
		return rc;
	if (!virtio_has_feature(vd, VIRTIO_F_VERSION_1))
		return 0;
	add_status(vd, VIRTIO_CONFIG_S_FEATURES_OK);
	if (!(vd->config->get_status(vd) & VIRTIO_CONFIG_S_FEATURES_OK))
		return -ENODEV;
	return 0;
}

/* virtio_bus.probe: negotiate features, run the driver's probe, enable config changes. */
static int virtio_dev_probe(struct device *d)
{
	struct virtio_device *vd = dev_to_virtio(d);
	struct virtio_driver *vdrv = drv_to_virtio(vd->dev.driver);
	u64 device_features, driver_features = 0;
	unsigned int i;
	int rc;

	add_status(vd, VIRTIO_CONFIG_S_DRIVER);
	device_features = vd->config->get_features(vd);
	for (i = 0; i < vdrv->feature_table_size; i++)
		driver_features |= 1ULL << vdrv->feature_table[i];
	vd->features = driver_features & device_features;

	if (vdrv->validate) {
		rc = vdrv->validate(vd);
		if (rc)
			goto fail;
	}
	rc = virtio_finalize_features(vd);
	if (rc)
		goto fail;
	rc = vdrv->probe(vd);
	if (rc)
		goto fail;
	if (!(vd->config->get_status(vd) & VIRTIO_CONFIG_S_DRIVER_OK))
		virtio_device_ready(vd);
	if (vdrv->scan)
		vdrv->scan(vd);
	virtio_config_enable(vd);
	return 0;
fail:
	add_status(vd, VIRTIO_CONFIG_S_FAILED);
	return rc;
}

static void virtio_dev_remove(struct device *d)
{
	struct virtio_device *vd = dev_to_virtio(d);
	struct virtio_driver *vdrv = drv_to_virtio(vd->dev.driver);

	virtio_config_disable(vd);
	vdrv->remove(vd);
	add_status(vd, VIRTIO_CONFIG_S_ACKNOWLEDGE);
}

static struct bus_type virtio_bus = {
	.name	= "virtio",
	.match	= virtio_dev_match,
	.probe	= virtio_dev_probe,
	.remove	= virtio_dev_remove,
};

int register_virtio_driver(struct virtio_driver *vdrv)
{
	BUG_ON(vdrv->feature_table_size && !vdrv->feature_table);
	vdrv->driver.bus = &virtio_bus;
	return driver_register(&vdrv->driver);
}

void unregister_virtio_driver(struct virtio_driver *vdrv)
{
	driver_unregister(&vdrv->driver);
}

/* Called by a transport once dev->config is set; the bus probes a driver later. */
int register_virtio_device(struct virtio_device *vd)
{
	vd->dev.bus = &virtio_bus;
	device_initialize(&vd->dev);
	vd->index = virtio_index++;
	dev_set_name(&vd->dev, "virtio%u", vd->index);

	spin_lock_init(&vd->config_lock);
	vd->config_enabled = false;
	vd->config_change_pending = false;

	vd->config->reset(vd);
	add_status(vd, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	INIT_LIST_HEAD(&vd->vqs);
	return device_add(&vd->dev);
}

void unregister_virtio_device(struct virtio_device *vd)
{
	device_unregister(&vd->dev);
}

static int __init virtio_init(void)
{
	return bus_register(&virtio_bus);
}
core_initcall(virtio_init);
