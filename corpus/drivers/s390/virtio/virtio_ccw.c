/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_ccw.c - corpus model of drivers/s390/virtio/virtio_ccw.c, the
 * virtio transport over s390 channel I/O, as it stood in 2019 (classic
 * indicators, no adapter interrupts).
 *
 * Every config-space access is a channel program: ccw_io_helper() takes
 * the ccw device lock (get_ccwdev_lock, which is the subchannel lock -
 * see io_subchannel_initialize_dev), starts the program, drops the lock
 * and sleeps until the interrupt handler reports the end of the I/O.
 * The interrupt handler, virtio_ccw_int_handler(), runs as cdev->handler
 * from do_cio_interrupt() with that same lock held, and calls
 * virtio_config_changed() when the host flags a config change.
 *
 * So a driver whose config_changed callback reads config space - the
 * balloon after commit 86a5597 - re-acquires the subchannel lock in
 * ccw_io_helper() on the interrupt path: the 2019 deadlock
 * (recursive-lock).  The same path also sleeps in hardirq context
 * (io_lock, wait_event) and orders io_lock against the subchannel lock
 * both ways (lock-order: process context takes io_lock, then ccwlock).
 * Every expectation here is filtered to the trees whose driver reads config
 * space on an interrupt path: balloon-ccw-2019 (config_changed),
 * vq-callback-ccw (a virtqueue callback, cio path: the same findings),
 * airq-ccw (the adapter interrupt: sleeping only, the subchannel lock is
 * not held) and bytype-airq-ccw (the same, reached through a call resolved
 * by function type); in the other ccw trees the same lines must stay quiet.
 *
 * doing_io() takes the lock again inside wait_event(); on the deadlock path
 * the CPU already spins in ccw_io_helper(), so that is the same bug, reported
 * once, not a second recursive-lock.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/bitops.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/async.h>
#include <linux/module.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>
#include <asm/kvm_para.h>

#define VIRTIO_CCW_CONFIG_SIZE	0x100

/* The virtio-ccw channel commands. */
#define CCW_CMD_SET_VQ		0x13
#define CCW_CMD_VDEV_RESET	0x33
#define CCW_CMD_SET_IND		0x43
#define CCW_CMD_SET_CONF_IND	0x53
#define CCW_CMD_READ_FEAT	0x12
#define CCW_CMD_WRITE_FEAT	0x11
#define CCW_CMD_READ_CONF	0x22
#define CCW_CMD_WRITE_CONF	0x21
#define CCW_CMD_WRITE_STATUS	0x31
#define CCW_CMD_READ_VQ_CONF	0x32
#define CCW_CMD_READ_STATUS	0x72
#define CCW_CMD_SET_VIRTIO_REV	0x83

/* What an I/O is doing, in the upper half of its interruption parameter. */
#define VIRTIO_CCW_DOING_SET_VQ			0x00010000
#define VIRTIO_CCW_DOING_RESET			0x00040000
#define VIRTIO_CCW_DOING_READ_FEAT		0x00080000
#define VIRTIO_CCW_DOING_WRITE_FEAT		0x00100000
#define VIRTIO_CCW_DOING_READ_CONFIG		0x00200000
#define VIRTIO_CCW_DOING_WRITE_CONFIG		0x00400000
#define VIRTIO_CCW_DOING_WRITE_STATUS		0x00800000
#define VIRTIO_CCW_DOING_SET_IND		0x01000000
#define VIRTIO_CCW_DOING_READ_VQ_CONF		0x02000000
#define VIRTIO_CCW_DOING_SET_CONF_IND		0x04000000
#define VIRTIO_CCW_DOING_SET_VIRTIO_REV		0x10000000
#define VIRTIO_CCW_DOING_READ_STATUS		0x20000000
#define VIRTIO_CCW_INTPARM_MASK			0xffff0000

#define VIRTIO_CCW_QUEUE_ALIGN	4096
#define KVM_S390_VIRTIO_CCW_NOTIFY	3

struct virtio_ccw_device {
	struct virtio_device vdev;
	u8 config[VIRTIO_CCW_CONFIG_SIZE];
	unsigned int config_ready;	/* bytes of config cached */
	struct ccw_device *cdev;
	__u32 curr_io;			/* VIRTIO_CCW_DOING_* bits in flight */
	int err;
	unsigned int revision;
	u8 status;
	wait_queue_head_t wait_q;
	spinlock_t lock;		/* virtqueues list, config cache */
	struct mutex io_lock;		/* one channel program at a time */
	struct list_head virtqueues;
	unsigned long indicators;	/* a bit per virtqueue, set by the host */
	unsigned long indicators2;	/* bit 0: the configuration changed */
};

