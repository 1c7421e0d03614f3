/* SPDX-License-Identifier: GPL-2.0-only */
/* slub_def.h - a slab cache and its node (include/linux/slub_def.h and
 * mm/slab.h in Linux, one node here). */
#ifndef _LINUX_SLUB_DEF_H
#define _LINUX_SLUB_DEF_H

#include <linux/spinlock.h>

struct kmem_cache_node {
	spinlock_t list_lock;		/* the partial list and its count */
	unsigned long nr_partial;
};

struct kmem_cache {
	const char *name;
	char *base;			/* the one slab's memory */
	unsigned long size;
	struct kmem_cache_node node;
};

extern void kmem_cache_free(struct kmem_cache *s, void *object);

#endif
