/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_balloon.c - corpus model of drivers/virtio/virtio_balloon.c in the
 * three versions the 2019 story needs.  A tree picks one with its 'flags:'
 * line; exactly one of these must be defined:
 *
 * -DBALLOON_STORY_PRE2019  before commit 86a5597 ("virtio-balloon:
 *	VIRTIO_BALLOON_F_FREE_PAGE_HINT"), as in v4.19.  The config_changed
 *	callback, virtballoon_changed(), only queues update_balloon_size_work
 *	under stop_update_lock; the work function reads the new target from
 *	config space, in process context with no lock held.  Every transport
 *	is safe with it: balloon-ccw-pre2019 expects no findings (abba-ccw
 *	uses it as a driver that is clean on ccw).
 *
 * -DBALLOON_STORY_2019  after 86a5597, as in v4.20, before the fix.  Free
 *	page hinting made the callback read config space itself: it calls
 *	towards_target() and reads free_page_report_cmd_id with virtio_cread(),
 *	i.e. vdev->config->get() from the transport's interrupt path, under
 *	config_lock.  Harmless on virtio-pci, where a config read is a few
 *	ioread8s (balloon-pci-2019); on virtio-ccw it is a channel program that
 *	takes the subchannel lock the interrupt path already holds - the bug
 *	(balloon-ccw-2019, balloon-2019-ccw-pci).  The findings are reported in
 *	virtio_ccw.c (ccw_io_helper), filtered to those trees; this file itself
 *	expects nothing.  (The v4.20 callback could also hand hinted pages back
 *	to mm; that branch is left out.)
 *
 * -DBALLOON_STORY_FIXED  after the 2019 fix ("virtio-balloon: tweak
 *	config_changed implementation", v5.0).  The callback no longer touches
 *	config space: it queues update_balloon_size_work and, with hinting,
 *	marks the command id as "to be read" (config_read_bitmap) and queues
 *	report_free_page_work.  Both reads now happen in work functions, in
 *	process context with no lock held, where a ccw channel program may
 *	take the subchannel lock and sleep.  balloon-ccw-fixed expects no
 *	findings.
 *
 * Most of the driver is the same in all three.  What differs is in #if
 * blocks: free page hinting (2019 and fixed: BALLOON_FREE_PAGE_HINT below)
 * and its state, virtballoon_changed() - the story itself - and who reads
 * the command id (2019: the callback; fixed: the work item, which also keeps
 * the hinted pages until the host is done with them).
 */
#if defined(BALLOON_STORY_PRE2019) + defined(BALLOON_STORY_2019) + defined(BALLOON_STORY_FIXED) != 1
#error "virtio_balloon.c: define exactly one of BALLOON_STORY_PRE2019, BALLOON_STORY_2019, BALLOON_STORY_FIXED (the tree's flags: line)"
#endif

/* Free page hinting arrived with 86a5597: in the 2019 and the fixed driver. */
#if defined(BALLOON_STORY_2019) || defined(BALLOON_STORY_FIXED)
#define BALLOON_FREE_PAGE_HINT 1
#endif

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/bitops.h>
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

#ifdef BALLOON_STORY_FIXED
/* Config fields the work item must (re)read: set by the callback. */
enum virtio_balloon_config_read {
	VIRTIO_BALLOON_CONFIG_READ_CMD_ID = 0,
};
#endif

struct virtio_balloon {
	struct virtio_device *vdev;
	struct virtqueue *inflate_vq, *deflate_vq;	/* balloon_ack wakes acked */
	struct virtqueue *stats_vq;

	struct work_struct update_balloon_stats_work, update_balloon_size_work;

#ifdef BALLOON_FREE_PAGE_HINT
	/* free page hinting */
	struct virtqueue *free_page_vq;
	struct work_struct report_free_page_work;	/* runs on balloon_wq */
	struct workqueue_struct *balloon_wq;
	u32 cmd_id_received;		/* the host's command id, as last read */
	__virtio32 cmd_id_active;	/* the id of the report in progress */
	__virtio32 cmd_id_stop;
#ifdef BALLOON_STORY_FIXED
	unsigned long config_read_bitmap;	/* VIRTIO_BALLOON_CONFIG_READ_* bits */
	spinlock_t free_page_list_lock;	/* hinted pages, kept until the host is done */
	unsigned long num_free_page_blocks;	/* pages on the list below */
	struct list_head free_page_list;
#endif
#endif

	/* Set on removal; no more work may be queued after that. */
	spinlock_t stop_update_lock;
	bool stop_update;

	wait_queue_head_t acked;	/* the host used a buffer */
	unsigned int num_pages;		/* in 4k pages */
	struct balloon_dev_info vb_dev_info;	/* the pages in the balloon */
	struct mutex balloon_lock;	/* one inflate/deflate at a time */

	unsigned int num_pfns;
	__virtio32 pfns[VIRTIO_BALLOON_ARRAY_PFNS_MAX];	/* what tell_host sends */
	struct virtio_balloon_stat stats[VIRTIO_BALLOON_S_NR];	/* what the stats queue sends */
};

static const struct virtio_device_id balloon_ids[] = {
	{ .device = VIRTIO_ID_BALLOON, .vendor = VIRTIO_DEV_ANY_ID },
	{ 0 }
};

/* vq callback of the inflate and deflate queues (hardirq). */
static void balloon_ack(struct virtqueue *q)
{
	struct virtio_balloon *vbl = q->vdev->priv;

	wake_up(&vbl->acked);
}

static void tell_host(struct virtio_balloon *vbl, struct virtqueue *q)
{
	struct scatterlist sgl;
	unsigned int used;

	sg_init_one(&sgl, vbl->pfns, sizeof(vbl->pfns[0]) * vbl->num_pfns);
	virtqueue_add_outbuf(q, &sgl, 1, vbl, GFP_KERNEL);
	virtqueue_kick(q);
	/* the host acks by using the buffer */
	wait_event(vbl->acked, virtqueue_get_buf(q, &used));
}

static void set_page_pfns(struct virtio_balloon *vbl, __virtio32 pfns[], struct page *pg)
{
	unsigned long pfn = page_to_pfn(pg) << (PAGE_SHIFT - VIRTIO_BALLOON_PFN_SHIFT);
	unsigned int i;

	for (i = 0; i < VIRTIO_BALLOON_PAGES_PER_PAGE; i++, pfn++)
		pfns[i] = (__virtio32)pfn;
}

/* Inflate: take up to WANT 4k pages from the guest, then tell the host which. */
static unsigned int fill_balloon(struct virtio_balloon *vbl, size_t want)
{
	unsigned int got = 0;
	struct page *pg;

	if (want > VIRTIO_BALLOON_ARRAY_PFNS_MAX)
		want = VIRTIO_BALLOON_ARRAY_PFNS_MAX;	/* one message at most */
	mutex_lock(&vbl->balloon_lock);
	vbl->num_pfns = 0;
	while (vbl->num_pfns < want && (pg = balloon_page_alloc()) != NULL) {
		balloon_page_enqueue(&vbl->vb_dev_info, pg);
		set_page_pfns(vbl, &vbl->pfns[vbl->num_pfns], pg);
		adjust_managed_page_count(pg, -1);
		vbl->num_pfns += VIRTIO_BALLOON_PAGES_PER_PAGE;
		got += VIRTIO_BALLOON_PAGES_PER_PAGE;
	}
	vbl->num_pages += got;
	if (vbl->num_pfns != 0)
		tell_host(vbl, vbl->inflate_vq);
	mutex_unlock(&vbl->balloon_lock);
	return got;
}

/* Deflate: give up to WANT 4k pages back to the guest, telling the host first. */
static unsigned int leak_balloon(struct virtio_balloon *vbl, size_t want)
{
	unsigned int given = 0;
	struct page *pg;

	mutex_lock(&vbl->balloon_lock);
	if (want > vbl->num_pages)
		want = vbl->num_pages;
	if (want > VIRTIO_BALLOON_ARRAY_PFNS_MAX)
		want = VIRTIO_BALLOON_ARRAY_PFNS_MAX;
	vbl->num_pfns = 0;
	while (vbl->num_pfns < want && (pg = balloon_page_dequeue(&vbl->vb_dev_info)) != NULL) {
		set_page_pfns(vbl, &vbl->pfns[vbl->num_pfns], pg);
		adjust_managed_page_count(pg, +1);
		__free_page(pg);
		vbl->num_pfns += VIRTIO_BALLOON_PAGES_PER_PAGE;
		given += VIRTIO_BALLOON_PAGES_PER_PAGE;
	}
	vbl->num_pages -= given;
	if (vbl->num_pfns != 0)
		tell_host(vbl, vbl->deflate_vq);
	mutex_unlock(&vbl->balloon_lock);
	return given;
}

static void update_balloon_stats(struct virtio_balloon *vbl)
{
	vbl->stats[0].tag = VIRTIO_BALLOON_S_MEMTOT;
	vbl->stats[0].val = (__virtio64)totalram_pages() << PAGE_SHIFT;
}

/* vq callback of the stats queue (hardirq): the host wants statistics. */
static void stats_request(struct virtqueue *q)
{
	struct virtio_balloon *vbl = q->vdev->priv;

	spin_lock(&vbl->stop_update_lock);
	if (!vbl->stop_update)
		queue_work(system_freezable_wq, &vbl->update_balloon_stats_work);
	spin_unlock(&vbl->stop_update_lock);
}

static void stats_handle_request(struct virtio_balloon *vbl)
{
	struct virtqueue *q = vbl->stats_vq;
	struct scatterlist sgl;
	unsigned int used;

	update_balloon_stats(vbl);
	if (!virtqueue_get_buf(q, &used))
		return;
	sg_init_one(&sgl, vbl->stats, sizeof(vbl->stats));
	virtqueue_add_outbuf(q, &sgl, 1, vbl, GFP_KERNEL);
	virtqueue_kick(q);
}

/* How far the host's target is from what we have: a config read. */
static s64 towards_target(struct virtio_balloon *vbl)
{
	u32 num_pages;

	virtio_cread(vbl->vdev, struct virtio_balloon_config, num_pages, &num_pages);
	return (s64)num_pages - vbl->num_pages;
}

static void update_balloon_size(struct virtio_balloon *vbl)
{
	u32 actual = vbl->num_pages;

	virtio_cwrite(vbl->vdev, struct virtio_balloon_config, actual, &actual);
}

#ifdef BALLOON_STORY_FIXED
static void virtio_balloon_queue_free_page_work(struct virtio_balloon *vbl)
{
	if (!virtio_has_feature(vbl->vdev, VIRTIO_BALLOON_F_FREE_PAGE_HINT))
		return;
	/* the command id is read by the work item, not here */
	set_bit(VIRTIO_BALLOON_CONFIG_READ_CMD_ID, &vbl->config_read_bitmap);
	queue_work(vbl->balloon_wq, &vbl->report_free_page_work);
}
#endif

/*
 * config_changed, called by virtio_config_changed() with config_lock held
 * from the transport's interrupt handler.  Pre-2019 and fixed: only queue
 * work, every config read happens in a work item.  2019: both config reads
 * happen right here, in that context.
 */
static void virtballoon_changed(struct virtio_device *vd)
{
	struct virtio_balloon *vbl = vd->priv;
	unsigned long irqfl;
#ifdef BALLOON_STORY_2019
	s64 delta = towards_target(vbl);

	if (delta) {
		spin_lock_irqsave(&vbl->stop_update_lock, irqfl);
		if (!vbl->stop_update)
			queue_work(system_freezable_wq, &vbl->update_balloon_size_work);
		spin_unlock_irqrestore(&vbl->stop_update_lock, irqfl);
	}

	if (virtio_has_feature(vd, VIRTIO_BALLOON_F_FREE_PAGE_HINT)) {
		virtio_cread(vd, struct virtio_balloon_config, free_page_report_cmd_id,
			     &vbl->cmd_id_received);
		if (vbl->cmd_id_received != VIRTIO_BALLOON_CMD_ID_STOP &&
		    vbl->cmd_id_received != vbl->cmd_id_active) {
			spin_lock_irqsave(&vbl->stop_update_lock, irqfl);
			if (!vbl->stop_update)
				queue_work(vbl->balloon_wq, &vbl->report_free_page_work);
			spin_unlock_irqrestore(&vbl->stop_update_lock, irqfl);
		}
	}
#else
	spin_lock_irqsave(&vbl->stop_update_lock, irqfl);
	if (!vbl->stop_update) {
		queue_work(system_freezable_wq, &vbl->update_balloon_size_work);
#ifdef BALLOON_STORY_FIXED
		virtio_balloon_queue_free_page_work(vbl);
#endif
	}
	spin_unlock_irqrestore(&vbl->stop_update_lock, irqfl);
#endif
}

static void update_balloon_stats_func(struct work_struct *w)
{
	struct virtio_balloon *vbl = container_of(w, struct virtio_balloon,
						 update_balloon_stats_work);

	stats_handle_request(vbl);
}

static void update_balloon_size_func(struct work_struct *w)
{
	struct virtio_balloon *vbl = container_of(w, struct virtio_balloon,
						 update_balloon_size_work);
	s64 delta = towards_target(vbl);

	if (!delta)
		return;
	if (delta > 0)
		delta -= fill_balloon(vbl, delta);
	else
		delta += leak_balloon(vbl, -delta);
	update_balloon_size(vbl);
	if (delta)
		queue_work(system_freezable_wq, w);
}

#ifdef BALLOON_FREE_PAGE_HINT
/* ---- free page hinting: report free pages to the host, from a work item ---- */

#ifdef BALLOON_STORY_2019
/* The callback has read the command id already (the bug): take it as it is. */
static u32 virtio_balloon_cmd_id_received(struct virtio_balloon *vbl)
{
	return vbl->cmd_id_received;
}
#else
/* The fix: the work item reads the command id, when the callback marked it. */
static u32 virtio_balloon_cmd_id_received(struct virtio_balloon *vbl)
{
	if (test_and_clear_bit(VIRTIO_BALLOON_CONFIG_READ_CMD_ID, &vbl->config_read_bitmap))
		virtio_cread(vbl->vdev, struct virtio_balloon_config, free_page_report_cmd_id,
			     &vbl->cmd_id_received);
	return vbl->cmd_id_received;
}

static unsigned long return_free_pages_to_mm(struct virtio_balloon *vbl,
					     unsigned long num_to_return)
{
	unsigned long num_returned;
	struct page *pg;

	spin_lock_irq(&vbl->free_page_list_lock);
	for (num_returned = 0; num_returned < num_to_return; num_returned++) {
		if (list_empty(&vbl->free_page_list))
			break;
		pg = list_first_entry(&vbl->free_page_list, struct page, lru);
		list_del(&pg->lru);
		__free_page(pg);
	}
	vbl->num_free_page_blocks -= num_returned;
	spin_unlock_irq(&vbl->free_page_list_lock);
	return num_returned;
}
#endif

static int send_cmd_id(struct virtio_balloon *vbl, __virtio32 *cmd_id)
{
	struct virtqueue *q = vbl->free_page_vq;
	struct scatterlist sgl;
	unsigned int used;
	int rc;

	/* reclaim the buffers the host has used */
	while (virtqueue_get_buf(q, &used))
		;
	sg_init_one(&sgl, cmd_id, sizeof(*cmd_id));
	rc = virtqueue_add_outbuf(q, &sgl, 1, vbl, GFP_KERNEL);
	if (!rc)
		virtqueue_kick(q);
	return rc;
}

static int get_free_page_and_send(struct virtio_balloon *vbl)
{
	struct virtqueue *q = vbl->free_page_vq;
	struct scatterlist sgl;
	struct page *pg;
	int rc;

	pg = alloc_pages(GFP_NOWAIT | __GFP_NOWARN, 0);
	if (!pg)
		return -ENOMEM;
	sg_init_one(&sgl, page_address(pg), PAGE_SIZE);
	rc = virtqueue_add_inbuf(q, &sgl, 1, pg, GFP_KERNEL);
	if (rc) {
		__free_page(pg);
		return rc;
	}
	virtqueue_kick(q);
#ifdef BALLOON_STORY_FIXED
	/* keep the page until the host is done with the hints */
	spin_lock_irq(&vbl->free_page_list_lock);
	list_add(&pg->lru, &vbl->free_page_list);
	vbl->num_free_page_blocks++;
	spin_unlock_irq(&vbl->free_page_list_lock);
#endif
	return 0;
}

static void report_free_page_func(struct work_struct *w)
{
	struct virtio_balloon *vbl = container_of(w, struct virtio_balloon,
						 report_free_page_work);
	u32 cmd_id_received = virtio_balloon_cmd_id_received(vbl);

#ifdef BALLOON_STORY_FIXED
	/* (2019: the callback made these checks before queueing the work) */
	if (cmd_id_received == VIRTIO_BALLOON_CMD_ID_DONE) {
		/* the host is done with the hints: give every page back */
		return_free_pages_to_mm(vbl, ULONG_MAX);
		return;
	}
	if (cmd_id_received == VIRTIO_BALLOON_CMD_ID_STOP || cmd_id_received == vbl->cmd_id_active)
		return;
#endif

	vbl->cmd_id_active = cmd_id_received;
	if (send_cmd_id(vbl, &vbl->cmd_id_active))
		return;
	while (virtio_balloon_cmd_id_received(vbl) == vbl->cmd_id_active &&
	       !get_free_page_and_send(vbl))
		cond_resched();
	vbl->cmd_id_stop = VIRTIO_BALLOON_CMD_ID_STOP;
	send_cmd_id(vbl, &vbl->cmd_id_stop);
}
#endif /* BALLOON_FREE_PAGE_HINT */

static int init_vqs(struct virtio_balloon *vbl)
{
	struct virtqueue *vqs[4];
	vq_callback_t *callbacks[] = { balloon_ack, balloon_ack, stats_request, NULL };
	static const char * const names[] = { "inflate", "deflate", "stats", "free_page_vq" };
	unsigned int nvqs;
	int rc;

	nvqs = virtio_has_feature(vbl->vdev, VIRTIO_BALLOON_F_STATS_VQ) ? 3 : 2;
#ifdef BALLOON_FREE_PAGE_HINT
	/* with hinting on, the stats queue is set up too (and may stay unused) */
	if (virtio_has_feature(vbl->vdev, VIRTIO_BALLOON_F_FREE_PAGE_HINT))
		nvqs = 4;
#endif
	rc = virtio_find_vqs(vbl->vdev, nvqs, vqs, callbacks, names, NULL);
	if (rc)
		return rc;
	vbl->inflate_vq = vqs[0];
	vbl->deflate_vq = vqs[1];
#ifdef BALLOON_FREE_PAGE_HINT
	if (nvqs == 4)
		vbl->free_page_vq = vqs[3];
#endif
	if (nvqs >= 3) {
		struct scatterlist sgl;

		vbl->stats_vq = vqs[2];
		/* prime the stats queue: the host returns the buffer to ask */
		update_balloon_stats(vbl);
		sg_init_one(&sgl, vbl->stats, sizeof(vbl->stats));
		if (virtqueue_add_outbuf(vbl->stats_vq, &sgl, 1, vbl, GFP_KERNEL) == 0)
			virtqueue_kick(vbl->stats_vq);
	}
	return 0;
}

static int virtballoon_probe(struct virtio_device *vd)
{
	struct virtio_balloon *vbl;
	int rc;

	vbl = kzalloc(sizeof(*vbl), GFP_KERNEL);
	if (vbl == NULL)
		return -ENOMEM;
	vd->priv = vbl;
	vbl->vdev = vd;
	INIT_WORK(&vbl->update_balloon_stats_work, update_balloon_stats_func);
	INIT_WORK(&vbl->update_balloon_size_work, update_balloon_size_func);
	spin_lock_init(&vbl->stop_update_lock);
	mutex_init(&vbl->balloon_lock);
	init_waitqueue_head(&vbl->acked);
	balloon_devinfo_init(&vbl->vb_dev_info);

#ifdef BALLOON_FREE_PAGE_HINT
	if (virtio_has_feature(vd, VIRTIO_BALLOON_F_FREE_PAGE_HINT)) {
		vbl->balloon_wq = alloc_workqueue("balloon-wq", WQ_FREEZABLE | WQ_CPU_INTENSIVE, 0);
		if (!vbl->balloon_wq) {
			kfree(vbl);
			return -ENOMEM;
		}
		INIT_WORK(&vbl->report_free_page_work, report_free_page_func);
		vbl->cmd_id_received = VIRTIO_BALLOON_CMD_ID_STOP;
		vbl->cmd_id_active = VIRTIO_BALLOON_CMD_ID_STOP;
		vbl->cmd_id_stop = VIRTIO_BALLOON_CMD_ID_STOP;
#ifdef BALLOON_STORY_FIXED
		spin_lock_init(&vbl->free_page_list_lock);
		INIT_LIST_HEAD(&vbl->free_page_list);
#endif
	}
#endif

	rc = init_vqs(vbl);
	if (rc) {
#ifdef BALLOON_FREE_PAGE_HINT
		if (vbl->balloon_wq)
			destroy_workqueue(vbl->balloon_wq);
#endif
		kfree(vbl);
		return rc;
	}
	virtio_device_ready(vd);
	if (towards_target(vbl))
		virtballoon_changed(vd);
	return 0;
}

static void remove_common(struct virtio_balloon *vbl)
{
	/* give back whatever the balloon still holds */
	while (vbl->num_pages)
		leak_balloon(vbl, vbl->num_pages);
	update_balloon_size(vbl);
	vbl->vdev->config->reset(vbl->vdev);
	vbl->vdev->config->del_vqs(vbl->vdev);
}

/* No callback may queue work after stop_update; wait out what is queued, then deflate. */
static void virtballoon_remove(struct virtio_device *vd)
{
	struct virtio_balloon *vbl = vd->priv;

	spin_lock_irq(&vbl->stop_update_lock);
	vbl->stop_update = true;
	spin_unlock_irq(&vbl->stop_update_lock);

	cancel_work_sync(&vbl->update_balloon_stats_work);
	cancel_work_sync(&vbl->update_balloon_size_work);
#ifdef BALLOON_FREE_PAGE_HINT
	if (virtio_has_feature(vd, VIRTIO_BALLOON_F_FREE_PAGE_HINT)) {
		cancel_work_sync(&vbl->report_free_page_work);
		destroy_workqueue(vbl->balloon_wq);
#ifdef BALLOON_STORY_FIXED
		return_free_pages_to_mm(vbl, ULONG_MAX);
#endif
	}
#endif
	remove_common(vbl);
	kfree(vbl);
}

static unsigned int balloon_features[] = {
	VIRTIO_BALLOON_F_MUST_TELL_HOST, VIRTIO_BALLOON_F_STATS_VQ, VIRTIO_BALLOON_F_DEFLATE_ON_OOM,
#ifdef BALLOON_FREE_PAGE_HINT
	VIRTIO_BALLOON_F_FREE_PAGE_HINT,
#endif
};

static struct virtio_driver balloon_driver = {
	.feature_table		= balloon_features,
	.feature_table_size	= ARRAY_SIZE(balloon_features),
	.driver.name		= "virtio_balloon",
	.driver.owner		= THIS_MODULE,
	.id_table		= balloon_ids,
	.probe			= virtballoon_probe,
	.remove			= virtballoon_remove,
	.config_changed		= virtballoon_changed,
};
module_virtio_driver(balloon_driver);
MODULE_DEVICE_TABLE(virtio, balloon_ids);
MODULE_LICENSE("GPL");
