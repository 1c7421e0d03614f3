/* SPDX-License-Identifier: GPL-2.0-only
 * btree.h - corpus model of drivers/md/bcache/btree.h and the parts of
 * bcache.h the btree needs: a cache set allocates buckets under its
 * bucket_lock; every btree node has a write_lock, held while the node's
 * keys are changed and written.
 */
#ifndef _BCACHE_BTREE_H
#define _BCACHE_BTREE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct cache_set {
	struct mutex bucket_lock;	/* bucket allocation, the node cache */
	struct list_head btree_cache;	/* nodes that may be reused */
	struct list_head btree_cache_freed;
};

struct btree {
	struct cache_set *c;
	struct btree *parent;
	struct list_head list;		/* on c->btree_cache */
	struct mutex write_lock;	/* the node's keys, its writes */
	unsigned int level;
	unsigned int nkeys;
	bool dirty;
};

struct btree *bch_btree_node_alloc(struct cache_set *c, unsigned int level, struct btree *parent);
void bch_btree_node_write(struct btree *b);

#endif
