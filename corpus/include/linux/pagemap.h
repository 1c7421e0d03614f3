/* SPDX-License-Identifier: GPL-2.0-only
 * pagemap.h - locking a page cache folio.  folio_lock() is a static inline
 * that says it may sleep first (might_sleep(), an empty statement in a
 * PREEMPT_NONE build without CONFIG_DEBUG_ATOMIC_SLEEP), then sleeps only
 * when the folio is already locked (__folio_lock, mm/filemap.c).
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/kernel.h>
#include <linux/fs.h>

#define PG_locked	0

struct folio {
	unsigned long flags;
	struct address_space *mapping;
};

extern bool test_and_set_bit_lock(long nr, unsigned long *addr);
extern void __folio_lock(struct folio *folio);
extern void folio_unlock(struct folio *folio);
extern bool folio_mark_dirty(struct folio *folio);

static inline bool folio_trylock(struct folio *folio)
{
	return !test_and_set_bit_lock(PG_locked, &folio->flags);
}

static inline void folio_lock(struct folio *folio)
{
	might_sleep(); /* expect(might-sleep-folio-ccw): sleep-in-atomic might_sleep may sleep (might_sleep() annotation) in hardirq context, in folio_lock */
	if (!folio_trylock(folio))
		__folio_lock(folio);
}

#endif