struct vq_info_block {
	__u64 queue;
	__u32 align;
	__u16 index;
	__u16 num;
} __packed;

struct virtio_ccw_vq_info {
	struct virtqueue *vq;
	int num;
	struct vq_info_block *info_block;
	long cookie;
	struct list_head node;
};

struct virtio_rev_info {
	__u16 revision;
	__u16 length;
} __packed;

static inline struct virtio_ccw_device *to_vc_device(struct virtio_device *vd)
{
	return container_of(vd, struct virtio_ccw_device, vdev);
}

/* ---- running a channel program ---- */

/* Is the I/O FLAG still running?  The wait condition of ccw_io_helper. */
static int doing_io(struct virtio_ccw_device *vc, __u32 flag)
{
	unsigned long irqfl;
	__u32 busy;

	spin_lock_irqsave(get_ccwdev_lock(vc->cdev), irqfl);
	busy = vc->err ? 0 : (vc->curr_io & flag);
	spin_unlock_irqrestore(get_ccwdev_lock(vc->cdev), irqfl);
	return busy;
}

/*
 * Start CCW and sleep until the interrupt handler has seen it end.  Takes
 * the ccw device lock (which is the subchannel lock), so it must never be
 * reached from the cio interrupt path.
 */
static int ccw_io_helper(struct virtio_ccw_device *vc, struct ccw1 *cp, __u32 intparm)
{
	unsigned long irqfl;
	int what = intparm & VIRTIO_CCW_INTPARM_MASK;
	int ret;

	/* expect@+1(bytype-airq-ccw): sleep-in-atomic resolved by type (2 candidates */
	mutex_lock(&vc->io_lock); /* expect(balloon-ccw-2019,balloon-ccw-console-2019,balloon-ccw-console-nolockdep,balloon-2019-ccw-pci,vq-callback-ccw,airq-ccw): sleep-in-atomic this finding stands for the 2 sleeps found below that call */
	do {
		/* expect@+4(balloon-ccw-console-2019,balloon-ccw-console-nolockdep): recursive-lock lower confidence: some *subchannel.lock locks are put in another lockdep class, in cio_probe_console */
		/* expect@+3(balloon-ccw-2019,balloon-2019-ccw-pci,vq-callback-ccw): recursive-lock *ccw_device.ccwlock */
		/* expect@+2(balloon-ccw-2019,balloon-ccw-console-2019,balloon-ccw-console-nolockdep,balloon-2019-ccw-pci,vq-callback-ccw): lock-order virtio_ccw_device.io_lock */
		/* expect@+1(balloon-ccw-2019,balloon-ccw-console-2019,balloon-ccw-console-nolockdep,balloon-2019-ccw-pci): lock-order virtio_device.config_lock */
		spin_lock_irqsave(get_ccwdev_lock(vc->cdev), irqfl);
		ret = ccw_device_start(vc->cdev, cp, intparm, 0, 0);
		if (!ret) {
			if (!vc->curr_io)
				vc->err = 0;
			vc->curr_io |= what;
		}
		spin_unlock_irqrestore(get_ccwdev_lock(vc->cdev), irqfl);
		cpu_relax();
	} while (ret == -EBUSY);
	/* The wait sleeps too, below the same call with the same lock held as the
	 * mutex_lock() above: that finding stands for both ('the 2 sleeps'). */
	wait_event(vc->wait_q, doing_io(vc, what) == 0);
	if (!ret)
		ret = vc->err;
	mutex_unlock(&vc->io_lock);
	return ret;
}

/* ---- virtqueues ---- */

static bool virtio_ccw_kvm_notify(struct virtqueue *vq)
{
	struct virtio_ccw_vq_info *vqi = vq->priv;
	struct virtio_ccw_device *vc = to_vc_device(vq->vdev);
	struct subchannel_id schid;

	ccw_device_get_schid(vc->cdev, &schid);
	vqi->cookie = kvm_hypercall3(KVM_S390_VIRTIO_CCW_NOTIFY, schid.sch_no, vq->index,
				      vqi->cookie);
	return vqi->cookie >= 0;
}

