/*
 * virtio_balloon-2019.c - corpus model of drivers/virtio/virtio_balloon.c
 * after commit 86a5597 ("virtio-balloon: VIRTIO_BALLOON_F_FREE_PAGE_HINT"),
 * as in v4.20, before the fix.
 *
 * Free page hinting made the config_changed callback read config space
 * itself: virtballoon_changed() calls towards_target() and reads
 * free_page_report_cmd_id with virtio_cread(), i.e. vdev->config->get()
 * from the transport's interrupt path, under config_lock.  Harmless on
 * virtio-pci, where a config read is a few ioread8s; on virtio-ccw it is a
 * channel program that takes the subchannel lock the interrupt path
 * already holds.  The finding is reported in virtio_ccw.c (ccw_io_helper),
 * for the balloon-ccw-2019 tree only; this file itself expects nothing.
 * (The v4.20 callback could also hand hinted pages back to mm; that branch
 * is left out.)
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/balloon_compaction.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_balloon.h>

/* Balloon pages are 4k, whatever the guest's page size. */
#define VIRTIO_BALLOON_PAGES_PER_PAGE	(unsigned int)(PAGE_SIZE >> VIRTIO_BALLOON_PFN_SHIFT)
#define VIRTIO_BALLOON_ARRAY_PFNS_MAX	256

struct virtio_balloon {
	struct virtio_device *vdev;
	struct virtqueue *inflate_vq, *deflate_vq, *stats_vq, *free_page_vq;

	struct work_struct update_balloon_stats_work;
	struct work_struct update_balloon_size_work;

	/* free page hinting */
	struct workqueue_struct *balloon_wq;
	struct work_struct report_free_page_work;
	u32 cmd_id_received;		/* the host's latest command id */
	__virtio32 cmd_id_active;	/* the id of the report in progress */
	__virtio32 cmd_id_stop;

	/* Set on removal; no more work may be queued after that. */
	spinlock_t stop_update_lock;
	bool stop_update;

	wait_queue_head_t acked;	/* the host used a buffer */
	unsigned int num_pages;		/* in 4k pages */
	struct balloon_dev_info vb_dev_info;
	struct mutex balloon_lock;	/* one inflate/deflate at a time */

	unsigned int num_pfns;
	__virtio32 pfns[VIRTIO_BALLOON_ARRAY_PFNS_MAX];
	struct virtio_balloon_stat stats[VIRTIO_BALLOON_S_NR];
};

static const struct virtio_device_id id_table[] = {
	{ VIRTIO_ID_BALLOON, VIRTIO_DEV_ANY_ID },
	{ 0 },
};

/* vq callback of the inflate and deflate queues (hardirq). */
static void balloon_ack(struct virtqueue *vq)
{
	struct virtio_balloon *vb = vq->vdev->priv;

	wake_up(&vb->acked);
}

static void tell_host(struct virtio_balloon *vb, struct virtqueue *vq)
{
	struct scatterlist sg;
	unsigned int len;

	sg_init_one(&sg, vb->pfns, sizeof(vb->pfns[0]) * vb->num_pfns);
	virtqueue_add_outbuf(vq, &sg, 1, vb, GFP_KERNEL);
	virtqueue_kick(vq);
	/* the host acks by using the buffer */
	wait_event(vb->acked, virtqueue_get_buf(vq, &len));
}

static void set_page_pfns(struct virtio_balloon *vb, __virtio32 pfns[], struct page *page)
{
	unsigned long pfn = page_to_pfn(page) << (PAGE_SHIFT - VIRTIO_BALLOON_PFN_SHIFT);
	unsigned int i;

	for (i = 0; i < VIRTIO_BALLOON_PAGES_PER_PAGE; i++)
		pfns[i] = (__virtio32)(pfn + i);
}

