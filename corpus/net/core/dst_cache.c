// SPDX-License-Identifier: GPL-2.0-only
/*
 * dst_cache.c - a per-CPU route cache allocated with its caller's mask plus
 * __GFP_ZERO (the shape of net/core/dst_cache.c's dst_cache_init()), and a
 * tunnel that builds one in softirq context with GFP_ATOMIC (the shape of
 * net/ipv6/rpl_iptunnel.c's build_state, here from a timer).
 *
 * The per-CPU allocator takes its mutex only for a mask that allows
 * blocking (mm/percpu.c).  'gfp | __GFP_ZERO' adds a bit and removes none:
 * the caller's GFP_ATOMIC stays atomic, so the mutex is not taken.  With
 * DST_STORY_KERNEL_GFP the tunnel passes GFP_KERNEL, and it is.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/percpu.h>
#include <linux/timer.h>

struct dst_cache_pcpu {
	unsigned long refresh_ts;
	void *dst;
};

struct dst_cache {
	struct dst_cache_pcpu *cache;
	unsigned long reset_ts;
};

int dst_cache_init(struct dst_cache *dc, gfp_t gfp)
{
	dc->cache = alloc_percpu_gfp(struct dst_cache_pcpu, gfp | __GFP_ZERO);
	if (!dc->cache)
		return -12;
	dc->reset_ts = jiffies;
	return 0;
}

#ifdef DST_STORY_KERNEL_GFP
#define RPL_STATE_GFP GFP_KERNEL
#else
#define RPL_STATE_GFP GFP_ATOMIC
#endif

struct rpl_lwt {
	struct dst_cache cache;
	struct timer_list rebuild;
	int built;
};

static struct rpl_lwt rpl_tunnel;

/* The tunnel rebuilds its state when its timer fires (softirq). */
static void rpl_rebuild_state(struct timer_list *t)
{
	struct rpl_lwt *lwt = from_timer(lwt, t, rebuild);

	if (!dst_cache_init(&lwt->cache, RPL_STATE_GFP))
		lwt->built++;
}

void rpl_tunnel_init(void)
{
	timer_setup(&rpl_tunnel.rebuild, rpl_rebuild_state, 0);
}
