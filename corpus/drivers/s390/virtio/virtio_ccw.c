/*
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

static inline struct virtio_ccw_device *to_vc_device(struct virtio_device *vdev)
{
	return container_of(vdev, struct virtio_ccw_device, vdev);
}

/* ---- running a channel program ---- */

/* Is the I/O FLAG still running?  The wait condition of ccw_io_helper. */
static int doing_io(struct virtio_ccw_device *vcdev, __u32 flag)
{
	unsigned long flags;
	__u32 busy;

	spin_lock_irqsave(get_ccwdev_lock(vcdev->cdev), flags);
	busy = vcdev->err ? 0 : (vcdev->curr_io & flag);
	spin_unlock_irqrestore(get_ccwdev_lock(vcdev->cdev), flags);
	return busy;
}

/*
 * Start CCW and sleep until the interrupt handler has seen it end.  Takes
 * the ccw device lock (which is the subchannel lock), so it must never be
 * reached from the cio interrupt path.
 */
static int ccw_io_helper(struct virtio_ccw_device *vcdev, struct ccw1 *ccw, __u32 intparm)
{
	unsigned long flags;
	int flag = intparm & VIRTIO_CCW_INTPARM_MASK;
	int ret;

	/* expect@+1(bytype-airq-ccw): sleep-in-atomic resolved by type (2 candidates */
	mutex_lock(&vcdev->io_lock); /* expect(balloon-ccw-2019,balloon-2019-ccw-pci,vq-callback-ccw,airq-ccw): sleep-in-atomic mutex_lock */
	do {
		/* expect@+3(balloon-ccw-2019,balloon-2019-ccw-pci,vq-callback-ccw): recursive-lock *ccw_device.ccwlock */
		/* expect@+2(balloon-ccw-2019,balloon-2019-ccw-pci,vq-callback-ccw): lock-order virtio_ccw_device.io_lock */
		/* expect@+1(balloon-ccw-2019,balloon-2019-ccw-pci): lock-order virtio_device.config_lock */
		spin_lock_irqsave(get_ccwdev_lock(vcdev->cdev), flags);
		ret = ccw_device_start(vcdev->cdev, ccw, intparm, 0, 0);
		if (!ret) {
			if (!vcdev->curr_io)
				vcdev->err = 0;
			vcdev->curr_io |= flag;
		}
		spin_unlock_irqrestore(get_ccwdev_lock(vcdev->cdev), flags);
		cpu_relax();
	} while (ret == -EBUSY);
	/* expect@+1(bytype-airq-ccw): sleep-in-atomic resolved by type (2 candidates */
	wait_event(vcdev->wait_q, doing_io(vcdev, flag) == 0); /* expect(balloon-ccw-2019,balloon-2019-ccw-pci,vq-callback-ccw,airq-ccw): sleep-in-atomic hardirq */
	if (!ret)
		ret = vcdev->err;
	mutex_unlock(&vcdev->io_lock);
	return ret;
}

/* ---- virtqueues ---- */

static bool virtio_ccw_kvm_notify(struct virtqueue *vq)
{
	struct virtio_ccw_vq_info *info = vq->priv;
	struct virtio_ccw_device *vcdev = to_vc_device(vq->vdev);
	struct subchannel_id schid;

	ccw_device_get_schid(vcdev->cdev, &schid);
	info->cookie = kvm_hypercall3(KVM_S390_VIRTIO_CCW_NOTIFY, schid.sch_no, vq->index,
				      info->cookie);
	return info->cookie >= 0;
}

static int virtio_ccw_read_vq_conf(struct virtio_ccw_device *vcdev, struct ccw1 *ccw, int index)
{
	struct vq_info_block *conf;
	int ret, num = 0;

	conf = kzalloc(sizeof(*conf), GFP_DMA | GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	conf->index = index;
	ccw->cmd_code = CCW_CMD_READ_VQ_CONF;
	ccw->flags = 0;
	ccw->count = sizeof(*conf);
	ccw->cda = (__u32)(unsigned long)conf;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_READ_VQ_CONF);
	if (!ret)
		num = conf->num;
	kfree(conf);
	return ret ? ret : num;
}