static unsigned int fill_balloon(struct virtio_balloon *vb, size_t num)
{
	unsigned int num_allocated = 0;
	struct page *page;

	num = min(num, (size_t)VIRTIO_BALLOON_ARRAY_PFNS_MAX);
	mutex_lock(&vb->balloon_lock);
	for (vb->num_pfns = 0; vb->num_pfns < num;
	     vb->num_pfns += VIRTIO_BALLOON_PAGES_PER_PAGE) {
		page = balloon_page_alloc();
		if (!page)
			break;
		balloon_page_enqueue(&vb->vb_dev_info, page);
		set_page_pfns(vb, vb->pfns + vb->num_pfns, page);
		vb->num_pages += VIRTIO_BALLOON_PAGES_PER_PAGE;
		adjust_managed_page_count(page, -1);
		num_allocated += VIRTIO_BALLOON_PAGES_PER_PAGE;
	}
	if (vb->num_pfns)
		tell_host(vb, vb->inflate_vq);
	mutex_unlock(&vb->balloon_lock);
	return num_allocated;
}

static unsigned int leak_balloon(struct virtio_balloon *vb, size_t num)
{
	unsigned int num_freed = 0;
	struct page *page;

	num = min(num, (size_t)VIRTIO_BALLOON_ARRAY_PFNS_MAX);
	mutex_lock(&vb->balloon_lock);
	num = min(num, (size_t)vb->num_pages);
	for (vb->num_pfns = 0; vb->num_pfns < num;
	     vb->num_pfns += VIRTIO_BALLOON_PAGES_PER_PAGE) {
		page = balloon_page_dequeue(&vb->vb_dev_info);
		if (!page)
			break;
		set_page_pfns(vb, vb->pfns + vb->num_pfns, page);
		vb->num_pages -= VIRTIO_BALLOON_PAGES_PER_PAGE;
		adjust_managed_page_count(page, 1);
		__free_page(page);
		num_freed += VIRTIO_BALLOON_PAGES_PER_PAGE;
	}
	if (vb->num_pfns)
		tell_host(vb, vb->deflate_vq);
	mutex_unlock(&vb->balloon_lock);
	return num_freed;
}

static void update_balloon_stats(struct virtio_balloon *vb)
{
	vb->stats[0].tag = VIRTIO_BALLOON_S_MEMTOT;
	vb->stats[0].val = (__virtio64)totalram_pages() << PAGE_SHIFT;
}

/* vq callback of the stats queue (hardirq): the host wants statistics. */
static void stats_request(struct virtqueue *vq)
{
	struct virtio_balloon *vb = vq->vdev->priv;

	spin_lock(&vb->stop_update_lock);
	if (!vb->stop_update)
		queue_work(system_freezable_wq, &vb->update_balloon_stats_work);
	spin_unlock(&vb->stop_update_lock);
}

static void stats_handle_request(struct virtio_balloon *vb)
{
	struct virtqueue *vq = vb->stats_vq;
	struct scatterlist sg;
	unsigned int len;

	update_balloon_stats(vb);
	if (!virtqueue_get_buf(vq, &len))
		return;
	sg_init_one(&sg, vb->stats, sizeof(vb->stats));
	virtqueue_add_outbuf(vq, &sg, 1, vb, GFP_KERNEL);
	virtqueue_kick(vq);
}

/* How far the host's target is from what we have: a config read. */
static s64 towards_target(struct virtio_balloon *vb)
{
	u32 num_pages;

	virtio_cread(vb->vdev, struct virtio_balloon_config, num_pages, &num_pages);
	return (s64)num_pages - vb->num_pages;
}

static void update_balloon_size(struct virtio_balloon *vb)
{
	u32 actual = vb->num_pages;

	virtio_cwrite(vb->vdev, struct virtio_balloon_config, actual, &actual);
}

/*
 * config_changed, called by virtio_config_changed() with config_lock held
 * from the transport's interrupt handler.  Both config reads below happen
 * right here, in that context.
 */
static void virtballoon_changed(struct virtio_device *vdev)
{
	struct virtio_balloon *vb = vdev->priv;
	unsigned long flags;
	s64 diff = towards_target(vb);

	if (diff) {
		spin_lock_irqsave(&vb->stop_update_lock, flags);
		if (!vb->stop_update)
			queue_work(system_freezable_wq, &vb->update_balloon_size_work);
		spin_unlock_irqrestore(&vb->stop_update_lock, flags);
	}

	if (virtio_has_feature(vdev, VIRTIO_BALLOON_F_FREE_PAGE_HINT)) {
		virtio_cread(vdev, struct virtio_balloon_config, free_page_report_cmd_id,
			     &vb->cmd_id_received);
		if (vb->cmd_id_received != VIRTIO_BALLOON_CMD_ID_STOP &&
		    vb->cmd_id_received != vb->cmd_id_active) {
			spin_lock_irqsave(&vb->stop_update_lock, flags);
			if (!vb->stop_update)
				queue_work(vb->balloon_wq, &vb->report_free_page_work);
			spin_unlock_irqrestore(&vb->stop_update_lock, flags);
		}
	}
}