static int virtio_ccw_read_vq_conf(struct virtio_ccw_device *vc, struct ccw1 *cp, int index)
{
	struct vq_info_block *conf;
	int ret, num = 0;

	conf = kzalloc(sizeof(*conf), GFP_DMA | GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	conf->index = index;
	cp->cmd_code = CCW_CMD_READ_VQ_CONF;
	cp->flags = 0;
	cp->count = sizeof(*conf);
	cp->cda = (__u32)(unsigned long)conf;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_READ_VQ_CONF);
	if (!ret)
		num = conf->num;
	kfree(conf);
	return ret ? ret : num;
}

static void virtio_ccw_del_vq(struct virtqueue *vq, struct ccw1 *cp)
{
	struct virtio_ccw_device *vc = to_vc_device(vq->vdev);
	struct virtio_ccw_vq_info *vqi = vq->priv;
	unsigned long irqfl;
	int ret;

	spin_lock_irqsave(&vc->lock, irqfl);
	list_del(&vqi->node);
#ifdef VIRTIO_CCW_DEL_VQ_CLEARS_INDICATOR
	/*
	 * abba-ccw's hypothetical change: no notification for this queue may be
	 * handled any more, so clear its indicator under the ccw device lock -
	 * inside vc->lock, while the interrupt handler takes vc->lock
	 * (virtio_ccw_vq_by_ind) under the subchannel lock, the same lock.
	 */
	/* expect@+1(abba-ccw): lock-order *ccw_device.ccwlock is acquired while virtio_ccw_device.lock is held */
	spin_lock(get_ccwdev_lock(vc->cdev));
	clear_bit(vq->index, &vc->indicators);
	spin_unlock(get_ccwdev_lock(vc->cdev));
#endif
	spin_unlock_irqrestore(&vc->lock, irqfl);

	/* tell the host the queue is gone */
	vqi->info_block->queue = 0;
	vqi->info_block->index = vq->index;
	cp->cmd_code = CCW_CMD_SET_VQ;
	cp->flags = 0;
	cp->count = sizeof(*vqi->info_block);
	cp->cda = (__u32)(unsigned long)vqi->info_block;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_SET_VQ | vq->index);
	if (ret)
		dev_warn(&vq->vdev->dev, "releasing queue %u failed: %d\n", vq->index, ret);

	vring_del_virtqueue(vq);
	kfree(vqi->info_block);
	kfree(vqi);
}

static void virtio_ccw_del_vqs(struct virtio_device *vd)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct virtio_ccw_vq_info *vqi;
	struct ccw1 *cp;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return;
	while (!list_empty(&vc->virtqueues)) {
		vqi = list_first_entry(&vc->virtqueues, struct virtio_ccw_vq_info, node);
		virtio_ccw_del_vq(vqi->vq, cp);
	}
	kfree(cp);
}

static struct virtqueue *virtio_ccw_setup_vq(struct virtio_device *vd, int i,
					     vq_callback_t *callback, const char *name,
					     struct ccw1 *cp)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct virtio_ccw_vq_info *vqi;
	struct virtqueue *vq;
	unsigned long irqfl;
	int err;

	vqi = kzalloc(sizeof(*vqi), GFP_KERNEL);
	if (!vqi)
		return ERR_PTR(-ENOMEM);
	vqi->info_block = kzalloc(sizeof(*vqi->info_block), GFP_DMA | GFP_KERNEL);
	if (!vqi->info_block) {
		err = -ENOMEM;
		goto out_info;
	}
	vqi->num = virtio_ccw_read_vq_conf(vc, cp, i);
	if (vqi->num < 0) {
		err = vqi->num;
		goto out_block;
	}
	vq = vring_create_virtqueue(i, vqi->num, VIRTIO_CCW_QUEUE_ALIGN, vd, true, true,
				    false, virtio_ccw_kvm_notify, callback, name);
	if (!vq) {
		err = -ENOMEM;
		goto out_block;
	}
	vqi->vq = vq;
	vq->priv = vqi;

	/* tell the host where the queue is */
	vqi->info_block->queue = (__u64)(unsigned long)virtqueue_get_desc_addr_of(vq);
	vqi->info_block->align = VIRTIO_CCW_QUEUE_ALIGN;
	vqi->info_block->index = i;
	vqi->info_block->num = vqi->num;
	cp->cmd_code = CCW_CMD_SET_VQ;
	cp->flags = 0;
	cp->count = sizeof(*vqi->info_block);
	cp->cda = (__u32)(unsigned long)vqi->info_block;
	err = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_SET_VQ | i);
	if (err) {
		vring_del_virtqueue(vq);
		goto out_block;
	}

	spin_lock_irqsave(&vc->lock, irqfl);
	list_add(&vqi->node, &vc->virtqueues);
	spin_unlock_irqrestore(&vc->lock, irqfl);
	return vq;