static void virtio_ccw_del_vq(struct virtqueue *vq, struct ccw1 *ccw)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vq->vdev);
	struct virtio_ccw_vq_info *info = vq->priv;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&vcdev->lock, flags);
	list_del(&info->node);
#ifdef VIRTIO_CCW_DEL_VQ_CLEARS_INDICATOR
	/*
	 * abba-ccw's hypothetical change: no notification for this queue may be
	 * handled any more, so clear its indicator under the ccw device lock -
	 * inside vcdev->lock, while the interrupt handler takes vcdev->lock
	 * (virtio_ccw_vq_by_ind) under the subchannel lock, the same lock.
	 */
	/* expect@+1(abba-ccw): lock-order *ccw_device.ccwlock is acquired while virtio_ccw_device.lock is held */
	spin_lock(get_ccwdev_lock(vcdev->cdev));
	clear_bit(vq->index, &vcdev->indicators);
	spin_unlock(get_ccwdev_lock(vcdev->cdev));
#endif
	spin_unlock_irqrestore(&vcdev->lock, flags);

	/* tell the host the queue is gone */
	info->info_block->queue = 0;
	info->info_block->index = vq->index;
	ccw->cmd_code = CCW_CMD_SET_VQ;
	ccw->flags = 0;
	ccw->count = sizeof(*info->info_block);
	ccw->cda = (__u32)(unsigned long)info->info_block;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_SET_VQ | vq->index);
	if (ret)
		dev_warn(&vq->vdev->dev, "releasing queue %u failed: %d\n", vq->index, ret);

	vring_del_virtqueue(vq);
	kfree(info->info_block);
	kfree(info);
}

static void virtio_ccw_del_vqs(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct virtio_ccw_vq_info *info;
	struct ccw1 *ccw;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return;
	while (!list_empty(&vcdev->virtqueues)) {
		info = list_first_entry(&vcdev->virtqueues, struct virtio_ccw_vq_info, node);
		virtio_ccw_del_vq(info->vq, ccw);
	}
	kfree(ccw);
}

static struct virtqueue *virtio_ccw_setup_vq(struct virtio_device *vdev, int i,
					     vq_callback_t *callback, const char *name,
					     struct ccw1 *ccw)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct virtio_ccw_vq_info *info;
	struct virtqueue *vq;
	unsigned long flags;
	int err;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return ERR_PTR(-ENOMEM);
	info->info_block = kzalloc(sizeof(*info->info_block), GFP_DMA | GFP_KERNEL);
	if (!info->info_block) {
		err = -ENOMEM;
		goto out_info;
	}
	info->num = virtio_ccw_read_vq_conf(vcdev, ccw, i);
	if (info->num < 0) {
		err = info->num;
		goto out_block;
	}
	vq = vring_create_virtqueue(i, info->num, VIRTIO_CCW_QUEUE_ALIGN, vdev, true, true,
				    false, virtio_ccw_kvm_notify, callback, name);
	if (!vq) {
		err = -ENOMEM;
		goto out_block;
	}
	info->vq = vq;
	vq->priv = info;

	/* tell the host where the queue is */
	info->info_block->queue = (__u64)(unsigned long)virtqueue_get_desc_addr_of(vq);
	info->info_block->align = VIRTIO_CCW_QUEUE_ALIGN;
	info->info_block->index = i;
	info->info_block->num = info->num;
	ccw->cmd_code = CCW_CMD_SET_VQ;
	ccw->flags = 0;
	ccw->count = sizeof(*info->info_block);
	ccw->cda = (__u32)(unsigned long)info->info_block;
	err = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_SET_VQ | i);
	if (err) {
		vring_del_virtqueue(vq);
		goto out_block;
	}

	spin_lock_irqsave(&vcdev->lock, flags);
	list_add(&info->node, &vcdev->virtqueues);
	spin_unlock_irqrestore(&vcdev->lock, flags);
	return vq;

