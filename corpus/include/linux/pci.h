/* SPDX-License-Identifier: GPL-2.0-only */ /* pci.h - PCI devices and drivers, as far as virtio-pci needs them. */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/module.h>
#include <linux/mod_devicetable.h>

struct pci_dev {
	struct device dev;
	unsigned short vendor;
	unsigned short device;
	unsigned int irq;
	bool msix_enabled;
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;
};

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define PCI_IRQ_LEGACY	(1 << 0)
#define PCI_IRQ_MSIX	(1 << 2)

extern int pci_enable_device(struct pci_dev *dev);
extern void pci_disable_device(struct pci_dev *dev);
extern void pci_set_master(struct pci_dev *dev);
extern void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
extern void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
extern int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
				 unsigned int max_vecs, unsigned int flags);
extern void pci_free_irq_vectors(struct pci_dev *dev);
extern int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
extern int __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *name);
extern void pci_unregister_driver(struct pci_driver *drv);

#define pci_register_driver(driver) __pci_register_driver(driver, THIS_MODULE, "virtio")

static inline void *pci_get_drvdata(struct pci_dev *pd)
{
	return dev_get_drvdata(&pd->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pd, void *data)
{
	dev_set_drvdata(&pd->dev, data);
}

#define module_pci_driver(pdrv_) \
	module_driver(pdrv_, pci_register_driver, pci_unregister_driver)

#endif