out_block:
	kfree(vqi->info_block);
out_info:
	kfree(vqi);
	return ERR_PTR(err);
}

/* Tell the host where to flag queue notifications and config changes. */
static int virtio_ccw_register_indicators(struct virtio_ccw_device *vc, struct ccw1 *cp)
{
	unsigned long *indicatorp;
	int ret;

	indicatorp = kmalloc(sizeof(*indicatorp), GFP_DMA | GFP_KERNEL);
	if (!indicatorp)
		return -ENOMEM;

	*indicatorp = (unsigned long)&vc->indicators;
	vc->indicators = 0;
	cp->cmd_code = CCW_CMD_SET_IND;
	cp->flags = 0;
	cp->count = sizeof(*indicatorp);
	cp->cda = (__u32)(unsigned long)indicatorp;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_SET_IND);
	if (ret)
		goto out;

	*indicatorp = (unsigned long)&vc->indicators2;
	vc->indicators2 = 0;
	cp->cmd_code = CCW_CMD_SET_CONF_IND;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_SET_CONF_IND);
out:
	kfree(indicatorp);
	return ret;
}

static int virtio_ccw_find_vqs(struct virtio_device *vd, unsigned int nvqs, struct virtqueue *vqs[],
			       vq_callback_t *callbacks[], const char * const names[],
			       const bool *ctx, struct irq_affinity *desc)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct ccw1 *cp;
	unsigned int i;
	int ret;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return -ENOMEM;
	for (i = 0; i < nvqs; ++i) {
		vqs[i] = virtio_ccw_setup_vq(vd, i, callbacks[i], names[i], cp);
		if (IS_ERR(vqs[i])) {
			ret = PTR_ERR(vqs[i]);
			vqs[i] = NULL;
			goto out;
		}
	}
	ret = virtio_ccw_register_indicators(vc, cp);
	if (!ret) {
		kfree(cp);
		return 0;
	}
out:
	kfree(cp);
	virtio_ccw_del_vqs(vd);
	return ret;
}

/* ---- the config ops ---- */

static void virtio_ccw_reset(struct virtio_device *vd)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct ccw1 *cp;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return;
	vc->status = 0;
	cp->cmd_code = CCW_CMD_VDEV_RESET;
	ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_RESET);
	kfree(cp);
}

static u64 virtio_ccw_get_features(struct virtio_device *vd)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct { __le32 features; u8 index; } __packed *feat;
	struct ccw1 *cp;
	u64 features = 0;
	int half;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	feat = kzalloc(sizeof(*feat), GFP_DMA | GFP_KERNEL);
	if (!cp || !feat)
		goto out;
	for (half = 0; half < (vc->revision ? 2 : 1); half++) {
		feat->index = half;
		cp->cmd_code = CCW_CMD_READ_FEAT;
		cp->count = sizeof(*feat);
		cp->cda = (__u32)(unsigned long)feat;
		if (ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_READ_FEAT))
			break;
		features |= (u64)feat->features << (32 * half);
	}
out:
	kfree(feat);
	kfree(cp);
	return features;
}

static int virtio_ccw_finalize_features(struct virtio_device *vd)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct { __le32 features; u8 index; } __packed *feat;
	struct ccw1 *cp;
	int half, ret = -ENOMEM;

	vring_transport_features(vd);
	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	feat = kzalloc(sizeof(*feat), GFP_DMA | GFP_KERNEL);
	if (!cp || !feat)
		goto out;
	for (half = 0; half < (vc->revision ? 2 : 1); half++) {
		feat->index = half;
		feat->features = (u32)(vd->features >> (32 * half));
		cp->cmd_code = CCW_CMD_WRITE_FEAT;
		cp->count = sizeof(*feat);
		cp->cda = (__u32)(unsigned long)feat;
		ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_WRITE_FEAT);
		if (ret)
			break;
	}
out:
	kfree(feat);
	kfree(cp);
	return ret;
}

