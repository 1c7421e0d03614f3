/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_pci_common.c - corpus model of drivers/virtio/virtio_pci_common.c:
 * interrupts and virtqueue bookkeeping for virtio over PCI.
 *
 * With INTx, vp_interrupt() is the hardirq handler: reading the ISR tells
 * whether the configuration changed (vp_config_changed ->
 * virtio_config_changed -> the driver's config_changed callback) and then
 * runs the queues' callbacks under vp->lock.  With MSI-X, vector 0 is
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
void vp_synchronize_vectors(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);
	unsigned int i;

	if (vp->intx_enabled)
		synchronize_irq(vp->pci_dev->irq);
	for (i = 0; i < vp->msix_vectors; ++i)
		synchronize_irq(pci_irq_vector(vp->pci_dev, i));
}

/* virtqueue notify: a write to the queue's notification register. */
bool vp_notify(struct virtqueue *q)
{
	iowrite16(q->index, (void __iomem *)q->priv);
	return true;
}

/* The configuration changed (MSI-X vector 0, or called from vp_interrupt). */
static irqreturn_t vp_config_changed(int irq, void *data)
{
	struct virtio_pci_device *vp = data;

	virtio_config_changed(&vp->vdev);
	return IRQ_HANDLED;
}

/* Used buffers on some queue: run every queue's callback. */
static irqreturn_t vp_vring_interrupt(int irq, void *data)
{
	struct virtio_pci_device *vp = data;
	struct virtio_pci_vq_info *vqi;
	irqreturn_t ret = IRQ_NONE;
	unsigned long irqfl;

	spin_lock_irqsave(&vp->lock, irqfl);
	list_for_each_entry(vqi, &vp->virtqueues, node) {
		if (vring_interrupt(irq, vqi->vq) == IRQ_HANDLED)
			ret = IRQ_HANDLED;
	}
	spin_unlock_irqrestore(&vp->lock, irqfl);
	return ret;
}

/* The shared INTx line: one handler for config changes and queues. */
static irqreturn_t vp_interrupt(int irq, void *data)
{
	struct virtio_pci_device *vp = data;
	u8 isr;

	/* reading the ISR also acknowledges the interrupt */
	isr = ioread8(vp->isr);
	if (!isr)
		return IRQ_NONE;
	if (isr & VIRTIO_PCI_ISR_CONFIG)
		vp_config_changed(irq, data);
	return vp_vring_interrupt(irq, data);
}

static struct virtqueue *vp_setup_vq(struct virtio_device *vd, unsigned int index,
				     void (*callback)(struct virtqueue *q), const char *name,
				     u16 msix_vec)
{
	struct virtio_pci_device *vp = to_vp_device(vd);
	struct virtio_pci_vq_info *vqi = kmalloc(sizeof(*vqi), GFP_KERNEL);
	struct virtqueue *q;
	unsigned long irqfl;

	if (!vqi)
		return NULL;
	q = vp->setup_vq(vp, vqi, index, callback, name, msix_vec);
	if (!q) {
		kfree(vqi);
		return NULL;
	}
	vqi->vq = q;
	if (callback) {
		spin_lock_irqsave(&vp->lock, irqfl);
		list_add(&vqi->node, &vp->virtqueues);
		spin_unlock_irqrestore(&vp->lock, irqfl);
	} else {
		INIT_LIST_HEAD(&vqi->node);
	}
	vp->vqs[index] = vqi;
	return q;
}

static void vp_del_vq(struct virtqueue *q)
{
	struct virtio_pci_device *vp = to_vp_device(q->vdev);
	struct virtio_pci_vq_info *vqi = vp->vqs[q->index];
	unsigned long irqfl;

	spin_lock_irqsave(&vp->lock, irqfl);
	list_del(&vqi->node);
	spin_unlock_irqrestore(&vp->lock, irqfl);
	vp->del_vq(vqi);
	kfree(vqi);
}

void vp_del_vqs(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	while (!list_empty(&vd->vqs)) {
		struct virtqueue *q = list_first_entry(&vd->vqs, struct virtqueue, list);

		if (vp->msix_enabled && vp->vqs[q->index]->msix_vector !=
		    VIRTIO_MSI_NO_VECTOR)
			free_irq(pci_irq_vector(vp->pci_dev,
						vp->vqs[q->index]->msix_vector), q);
		vp_del_vq(q);
	}
	if (vp->intx_enabled) {
		free_irq(vp->pci_dev->irq, vp);
		vp->intx_enabled = false;
	}
	if (vp->msix_enabled) {
		free_irq(pci_irq_vector(vp->pci_dev, VP_MSIX_CONFIG_VECTOR), vp);
		vp->config_vector(vp, VIRTIO_MSI_NO_VECTOR);
		pci_free_irq_vectors(vp->pci_dev);
		vp->msix_enabled = 0;
	}
	vp->msix_vectors = 0;
	kfree(vp->vqs);
	vp->vqs = NULL;
	kfree(vp->msix_names);
	vp->msix_names = NULL;
}

