/* SPDX-License-Identifier: GPL-2.0-only
 * ida_destroy.c - corpus model of an IDA torn down from an RCU callback
 * (lib/idr.c's ida_destroy(), lib/xarray.c's xas_store()).  The walk state
 * is a local struct that XA_STATE() fills with a designated initialiser:
 * eight members, all known constants.  Each entry is cleared with
 * xas_store(&xas, NULL); xas_store() builds the missing nodes only for a
 * non-NULL entry, and a node's allocation charges a list_lru, whose own
 * xarray's lock is the xarray lock class taken again.
 *
 * The call passes the state (its eight members) before the NULL, and a
 * path kept four constants: the members filled them and the NULL was
 * dropped, so the allocation looked reachable under the IDA's lock.  A
 * path now keeps eight, a whole parameter's value first.  On the whole
 * s390 tree: workqueue's rcu_free_pool() -> ida_destroy().
 *
 * Must find: nothing.  In ida-destroy-store-value (-DIDA_STORE_VALUE:
 * the entry is replaced by a value, not cleared) the allocation is taken.
 * In ida-store-no-lru (-DIDA_STORE_VALUE -DIDA_NO_LRU) the walk state is
 * an IDA's, with no lru: the member's NULL, passed as the allocation's
 * lru ('xas->xa_lru'), rules the charge out (the kernel's ida_free()).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>

struct xarray {
	spinlock_t xa_lock;
	void *xa_head;
};

struct xa_state {
	struct xarray *xa;
	unsigned long xa_index;
	unsigned char xa_shift;
	unsigned char xa_sibs;
	unsigned char xa_offset;
	unsigned char xa_pad;
	void *xa_node;
	void *xa_alloc;
	void *xa_lru;
};

/* every member named, as the kernel's __XA_STATE() does; only a cache's
 * walk charges its nodes to a list_lru */
#define XA_STATE_LRU(name, array, index, lru)				\
	struct xa_state name = { .xa = (array), .xa_index = (index),	\
		.xa_shift = 0, .xa_sibs = 0, .xa_offset = 0, .xa_pad = 0,	\
		.xa_node = NULL, .xa_alloc = NULL, .xa_lru = (lru) }
#define XA_STATE(name, array, index)	XA_STATE_LRU(name, array, index, NULL)

struct list_lru {
	struct xarray xa;	/* per-memcg lists, looked up by cgroup id */
};

struct worker_pool {
	struct xarray ida;	/* the kernel's struct ida wraps an xarray */
	struct rcu_head rcu;
};

#ifndef IDA_NO_LRU
static struct list_lru node_lru;	/* the model's walk charges its nodes here */
#endif

/* memcg_list_lru_alloc()'s shape: the lru's table under its own lock */
static void charge_node_lru(struct list_lru *lru)
{
	unsigned long flags;

	spin_lock_irqsave(&lru->xa.xa_lock, flags); /* expect(ida-destroy-store-value): recursive-lock already held */
	lru->xa.xa_head = NULL;
	spin_unlock_irqrestore(&lru->xa.xa_lock, flags);
}

/* memcg_slab_pre_alloc_hook()'s shape: a node is charged to the walk's
 * lru, if it has one */
static void *node_alloc(struct list_lru *lru)
{
	if (lru)
		charge_node_lru(lru);
	return lru;
}

/* xas_create()'s shape: a node for the slot */
static void *grow_to_slot(struct xa_state *xas)
{
	xas->xa_node = node_alloc(xas->xa_lru);
	return xas->xa_node;
}

extern void xas_squash_siblings(struct xa_state *xas);

void *xas_store(struct xa_state *xas, void *entry)
{
	void *old;

	if (xas->xa_sibs)
		xas_squash_siblings(xas);
	if (entry)
		old = grow_to_slot(xas);
	else
		old = xas->xa_node;
	xas->xa->xa_head = entry;
	return old;
}

static void ida_clear_all(struct xarray *ida)
{
#ifdef IDA_NO_LRU
	XA_STATE(xas, ida, 0);
#else
	XA_STATE_LRU(xas, ida, 0, &node_lru);
#endif
	unsigned long flags;
	int left;

	spin_lock_irqsave(&ida->xa_lock, flags);
	for (left = 4; left > 0; left--) {
#ifdef IDA_STORE_VALUE
		xas_store(&xas, (void *)0x2);
#else
		xas_store(&xas, NULL);
#endif
	}
	spin_unlock_irqrestore(&ida->xa_lock, flags);
}

/* rcu_free_pool()'s shape: the pool's ids go when its RCU grace ends */
static void free_pool_rcu(struct rcu_head *head)
{
	struct worker_pool *pool = container_of(head, struct worker_pool, rcu);

	ida_clear_all(&pool->ida);
}

void put_worker_pool(struct worker_pool *pool)
{
	call_rcu(&pool->rcu, free_pool_rcu);
}