out_block:
	kfree(info->info_block);
out_info:
	kfree(info);
	return ERR_PTR(err);
}

/* Tell the host where to flag queue notifications and config changes. */
static int virtio_ccw_register_indicators(struct virtio_ccw_device *vcdev, struct ccw1 *ccw)
{
	unsigned long *indicatorp;
	int ret;

	indicatorp = kmalloc(sizeof(*indicatorp), GFP_DMA | GFP_KERNEL);
	if (!indicatorp)
		return -ENOMEM;

	*indicatorp = (unsigned long)&vcdev->indicators;
	vcdev->indicators = 0;
	ccw->cmd_code = CCW_CMD_SET_IND;
	ccw->flags = 0;
	ccw->count = sizeof(*indicatorp);
	ccw->cda = (__u32)(unsigned long)indicatorp;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_SET_IND);
	if (ret)
		goto out;

	*indicatorp = (unsigned long)&vcdev->indicators2;
	vcdev->indicators2 = 0;
	ccw->cmd_code = CCW_CMD_SET_CONF_IND;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_SET_CONF_IND);
out:
	kfree(indicatorp);
	return ret;
}

static int virtio_ccw_find_vqs(struct virtio_device *vdev, unsigned int nvqs,
			       struct virtqueue *vqs[], vq_callback_t *callbacks[],
			       const char * const names[], const bool *ctx,
			       struct irq_affinity *desc)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct ccw1 *ccw;
	unsigned int i;
	int ret;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return -ENOMEM;
	for (i = 0; i < nvqs; ++i) {
		vqs[i] = virtio_ccw_setup_vq(vdev, i, callbacks[i], names[i], ccw);
		if (IS_ERR(vqs[i])) {
			ret = PTR_ERR(vqs[i]);
			vqs[i] = NULL;
			goto out;
		}
	}
	ret = virtio_ccw_register_indicators(vcdev, ccw);
	if (!ret) {
		kfree(ccw);
		return 0;
	}
out:
	kfree(ccw);
	virtio_ccw_del_vqs(vdev);
	return ret;
}

/* ---- the config ops ---- */

static void virtio_ccw_reset(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct ccw1 *ccw;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return;
	vcdev->status = 0;
	ccw->cmd_code = CCW_CMD_VDEV_RESET;
	ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_RESET);
	kfree(ccw);
}

static u64 virtio_ccw_get_features(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct { __le32 features; u8 index; } __packed *feat;
	struct ccw1 *ccw;
	u64 features = 0;
	int half;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	feat = kzalloc(sizeof(*feat), GFP_DMA | GFP_KERNEL);
	if (!ccw || !feat)
		goto out;
	for (half = 0; half < (vcdev->revision ? 2 : 1); half++) {
		feat->index = half;
		ccw->cmd_code = CCW_CMD_READ_FEAT;
		ccw->count = sizeof(*feat);
		ccw->cda = (__u32)(unsigned long)feat;
		if (ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_READ_FEAT))
			break;
		features |= (u64)feat->features << (32 * half);
	}
out:
	kfree(feat);
	kfree(ccw);
	return features;
}

static int virtio_ccw_finalize_features(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct { __le32 features; u8 index; } __packed *feat;
	struct ccw1 *ccw;
	int half, ret = -ENOMEM;

	vring_transport_features(vdev);
	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	feat = kzalloc(sizeof(*feat), GFP_DMA | GFP_KERNEL);
	if (!ccw || !feat)
		goto out;
	for (half = 0; half < (vcdev->revision ? 2 : 1); half++) {
		feat->index = half;
		feat->features = (u32)(vdev->features >> (32 * half));
		ccw->cmd_code = CCW_CMD_WRITE_FEAT;
		ccw->count = sizeof(*feat);
		ccw->cda = (__u32)(unsigned long)feat;
		ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_WRITE_FEAT);
		if (ret)
			break;
	}
out:
	kfree(feat);
	kfree(ccw);
	return ret;
}

