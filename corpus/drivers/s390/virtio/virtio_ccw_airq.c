/* SPDX-License-Identifier: GPL-2.0-only
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

static struct airq_info *airq_areas[MAX_AIRQ_AREAS];	/* made on demand */
static DEFINE_MUTEX(airq_areas_lock);	/* creating areas */
static u8 summary_indicators[MAX_AIRQ_AREAS];

static inline u8 *get_summary_indicator(struct airq_info *area)
{
	return summary_indicators + area->summary_indicator_idx;
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
static void airq_deliver(struct airq_info *area, unsigned long nr)
{
	struct virtqueue *q = (struct virtqueue *)airq_iv_get_ptr(area->aiv, nr);
	vq_callback_t *cb = (vq_callback_t *)airq_iv_get_ptr(area->cbv, nr);

	if (cb)
		cb(q);
}
#else
static void airq_deliver(struct airq_info *area, unsigned long nr)
{
	vring_interrupt(0, (void *)airq_iv_get_ptr(area->aiv, nr));
}
#endif

/* airq_struct.handler: hardirq context, no subchannel lock held. */
static void virtio_airq_handler(struct airq_struct *airq, struct tpi_info *tpi_info)
{
	struct airq_info *area = container_of(airq, struct airq_info, airq);
	unsigned long nr;

	inc_irq_stat(IRQIO_VAI);
	read_lock(&area->lock);
	/* walk the indicators while the summary indicator is set ... */
	for (nr = 0;;) {
		nr = airq_iv_scan(area->aiv, nr, airq_iv_end(area->aiv));
		if (nr == -1UL)
			break;
		airq_deliver(area, nr);
	}
	*get_summary_indicator(area) = 0;	/* re-arm */
	barrier();
	/* ... and once more after clearing it, for bits set meanwhile */
	for (nr = 0;;) {
		nr = airq_iv_scan(area->aiv, nr, airq_iv_end(area->aiv));
		if (nr == -1UL)
			break;
		airq_deliver(area, nr);
	}
	read_unlock(&area->lock);
}

static struct airq_info *new_airq_info(int index)
{
	struct airq_info *area;
	int rc;

	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	rwlock_init(&area->lock);
	area->aiv = airq_iv_create(VIRTIO_IV_BITS, AIRQ_IV_ALLOC | AIRQ_IV_PTR | AIRQ_IV_CACHELINE, NULL);
	if (!area->aiv) {
		kfree(area);
		return NULL;
	}
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
	area->cbv = airq_iv_create(VIRTIO_IV_BITS, AIRQ_IV_PTR, NULL);
	if (!area->cbv) {
		airq_iv_release(area->aiv);
		kfree(area);
		return NULL;
	}
#endif
	area->airq.handler = virtio_airq_handler;
	area->summary_indicator_idx = index;
	area->airq.lsi_ptr = get_summary_indicator(area);
	area->airq.isc = VIRTIO_AIRQ_ISC;
	rc = register_adapter_interrupt(&area->airq);
	if (rc) {
		airq_iv_release(area->aiv);
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
		airq_iv_release(area->cbv);
#endif
		kfree(area);
		return NULL;
	}
	return area;
}

/*
 * Reserve NVQS consecutive bits in some airq area and point them at the
 * queues; returns the indicator vector's address (0 on failure).  Called
 * by the transport's find_vqs in process context.
 */
unsigned long virtio_ccw_get_airq_indicator(struct virtqueue *vqs[], int nvqs, u64 *first,
					    void **out_area)
{
	unsigned long vec_addr = 0, bit, irqfl;
	struct airq_info *area;
	int i, j;

	for (i = 0; i < MAX_AIRQ_AREAS && !vec_addr; i++) {
		mutex_lock(&airq_areas_lock);
		if (!airq_areas[i])
			airq_areas[i] = new_airq_info(i);
		area = airq_areas[i];
		mutex_unlock(&airq_areas_lock);
		if (!area)
			return 0;
		write_lock_irqsave(&area->lock, irqfl);
		bit = airq_iv_alloc(area->aiv, nvqs);
		if (bit == -1UL) {
			/* this area is full: try the next one */
			write_unlock_irqrestore(&area->lock, irqfl);
			continue;
		}
		*first = bit;
		*out_area = area;
		vec_addr = (unsigned long)area->aiv->vector;
		for (j = 0; j < nvqs; j++) {
			airq_iv_set_ptr(area->aiv, bit + j, (unsigned long)vqs[j]);
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
			airq_iv_set_ptr(area->cbv, bit + j, (unsigned long)vqs[j]->callback);
#endif
		}
		write_unlock_irqrestore(&area->lock, irqfl);
	}
	return vec_addr;
}

/* A queue goes away: clear its pointer so the handler cannot reach it. */
void virtio_ccw_drop_airq_indicator(struct virtqueue *q, struct airq_info *area)
{
	unsigned long i, irqfl;

	write_lock_irqsave(&area->lock, irqfl);
	for (i = 0; i < airq_iv_end(area->aiv); i++) {
		if (q == (void *)airq_iv_get_ptr(area->aiv, i)) {
			airq_iv_free(area->aiv, i, 1);
			airq_iv_set_ptr(area->aiv, i, 0);
#ifdef VIRTIO_CCW_AIRQ_CALLBACK_TABLE
			airq_iv_set_ptr(area->cbv, i, 0);
#endif
			break;
		}
	}
	write_unlock_irqrestore(&area->lock, irqfl);
}
