/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_blk.c - corpus model of drivers/block/virtio_blk.c.
 *
 * The driver that was never affected: its config_changed callback,
 * virtblk_config_changed(), only queues config_work; the work function
 * re-reads the capacity with virtio_cread() in process context, with no
 * lock held.  Its virtqueue callback virtblk_done() runs in the
 * transport's interrupt path and takes the queue's own lock
 * (virtio_blk_vq.lock), which queue_rq takes with irqsave too.  The
 * blk-ccw tree expects no findings.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/scatterlist.h>
#include <linux/module.h>
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_blk.h>

#define VQ_NAME_LEN 16

/* One request queue of the disk, backed by one virtqueue. */
struct virtio_blk_vq {
	struct virtqueue *vq;
	spinlock_t lock;		/* the virtqueue: submission and completion */
	char name[VQ_NAME_LEN];
};

struct virtio_blk {
	struct mutex vdev_mutex;	/* vdev goes away under it on removal */
	struct virtio_device *vdev;
	struct gendisk *disk;
	struct blk_mq_tag_set tag_set;
	struct work_struct config_work;	/* capacity re-read, process context */
	int num_vqs;
	struct virtio_blk_vq *vqs;
};

/* The driver's part of a blk-mq request (tag_set.cmd_size). */
struct virtblk_req {
	struct virtio_blk_outhdr out_hdr;
	u8 status;
	struct scatterlist sg[2];
};

static struct workqueue_struct *virtblk_wq;
static int major;

/* Queue the request as two buffers: the header out, the status byte in. */
static int virtblk_add_req(struct virtqueue *q, struct virtblk_req *r)
{
	struct scatterlist out, in, *bufs[2] = { &out, &in };

	sg_init_one(&out, &r->out_hdr, sizeof(r->out_hdr));
	sg_init_one(&in, &r->status, sizeof(r->status));
	return virtqueue_add_sgs(q, bufs, 1, 1, r, GFP_ATOMIC);
}

static void virtblk_request_done(struct request *rq)
{
	struct virtblk_req *r = blk_mq_rq_to_pdu(rq);
	blk_status_t st = BLK_STS_IOERR;

	if (r->status == VIRTIO_BLK_S_OK)
		st = BLK_STS_OK;
	blk_mq_end_request(rq, st);
}

/* virtqueue callback, on the transport's interrupt path. */
static void virtblk_done(struct virtqueue *q)
{
	struct virtio_blk *blk = q->vdev->priv;
	struct virtio_blk_vq *bq = &blk->vqs[q->index];
	struct virtblk_req *r;
	unsigned long irqfl;
	unsigned int used;

	spin_lock_irqsave(&bq->lock, irqfl);
	for (;;) {
		virtqueue_disable_cb(q);
		/* complete everything the device has used so far */
		for (r = virtqueue_get_buf(bq->vq, &used); r; r = virtqueue_get_buf(bq->vq, &used)) {
			struct request *rq = blk_mq_rq_from_pdu(r);

			if (!blk_mq_complete_request_remote(rq))
				virtblk_request_done(rq);
		}
		if (virtqueue_is_broken(q) || virtqueue_enable_cb(q))
			break;
	}
	spin_unlock_irqrestore(&bq->lock, irqfl);
}

static void virtio_commit_rqs(struct blk_mq_hw_ctx *hctx)
{
	struct virtio_blk *blk = hctx->driver_data;
	struct virtio_blk_vq *bq = blk->vqs + hctx->queue_num;
	bool need_notify;

	spin_lock_irq(&bq->lock);
	need_notify = virtqueue_kick_prepare(bq->vq);
	spin_unlock_irq(&bq->lock);
	if (need_notify)
		virtqueue_notify(bq->vq);
}