/* config_ops.get: a READ_CONF channel program - takes the ccw device lock and sleeps. */
static void virtio_ccw_get_config(struct virtio_device *vd, unsigned int offset,
				  void *dst, unsigned int len)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct ccw1 *cp;
	void *area;
	unsigned long irqfl;
	int ret;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return;
	area = kzalloc(VIRTIO_CCW_CONFIG_SIZE, GFP_DMA | GFP_KERNEL);
	if (!area)
		goto out_free;

	cp->cmd_code = CCW_CMD_READ_CONF;
	cp->flags = 0;
	cp->count = offset + len;
	cp->cda = (__u32)(unsigned long)area;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_READ_CONFIG);
	if (ret)
		goto out_free;

	spin_lock_irqsave(&vc->lock, irqfl);
	memcpy(vc->config, area, offset + len);
	if (vc->config_ready < offset + len)
		vc->config_ready = offset + len;
	spin_unlock_irqrestore(&vc->lock, irqfl);
	if (dst)
		memcpy(dst, area + offset, len);

out_free:
	kfree(area);
	kfree(cp);
}

static void virtio_ccw_set_config(struct virtio_device *vd, unsigned int offset,
				  const void *src, unsigned int len)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	struct ccw1 *cp;
	void *area;
	unsigned long irqfl;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return;
	area = kzalloc(VIRTIO_CCW_CONFIG_SIZE, GFP_DMA | GFP_KERNEL);
	if (!area)
		goto out_free;

	/* the host writes the whole area: fetch what we do not overwrite */
	if (vc->config_ready < offset)
		virtio_ccw_get_config(vd, 0, NULL, offset);
	spin_lock_irqsave(&vc->lock, irqfl);
	memcpy(vc->config + offset, src, len);
	memcpy(area, vc->config, sizeof(vc->config));
	spin_unlock_irqrestore(&vc->lock, irqfl);

	cp->cmd_code = CCW_CMD_WRITE_CONF;
	cp->flags = 0;
	cp->count = offset + len;
	cp->cda = (__u32)(unsigned long)area;
	ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_WRITE_CONFIG);

out_free:
	kfree(area);
	kfree(cp);
}

static u8 virtio_ccw_get_status(struct virtio_device *vd)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	u8 old_status = vc->status;
	struct ccw1 *cp;

	if (vc->revision < 2)
		return vc->status;
	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return old_status;
	cp->cmd_code = CCW_CMD_READ_STATUS;
	cp->flags = 0;
	cp->count = sizeof(vc->status);
	cp->cda = (__u32)(unsigned long)&vc->status;
	ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_READ_STATUS);
	kfree(cp);
	return vc->status;
}

static void virtio_ccw_set_status(struct virtio_device *vd, u8 status)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);
	u8 old_status = vc->status;
	struct ccw1 *cp;
	int ret;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return;
	vc->status = status;
	cp->cmd_code = CCW_CMD_WRITE_STATUS;
	cp->flags = 0;
	cp->count = sizeof(status);
	cp->cda = (__u32)(unsigned long)&vc->status;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_WRITE_STATUS);
	if (ret)
		vc->status = old_status;	/* the host refused: keep what it has */
	kfree(cp);
}

static const char *virtio_ccw_bus_name(struct virtio_device *vd)
{
	struct virtio_ccw_device *vc = to_vc_device(vd);

	return dev_name(&vc->cdev->dev);
}

static const struct virtio_config_ops virtio_ccw_config_ops = {
	.get_features		= virtio_ccw_get_features,
	.finalize_features	= virtio_ccw_finalize_features,
	.get			= virtio_ccw_get_config,
	.set			= virtio_ccw_set_config,
	.get_status		= virtio_ccw_get_status,
	.set_status		= virtio_ccw_set_status,
	.reset			= virtio_ccw_reset,
	.find_vqs		= virtio_ccw_find_vqs,
	.del_vqs		= virtio_ccw_del_vqs,
	.bus_name		= virtio_ccw_bus_name,
};

/* ---- the interrupt handler: cdev->handler, called with the subchannel lock held ---- */

