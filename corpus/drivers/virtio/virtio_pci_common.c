/*
 * virtio_pci_common.c - corpus model of drivers/virtio/virtio_pci_common.c:
 * interrupts and virtqueue bookkeeping for virtio over PCI.
 *
 * With INTx, vp_interrupt() is the hardirq handler: reading the ISR tells
 * whether the configuration changed (vp_config_changed ->
 * virtio_config_changed -> the driver's config_changed callback) and then
 * runs the queues' callbacks under vp_dev->lock.  With MSI-X, vector 0 is
 * vp_config_changed() itself and each queue's vector is vring_interrupt().
 * None of this holds a lock a config read needs: the balloon-pci-2019
 * tree expects no findings.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/module.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include "virtio_pci_common.h"

/* Wait until no handler of this device runs anywhere. */
void vp_synchronize_vectors(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	unsigned int i;

	if (vp_dev->intx_enabled)
		synchronize_irq(vp_dev->pci_dev->irq);
	for (i = 0; i < vp_dev->msix_vectors; ++i)
		synchronize_irq(pci_irq_vector(vp_dev->pci_dev, i));
}

/* virtqueue notify: a write to the queue's notification register. */
bool vp_notify(struct virtqueue *vq)
{
	iowrite16(vq->index, (void __iomem *)vq->priv);
	return true;
}

/* The configuration changed (MSI-X vector 0, or called from vp_interrupt). */
static irqreturn_t vp_config_changed(int irq, void *opaque)
{
	struct virtio_pci_device *vp_dev = opaque;

	virtio_config_changed(&vp_dev->vdev);
	return IRQ_HANDLED;
}

/* Used buffers on some queue: run every queue's callback. */
static irqreturn_t vp_vring_interrupt(int irq, void *opaque)
{
	struct virtio_pci_device *vp_dev = opaque;
	struct virtio_pci_vq_info *info;
	irqreturn_t ret = IRQ_NONE;
	unsigned long flags;

	spin_lock_irqsave(&vp_dev->lock, flags);
	list_for_each_entry(info, &vp_dev->virtqueues, node) {
		if (vring_interrupt(irq, info->vq) == IRQ_HANDLED)
			ret = IRQ_HANDLED;
	}
	spin_unlock_irqrestore(&vp_dev->lock, flags);
	return ret;
}

/* The shared INTx line: one handler for config changes and queues. */
static irqreturn_t vp_interrupt(int irq, void *opaque)
{
	struct virtio_pci_device *vp_dev = opaque;
	u8 isr;

	/* reading the ISR also acknowledges the interrupt */
	isr = ioread8(vp_dev->isr);
	if (!isr)
		return IRQ_NONE;
	if (isr & VIRTIO_PCI_ISR_CONFIG)
		vp_config_changed(irq, opaque);
	return vp_vring_interrupt(irq, opaque);
}

static struct virtqueue *vp_setup_vq(struct virtio_device *vdev, unsigned int index,
				     void (*callback)(struct virtqueue *vq), const char *name,
				     u16 msix_vec)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	struct virtio_pci_vq_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	struct virtqueue *vq;
	unsigned long flags;

	if (!info)
		return NULL;
	vq = vp_dev->setup_vq(vp_dev, info, index, callback, name, msix_vec);
	if (!vq) {
		kfree(info);
		return NULL;
	}
	info->vq = vq;
	if (callback) {
		spin_lock_irqsave(&vp_dev->lock, flags);
		list_add(&info->node, &vp_dev->virtqueues);
		spin_unlock_irqrestore(&vp_dev->lock, flags);
	} else {
		INIT_LIST_HEAD(&info->node);
	}
	vp_dev->vqs[index] = info;
	return vq;
}

