// SPDX-License-Identifier: GPL-2.0-only
/*
 * rhashtable.c - teardown of a resizable hash table.  The free function is
 * optional: only a caller that owns its entries passes one, and the walk
 * over the buckets that calls it runs only then.
 */
#include <linux/rhashtable.h>

static void rht_release_entry(struct rhashtable *ht, struct rhash_head *he,
			      void (*free_fn)(void *ptr, void *arg), void *arg)
{
	ht->nelems--;
	free_fn(he, arg);
}

void rhashtable_free_and_destroy(struct rhashtable *ht, void (*free_fn)(void *ptr, void *arg), void *arg)
{
	unsigned int b;

	if (free_fn) {
		for (b = 0; b < RHT_BUCKETS; b++) {
			struct rhash_head *he = ht->buckets[b], *after;

			for (; he; he = after) {
				after = he->next;
				rht_release_entry(ht, he, free_fn, arg);
			}
		}
	}
	for (b = 0; b < RHT_BUCKETS; b++)
		ht->buckets[b] = NULL;
}

void rhashtable_destroy(struct rhashtable *ht)
{
	rhashtable_free_and_destroy(ht, NULL, NULL);
}
