/* SPDX-License-Identifier: GPL-2.0-only
 * mmap_lock.h - an address space's mmap_lock, an rw_semaphore taken
 * through small inline wrappers; the page-pinning API of mm/gup.c.
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/rwsem.h>

struct page;

struct mm_struct {
	struct rw_semaphore mmap_lock;
	unsigned long flags;
};

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline int mmap_read_lock_killable(struct mm_struct *mm)
{
	return down_read_killable(&mm->mmap_lock); /* expect(gup-retry-entered): recursive-lock mmap_read_lock_killable */
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

/* LOCKED: NULL, or the caller's flag that it holds mmap_lock for reading,
 * which a fault may clear by dropping the lock */
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages, int *locked);

#endif