static void vp_del_vq(struct virtqueue *vq)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vq->vdev);
	struct virtio_pci_vq_info *info = vp_dev->vqs[vq->index];
	unsigned long flags;

	spin_lock_irqsave(&vp_dev->lock, flags);
	list_del(&info->node);
	spin_unlock_irqrestore(&vp_dev->lock, flags);
	vp_dev->del_vq(info);
	kfree(info);
}

void vp_del_vqs(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	while (!list_empty(&vdev->vqs)) {
		struct virtqueue *vq = list_first_entry(&vdev->vqs, struct virtqueue, list);

		if (vp_dev->msix_enabled && vp_dev->vqs[vq->index]->msix_vector !=
		    VIRTIO_MSI_NO_VECTOR)
			free_irq(pci_irq_vector(vp_dev->pci_dev,
						vp_dev->vqs[vq->index]->msix_vector), vq);
		vp_del_vq(vq);
	}
	if (vp_dev->intx_enabled) {
		free_irq(vp_dev->pci_dev->irq, vp_dev);
		vp_dev->intx_enabled = false;
	}
	if (vp_dev->msix_enabled) {
		free_irq(pci_irq_vector(vp_dev->pci_dev, VP_MSIX_CONFIG_VECTOR), vp_dev);
		vp_dev->config_vector(vp_dev, VIRTIO_MSI_NO_VECTOR);
		pci_free_irq_vectors(vp_dev->pci_dev);
		vp_dev->msix_enabled = 0;
	}
	vp_dev->msix_vectors = 0;
	kfree(vp_dev->vqs);
	vp_dev->vqs = NULL;
	kfree(vp_dev->msix_names);
	vp_dev->msix_names = NULL;
}

/* MSI-X: vector 0 for config changes, one vector per queue with a callback. */
static int vp_find_vqs_msix(struct virtio_device *vdev, unsigned int nvqs,
			    struct virtqueue *vqs[], vq_callback_t *callbacks[],
			    const char * const names[])
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	unsigned int i, nvectors = 1;
	u16 msix_vec;
	int err;

	for (i = 0; i < nvqs; ++i)
		if (callbacks[i])
			++nvectors;
	vp_dev->vqs = kcalloc(nvqs, sizeof(*vp_dev->vqs), GFP_KERNEL);
	vp_dev->msix_names = kmalloc_array(nvectors, sizeof(*vp_dev->msix_names), GFP_KERNEL);
	if (!vp_dev->vqs || !vp_dev->msix_names)
		return -ENOMEM;
	err = pci_alloc_irq_vectors(vp_dev->pci_dev, nvectors, nvectors, PCI_IRQ_MSIX);
	if (err < 0)
		return err;
	vp_dev->msix_vectors = nvectors;
	vp_dev->msix_enabled = 1;

	snprintf(vp_dev->msix_names[VP_MSIX_CONFIG_VECTOR], sizeof(*vp_dev->msix_names),
		 "%s-config", dev_name(&vdev->dev));
	err = request_irq(pci_irq_vector(vp_dev->pci_dev, VP_MSIX_CONFIG_VECTOR),
			  vp_config_changed, 0, vp_dev->msix_names[VP_MSIX_CONFIG_VECTOR], vp_dev);
	if (err)
		return err;
	if (vp_dev->config_vector(vp_dev, VP_MSIX_CONFIG_VECTOR) == VIRTIO_MSI_NO_VECTOR)
		return -EBUSY;

	msix_vec = VP_MSIX_VQ_VECTOR;
	for (i = 0; i < nvqs; ++i) {
		u16 vec = callbacks[i] ? msix_vec++ : VIRTIO_MSI_NO_VECTOR;

		vqs[i] = vp_setup_vq(vdev, i, callbacks[i], names[i], vec);
		if (!vqs[i])
			return -ENOMEM;
		if (vec == VIRTIO_MSI_NO_VECTOR)
			continue;
		snprintf(vp_dev->msix_names[vec], sizeof(*vp_dev->msix_names), "%s-%s",
			 dev_name(&vdev->dev), names[i]);
		err = request_irq(pci_irq_vector(vp_dev->pci_dev, vec), vring_interrupt, 0,
				  vp_dev->msix_names[vec], vqs[i]);
		if (err)
			return err;
	}
	return 0;
}

