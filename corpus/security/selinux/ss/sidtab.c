// SPDX-License-Identifier: GPL-2.0-only
/*
 * sidtab.c - the cache of a security ID's context string (models
 * security/selinux/ss/sidtab.c).  Putting a string into a full cache
 * evicts the oldest entry, which readers may still see, so it is freed
 * after a grace period through the rcu_head inside it.  The string is
 * put while an audit record is written, which the policy's lock (a
 * spinlock here) is held around.  With -DSIDTAB_FREE_NO_HEAD the entry is
 * freed without a head, which may sleep.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>

struct sidtab_str_cache {
	struct rcu_head rcu_member;
	struct list_head lru_member;
	u32 len;
};

struct sidtab {
	spinlock_t cache_lock;
	struct list_head cache_lru_list;
	u32 cache_free_slots;
};

static DEFINE_SPINLOCK(policy_audit_lock);

static void sidtab_str_cache_put(struct sidtab *s, struct sidtab_str_cache *cache)
{
	struct sidtab_str_cache *victim = NULL;
	unsigned long flags;

	spin_lock_irqsave(&s->cache_lock, flags);
	if (s->cache_free_slots == 0) {
		victim = container_of(s->cache_lru_list.prev, struct sidtab_str_cache, lru_member);
		list_del(&victim->lru_member);
	} else {
		s->cache_free_slots--;
	}
	list_add(&cache->lru_member, &s->cache_lru_list);
	spin_unlock_irqrestore(&s->cache_lock, flags);
#ifdef SIDTAB_FREE_NO_HEAD
	kfree_rcu_mightsleep(victim);
#else
	kfree_rcu(victim, rcu_member);
#endif
}

void sidtab_audit_context(struct sidtab *s, struct sidtab_str_cache *cache)
{
	spin_lock(&policy_audit_lock);
	sidtab_str_cache_put(s, cache);
	spin_unlock(&policy_audit_lock);
}
