/*
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

/* legacy register offsets (protocol) */
#define VIRTIO_PCI_HOST_FEATURES	0
#define VIRTIO_PCI_GUEST_FEATURES	4
#define VIRTIO_PCI_QUEUE_PFN		8
#define VIRTIO_PCI_QUEUE_NUM		12
#define VIRTIO_PCI_QUEUE_SEL		14
#define VIRTIO_PCI_QUEUE_NOTIFY		16
#define VIRTIO_PCI_STATUS		18
#define VIRTIO_PCI_ISR			19
#define VIRTIO_MSI_CONFIG_VECTOR	20
#define VIRTIO_MSI_QUEUE_VECTOR		22
#define VIRTIO_PCI_CONFIG_OFF(msix)	((msix) ? 24 : 20)
#define VIRTIO_PCI_VRING_ALIGN		4096

static u64 vp_get_features(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	return ioread32(vp_dev->ioaddr + VIRTIO_PCI_HOST_FEATURES);
}

static int vp_finalize_features(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	vring_transport_features(vdev);
	iowrite32((u32)vdev->features, vp_dev->ioaddr + VIRTIO_PCI_GUEST_FEATURES);
	return 0;
}

/* config_ops.get: byte-wise port reads - no lock, no sleep. */
static void vp_get(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	void __iomem *ioaddr = vp_dev->ioaddr + VIRTIO_PCI_CONFIG_OFF(vp_dev->msix_enabled) + offset;
	u8 *ptr = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		ptr[i] = ioread8(ioaddr + i);
}

static void vp_set(struct virtio_device *vdev, unsigned int offset, const void *buf,
		   unsigned int len)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);
	void __iomem *ioaddr = vp_dev->ioaddr + VIRTIO_PCI_CONFIG_OFF(vp_dev->msix_enabled) + offset;
	const u8 *ptr = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		iowrite8(ptr[i], ioaddr + i);
}

static u8 vp_get_status(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	return ioread8(vp_dev->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_set_status(struct virtio_device *vdev, u8 status)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	/* 0 would be a reset: use vp_reset() for that */
	BUG_ON(status == 0);
	iowrite8(status, vp_dev->ioaddr + VIRTIO_PCI_STATUS);
}

static void vp_reset(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp_dev = to_vp_device(vdev);

	iowrite8(0, vp_dev->ioaddr + VIRTIO_PCI_STATUS);
	/* flush the write, then make sure no handler still runs on the old state */
	ioread8(vp_dev->ioaddr + VIRTIO_PCI_STATUS);
	vp_synchronize_vectors(vdev);
}

static u16 vp_config_vector(struct virtio_pci_device *vp_dev, u16 vector)
{
	iowrite16(vector, vp_dev->ioaddr + VIRTIO_MSI_CONFIG_VECTOR);
	return ioread16(vp_dev->ioaddr + VIRTIO_MSI_CONFIG_VECTOR);
}

static struct virtqueue *setup_vq(struct virtio_pci_device *vp_dev,
				  struct virtio_pci_vq_info *info, unsigned int index,
				  void (*callback)(struct virtqueue *vq), const char *name,
				  u16 msix_vec)
{
	struct virtqueue *vq;
	u16 num;

	iowrite16(index, vp_dev->ioaddr + VIRTIO_PCI_QUEUE_SEL);
	num = ioread16(vp_dev->ioaddr + VIRTIO_PCI_QUEUE_NUM);
	if (!num || ioread32(vp_dev->ioaddr + VIRTIO_PCI_QUEUE_PFN))
		return NULL;
	info->msix_vector = msix_vec;

	vq = vring_create_virtqueue(index, num, VIRTIO_PCI_VRING_ALIGN, &vp_dev->vdev, true,
				    false, false, vp_notify, callback, name);
	if (!vq)
		return NULL;
	iowrite32((u32)((unsigned long)virtqueue_get_desc_addr_of(vq) >> 12),
		  vp_dev->ioaddr + VIRTIO_PCI_QUEUE_PFN);
	vq->priv = (void __force *)vp_dev->ioaddr + VIRTIO_PCI_QUEUE_NOTIFY;
	if (msix_vec != VIRTIO_MSI_NO_VECTOR)
		iowrite16(msix_vec, vp_dev->ioaddr + VIRTIO_MSI_QUEUE_VECTOR);
	return vq;
}

static void del_vq(struct virtio_pci_vq_info *info)
{
	struct virtqueue *vq = info->vq;
	struct virtio_pci_device *vp_dev = to_vp_device(vq->vdev);

	iowrite16(vq->index, vp_dev->ioaddr + VIRTIO_PCI_QUEUE_SEL);
	if (vp_dev->msix_enabled)
		iowrite16(VIRTIO_MSI_NO_VECTOR, vp_dev->ioaddr + VIRTIO_MSI_QUEUE_VECTOR);
	iowrite32(0, vp_dev->ioaddr + VIRTIO_PCI_QUEUE_PFN);
	vring_del_virtqueue(vq);
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

int virtio_pci_legacy_probe(struct virtio_pci_device *vp_dev)
{
	struct pci_dev *pci_dev = vp_dev->pci_dev;

	if (pci_dev->device < 0x1000 || pci_dev->device > 0x103f)
		return -ENODEV;
	vp_dev->ioaddr = pci_iomap(pci_dev, 0, 0);
	if (!vp_dev->ioaddr)
		return -ENOMEM;
	vp_dev->isr = vp_dev->ioaddr + VIRTIO_PCI_ISR;
	vp_dev->vdev.id.vendor = pci_dev->vendor;
	vp_dev->vdev.id.device = pci_dev->device - 0x1000 + 1;

	vp_dev->vdev.config = &virtio_pci_config_ops;
	vp_dev->config_vector = vp_config_vector;
	vp_dev->setup_vq = setup_vq;
	vp_dev->del_vq = del_vq;
	return 0;
}

void virtio_pci_legacy_remove(struct virtio_pci_device *vp_dev)
{
	pci_iounmap(vp_dev->pci_dev, vp_dev->ioaddr);
}