static blk_status_t virtio_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *qd)
{
	struct virtio_blk *blk = hctx->driver_data;
	struct virtio_blk_vq *bq = blk->vqs + hctx->queue_num;
	struct request *rq = qd->rq;
	struct virtblk_req *r = blk_mq_rq_to_pdu(rq);
	unsigned long irqfl;
	bool need_notify;
	int rc;

	r->out_hdr.type = VIRTIO_BLK_T_IN;
	r->out_hdr.sector = rq->sector;
	r->out_hdr.ioprio = 0;
	blk_mq_start_request(rq);

	spin_lock_irqsave(&bq->lock, irqfl);
	rc = virtblk_add_req(bq->vq, r);
	if (rc != 0) {
		/* full (or broken): push out what is queued, stop if full */
		virtqueue_kick(bq->vq);
		if (rc == -ENOSPC)
			blk_mq_stop_hw_queue(hctx);
		spin_unlock_irqrestore(&bq->lock, irqfl);
		return rc == -ENOSPC ? BLK_STS_RESOURCE : BLK_STS_IOERR;
	}
	need_notify = qd->last && virtqueue_kick_prepare(bq->vq);
	spin_unlock_irqrestore(&bq->lock, irqfl);

	if (need_notify)
		virtqueue_notify(bq->vq);
	return BLK_STS_OK;
}

static const struct blk_mq_ops virtio_mq_ops = {
	.complete	= virtblk_request_done,
	.queue_rq	= virtio_queue_rq,
	.commit_rqs	= virtio_commit_rqs,
};

/* Read the capacity from config space: process context only. */
static void virtblk_update_capacity(struct virtio_blk *blk, bool resize)
{
	u64 sectors;

	virtio_cread(blk->vdev, struct virtio_blk_config, capacity, &sectors);
	if (resize)
		dev_info(&blk->vdev->dev, "resized to %llu sectors\n", sectors);
	set_capacity_and_notify(blk->disk, sectors);
}

static void virtblk_config_changed_work(struct work_struct *w)
{
	virtblk_update_capacity(container_of(w, struct virtio_blk, config_work), true);
}

/* config_changed: nothing but a queue_work - the read happens in config_work. */
static void virtblk_config_changed(struct virtio_device *vd)
{
	struct virtio_blk *blk = vd->priv;

	queue_work(virtblk_wq, &blk->config_work);
}

static int init_vq(struct virtio_blk *blk)
{
	struct virtio_device *vd = blk->vdev;
	vq_callback_t **cbs = NULL;
	const char **qnames = NULL;
	struct virtqueue **found = NULL;
	unsigned short n;
	int i, rc;

	/* one queue unless the device offers more */
	if (virtio_cread_feature(vd, VIRTIO_BLK_F_MQ, struct virtio_blk_config, num_queues, &n))
		n = 1;

	rc = -ENOMEM;
	blk->vqs = kmalloc_array(n, sizeof(blk->vqs[0]), GFP_KERNEL);
	if (!blk->vqs)
		goto out;
	cbs = kmalloc_array(n, sizeof(cbs[0]), GFP_KERNEL);
	qnames = kmalloc_array(n, sizeof(qnames[0]), GFP_KERNEL);
	found = kmalloc_array(n, sizeof(found[0]), GFP_KERNEL);
	if (!cbs || !qnames || !found)
		goto out;
	for (i = 0; i < n; i++) {
		snprintf(blk->vqs[i].name, VQ_NAME_LEN, "req.%d", i);
		qnames[i] = blk->vqs[i].name;
		cbs[i] = virtblk_done;
	}
	rc = virtio_find_vqs(vd, n, found, cbs, qnames, NULL);
	if (rc)
		goto out;
	for (i = 0; i < n; i++) {
		blk->vqs[i].vq = found[i];
		spin_lock_init(&blk->vqs[i].lock);
	}
	blk->num_vqs = n;
out:
	kfree(found);
	kfree(cbs);
	kfree(qnames);
	if (rc) {
		kfree(blk->vqs);
		blk->vqs = NULL;
	}
	return rc;
}