/* config_ops.get: a READ_CONF channel program - takes the ccw device lock and sleeps. */
static void virtio_ccw_get_config(struct virtio_device *vdev, unsigned int offset,
				  void *buf, unsigned int len)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct ccw1 *ccw;
	void *config_area;
	unsigned long flags;
	int ret;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return;
	config_area = kzalloc(VIRTIO_CCW_CONFIG_SIZE, GFP_DMA | GFP_KERNEL);
	if (!config_area)
		goto out_free;

	ccw->cmd_code = CCW_CMD_READ_CONF;
	ccw->flags = 0;
	ccw->count = offset + len;
	ccw->cda = (__u32)(unsigned long)config_area;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_READ_CONFIG);
	if (ret)
		goto out_free;

	spin_lock_irqsave(&vcdev->lock, flags);
	memcpy(vcdev->config, config_area, offset + len);
	if (vcdev->config_ready < offset + len)
		vcdev->config_ready = offset + len;
	spin_unlock_irqrestore(&vcdev->lock, flags);
	if (buf)
		memcpy(buf, config_area + offset, len);

out_free:
	kfree(config_area);
	kfree(ccw);
}

static void virtio_ccw_set_config(struct virtio_device *vdev, unsigned int offset,
				  const void *buf, unsigned int len)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	struct ccw1 *ccw;
	void *config_area;
	unsigned long flags;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return;
	config_area = kzalloc(VIRTIO_CCW_CONFIG_SIZE, GFP_DMA | GFP_KERNEL);
	if (!config_area)
		goto out_free;

	/* the host writes the whole area: fetch what we do not overwrite */
	if (vcdev->config_ready < offset)
		virtio_ccw_get_config(vdev, 0, NULL, offset);
	spin_lock_irqsave(&vcdev->lock, flags);
	memcpy(&vcdev->config[offset], buf, len);
	memcpy(config_area, vcdev->config, sizeof(vcdev->config));
	spin_unlock_irqrestore(&vcdev->lock, flags);

	ccw->cmd_code = CCW_CMD_WRITE_CONF;
	ccw->flags = 0;
	ccw->count = offset + len;
	ccw->cda = (__u32)(unsigned long)config_area;
	ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_WRITE_CONFIG);

out_free:
	kfree(config_area);
	kfree(ccw);
}

static u8 virtio_ccw_get_status(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	u8 old_status = vcdev->status;
	struct ccw1 *ccw;

	if (vcdev->revision < 2)
		return vcdev->status;
	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return old_status;
	ccw->cmd_code = CCW_CMD_READ_STATUS;
	ccw->flags = 0;
	ccw->count = sizeof(vcdev->status);
	ccw->cda = (__u32)(unsigned long)&vcdev->status;
	ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_READ_STATUS);
	kfree(ccw);
	return vcdev->status;
}

static void virtio_ccw_set_status(struct virtio_device *vdev, u8 status)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);
	u8 old_status = vcdev->status;
	struct ccw1 *ccw;
	int ret;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return;
	vcdev->status = status;
	ccw->cmd_code = CCW_CMD_WRITE_STATUS;
	ccw->flags = 0;
	ccw->count = sizeof(status);
	ccw->cda = (__u32)(unsigned long)&vcdev->status;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_WRITE_STATUS);
	if (ret)
		vcdev->status = old_status;	/* the host refused: keep what it has */
	kfree(ccw);
}

