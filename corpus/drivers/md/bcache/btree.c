/* SPDX-License-Identifier: GPL-2.0-only
 * btree.c - corpus model of drivers/md/bcache/btree.c: allocating, splitting
 * and freeing btree nodes.
 *
 * A node's write_lock is taken for two nodes at once when a node splits
 * (btree_split(): the new left half's, then the new right half's), and
 * under the cache set's bucket_lock when the node cache reclaims a node
 * (bch_btree_node_alloc() -> mca_alloc() -> mca_reap()).  bcache tells
 * lockdep not to validate it: mca_bucket_alloc() puts every node's
 * write_lock in the novalidate class (lockdep_set_novalidate_class()), so
 * lockpath must not report the split's second mutex_lock() as a
 * recursive-lock (tree bcache-novalidate).
 *
 * Freeing a node drops its write_lock before taking bucket_lock
 * (btree_node_free()).  Built with -DBTREE_FREE_UNDER_WRITE_LOCK it keeps
 * it, so the two mutexes are taken in both orders: an ABBA pair that
 * lockdep cannot report, write_lock being novalidate, and that lockpath
 * does not report either (tree bcache-novalidate-abba).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>

#include "btree.h"

static struct btree *mca_bucket_alloc(struct cache_set *c, gfp_t gfp)
{
	struct btree *b = kzalloc(sizeof(*b), gfp);

	if (!b)
		return NULL;
	mutex_init(&b->write_lock);
	/* nodes are locked two at a time and in any order: lockdep checks none */
	lockdep_set_novalidate_class(&b->write_lock);
	INIT_LIST_HEAD(&b->list);
	b->c = c;
	return b;
}

/* A cached node may be reused once nothing is left to write; called with
 * c->bucket_lock held. */
static int mca_reap(struct btree *b)
{
	int busy;

	mutex_lock(&b->write_lock);
	busy = b->dirty;
	mutex_unlock(&b->write_lock);
	return busy ? -EBUSY : 0;
}

static struct btree *mca_alloc(struct cache_set *c)
{
	struct btree *b;

	list_for_each_entry(b, &c->btree_cache_freed, list)
		if (!mca_reap(b))
			return b;
	list_for_each_entry(b, &c->btree_cache, list)
		if (!mca_reap(b))
			return b;
	return mca_bucket_alloc(c, GFP_KERNEL);
}

struct btree *bch_btree_node_alloc(struct cache_set *c, unsigned int level, struct btree *parent)
{
	struct btree *b;

	mutex_lock(&c->bucket_lock);
	b = mca_alloc(c);
	if (b) {
		b->level = level;
		b->parent = parent;
		list_del(&b->list);
	}
	mutex_unlock(&c->bucket_lock);
	return b;
}

void bch_btree_node_write(struct btree *b)
{
	lockdep_assert_held(&b->write_lock);
	b->dirty = false;
}

static void btree_node_free(struct btree *b)
{
	mutex_lock(&b->write_lock);
	b->dirty = false;
#ifndef BTREE_FREE_UNDER_WRITE_LOCK
	mutex_unlock(&b->write_lock);
#endif
	mutex_lock(&b->c->bucket_lock);
	list_add(&b->list, &b->c->btree_cache_freed);
	mutex_unlock(&b->c->bucket_lock);
#ifdef BTREE_FREE_UNDER_WRITE_LOCK
	mutex_unlock(&b->write_lock);
#endif
}

/* Replace B by two new nodes holding its keys, or by one when they fit. */
int btree_split(struct btree *b)
{
	struct btree *left, *right;

	left = bch_btree_node_alloc(b->c, b->level, b->parent);
	if (!left)
		return -ENOMEM;
	if (b->nkeys < 64) {
		mutex_lock(&left->write_lock);
		left->nkeys = b->nkeys;
		bch_btree_node_write(left);
		mutex_unlock(&left->write_lock);
		btree_node_free(b);
		return 0;
	}
	right = bch_btree_node_alloc(b->c, b->level, b->parent);
	if (!right) {
		btree_node_free(left);
		return -ENOMEM;
	}
	mutex_lock(&left->write_lock);
	mutex_lock(&right->write_lock);
	right->nkeys = b->nkeys / 2;
	left->nkeys = b->nkeys - right->nkeys;
	bch_btree_node_write(right);
	mutex_unlock(&right->write_lock);
	bch_btree_node_write(left);
	mutex_unlock(&left->write_lock);
	btree_node_free(b);
	return 0;
}
