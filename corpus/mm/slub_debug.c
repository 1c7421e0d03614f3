// SPDX-License-Identifier: GPL-2.0-only
/*
 * slub_debug.c - a slab cache's free with its consistency checks (the shape
 * of mm/slub.c with CONFIG_SLUB_DEBUG): the object goes back on its node's
 * partial list under the node's list_lock, and the checks run under that
 * lock.  A check that finds the object corrupt reports it - a banner through
 * printk, the object's bytes - and taints the kernel with
 * LOCKDEP_NOW_UNRELIABLE, which turns lockdep off: the kernel no longer
 * trusts its own lock state.  The report's printk reaches the console
 * drivers under list_lock; it is the report of a corrupted state, not a
 * path of the free (rules: corruption-report add_taint).
 *
 * Variants (-D):
 *   SLUB_REPORT_RATELIMIT  the report is bad_page()'s shape: past a burst of
 *                          reports a 'goto' jumps over the printks to the
 *                          taint at its label, and the first report after
 *                          the burst says how many were not shown
 *   SLUB_REPORT_STILL_OK   the report taints with LOCKDEP_STILL_OK: lockdep
 *                          stays on, so the printk is a path like any other
 */
#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/slub_def.h>

#ifdef SLUB_REPORT_STILL_OK
#define SLUB_REPORT_TAINT	TAINT_WARN, LOCKDEP_STILL_OK
#else
#define SLUB_REPORT_TAINT	TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE
#endif

static bool slab_errors_collected;
#ifdef SLUB_REPORT_RATELIMIT
static unsigned long reports_shown, reports_hidden;
extern bool report_burst_lasts(void);
#endif

/* a test suite counts the reports instead of printing them */
void slab_collect_errors(bool on)
{
	slab_errors_collected = on;
}

static void slab_banner(struct kmem_cache *s, const char *why)
{
	printk("BUG %s (Not tainted): %s\n", s->name, why);
}

static void dump_object(struct kmem_cache *s, void *object)
{
	printk("Object %p in cache %s\n", object, s->name);
}

static void report_bad_object(struct kmem_cache *s, void *object, const char *why)
{
	if (slab_errors_collected)
		return;
#ifdef SLUB_REPORT_RATELIMIT
	if (reports_shown == 60) {
		if (report_burst_lasts()) {
			reports_hidden++;
			goto taint;
		}
		if (reports_hidden)
			printk("%lu slab reports not shown\n", reports_hidden);
		reports_hidden = 0;
		reports_shown = 0;
	}
	reports_shown++;
#endif
	slab_banner(s, why);
	dump_object(s, object);
#ifdef SLUB_REPORT_RATELIMIT
taint:
#endif
	add_taint(SLUB_REPORT_TAINT);
}

static bool object_in_slab(struct kmem_cache *s, void *object)
{
	return object && (char *)object >= s->base && (char *)object < s->base + s->size;
}

static bool free_checks_pass(struct kmem_cache *s, void *object)
{
	if (!object_in_slab(s, object)) {
		report_bad_object(s, object, "freed object outside of its slab");
		return false;
	}
	return true;
}

void kmem_cache_free(struct kmem_cache *s, void *object)
{
	unsigned long flags;

	spin_lock_irqsave(&s->node.list_lock, flags);
	if (free_checks_pass(s, object))
		s->node.nr_partial++;
	spin_unlock_irqrestore(&s->node.list_lock, flags);
}
