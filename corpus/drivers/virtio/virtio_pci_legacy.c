/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_pci_legacy.c - corpus model of drivers/virtio/virtio_pci_legacy.c:
 * the legacy (virtio 0.9) register layout in an I/O BAR.  Config space
 * follows the common registers and is read one byte at a time with
 * ioread8(): vp_get() takes no lock and never sleeps, which is why a
 * config read from the config_changed callback is harmless on PCI.
 * No findings.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include "virtio_pci_common.h"

/*
 * The legacy register window, by byte offset: 32-bit feature words, then
 * the queue registers (select a queue, read its size, write its pfn,
 * notify it), status, the ISR (reading it acknowledges the interrupt) and,
 * with MSI-X, two vector registers before the device config.
 */
enum {
	VIRTIO_PCI_HOST_FEATURES = 0,	VIRTIO_PCI_GUEST_FEATURES = 4,
	VIRTIO_PCI_QUEUE_PFN = 8,	VIRTIO_PCI_QUEUE_NUM = 12,
	VIRTIO_PCI_QUEUE_SEL = 14,	VIRTIO_PCI_QUEUE_NOTIFY = 16,
	VIRTIO_PCI_STATUS = 18,		VIRTIO_PCI_ISR = 19,
	VIRTIO_MSI_CONFIG_VECTOR = 20,	VIRTIO_MSI_QUEUE_VECTOR = 22,
};
#define VIRTIO_PCI_CONFIG_OFF(msix)	((msix) ? 24 : 20)
#define VIRTIO_PCI_VRING_ALIGN		4096	/* the legacy ring layout */

static u64 vp_get_features(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	return ioread32(vp->ioaddr + VIRTIO_PCI_HOST_FEATURES);
}

static int vp_finalize_features(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	vring_transport_features(vd);
	iowrite32((u32)vd->features, vp->ioaddr + VIRTIO_PCI_GUEST_FEATURES);
	return 0;
}

/* config_ops.get: byte-wise port reads - no lock, no sleep. */
static void vp_get(struct virtio_device *vd, unsigned int offset, void *buf, unsigned int len)
{
	struct virtio_pci_device *vp = to_vp_device(vd);
	void __iomem *ioaddr = vp->ioaddr + VIRTIO_PCI_CONFIG_OFF(vp->msix_enabled) + offset;
	u8 *ptr = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		ptr[i] = ioread8(ioaddr + i);
}

static void vp_set(struct virtio_device *vd, unsigned int offset, const void *buf,
		   unsigned int len)
{
	struct virtio_pci_device *vp = to_vp_device(vd);
	void __iomem *ioaddr = vp->ioaddr + VIRTIO_PCI_CONFIG_OFF(vp->msix_enabled) + offset;
	const u8 *ptr = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		iowrite8(ptr[i], ioaddr + i);
}

static u8 vp_get_status(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	return ioread8(vp->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_set_status(struct virtio_device *vd, u8 status)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	/* 0 would be a reset: use vp_reset() for that */
	BUG_ON(status == 0);
	iowrite8(status, vp->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_reset(struct virtio_device *vd)
{
	struct virtio_pci_device *vp = to_vp_device(vd);

	iowrite8(0, vp->ioaddr + VIRTIO_PCI_STATUS);
	/* flush the write, then make sure no handler still runs on the old state */
	ioread8(vp->ioaddr + VIRTIO_PCI_STATUS);
	vp_synchronize_vectors(vd);
}

static u16 vp_config_vector(struct virtio_pci_device *vp, u16 vector)
{
	iowrite16(vector, vp->ioaddr + VIRTIO_MSI_CONFIG_VECTOR);
	return ioread16(vp->ioaddr + VIRTIO_MSI_CONFIG_VECTOR);
}

static struct virtqueue *setup_vq(struct virtio_pci_device *vp,
				  struct virtio_pci_vq_info *vqi, unsigned int index,
				  void (*callback)(struct virtqueue *q), const char *name,
				  u16 msix_vec)
{
	struct virtqueue *q;
	u16 num;

	iowrite16(index, vp->ioaddr + VIRTIO_PCI_QUEUE_SEL);
	num = ioread16(vp->ioaddr + VIRTIO_PCI_QUEUE_NUM);
	if (!num || ioread32(vp->ioaddr + VIRTIO_PCI_QUEUE_PFN))
		return NULL;
	vqi->msix_vector = msix_vec;

	q = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, &vp->vdev, true,
				    false, false, vp_notify, callback, name);
	if (!q)
		return NULL;
	iowrite32((u32)((unsigned long)virtqueue_get_desc_addr_of(q) >> 12),
		  vp->ioaddr + VIRTIO_PCI_QUEUE_PFN);
	q->priv = (void __force *)vp->ioaddr + VIRTIO_PCI_QUEUE_NOTIFY;
	if (msix_vec != VIRTIO_MSI_NO_VECTOR)
		iowrite16(msix_vec, vp->ioaddr + VIRTIO_MSI_QUEUE_VECTOR);
	return q;
}

static void del_vq(struct virtio_pci_vq_info *vqi)
{
	struct virtqueue *q = vqi->vq;
	struct virtio_pci_device *vp = to_vp_device(q->vdev);

	iowrite16(q->index, vp->ioaddr + VIRTIO_PCI_QUEUE_SEL);
	if (vp->msix_enabled)
		iowrite16(VIRTIO_MSI_NO_VECTOR, vp->ioaddr + VIRTIO_MSI_QUEUE_VECTOR);
	iowrite32(0, vp->ioaddr + VIRTIO_PCI_QUEUE_PFN);
	vring_del_virtqueue(q);
}

static const struct virtio_config_ops virtio_pci_config_ops = {
	.get			= vp_get,
	.set			= vp_set,
	.get_status		= vp_get_status,
	.set_status		= vp_set_status,
	.reset			= vp_reset,
	.find_vqs		= vp_find_vqs,
	.del_vqs		= vp_del_vqs,
	.get_features		= vp_get_features,
	.finalize_features	= vp_finalize_features,
	.bus_name		= vp_bus_name,
};

int virtio_pci_legacy_probe(struct virtio_pci_device *vp)
{
	struct pci_dev *pdev = vp->pci_dev;

	if (pdev->device < 0x1000 || pdev->device > 0x103f)
		return -ENODEV;
	vp->ioaddr = pci_iomap(pdev, 0, 0);
	if (!vp->ioaddr)
		return -ENOMEM;
	vp->isr = vp->ioaddr + VIRTIO_PCI_ISR;
	vp->vdev.id.vendor = pdev->vendor;
	vp->vdev.id.device = pdev->device - 0x1000 + 1;

	vp->vdev.config = &virtio_pci_config_ops;
	vp->config_vector = vp_config_vector;
	vp->setup_vq = setup_vq;
	vp->del_vq = del_vq;
	return 0;
}

void virtio_pci_legacy_remove(struct virtio_pci_device *vp)
{
	pci_iounmap(vp->pci_dev, vp->ioaddr);
}