static int virtblk_probe(struct virtio_device *vd)
{
	struct virtio_blk *blk = kzalloc(sizeof(*blk), GFP_KERNEL);
	struct blk_mq_tag_set *set;
	int rc;

	if (!blk)
		return -ENOMEM;
	vd->priv = blk;
	blk->vdev = vd;
	mutex_init(&blk->vdev_mutex);
	INIT_WORK(&blk->config_work, virtblk_config_changed_work);

	rc = init_vq(blk);
	if (rc) {
		kfree(blk);
		return rc;
	}

	set = &blk->tag_set;
	set->ops = &virtio_mq_ops;
	set->nr_hw_queues = blk->num_vqs;
	set->queue_depth = 128;
	set->cmd_size = sizeof(struct virtblk_req);
	set->driver_data = blk;
	rc = blk_mq_alloc_tag_set(set);
	if (rc)
		goto fail_vqs;
	blk->disk = blk_mq_alloc_disk(set, blk);
	if (!blk->disk) {
		rc = -ENOMEM;
		goto fail_tags;
	}
	blk->disk->major = major;
	blk->disk->private_data = blk;

	virtio_device_ready(vd);
	virtblk_update_capacity(blk, false);
	rc = device_add_disk(&vd->dev, blk->disk, NULL);
	if (rc == 0)
		return 0;

	put_disk(blk->disk);
fail_tags:
	blk_mq_free_tag_set(set);
fail_vqs:
	vd->config->del_vqs(vd);
	kfree(blk->vqs);
	kfree(blk);
	return rc;
}

static void virtblk_remove(struct virtio_device *vd)
{
	struct virtio_blk *blk = vd->priv;

	/* a config change queued before this point has run when flush_work returns */
	flush_work(&blk->config_work);
	del_gendisk(blk->disk);
	blk_mq_free_tag_set(&blk->tag_set);

	mutex_lock(&blk->vdev_mutex);
	vd->config->reset(vd);
	blk->vdev = NULL;
	vd->config->del_vqs(vd);
	kfree(blk->vqs);
	mutex_unlock(&blk->vdev_mutex);

	put_disk(blk->disk);
}

static const struct virtio_device_id blk_ids[] = {
	{ .device = VIRTIO_ID_BLOCK, .vendor = VIRTIO_DEV_ANY_ID },
	{ 0 }
};

static unsigned int blk_features[] = {
	VIRTIO_BLK_F_SIZE_MAX, VIRTIO_BLK_F_SEG_MAX, VIRTIO_BLK_F_RO, VIRTIO_BLK_F_BLK_SIZE,
	VIRTIO_BLK_F_FLUSH, VIRTIO_BLK_F_MQ,
};

static struct virtio_driver virtio_blk = {
	.driver.name		= "virtio_blk",
	.driver.owner		= THIS_MODULE,
	.id_table		= blk_ids,
	.feature_table		= blk_features,
	.feature_table_size	= ARRAY_SIZE(blk_features),
	.probe			= virtblk_probe,
	.remove			= virtblk_remove,
	.config_changed		= virtblk_config_changed,
};

static int __init virtio_blk_init(void)
{
	int rc = -ENOMEM;

	virtblk_wq = alloc_workqueue("virtio-blk", 0, 0);
	if (!virtblk_wq)
		return rc;
	major = register_blkdev(0, "virtblk");
	rc = major < 0 ? major : register_virtio_driver(&virtio_blk);
	if (rc == 0)
		return 0;
	if (major >= 0)
		unregister_blkdev(major, "virtblk");
	destroy_workqueue(virtblk_wq);
	return rc;
}

static void __exit virtio_blk_fini(void)
{
	unregister_virtio_driver(&virtio_blk);
	unregister_blkdev(major, "virtblk");
	destroy_workqueue(virtblk_wq);
}
module_init(virtio_blk_init);
module_exit(virtio_blk_fini);

MODULE_DEVICE_TABLE(virtio, blk_ids);
MODULE_LICENSE("GPL");