static void update_balloon_stats_func(struct work_struct *work)
{
	struct virtio_balloon *vb = container_of(work, struct virtio_balloon,
						 update_balloon_stats_work);

	stats_handle_request(vb);
}

static void update_balloon_size_func(struct work_struct *work)
{
	struct virtio_balloon *vb = container_of(work, struct virtio_balloon,
						 update_balloon_size_work);
	s64 diff = towards_target(vb);

	if (!diff)
		return;
	if (diff > 0)
		diff -= fill_balloon(vb, diff);
	else
		diff += leak_balloon(vb, -diff);
	update_balloon_size(vb);
	if (diff)
		queue_work(system_freezable_wq, work);
}

/* ---- free page hinting: report free pages to the host, from a work item ---- */

static int send_cmd_id(struct virtio_balloon *vb, __virtio32 *cmd_id)
{
	struct virtqueue *vq = vb->free_page_vq;
	struct scatterlist sg;
	unsigned int len;
	int err;

	/* reclaim the buffers the host has used */
	while (virtqueue_get_buf(vq, &len))
		;
	sg_init_one(&sg, cmd_id, sizeof(*cmd_id));
	err = virtqueue_add_outbuf(vq, &sg, 1, vb, GFP_KERNEL);
	if (!err)
		virtqueue_kick(vq);
	return err;
}

static int get_free_page_and_send(struct virtio_balloon *vb)
{
	struct virtqueue *vq = vb->free_page_vq;
	struct scatterlist sg;
	struct page *page;
	int err;

	page = alloc_pages(GFP_NOWAIT | __GFP_NOWARN, 0);
	if (!page)
		return -ENOMEM;
	sg_init_one(&sg, page_address(page), PAGE_SIZE);
	err = virtqueue_add_inbuf(vq, &sg, 1, page, GFP_KERNEL);
	if (err) {
		__free_page(page);
		return err;
	}
	virtqueue_kick(vq);
	return 0;
}

static void report_free_page_func(struct work_struct *work)
{
	struct virtio_balloon *vb = container_of(work, struct virtio_balloon,
						 report_free_page_work);

	vb->cmd_id_active = vb->cmd_id_received;
	if (send_cmd_id(vb, &vb->cmd_id_active))
		return;
	while (vb->cmd_id_received == vb->cmd_id_active && !get_free_page_and_send(vb))
		cond_resched();
	vb->cmd_id_stop = VIRTIO_BALLOON_CMD_ID_STOP;
	send_cmd_id(vb, &vb->cmd_id_stop);
}

static int init_vqs(struct virtio_balloon *vb)
{
	struct virtqueue *vqs[4];
	vq_callback_t *callbacks[] = { balloon_ack, balloon_ack, stats_request, NULL };
	static const char * const names[] = { "inflate", "deflate", "stats", "free_page_vq" };
	unsigned int nvqs;
	int err;

	/* with hinting on, the stats queue is set up too (and may stay unused) */
	if (virtio_has_feature(vb->vdev, VIRTIO_BALLOON_F_FREE_PAGE_HINT))
		nvqs = 4;
	else
		nvqs = virtio_has_feature(vb->vdev, VIRTIO_BALLOON_F_STATS_VQ) ? 3 : 2;
	err = virtio_find_vqs(vb->vdev, nvqs, vqs, callbacks, names, NULL);
	if (err)
		return err;
	vb->inflate_vq = vqs[0];
	vb->deflate_vq = vqs[1];
	if (nvqs == 4)
		vb->free_page_vq = vqs[3];
	if (nvqs >= 3) {
		struct scatterlist sg;

		vb->stats_vq = vqs[2];
		/* prime the stats queue: the host returns the buffer to ask */
		update_balloon_stats(vb);
		sg_init_one(&sg, vb->stats, sizeof(vb->stats));
		if (virtqueue_add_outbuf(vb->stats_vq, &sg, 1, vb, GFP_KERNEL) == 0)
			virtqueue_kick(vb->stats_vq);
	}
	return 0;
}

