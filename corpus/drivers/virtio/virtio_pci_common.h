/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_pci_common.h - the state virtio-pci keeps per device, shared by
 * the common code (interrupts, virtqueue lists) and the legacy/modern
 * register layouts, which plug in through setup_vq/del_vq.
 */
#ifndef _DRIVERS_VIRTIO_VIRTIO_PCI_COMMON_H
#define _DRIVERS_VIRTIO_VIRTIO_PCI_COMMON_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>

struct virtio_pci_vq_info {
	struct virtqueue *vq;
	struct list_head node;
	unsigned int msix_vector;
};

struct virtio_pci_device {
	struct virtio_device vdev;
	struct pci_dev *pci_dev;

	void __iomem *ioaddr;		/* legacy: the whole register window */
	void __iomem *isr;		/* reading it acknowledges the interrupt */

	spinlock_t lock;		/* protects virtqueues */
	struct list_head virtqueues;
	struct virtio_pci_vq_info **vqs;

	int msix_enabled;
	unsigned int msix_vectors;
	char (*msix_names)[32];
	bool intx_enabled;

	struct virtqueue *(*setup_vq)(struct virtio_pci_device *vp,
				      struct virtio_pci_vq_info *vqi, unsigned int idx,
				      void (*callback)(struct virtqueue *q), const char *name,
				      u16 msix_vec);
	void (*del_vq)(struct virtio_pci_vq_info *vqi);
	u16 (*config_vector)(struct virtio_pci_device *vp, u16 vector);
};

#define VIRTIO_MSI_NO_VECTOR	0xffff
#define VP_MSIX_CONFIG_VECTOR	0
#define VP_MSIX_VQ_VECTOR	1

/* ISR bits (protocol) */
#define VIRTIO_PCI_ISR_QUEUE	0x1
#define VIRTIO_PCI_ISR_CONFIG	0x2

static inline struct virtio_pci_device *to_vp_device(struct virtio_device *vd)
{
	return container_of(vd, struct virtio_pci_device, vdev);
}

bool vp_notify(struct virtqueue *q);
void vp_del_vqs(struct virtio_device *vd);
int vp_find_vqs(struct virtio_device *vd, unsigned int nvqs, struct virtqueue *vqs[],
		vq_callback_t *callbacks[], const char * const names[], const bool *ctx,
		struct irq_affinity *desc);
void vp_synchronize_vectors(struct virtio_device *vd);
const char *vp_bus_name(struct virtio_device *vd);

int virtio_pci_legacy_probe(struct virtio_pci_device *vp);
void virtio_pci_legacy_remove(struct virtio_pci_device *vp);

#endif