/* Every channel program this transport starts says what it is doing. */
#define VIRTIO_CCW_DOING_KNOWN							\
	(VIRTIO_CCW_DOING_SET_VQ | VIRTIO_CCW_DOING_RESET |			\
	 VIRTIO_CCW_DOING_READ_FEAT | VIRTIO_CCW_DOING_WRITE_FEAT |		\
	 VIRTIO_CCW_DOING_READ_CONFIG | VIRTIO_CCW_DOING_WRITE_CONFIG |	\
	 VIRTIO_CCW_DOING_WRITE_STATUS | VIRTIO_CCW_DOING_READ_STATUS |	\
	 VIRTIO_CCW_DOING_SET_IND | VIRTIO_CCW_DOING_SET_CONF_IND |		\
	 VIRTIO_CCW_DOING_READ_VQ_CONF | VIRTIO_CCW_DOING_SET_VIRTIO_REV)

/* The I/O in ACTIVITY ended: clear its bit and wake ccw_io_helper. */
static void virtio_ccw_check_activity(struct virtio_ccw_device *vc, __u32 activity)
{
	if ((vc->curr_io & activity) == 0)
		return;
	if (activity & ~VIRTIO_CCW_DOING_KNOWN) {
		/* one bit we never set: complain, leave the waiter alone */
		dev_warn(&vc->cdev->dev, "unexpected activity %08x\n", activity);
		WARN_ON(1);
		return;
	}
	vc->curr_io &= ~activity;
	wake_up(&vc->wait_q);
}

static struct virtqueue *virtio_ccw_vq_by_ind(struct virtio_ccw_device *vc, int index)
{
	struct virtio_ccw_vq_info *vqi;
	struct virtqueue *vq = NULL;
	unsigned long irqfl;

	spin_lock_irqsave(&vc->lock, irqfl);
	list_for_each_entry(vqi, &vc->virtqueues, node) {
		if (vqi->vq->index == index) {
			vq = vqi->vq;
			break;
		}
	}
	spin_unlock_irqrestore(&vc->lock, irqfl);
	return vq;
}

static void virtio_ccw_int_handler(struct ccw_device *ccwdev, unsigned long intparm,
				   struct irb *irb)
{
	struct virtio_ccw_device *vc = dev_get_drvdata(&ccwdev->dev);
	__u32 done = intparm & VIRTIO_CCW_INTPARM_MASK;
	struct virtqueue *vq;
	int bit;

	if (!vc)
		return;
	if (IS_ERR(irb)) {
		/* no status at all (timeout, device gone): fail the waiter */
		vc->err = PTR_ERR(irb);
		virtio_ccw_check_activity(vc, done);
		return;
	}
	if (irb_is_error(irb)) {
		bool rejected = (scsw_dstat(&irb->scsw) & DEV_STAT_UNIT_CHECK) != 0 &&
				(irb->ecw[0] & SNS0_CMD_REJECT) != 0;

		vc->err = rejected ? -EOPNOTSUPP : -EIO;
	}
	virtio_ccw_check_activity(vc, done);

	/* used buffers: one indicator bit per queue, run its callback */
	for (bit = 0; bit < BITS_PER_LONG; bit++) {
		if (!test_bit(bit, &vc->indicators))
			continue;
		clear_bit(bit, &vc->indicators);
		barrier();
		vq = virtio_ccw_vq_by_ind(vc, bit);
		if (vq)
			vring_interrupt(0, vq);
	}
	/* the host changed the device configuration: tell the driver now */
	if (test_bit(0, &vc->indicators2)) {
		virtio_config_changed(&vc->vdev);
		clear_bit(0, &vc->indicators2);
	}
}

/* ---- the ccw driver ---- */

static bool virtio_ccw_auto_online_enabled = true;

static void virtio_ccw_auto_online(void *arg, async_cookie_t unused)
{
	struct ccw_device *ccwdev = arg;
	int ret;

	ret = ccw_device_set_online(ccwdev);
	if (ret)
		dev_warn(&ccwdev->dev, "failed to set online: %d\n", ret);
}

static int virtio_ccw_probe(struct ccw_device *ccwdev)
{
	ccwdev->handler = virtio_ccw_int_handler;
	if (virtio_ccw_auto_online_enabled && !ccwdev->online)
		async_schedule(virtio_ccw_auto_online, ccwdev);
	return 0;
}

static struct virtio_ccw_device *virtio_grab_drvdata(struct ccw_device *ccwdev)
{
	struct virtio_ccw_device *vc;
	unsigned long irqfl;

	spin_lock_irqsave(get_ccwdev_lock(ccwdev), irqfl);
	vc = dev_get_drvdata(&ccwdev->dev);
	dev_set_drvdata(&ccwdev->dev, NULL);
	spin_unlock_irqrestore(get_ccwdev_lock(ccwdev), irqfl);
	return vc;
}

