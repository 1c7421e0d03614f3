/* SPDX-License-Identifier: GPL-2.0-only
 * super_free.c - tearing a cache set down, modelled on bcache's super.c and
 * stats.c.  A cache set's closure gets its free function with
 * set_closure_fn(&c->cl, cache_set_free, system_wq): when its last count
 * drops, the function is queued on system_wq, and it runs as a work item,
 * where it may take the register mutex.  A cached device's closure ends
 * with closure_return_with_destructor(): that destructor runs on the spot.
 * The counts drop from the accounting timer (a timer_list callback,
 * softirq): closure_return() of the accounting closure puts its parent.
 *
 * Must find: sleep-in-atomic at the destructor's mutex_lock (softirq).
 * Must not find: cache_set_free's mutex_lock in softirq context: a function
 * set with a workqueue runs from the queue (rules: defer-on set_closure_fn
 * 1 2 process).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include "closure.h"

struct cache_accounting {
	struct closure cl;
	struct timer_list timer;
	atomic_t closing;
};

struct cache_set {
	struct closure cl;
	struct cache_accounting accounting;
};

struct cached_dev {
	struct closure cl;
	struct cache_accounting accounting;
	int detached;
};

static DEFINE_MUTEX(bch_register_lock);
static int bch_cache_sets, bch_cached_devs;

static void cache_set_free(struct closure *cl)
{
	(void)cl;
	mutex_lock(&bch_register_lock);
	bch_cache_sets--;
	mutex_unlock(&bch_register_lock);
}

static void cached_dev_free_now(struct closure *cl)
{
	(void)cl;
	mutex_lock(&bch_register_lock); /* expect(bcache-closure-queue): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in softirq context */
	bch_cached_devs--;
	mutex_unlock(&bch_register_lock);
}

static void scale_accounting(struct timer_list *t)
{
	struct cache_accounting *acc = from_timer(acc, t, timer);

	if (!atomic_read(&acc->closing))
		mod_timer(&acc->timer, jiffies + HZ);
	else
		closure_return(&acc->cl);
}

static void accounting_init(struct cache_accounting *acc, struct closure *parent)
{
	closure_init(&acc->cl, parent);
	timer_setup(&acc->timer, scale_accounting, 0);
}

void bch_cache_set_alloc(struct cache_set *c)
{
	closure_init(&c->cl, NULL);
	set_closure_fn(&c->cl, cache_set_free, system_wq);
	accounting_init(&c->accounting, &c->cl);
}

static void cached_dev_flush(struct closure *cl)
{
	closure_return_with_destructor(cl, cached_dev_free_now);
}

void bch_cached_dev_init(struct cached_dev *dc)
{
	closure_init(&dc->cl, NULL);
	accounting_init(&dc->accounting, &dc->cl);
	if (dc->detached)
		cached_dev_flush(&dc->cl);
}
