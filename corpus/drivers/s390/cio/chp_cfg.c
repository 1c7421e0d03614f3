/* SPDX-License-Identifier: GPL-2.0-only
 * chp_cfg.c - a channel-path configuration swapped under its lock and read
 * by RCU readers.  chp_cfg_swap() takes the lock and then names it in
 * rcu_dereference_protected(..., lockdep_is_held(&dev->lock)): without
 * CONFIG_PROVE_RCU that check is '0 && (c)', code the compiler drops, and
 * says nothing about the callers.  chp_cfg_set_locked() asserts with
 * lockdep_assert_held() that its callers hold the lock, and then takes it
 * again through a helper: that one is a bug.
 *
 * Must find: recursive-lock in chp_cfg_lock_stats (the callers of
 * chp_cfg_set_locked hold the lock).
 * Must not find: a recursive-lock at chp_cfg_swap's spin_lock (the
 * lockdep_is_held() after it is not an assertion about its callers).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>

struct chp_cfg {
	int cmg;
	int shared;
};

struct chp_cfg_dev {
	spinlock_t lock;
	struct chp_cfg *cfg;
	int stats;
};

struct chp_cfg *chp_cfg_swap(struct chp_cfg_dev *dev, struct chp_cfg *new)
{
	struct chp_cfg *old;

	spin_lock(&dev->lock);
	old = rcu_dereference_protected(dev->cfg, lockdep_is_held(&dev->lock));
	dev->cfg = new;
	spin_unlock(&dev->lock);
	return old;
}

static void chp_cfg_lock_stats(struct chp_cfg_dev *dev)
{
	spin_lock(&dev->lock); /* expect: recursive-lock chp_cfg_dev.lock acquired in chp_cfg_lock_stats is already held */
	dev->stats++;
	spin_unlock(&dev->lock);
}

void chp_cfg_set_locked(struct chp_cfg_dev *dev, int cmg)
{
	lockdep_assert_held(&dev->lock);
	dev->cfg->cmg = cmg;
	chp_cfg_lock_stats(dev);
}
