/*
 * virtio_ccw_airq.c - corpus model of the adapter-interrupt half of
 * drivers/s390/virtio/virtio_ccw.c (since v3.13: virtio_airq_handler,
 * new_airq_info, get_airq_indicator), kept in a file of its own so that
 * virtio_ccw.c can stay the 2019 model with classic indicators.
 *
 * With adapter interrupts the host sets a bit per virtqueue in an airq_iv
 * and raises a thin interrupt; cio's adapter-interrupt handler calls
 * airq_struct.handler - virtio_airq_handler, registered below - in hardirq
 * context, with no subchannel lock held.  It scans the bits under
 * airq_info.lock (read side) and calls vring_interrupt() for each queue,
 * which calls the driver's virtqueue callback.
 *
 * So a callback that reads config space on this path sleeps in hardirq
 * context (ccw_io_helper's mutex and wait_event) - but it does not
 * deadlock on the ccw device lock, which nobody holds here: lockpath must
 * report sleep-in-atomic and no recursive-lock (airq-ccw tree).  The
 * findings are at the sleeping lines of virtio_ccw.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/interrupt.h>
#include <linux/virtio.h>
#include <linux/virtio_ring.h>
#include <linux/virtio_config.h>
#include <asm/airq.h>
#include <asm/irq.h>

#define MAX_AIRQ_AREAS		20
#define VIRTIO_IV_BITS		(256 * 8)	/* L1_CACHE_BYTES * 8 on s390 */
#define VIRTIO_AIRQ_ISC		6	/* IO_SCH_ISC + 3 in the kernel */

struct airq_info {
	rwlock_t lock;			/* the pointers behind the bits */
	u8 summary_indicator_idx;
	struct airq_struct airq;
	struct airq_iv *aiv;		/* the virtqueue behind each bit */
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
	struct airq_iv *cbv;		/* the variant: its callback, as unsigned long */
#endif
};

static struct airq_info *airq_areas[MAX_AIRQ_AREAS];
static DEFINE_MUTEX(airq_areas_lock);
static u8 summary_indicators[MAX_AIRQ_AREAS];

static inline u8 *get_summary_indicator(struct airq_info *info)
{
	return summary_indicators + info->summary_indicator_idx;
}

#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
/*
 * bytype-airq-ccw's hypothetical variant: each indicator bit also remembers
 * the queue's callback, cast to unsigned long in a second airq_iv pointer
 * table, and the handler calls it directly instead of vring_interrupt().
 * The function pointer is laundered through an integer: no store names a
 * function for the call cb(vq), so link cannot follow it to
 * vring_create_virtqueue's parameter as it does for vq->callback.  It falls
 * back to the address-taken functions of the call's type, void (struct
 * virtqueue *): the virtio-input callbacks of that tree.  One of them reads
 * config space, so the findings in virtio_ccw.c come with "lower
 * confidence: ... resolved by type (2 candidates)" - and with the cap
 * stated when $LOCKPATH_MAX_TYPE_TARGETS keeps fewer
 * (tests/corpus/bytype-cap.sh).
 */
static void airq_deliver(struct airq_info *info, unsigned long ai)
{
	struct virtqueue *vq = (struct virtqueue *)airq_iv_get_ptr(info->aiv, ai);
	vq_callback_t *cb = (vq_callback_t *)airq_iv_get_ptr(info->cbv, ai);

	if (cb)
		cb(vq);
}
#else
static void airq_deliver(struct airq_info *info, unsigned long ai)
{
	vring_interrupt(0, (void *)airq_iv_get_ptr(info->aiv, ai));
}
#endif

