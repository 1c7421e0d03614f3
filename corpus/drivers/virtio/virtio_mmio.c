/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_mmio.c - corpus model of drivers/virtio/virtio_mmio.c: virtio over
 * a block of memory-mapped registers, the transport of arm and x86 microVMs
 * (qemu's virt and microvm machines, firecracker).  The device is a
 * platform device with one register window and one interrupt line, which
 * carries both kinds of event: vm_interrupt() (request_irq, hardirq) reads
 * the interrupt status, acknowledges it, calls virtio_config_changed() for
 * a configuration change and then every queue's vring_interrupt() under
 * the device's queue-list lock.
 *
 * Config space sits at a fixed offset in the window and is read with plain
 * readb/readw/readl: vm_get() takes no lock and never sleeps, so a driver
 * that reads its config from the config_changed callback (the 2019
 * balloon) is as harmless here as on pci.  No findings.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

/* Register offsets in the window (the virtio-mmio protocol, version 2). */
enum {
	MMIO_REG_MAGIC = 0x000,		MMIO_REG_VERSION = 0x004,
	MMIO_REG_DEVICE_ID = 0x008,	MMIO_REG_VENDOR_ID = 0x00c,
	MMIO_REG_DEV_FEAT = 0x010,	MMIO_REG_DEV_FEAT_SEL = 0x014,
	MMIO_REG_DRV_FEAT = 0x020,	MMIO_REG_DRV_FEAT_SEL = 0x024,
	MMIO_REG_Q_SEL = 0x030,		MMIO_REG_Q_NUM_MAX = 0x034,
	MMIO_REG_Q_NUM = 0x038,		MMIO_REG_Q_READY = 0x044,
	MMIO_REG_Q_NOTIFY = 0x050,	MMIO_REG_IRQ_STATUS = 0x060,
	MMIO_REG_IRQ_ACK = 0x064,	MMIO_REG_STATUS = 0x070,
	MMIO_REG_Q_DESC_LO = 0x080,	MMIO_REG_Q_DESC_HI = 0x084,
	MMIO_REG_GENERATION = 0x0fc,	MMIO_REG_CONFIG = 0x100,
};
#define MMIO_MAGIC		0x74726976	/* "virt", little-endian */
#define MMIO_IRQ_USED_BUFFER	0x1
#define MMIO_IRQ_CONFIG		0x2
#define MMIO_RING_ALIGN		4096

/* What the transport keeps per device: the window, and the queues whose
 * callbacks the interrupt runs (the list under 'lock'). */
struct mmio_vdev {
	struct virtio_device vdev;
	struct platform_device *pdev;
	void __iomem *regs;
	unsigned long version;
	spinlock_t lock;
	struct list_head queues;
};

struct mmio_queue {
	struct virtqueue *vq;
	struct list_head link;
};

static inline struct mmio_vdev *to_mmio(struct virtio_device *vd)
{
	return container_of(vd, struct mmio_vdev, vdev);
}

static u64 vm_get_features(struct virtio_device *vd)
{
	struct mmio_vdev *m = to_mmio(vd);
	u64 hi, lo;

	writel(1, m->regs + MMIO_REG_DEV_FEAT_SEL);
	hi = readl(m->regs + MMIO_REG_DEV_FEAT);
	writel(0, m->regs + MMIO_REG_DEV_FEAT_SEL);
	lo = readl(m->regs + MMIO_REG_DEV_FEAT);
	return hi << 32 | lo;
}

static int vm_finalize_features(struct virtio_device *vd)
{
	struct mmio_vdev *m = to_mmio(vd);
	int word;

	vring_transport_features(vd);
	for (word = 0; word < 2; word++) {
		writel(word, m->regs + MMIO_REG_DRV_FEAT_SEL);
		writel((u32)(vd->features >> (32 * word)), m->regs + MMIO_REG_DRV_FEAT);
	}
	return 0;
}

/* config_ops.get: loads from the window, sized as the field - no lock, no sleep. */
static void vm_get(struct virtio_device *vd, unsigned int offset, void *buf, unsigned int len)
{
	struct mmio_vdev *m = to_mmio(vd);
	void __iomem *at = m->regs + MMIO_REG_CONFIG + offset;
	u8 *out = buf;
	u32 w;

	if (m->version == 1 || (len != 1 && len != 2 && len != 4 && len != 8)) {
		while (len--)
			*out++ = readb(at++);
		return;
	}
	if (len == 1) {
		out[0] = readb(at);
	} else if (len == 2) {
		*(u16 *)buf = readw(at);
	} else {
		w = readl(at);
		memcpy(out, &w, 4);
		if (len == 8) {
			w = readl(at + 4);
			memcpy(out + 4, &w, 4);
		}
	}
}

static void vm_set(struct virtio_device *vd, unsigned int offset, const void *buf,
		   unsigned int len)
{
	struct mmio_vdev *m = to_mmio(vd);
	void __iomem *at = m->regs + MMIO_REG_CONFIG + offset;
	const u8 *in = buf;

	while (len--)
		writeb(*in++, at++);
}

static u32 vm_generation(struct virtio_device *vd)
{
	struct mmio_vdev *m = to_mmio(vd);

	return m->version == 1 ? 0 : readl(m->regs + MMIO_REG_GENERATION);
}

static u8 vm_get_status(struct virtio_device *vd)
{
	return (u8)readl(to_mmio(vd)->regs + MMIO_REG_STATUS);
}

static void vm_set_status(struct virtio_device *vd, u8 status)
{
	/* writing 0 resets the device: that is vm_reset()'s job */
	BUG_ON(!status);
	writel(status, to_mmio(vd)->regs + MMIO_REG_STATUS);
}

static void vm_reset(struct virtio_device *vd)
{
	writel(0, to_mmio(vd)->regs + MMIO_REG_STATUS);
}

static bool vm_notify(struct virtqueue *q)
{
	struct mmio_vdev *m = to_mmio(q->vdev);

	writel(q->index, m->regs + MMIO_REG_Q_NOTIFY);
	return true;
}

/* The device's only interrupt: config change, used buffers, or both. */
static irqreturn_t vm_interrupt(int irq, void *opaque)
{
	struct mmio_vdev *m = opaque;
	struct mmio_queue *mq;
	irqreturn_t handled = IRQ_NONE;
	unsigned long fl;
	u32 pending;

	pending = readl(m->regs + MMIO_REG_IRQ_STATUS);
	writel(pending, m->regs + MMIO_REG_IRQ_ACK);
	if (!pending)
		return IRQ_NONE;
	if (pending & MMIO_IRQ_CONFIG) {
		virtio_config_changed(&m->vdev);
		handled = IRQ_HANDLED;
	}
	if (pending & MMIO_IRQ_USED_BUFFER) {
		spin_lock_irqsave(&m->lock, fl);
		list_for_each_entry(mq, &m->queues, link)
			handled |= vring_interrupt(irq, mq->vq);
		spin_unlock_irqrestore(&m->lock, fl);
	}
	return handled;
}

static struct virtqueue *vm_setup_vq(struct virtio_device *vd, unsigned int index,
				     void (*callback)(struct virtqueue *q), const char *name)
{
	struct mmio_vdev *m = to_mmio(vd);
	struct mmio_queue *mq;
	struct virtqueue *q;
	unsigned long fl;
	unsigned int max;

	writel(index, m->regs + MMIO_REG_Q_SEL);
	max = readl(m->regs + MMIO_REG_Q_NUM_MAX);
	if (!max || readl(m->regs + MMIO_REG_Q_READY))
		return NULL;
	mq = kzalloc(sizeof(*mq), GFP_KERNEL);
	if (!mq)
		return NULL;
	q = vring_create_virtqueue(index, max, MMIO_RING_ALIGN, vd, true, true, false,
				    vm_notify, callback, name);
	if (!q) {
		kfree(mq);
		return NULL;
	}
	writel(max, m->regs + MMIO_REG_Q_NUM);
	writel((u32)(unsigned long)virtqueue_get_desc_addr_of(q), m->regs + MMIO_REG_Q_DESC_LO);
	writel(1, m->regs + MMIO_REG_Q_READY);
	mq->vq = q;
	q->priv = mq;
	spin_lock_irqsave(&m->lock, fl);
	list_add(&mq->link, &m->queues);
	spin_unlock_irqrestore(&m->lock, fl);
	return q;
}

static void vm_del_vq(struct virtqueue *q)
{
	struct mmio_vdev *m = to_mmio(q->vdev);
	struct mmio_queue *mq = q->priv;
	unsigned long fl;

	spin_lock_irqsave(&m->lock, fl);
	list_del(&mq->link);
	spin_unlock_irqrestore(&m->lock, fl);
	writel(q->index, m->regs + MMIO_REG_Q_SEL);
	writel(0, m->regs + MMIO_REG_Q_READY);
	vring_del_virtqueue(q);
	kfree(mq);
}

static void vm_del_vqs(struct virtio_device *vd)
{
	struct mmio_vdev *m = to_mmio(vd);

	while (!list_empty(&vd->vqs))
		vm_del_vq(list_first_entry(&vd->vqs, struct virtqueue, list));
	free_irq(platform_get_irq(m->pdev, 0), m);
}

/* One shared line for the device: the handler first, then the queues. */
static int vm_find_vqs(struct virtio_device *vd, unsigned int nvqs, struct virtqueue *vqs[],
		       vq_callback_t *callbacks[], const char * const names[], const bool *ctx,
		       struct irq_affinity *desc)
{
	struct mmio_vdev *m = to_mmio(vd);
	int line = platform_get_irq(m->pdev, 0);
	unsigned int i;
	int rc;

	if (line < 0)
		return line;
	rc = request_irq(line, vm_interrupt, IRQF_SHARED, dev_name(&vd->dev), m);
	if (rc)
		return rc;
	for (i = 0; i < nvqs; i++) {
		vqs[i] = vm_setup_vq(vd, i, callbacks[i], names[i]);
		if (!vqs[i]) {
			vm_del_vqs(vd);
			return -ENOMEM;
		}
	}
	return 0;
}

static const char *vm_bus_name(struct virtio_device *vd)
{
	return to_mmio(vd)->pdev->name;
}

static const struct virtio_config_ops virtio_mmio_config_ops = {
	.get			= vm_get,
	.set			= vm_set,
	.generation		= vm_generation,
	.get_status		= vm_get_status,
	.set_status		= vm_set_status,
	.reset			= vm_reset,
	.find_vqs		= vm_find_vqs,
	.del_vqs		= vm_del_vqs,
	.get_features		= vm_get_features,
	.finalize_features	= vm_finalize_features,
	.bus_name		= vm_bus_name,
};

static void virtio_mmio_release_dev(struct device *d)
{
	kfree(to_mmio(dev_to_virtio(d)));
}

static int virtio_mmio_probe(struct platform_device *pd)
{
	struct resource *win = platform_get_resource(pd, IORESOURCE_MEM, 0);
	struct mmio_vdev *m;
	int rc;

	if (!win)
		return -EINVAL;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->pdev = pd;
	m->vdev.dev.parent = &pd->dev;
	m->vdev.dev.release = virtio_mmio_release_dev;
	m->vdev.config = &virtio_mmio_config_ops;
	INIT_LIST_HEAD(&m->queues);
	spin_lock_init(&m->lock);

	m->regs = devm_ioremap_resource(&pd->dev, win);
	if (IS_ERR(m->regs)) {
		rc = PTR_ERR(m->regs);
		goto fail;
	}
	if (readl(m->regs + MMIO_REG_MAGIC) != MMIO_MAGIC) {
		rc = -ENODEV;
		goto fail;
	}
	m->version = readl(m->regs + MMIO_REG_VERSION);
	m->vdev.id.device = readl(m->regs + MMIO_REG_DEVICE_ID);
	if (m->version < 1 || m->version > 2 || !m->vdev.id.device) {
		rc = -ENODEV;	/* an unknown layout, or a placeholder slot */
		goto fail;
	}
	m->vdev.id.vendor = readl(m->regs + MMIO_REG_VENDOR_ID);
	platform_set_drvdata(pd, m);
	rc = register_virtio_device(&m->vdev);
	if (rc)
		put_device(&m->vdev.dev);
	return rc;

fail:
	kfree(m);
	return rc;
}

static int virtio_mmio_remove(struct platform_device *pd)
{
	struct mmio_vdev *m = platform_get_drvdata(pd);

	unregister_virtio_device(&m->vdev);
	return 0;
}

static struct platform_driver virtio_mmio_driver = {
	.probe		= virtio_mmio_probe,
	.remove		= virtio_mmio_remove,
	.driver		= {
		.name	= "virtio-mmio",
	},
};

module_platform_driver(virtio_mmio_driver);
MODULE_LICENSE("GPL");
