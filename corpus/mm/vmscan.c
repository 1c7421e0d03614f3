/* SPDX-License-Identifier: GPL-2.0-only
 * vmscan.c - shrinking caches: shrink_slab() calls every registered
 * shrinker's scan_objects under the shrinker list's lock.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/rwlock.h>
#include <linux/shrinker.h>

static LIST_HEAD(shrinker_list);
static DEFINE_RWLOCK(shrinker_rwlock);

int register_shrinker(struct shrinker *shrinker)
{
	write_lock(&shrinker_rwlock);
	list_add_tail(&shrinker->list, &shrinker_list);
	write_unlock(&shrinker_rwlock);
	return 0;
}

unsigned long shrink_slab(gfp_t gfp_mask)
{
	struct shrink_control sc = { .gfp_mask = gfp_mask, .nr_to_scan = 128 };
	struct shrinker *shrinker;
	unsigned long freed = 0;

	read_lock(&shrinker_rwlock);
	list_for_each_entry(shrinker, &shrinker_list, list)
		freed += shrinker->scan_objects(shrinker, &sc);
	read_unlock(&shrinker_rwlock);
	return freed;
}