/* airq_struct.handler: hardirq context, no subchannel lock held. */
static void virtio_airq_handler(struct airq_struct *airq, struct tpi_info *tpi_info)
{
	struct airq_info *info = container_of(airq, struct airq_info, airq);
	unsigned long ai;

	inc_irq_stat(IRQIO_VAI);
	read_lock(&info->lock);
	/* walk the indicators while the summary indicator is set ... */
	for (ai = 0;;) {
		ai = airq_iv_scan(info->aiv, ai, airq_iv_end(info->aiv));
		if (ai == -1UL)
			break;
		airq_deliver(info, ai);
	}
	*(get_summary_indicator(info)) = 0;
	barrier();
	/* ... and once more after clearing it, for bits set meanwhile */
	for (ai = 0;;) {
		ai = airq_iv_scan(info->aiv, ai, airq_iv_end(info->aiv));
		if (ai == -1UL)
			break;
		airq_deliver(info, ai);
	}
	read_unlock(&info->lock);
}

static struct airq_info *new_airq_info(int index)
{
	struct airq_info *info;
	int rc;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return NULL;
	rwlock_init(&info->lock);
	info->aiv = airq_iv_create(VIRTIO_IV_BITS, AIRQ_IV_ALLOC | AIRQ_IV_PTR | AIRQ_IV_CACHELINE, NULL);
	if (!info->aiv) {
		kfree(info);
		return NULL;
	}
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
	info->cbv = airq_iv_create(VIRTIO_IV_BITS, AIRQ_IV_PTR, NULL);
	if (!info->cbv) {
		airq_iv_release(info->aiv);
		kfree(info);
		return NULL;
	}
#endif
	info->airq.handler = virtio_airq_handler;
	info->summary_indicator_idx = index;
	info->airq.lsi_ptr = get_summary_indicator(info);
	info->airq.isc = VIRTIO_AIRQ_ISC;
	rc = register_adapter_interrupt(&info->airq);
	if (rc) {
		airq_iv_release(info->aiv);
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
		airq_iv_release(info->cbv);
#endif
		kfree(info);
		return NULL;
	}
	return info;
}

/*
 * Reserve NVQS consecutive bits in some airq area and point them at the
 * queues; returns the indicator vector's address (0 on failure).  Called
 * by the transport's find_vqs in process context.
 */
unsigned long virtio_ccw_get_airq_indicator(struct virtqueue *vqs[], int nvqs, u64 *first,
					    void **airq_info)
{
	unsigned long indicator_addr = 0, bit, flags;
	struct airq_info *info;
	int i, j;

	for (i = 0; i < MAX_AIRQ_AREAS && !indicator_addr; i++) {
		mutex_lock(&airq_areas_lock);
		if (!airq_areas[i])
			airq_areas[i] = new_airq_info(i);
		info = airq_areas[i];
		mutex_unlock(&airq_areas_lock);
		if (!info)
			return 0;
		write_lock_irqsave(&info->lock, flags);
		bit = airq_iv_alloc(info->aiv, nvqs);
		if (bit == -1UL) {
			/* this area is full: try the next one */
			write_unlock_irqrestore(&info->lock, flags);
			continue;
		}
		*first = bit;
		*airq_info = info;
		indicator_addr = (unsigned long)info->aiv->vector;
		for (j = 0; j < nvqs; j++) {
			airq_iv_set_ptr(info->aiv, bit + j, (unsigned long)vqs[j]);
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
			airq_iv_set_ptr(info->cbv, bit + j, (unsigned long)vqs[j]->callback);
#endif
		}
		write_unlock_irqrestore(&info->lock, flags);
	}
	return indicator_addr;
}

/* A queue goes away: clear its pointer so the handler cannot reach it. */
void virtio_ccw_drop_airq_indicator(struct virtqueue *vq, struct airq_info *info)
{
	unsigned long i, flags;

	write_lock_irqsave(&info->lock, flags);
	for (i = 0; i < airq_iv_end(info->aiv); i++) {
		if (vq == (void *)airq_iv_get_ptr(info->aiv, i)) {
			airq_iv_free(info->aiv, i, 1);
			airq_iv_set_ptr(info->aiv, i, 0);
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
			airq_iv_set_ptr(info->cbv, i, 0);
#endif
			break;
		}
	}
	write_unlock_irqrestore(&info->lock, flags);
}
