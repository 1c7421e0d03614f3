/* SPDX-License-Identifier: GPL-2.0-only
 * shrinker.h - caches that give memory back under pressure: reclaim
 * (mm/vmscan.c's shrink_slab) calls every registered shrinker's
 * scan_objects, from whatever allocation entered direct reclaim.
 */
#ifndef _LINUX_SHRINKER_H
#define _LINUX_SHRINKER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/gfp.h>

struct shrink_control {
	gfp_t gfp_mask;
	unsigned long nr_to_scan;
};

struct shrinker {
	unsigned long (*scan_objects)(struct shrinker *, struct shrink_control *sc);
	struct list_head list;
};

extern int register_shrinker(struct shrinker *shrinker);
extern unsigned long shrink_slab(gfp_t gfp_mask);

#endif