static const char *virtio_ccw_bus_name(struct virtio_device *vdev)
{
	struct virtio_ccw_device *vcdev = to_vc_device(vdev);

	return dev_name(&vcdev->cdev->dev);
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

/* The I/O in ACTIVITY ended: wake ccw_io_helper. */
static void virtio_ccw_check_activity(struct virtio_ccw_device *vcdev, __u32 activity)
{
	if (!(vcdev->curr_io & activity))
		return;
	switch (activity) {
	case VIRTIO_CCW_DOING_READ_FEAT:
	case VIRTIO_CCW_DOING_WRITE_FEAT:
	case VIRTIO_CCW_DOING_READ_CONFIG:
	case VIRTIO_CCW_DOING_WRITE_CONFIG:
	case VIRTIO_CCW_DOING_WRITE_STATUS:
	case VIRTIO_CCW_DOING_READ_STATUS:
	case VIRTIO_CCW_DOING_SET_VQ:
	case VIRTIO_CCW_DOING_SET_IND:
	case VIRTIO_CCW_DOING_SET_CONF_IND:
	case VIRTIO_CCW_DOING_RESET:
	case VIRTIO_CCW_DOING_READ_VQ_CONF:
	case VIRTIO_CCW_DOING_SET_VIRTIO_REV:
		vcdev->curr_io &= ~activity;
		wake_up(&vcdev->wait_q);
		break;
	default:
		dev_warn(&vcdev->cdev->dev, "unexpected activity %08x\n", activity);
		WARN_ON(1);
		break;
	}
}

static struct virtqueue *virtio_ccw_vq_by_ind(struct virtio_ccw_device *vcdev, int index)
{
	struct virtio_ccw_vq_info *info;
	struct virtqueue *vq = NULL;
	unsigned long flags;

	spin_lock_irqsave(&vcdev->lock, flags);
	list_for_each_entry(info, &vcdev->virtqueues, node) {
		if (info->vq->index == index) {
			vq = info->vq;
			break;
		}
	}
	spin_unlock_irqrestore(&vcdev->lock, flags);
	return vq;
}

static void virtio_ccw_int_handler(struct ccw_device *cdev, unsigned long intparm,
				   struct irb *irb)
{
	struct virtio_ccw_device *vcdev = dev_get_drvdata(&cdev->dev);
	__u32 activity = intparm & VIRTIO_CCW_INTPARM_MASK;
	struct virtqueue *vq;
	int i;

	if (!vcdev)
		return;
	if (IS_ERR(irb)) {
		vcdev->err = PTR_ERR(irb);
		virtio_ccw_check_activity(vcdev, activity);
		return;
	}
	if (irb_is_error(irb)) {
		if ((scsw_dstat(&irb->scsw) & DEV_STAT_UNIT_CHECK) &&
		    (irb->ecw[0] & SNS0_CMD_REJECT))
			vcdev->err = -EOPNOTSUPP;
		else
			vcdev->err = -EIO;
	}
	virtio_ccw_check_activity(vcdev, activity);

	/* used buffers: run the queues' callbacks */
	for (i = 0; i < BITS_PER_LONG; i++) {
		if (!test_bit(i, &vcdev->indicators))
			continue;
		clear_bit(i, &vcdev->indicators);
		barrier();
		vq = virtio_ccw_vq_by_ind(vcdev, i);
		if (vq)
			vring_interrupt(0, vq);
	}
	/* the host changed the device configuration: tell the driver now */
	if (test_bit(0, &vcdev->indicators2)) {
		virtio_config_changed(&vcdev->vdev);
		clear_bit(0, &vcdev->indicators2);
	}
}

/* ---- the ccw driver ---- */

static bool virtio_ccw_auto_online_enabled = true;

static void virtio_ccw_auto_online(void *data, async_cookie_t cookie)
{
	struct ccw_device *cdev = data;
	int ret;

	ret = ccw_device_set_online(cdev);
	if (ret)
		dev_warn(&cdev->dev, "failed to set online: %d\n", ret);
}

static int virtio_ccw_probe(struct ccw_device *cdev)
{
	cdev->handler = virtio_ccw_int_handler;
	if (virtio_ccw_auto_online_enabled && !cdev->online)
		async_schedule(virtio_ccw_auto_online, cdev);
	return 0;
}

static struct virtio_ccw_device *virtio_grab_drvdata(struct ccw_device *cdev)
{
	struct virtio_ccw_device *vcdev;
	unsigned long flags;

	spin_lock_irqsave(get_ccwdev_lock(cdev), flags);
	vcdev = dev_get_drvdata(&cdev->dev);
	dev_set_drvdata(&cdev->dev, NULL);
	spin_unlock_irqrestore(get_ccwdev_lock(cdev), flags);
	return vcdev;
}

static void virtio_ccw_remove(struct ccw_device *cdev)
{
	struct virtio_ccw_device *vcdev = virtio_grab_drvdata(cdev);

	if (vcdev && cdev->online)
		unregister_virtio_device(&vcdev->vdev);
	cdev->handler = NULL;
}

static int virtio_ccw_offline(struct ccw_device *cdev)
{
	struct virtio_ccw_device *vcdev = virtio_grab_drvdata(cdev);

	if (vcdev)
		unregister_virtio_device(&vcdev->vdev);
	return 0;
}

static int virtio_ccw_set_transport_rev(struct virtio_ccw_device *vcdev)
{
	struct virtio_rev_info *rev;
	struct ccw1 *ccw;
	int ret;

	ccw = kzalloc(sizeof(*ccw), GFP_DMA | GFP_KERNEL);
	if (!ccw)
		return -ENOMEM;
	rev = kzalloc(sizeof(*rev), GFP_DMA | GFP_KERNEL);
	if (!rev) {
		kfree(ccw);
		return -ENOMEM;
	}
	ccw->cmd_code = CCW_CMD_SET_VIRTIO_REV;
	ccw->flags = 0;
	ccw->count = sizeof(*rev);
	ccw->cda = (__u32)(unsigned long)rev;
	vcdev->revision = 1;
	rev->revision = vcdev->revision;
	ret = ccw_io_helper(vcdev, ccw, VIRTIO_CCW_DOING_SET_VIRTIO_REV);
	if (ret == -EOPNOTSUPP) {
		/* legacy host */
		vcdev->revision = 0;
		ret = 0;
	}
	kfree(rev);
	kfree(ccw);
	return ret;
}

static void virtio_ccw_release_dev(struct device *_d)
{
	struct virtio_device *dev = dev_to_virtio(_d);

	kfree(to_vc_device(dev));
}

/* ccw_driver.set_online: build the virtio device and register it with the core. */
static int virtio_ccw_online(struct ccw_device *cdev)
{
	struct virtio_ccw_device *vcdev;
	unsigned long flags;
	int ret;

	vcdev = kzalloc(sizeof(*vcdev), GFP_KERNEL);
	if (!vcdev)
		return -ENOMEM;
	vcdev->vdev.dev.parent = &cdev->dev;
	vcdev->vdev.dev.release = virtio_ccw_release_dev;
	vcdev->vdev.config = &virtio_ccw_config_ops;
	vcdev->cdev = cdev;
	init_waitqueue_head(&vcdev->wait_q);
	INIT_LIST_HEAD(&vcdev->virtqueues);
	spin_lock_init(&vcdev->lock);
	mutex_init(&vcdev->io_lock);

	spin_lock_irqsave(get_ccwdev_lock(cdev), flags);
	dev_set_drvdata(&cdev->dev, vcdev);
	spin_unlock_irqrestore(get_ccwdev_lock(cdev), flags);
	vcdev->vdev.id.vendor = cdev->id.cu_type;
	vcdev->vdev.id.device = cdev->id.cu_model;

	ret = virtio_ccw_set_transport_rev(vcdev);
	if (ret)
		goto out_free;
	ret = register_virtio_device(&vcdev->vdev);
	if (ret)
		goto out_put;
	return 0;

out_put:
	virtio_grab_drvdata(cdev);
	put_device(&vcdev->vdev.dev);
	return ret;
out_free:
	virtio_grab_drvdata(cdev);
	kfree(vcdev);
	return ret;
}

static int virtio_ccw_cio_notify(struct ccw_device *cdev, int event)
{
	struct virtio_ccw_device *vcdev = dev_get_drvdata(&cdev->dev);

	if (!vcdev)
		return NOTIFY_OK;
	if (event == CIO_GONE)
		virtio_break_device(&vcdev->vdev);
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