/* INTx: one shared line for everything. */
static int vp_find_vqs_intx(struct virtio_device *vdev, unsigned int nvqs,
			    struct virtqueue *vqs[], vq_callback_t *callbacks[],
			    const char * const names[])
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	unsigned int i;
	int err;

	vp_dev->vqs = kcalloc(nvqs, sizeof(*vp_dev->vqs), GFP_KERNEL);
	if (!vp_dev->vqs)
		return -ENOMEM;
	err = request_irq(vp_dev->pci_dev->irq, vp_interrupt, IRQF_SHARED,
			  dev_name(&vdev->dev), vp_dev);
	if (err)
		return err;
	vp_dev->intx_enabled = true;
	for (i = 0; i < nvqs; ++i) {
		vqs[i] = vp_setup_vq(vdev, i, callbacks[i], names[i], VIRTIO_MSI_NO_VECTOR);
		if (!vqs[i])
			return -ENOMEM;
	}
	return 0;
}

int vp_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
		vq_callback_t *callbacks[], const char * const names[], const bool *ctx,
		struct irq_affinity *desc)
{
	int err;

	err = vp_find_vqs_msix(vdev, nvqs, vqs, callbacks, names);
	if (!err)
		return 0;
	vp_del_vqs(vdev);
	err = vp_find_vqs_intx(vdev, nvqs, vqs, callbacks, names);
	if (err)
		vp_del_vqs(vdev);
	return err;
}

const char *vp_bus_name(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	return dev_name(&vp_dev->pci_dev->dev);
}

static const struct pci_device_id virtio_pci_id_table[] = {
	{ PCI_DEVICE(0x1af4, PCI_ANY_ID) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, virtio_pci_id_table);

static void virtio_pci_release_dev(struct device *_d)
{
	struct virtio_device *vdev = dev_to_virtio(_d);

	kfree(to_vp_device(vdev));
}

static int virtio_pci_probe(struct pci_dev *pci_dev, const struct pci_device_id *id)
{
	struct virtio_pci_device *vp_dev;
	int rc;

	vp_dev = kzalloc(sizeof(*vp_dev), GFP_KERNEL);
	if (!vp_dev)
		return -ENOMEM;
	pci_set_drvdata(pci_dev, vp_dev);
	vp_dev->vdev.dev.parent = &pci_dev->dev;
	vp_dev->vdev.dev.release = virtio_pci_release_dev;
	vp_dev->pci_dev = pci_dev;
	INIT_LIST_HEAD(&vp_dev->virtqueues);
	spin_lock_init(&vp_dev->lock);

	rc = pci_enable_device(pci_dev);
	if (rc)
		goto err_enable;
	rc = virtio_pci_legacy_probe(vp_dev);
	if (rc)
		goto err_probe;
	pci_set_master(pci_dev);
	rc = register_virtio_device(&vp_dev->vdev);
	if (rc)
		goto err_register;
	return 0;

err_register:
	virtio_pci_legacy_remove(vp_dev);
err_probe:
	pci_disable_device(pci_dev);
err_enable:
	kfree(vp_dev);
	return rc;
}

static void virtio_pci_remove(struct pci_dev *pci_dev)
{
	struct virtio_pci_device *vp_dev = pci_get_drvdata(pci_dev);

	unregister_virtio_device(&vp_dev->vdev);
	virtio_pci_legacy_remove(vp_dev);
	pci_disable_device(pci_dev);
}

static struct pci_driver virtio_pci_driver = {
	.name		= "virtio-pci",
	.id_table	= virtio_pci_id_table,
	.probe		= virtio_pci_probe,
	.remove		= virtio_pci_remove,
};
module_pci_driver(virtio_pci_driver);