static void virtio_ccw_remove(struct ccw_device *ccwdev)
{
	struct virtio_ccw_device *vc = virtio_grab_drvdata(ccwdev);

	if (vc && ccwdev->online)
		unregister_virtio_device(&vc->vdev);
	ccwdev->handler = NULL;
}

static int virtio_ccw_offline(struct ccw_device *ccwdev)
{
	struct virtio_ccw_device *vc = virtio_grab_drvdata(ccwdev);

	if (vc)
		unregister_virtio_device(&vc->vdev);
	return 0;
}

static int virtio_ccw_set_transport_rev(struct virtio_ccw_device *vc)
{
	struct virtio_rev_info *rev;
	struct ccw1 *cp;
	int ret;

	cp = kzalloc(sizeof(*cp), GFP_DMA | GFP_KERNEL);
	if (!cp)
		return -ENOMEM;
	rev = kzalloc(sizeof(*rev), GFP_DMA | GFP_KERNEL);
	if (!rev) {
		kfree(cp);
		return -ENOMEM;
	}
	cp->cmd_code = CCW_CMD_SET_VIRTIO_REV;
	cp->flags = 0;
	cp->count = sizeof(*rev);
	cp->cda = (__u32)(unsigned long)rev;
	vc->revision = 1;
	rev->revision = vc->revision;
	ret = ccw_io_helper(vc, cp, VIRTIO_CCW_DOING_SET_VIRTIO_REV);
	if (ret == -EOPNOTSUPP) {
		/* legacy host */
		vc->revision = 0;
		ret = 0;
	}
	kfree(rev);
	kfree(cp);
	return ret;
}

static void virtio_ccw_release_dev(struct device *d)
{
	kfree(to_vc_device(dev_to_virtio(d)));
}

/* ccw_driver.set_online: build the virtio device and register it with the core. */
static int virtio_ccw_online(struct ccw_device *ccwdev)
{
	struct virtio_ccw_device *vc;
	unsigned long irqfl;
	int ret;

	vc = kzalloc(sizeof(*vc), GFP_KERNEL);
	if (!vc)
		return -ENOMEM;
	vc->vdev.dev.parent = &ccwdev->dev;
	vc->vdev.dev.release = virtio_ccw_release_dev;
	vc->vdev.config = &virtio_ccw_config_ops;
	vc->cdev = ccwdev;
	init_waitqueue_head(&vc->wait_q);
	INIT_LIST_HEAD(&vc->virtqueues);
	spin_lock_init(&vc->lock);
	mutex_init(&vc->io_lock);

	spin_lock_irqsave(get_ccwdev_lock(ccwdev), irqfl);
	dev_set_drvdata(&ccwdev->dev, vc);
	spin_unlock_irqrestore(get_ccwdev_lock(ccwdev), irqfl);
	vc->vdev.id.vendor = ccwdev->id.cu_type;
	vc->vdev.id.device = ccwdev->id.cu_model;

	ret = virtio_ccw_set_transport_rev(vc);
	if (ret)
		goto out_free;
	ret = register_virtio_device(&vc->vdev);
	if (ret)
		goto out_put;
	return 0;

out_put:
	virtio_grab_drvdata(ccwdev);
	put_device(&vc->vdev.dev);
	return ret;
out_free:
	virtio_grab_drvdata(ccwdev);
	kfree(vc);
	return ret;
}

static int virtio_ccw_cio_notify(struct ccw_device *ccwdev, int event)
{
	struct virtio_ccw_device *vc = dev_get_drvdata(&ccwdev->dev);

	if (!vc)
		return NOTIFY_OK;
	if (event == CIO_GONE)
		virtio_break_device(&vc->vdev);
	return NOTIFY_OK;
}

static struct ccw_device_id virtio_ids[] = {
	{ CCW_DEVICE(0x3832, 0) },
	{},
};

static struct ccw_driver virtio_ccw_driver = {
	.driver = {
		.owner = THIS_MODULE,
		.name = "virtio_ccw",
	},
	.ids		= virtio_ids,
	.probe		= virtio_ccw_probe,
	.remove		= virtio_ccw_remove,
	.set_offline	= virtio_ccw_offline,
	.set_online	= virtio_ccw_online,
	.notify		= virtio_ccw_cio_notify,
	.int_class	= IRQIO_VIR,
};
module_ccw_driver(virtio_ccw_driver);
