/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rhashtable.h - resizable hash tables, only their teardown.  Destroying a
 * table may call a free function on every entry; the plain destroy passes
 * no function at all (NULL), and the list-table variants are inlines that
 * pass their arguments on to the hash table's.
 */
#ifndef _LINUX_RHASHTABLE_H
#define _LINUX_RHASHTABLE_H

#include <linux/stddef.h>

struct rhash_head { struct rhash_head *next; };

#define RHT_BUCKETS 16

struct rhashtable {
	struct rhash_head *buckets[RHT_BUCKETS];
	unsigned int nelems;
};

/* Several entries per key: a table of lists. */
struct rhltable { struct rhashtable ht; };

void rhashtable_free_and_destroy(struct rhashtable *ht, void (*free_fn)(void *ptr, void *arg), void *arg);
void rhashtable_destroy(struct rhashtable *ht);

static inline void rhltable_free_and_destroy(struct rhltable *hlt, void (*free_fn)(void *ptr, void *arg),
					     void *arg)
{
	rhashtable_free_and_destroy(&hlt->ht, free_fn, arg);
}

static inline void rhltable_destroy(struct rhltable *hlt)
{
	rhltable_free_and_destroy(hlt, NULL, NULL);
}

#endif