/* MSI-X: vector 0 for config changes, one vector per queue with a callback. */
static int vp_find_vqs_msix(struct virtio_device *vd, unsigned int nvqs,
			    struct virtqueue *vqs[], vq_callback_t *callbacks[],
			    const char * const names[])
{
	struct virtio_pci_device *vp = to_vp_device(vd);
	unsigned int i, nvectors = 1;
	u16 msix_vec;
	int rc;

	for (i = 0; i < nvqs; ++i)
		if (callbacks[i])
			++nvectors;
	vp->vqs = kcalloc(nvqs, sizeof(*vp->vqs), GFP_KERNEL);
	vp->msix_names = kmalloc_array(nvectors, sizeof(*vp->msix_names), GFP_KERNEL);
	if (!vp->vqs || !vp->msix_names)
		return -ENOMEM;
	rc = pci_alloc_irq_vectors(vp->pci_dev, nvectors, nvectors, PCI_IRQ_MSIX);
	if (rc < 0)
		return rc;
	vp->msix_vectors = nvectors;
	vp->msix_enabled = 1;

	snprintf(vp->msix_names[VP_MSIX_CONFIG_VECTOR], sizeof(*vp->msix_names),
		 "%s-config", dev_name(&vd->dev));
	rc = request_irq(pci_irq_vector(vp->pci_dev, VP_MSIX_CONFIG_VECTOR),
			  vp_config_changed, 0, vp->msix_names[VP_MSIX_CONFIG_VECTOR], vp);
	if (rc)
		return rc;
	if (vp->config_vector(vp, VP_MSIX_CONFIG_VECTOR) == VIRTIO_MSI_NO_VECTOR)
		return -EBUSY;

	msix_vec = VP_MSIX_VQ_VECTOR;
	for (i = 0; i < nvqs; ++i) {
		u16 vec = callbacks[i] ? msix_vec++ : VIRTIO_MSI_NO_VECTOR;

		vqs[i] = vp_setup_vq(vd, i, callbacks[i], names[i], vec);
		if (!vqs[i])
			return -ENOMEM;
		if (vec == VIRTIO_MSI_NO_VECTOR)
			continue;
		snprintf(vp->msix_names[vec], sizeof(*vp->msix_names), "%s-%s",
			 dev_name(&vd->dev), names[i]);
		rc = request_irq(pci_irq_vector(vp->pci_dev, vec), vring_interrupt, 0,
				  vp->msix_names[vec], vqs[i]);
		if (rc)
			return rc;
	}
	return 0;
}

/* INTx: one shared line for everything. */
static int vp_find_vqs_intx(struct virtio_device *vd, unsigned int nvqs,
			    struct virtqueue *vqs[], vq_callback_t *callbacks[],
			    const char * const names[])
{
	struct virtio_pci_device *vp = to_vp_device(vd);
	unsigned int i;
	int rc;

	vp->vqs = kcalloc(nvqs, sizeof(*vp->vqs), GFP_KERNEL);
	if (!vp->vqs)
		return -ENOMEM;
	rc = request_irq(vp->pci_dev->irq, vp_interrupt, IRQF_SHARED,
			  dev_name(&vd->dev), vp);
	if (rc)
		return rc;
	vp->intx_enabled = true;
	for (i = 0; i < nvqs; ++i) {
		vqs[i] = vp_setup_vq(vd, i, callbacks[i], names[i], VIRTIO_MSI_NO_VECTOR);
		if (!vqs[i])
			return -ENOMEM;
	}
	return 0;
}

int vp_find_vqs(struct virtio_device *vd, unsigned int nvqs, struct virtqueue *vqs[],
		vq_callback_t *callbacks[], const char * const names[], const bool *ctx,
		struct irq_affinity *desc)
{
	int rc;

	rc = vp_find_vqs_msix(vd, nvqs, vqs, callbacks, names);
	if (!rc)
		return 0;
	vp_del_vqs(vd);
	rc = vp_find_vqs_intx(vd, nvqs, vqs, callbacks, names);
	if (rc)
		vp_del_vqs(vd);
	return rc;
}

const char *vp_bus_name(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	return dev_name(&vp->pci_dev->dev);
}

static const struct pci_device_id virtio_pci_id_table[] = {
	{ PCI_DEVICE(0x1af4, PCI_ANY_ID) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, virtio_pci_id_table);

static void virtio_pci_release_dev(struct device *d)
{
	struct virtio_device *vd = dev_to_virtio(d);

	kfree(to_vp_device(vd));
}

static int virtio_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct virtio_pci_device *vp;
	int rc;

	vp = kzalloc(sizeof(*vp), GFP_KERNEL);
	if (!vp)
		return -ENOMEM;
	pci_set_drvdata(pdev, vp);
	vp->vdev.dev.parent = &pdev->dev;
	vp->vdev.dev.release = virtio_pci_release_dev;
	vp->pci_dev = pdev;
	INIT_LIST_HEAD(&vp->virtqueues);
	spin_lock_init(&vp->lock);

	rc = pci_enable_device(pdev);
	if (rc)
		goto err_enable;
	rc = virtio_pci_legacy_probe(vp);
	if (rc)
		goto err_probe;
	pci_set_master(pdev);
	rc = register_virtio_device(&vp->vdev);
	if (rc)
		goto err_register;
	return 0;

err_register:
	virtio_pci_legacy_remove(vp);
err_probe:
	pci_disable_device(pdev);
err_enable:
	kfree(vp);
	return rc;
}

static void virtio_pci_remove(struct pci_dev *pdev)
{
	struct virtio_pci_device *vp = pci_get_drvdata(pdev);

	unregister_virtio_device(&vp->vdev);
	virtio_pci_legacy_remove(vp);
	pci_disable_device(pdev);
}

static struct pci_driver virtio_pci_driver = {
	.name		= "virtio-pci",
	.id_table	= virtio_pci_id_table,
	.probe		= virtio_pci_probe,
	.remove		= virtio_pci_remove,
};
module_pci_driver(virtio_pci_driver);
