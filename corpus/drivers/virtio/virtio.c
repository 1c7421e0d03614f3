/*
 * virtio.c - corpus model of drivers/virtio/virtio.c, the virtio core:
 * the virtio bus, device registration, and the config-change path.
 *
 * virtio_config_changed() is what every transport calls when the device
 * reports a configuration change - from its interrupt handler.  It takes
 * virtio_device.config_lock (irqsave) and calls the driver's
 * config_changed callback through struct virtio_driver.config_changed,
 * found with drv_to_virtio() (container_of) on dev->dev.driver.  The
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

static void add_status(struct virtio_device *dev, unsigned int status)
{
	dev->config->set_status(dev, dev->config->get_status(dev) | status);
}

/* Called with config_lock held. */
static void __virtio_config_changed(struct virtio_device *dev)
{
	struct virtio_driver *drv = drv_to_virtio(dev->dev.driver);

	if (!dev->config_enabled)
		dev->config_change_pending = true;
	else if (drv && drv->config_changed)
		drv->config_changed(dev);
}

/* A transport's report of a config change; may be called in any context. */
void virtio_config_changed(struct virtio_device *dev)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->config_lock, flags);
	__virtio_config_changed(dev);
	spin_unlock_irqrestore(&dev->config_lock, flags);
}
EXPORT_SYMBOL_GPL(virtio_config_changed);

void virtio_config_disable(struct virtio_device *dev)
{
	spin_lock_irq(&dev->config_lock);
	dev->config_enabled = false;
	spin_unlock_irq(&dev->config_lock);
}
EXPORT_SYMBOL_GPL(virtio_config_disable);

/* Deliver a change that arrived while the driver was not ready yet. */
void virtio_config_enable(struct virtio_device *dev)
{
	spin_lock_irq(&dev->config_lock);
	dev->config_enabled = true;
	if (dev->config_change_pending)
		__virtio_config_changed(dev);
	dev->config_change_pending = false;
	spin_unlock_irq(&dev->config_lock);
}
EXPORT_SYMBOL_GPL(virtio_config_enable);

void virtio_break_device(struct virtio_device *dev)
{
	dev->failed = true;
}
EXPORT_SYMBOL_GPL(virtio_break_device);

static int virtio_dev_match(struct device *_dv, struct device_driver *_dr)
{
	struct virtio_device *dev = dev_to_virtio(_dv);
	const struct virtio_device_id *ids = drv_to_virtio(_dr)->id_table;
	unsigned int i;

	for (i = 0; ids[i].device; i++)
		if (ids[i].device == dev->id.device &&
		    (ids[i].vendor == VIRTIO_DEV_ANY_ID || ids[i].vendor == dev->id.vendor))
			return 1;
	return 0;
}

static int virtio_finalize_features(struct virtio_device *dev)
{
	int ret = dev->config->finalize_features(dev);

	if (ret)
		return ret;
	if (!virtio_has_feature(dev, VIRTIO_F_VERSION_1))
		return 0;
	add_status(dev, VIRTIO_CONFIG_S_FEATURES_OK);
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_FEATURES_OK))
		return -ENODEV;
	return 0;
}

/* virtio_bus.probe: negotiate features, run the driver's probe, enable config changes. */
static int virtio_dev_probe(struct device *_d)
{
	struct virtio_device *dev = dev_to_virtio(_d);
	struct virtio_driver *drv = drv_to_virtio(dev->dev.driver);
	u64 device_features, driver_features = 0;
	unsigned int i;
	int err;

	add_status(dev, VIRTIO_CONFIG_S_DRIVER);
	device_features = dev->config->get_features(dev);
	for (i = 0; i < drv->feature_table_size; i++)
		driver_features |= 1ULL << drv->feature_table[i];
	dev->features = driver_features & device_features;

	if (drv->validate) {
		err = drv->validate(dev);
		if (err)
			goto err;
	}
	err = virtio_finalize_features(dev);
	if (err)
		goto err;
	err = drv->probe(dev);
	if (err)
		goto err;
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_DRIVER_OK))
		virtio_device_ready(dev);
	if (drv->scan)
		drv->scan(dev);
	virtio_config_enable(dev);
	return 0;
err:
	add_status(dev, VIRTIO_CONFIG_S_FAILED);
	return err;
}

static void virtio_dev_remove(struct device *_d)
{
	struct virtio_device *dev = dev_to_virtio(_d);
	struct virtio_driver *drv = drv_to_virtio(dev->dev.driver);

	virtio_config_disable(dev);
	drv->remove(dev);
	add_status(dev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
}

static struct bus_type virtio_bus = {
	.name	= "virtio",
	.match	= virtio_dev_match,
	.probe	= virtio_dev_probe,
	.remove	= virtio_dev_remove,
};

int register_virtio_driver(struct virtio_driver *driver)
{
	BUG_ON(driver->feature_table_size && !driver->feature_table);
	driver->driver.bus = &virtio_bus;
	return driver_register(&driver->driver);
}
EXPORT_SYMBOL_GPL(register_virtio_driver);

void unregister_virtio_driver(struct virtio_driver *driver)
{
	driver_unregister(&driver->driver);
}
EXPORT_SYMBOL_GPL(unregister_virtio_driver);

/* Called by a transport once dev->config is set; the bus probes a driver later. */
int register_virtio_device(struct virtio_device *dev)
{
	dev->dev.bus = &virtio_bus;
	device_initialize(&dev->dev);
	dev->index = virtio_index++;
	dev_set_name(&dev->dev, "virtio%u", dev->index);

	spin_lock_init(&dev->config_lock);
	dev->config_enabled = false;
	dev->config_change_pending = false;

	dev->config->reset(dev);
	add_status(dev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	INIT_LIST_HEAD(&dev->vqs);
	return device_add(&dev->dev);
}
EXPORT_SYMBOL_GPL(register_virtio_device);

void unregister_virtio_device(struct virtio_device *dev)
{
	device_unregister(&dev->dev);
}
EXPORT_SYMBOL_GPL(unregister_virtio_device);

static int __init virtio_init(void)
{
	return bus_register(&virtio_bus);
}
core_initcall(virtio_init);
