/* SPDX-License-Identifier: GPL-2.0-only
 * asm/airq.h - s390 adapter (thin) interrupts.  A driver fills in an
 * airq_struct (handler, summary indicator, interruption subclass) and
 * registers it; the adapter-interrupt handler of cio (do_airq_interrupt,
 * a hardirq handler) calls every registered airq_struct.handler.  No
 * subchannel lock is held there.  An airq_iv is a bit vector of
 * indicators, optionally with a pointer per bit (AIRQ_IV_PTR), which is
 * how virtio-ccw finds the virtqueue behind a bit.
 */
#ifndef _ASM_S390_AIRQ_H
#define _ASM_S390_AIRQ_H

#include <linux/types.h>
#include <linux/bitops.h>

struct tpi_info;

struct airq_struct {
	struct hlist_node list;		/* on the list of its isc */
	void (*handler)(struct airq_struct *airq, struct tpi_info *tpi_info);
	u8 *lsi_ptr;			/* local summary indicator */
	u8 lsi_mask;
	u8 isc;
	u8 flags;
};

#define AIRQ_PTR_ALLOCATED	0x01

int register_adapter_interrupt(struct airq_struct *a);
void unregister_adapter_interrupt(struct airq_struct *a);

struct airq_iv {
	unsigned long *vector;		/* the indicator bits */
	unsigned long *avail;		/* allocation bit mask */
	unsigned long *ptr;		/* a pointer per bit */
	unsigned long bits;
	unsigned long end;		/* highest allocated bit + 1 */
	unsigned long flags;
};

#define AIRQ_IV_ALLOC		1
#define AIRQ_IV_BITLOCK		2
#define AIRQ_IV_PTR		4
#define AIRQ_IV_CACHELINE	32

struct airq_iv *airq_iv_create(unsigned long bits, unsigned long flags, unsigned long *vec);
void airq_iv_release(struct airq_iv *v);
unsigned long airq_iv_alloc(struct airq_iv *v, unsigned long num);
void airq_iv_free(struct airq_iv *v, unsigned long bit, unsigned long num);
/* The next set bit in [start, end), cleared; -1UL when there is none. */
unsigned long airq_iv_scan(struct airq_iv *v, unsigned long start, unsigned long end);

static inline unsigned long airq_iv_end(struct airq_iv *v)
{
	return v->end;
}

static inline void airq_iv_set_ptr(struct airq_iv *v, unsigned long bit, unsigned long ptr)
{
	v->ptr[bit] = ptr;
}

static inline unsigned long airq_iv_get_ptr(struct airq_iv *v, unsigned long bit)
{
	return v->ptr[bit];
}

#endif