static int virtballoon_probe(struct virtio_device *vdev)
{
	struct virtio_balloon *vb;
	int err;

	vdev->priv = vb = kzalloc(sizeof(*vb), GFP_KERNEL);
	if (!vb)
		return -ENOMEM;
	INIT_WORK(&vb->update_balloon_stats_work, update_balloon_stats_func);
	INIT_WORK(&vb->update_balloon_size_work, update_balloon_size_func);
	spin_lock_init(&vb->stop_update_lock);
	vb->stop_update = false;
	vb->num_pages = 0;
	mutex_init(&vb->balloon_lock);
	init_waitqueue_head(&vb->acked);
	vb->vdev = vdev;
	balloon_devinfo_init(&vb->vb_dev_info);

	if (virtio_has_feature(vdev, VIRTIO_BALLOON_F_FREE_PAGE_HINT)) {
		vb->balloon_wq = alloc_workqueue("balloon-wq", WQ_FREEZABLE | WQ_CPU_INTENSIVE, 0);
		if (!vb->balloon_wq) {
			kfree(vb);
			return -ENOMEM;
		}
		INIT_WORK(&vb->report_free_page_work, report_free_page_func);
		vb->cmd_id_received = VIRTIO_BALLOON_CMD_ID_STOP;
		vb->cmd_id_active = VIRTIO_BALLOON_CMD_ID_STOP;
		vb->cmd_id_stop = VIRTIO_BALLOON_CMD_ID_STOP;
	}

	err = init_vqs(vb);
	if (err) {
		if (vb->balloon_wq)
			destroy_workqueue(vb->balloon_wq);
		kfree(vb);
		return err;
	}
	virtio_device_ready(vdev);
	if (towards_target(vb))
		virtballoon_changed(vdev);
	return 0;
}

static void remove_common(struct virtio_balloon *vb)
{
	/* give back whatever the balloon still holds */
	while (vb->num_pages)
		leak_balloon(vb, vb->num_pages);
	update_balloon_size(vb);
	vb->vdev->config->reset(vb->vdev);
	vb->vdev->config->del_vqs(vb->vdev);
}

static void virtballoon_remove(struct virtio_device *vdev)
{
	struct virtio_balloon *vb = vdev->priv;

	spin_lock_irq(&vb->stop_update_lock);
	vb->stop_update = true;
	spin_unlock_irq(&vb->stop_update_lock);
	cancel_work_sync(&vb->update_balloon_size_work);
	cancel_work_sync(&vb->update_balloon_stats_work);
	if (virtio_has_feature(vdev, VIRTIO_BALLOON_F_FREE_PAGE_HINT)) {
		cancel_work_sync(&vb->report_free_page_work);
		destroy_workqueue(vb->balloon_wq);
	}
	remove_common(vb);
	kfree(vb);
}

static unsigned int features[] = {
	VIRTIO_BALLOON_F_MUST_TELL_HOST,
	VIRTIO_BALLOON_F_STATS_VQ,
	VIRTIO_BALLOON_F_DEFLATE_ON_OOM,
	VIRTIO_BALLOON_F_FREE_PAGE_HINT,
};

static struct virtio_driver virtio_balloon_driver = {
	.feature_table		= features,
	.feature_table_size	= ARRAY_SIZE(features),
	.driver.name		= "virtio_balloon",
	.driver.owner		= THIS_MODULE,
	.id_table		= id_table,
	.probe			= virtballoon_probe,
	.remove			= virtballoon_remove,
	.config_changed		= virtballoon_changed,
};
module_virtio_driver(virtio_balloon_driver);
MODULE_DEVICE_TABLE(virtio, id_table);
MODULE_DESCRIPTION("Virtio balloon driver");
MODULE_LICENSE("GPL");
