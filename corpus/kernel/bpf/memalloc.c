// SPDX-License-Identifier: GPL-2.0-only
/*
 * memalloc.c - corpus model of BPF's object cache (kernel/bpf/memalloc.c):
 * programs that run in any context take objects from a per-CPU free list,
 * and an irq work refills the list below its low watermark.  The refill
 * runs in the interrupt, so it allocates without reclaim: its mask is a
 * local set once to GFP_NOWAIT | __GFP_NOWARN, passed with __GFP_ZERO.
 *
 * -DBPF_REFILL_BLOCKING: the local is GFP_KERNEL.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/irq_work.h>

struct bpf_mem_cache {
	struct irq_work refill_work;
	void *free_llist[16];
	int free_cnt;
	unsigned int unit_size;
};

static struct bpf_mem_cache bpf_cache = { .unit_size = 64 };

static void *__alloc(struct bpf_mem_cache *c)
{
#ifndef BPF_REFILL_BLOCKING
	/* no reclaim, and no dip into the atomic reserves */
	gfp_t flags = GFP_NOWAIT | __GFP_NOWARN;
#else
	gfp_t flags = GFP_KERNEL;
#endif

	return kmalloc(c->unit_size, flags | __GFP_ZERO);
}

static void bpf_mem_refill(struct irq_work *work)
{
	struct bpf_mem_cache *c = (struct bpf_mem_cache *)work;   /* the first member */

	while (c->free_cnt < 16) {
		void *obj = __alloc(c);

		if (!obj)
			break;
		c->free_llist[c->free_cnt++] = obj;
	}
}

void *bpf_mem_alloc(void)
{
	struct bpf_mem_cache *c = &bpf_cache;

	if (c->free_cnt < 4)
		irq_work_queue(&c->refill_work);
	return c->free_cnt ? c->free_llist[--c->free_cnt] : NULL;
}

void bpf_mem_alloc_init(void)
{
	init_irq_work(&bpf_cache.refill_work, bpf_mem_refill);
}
