/* SPDX-License-Identifier: GPL-2.0-only
 * gup.c - pinning user pages.  Every pinning call ends in
 * __get_user_pages_locked(), a loop over the faulting pages.  A caller
 * that passes a LOCKED flag lets the fault handler drop mmap_lock (the
 * fault returned VM_FAULT_RETRY and cleared *locked); the loop then takes
 * the lock again at its 'retry:' label and faults the page once more.  A
 * caller that passes NULL keeps its lock: the loop returns after the first
 * batch, 'if (!locked) return', before any code that could retake it, and
 * the label is entered only by the 'goto retry' further down, from code
 * past that test.  The loop's BUG_ON() is an asm on s390, and a label no
 * goto names could be an asm goto's: 'retry:' is named.  Models mm/gup.c (__get_user_pages_locked(),
 * __get_user_pages_remote(), pin_user_pages_remote()).
 *
 * With -DGUP_STORY_RETRY_FIRST (hypothetical) a first batch that found
 * nothing jumps to the label before the test: then the code after the
 * label runs for NULL too, and a caller holding the lock takes it again.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/mmap_lock.h>

#define FOLL_WRITE	0x01
#define FOLL_PIN	0x40000

/* fault in up to NR pages; may drop mmap_lock and clear *locked */
extern long __get_user_pages(struct mm_struct *mm, unsigned long start, unsigned long nr,
			     unsigned int flags, struct page **pages, int *locked);
extern int fatal_signal_pending_current(void);

static long __get_user_pages_locked(struct mm_struct *mm, unsigned long start, unsigned long nr,
				    struct page **pages, int *locked, unsigned int flags)
{
	long got, pinned = 0;

	for (;;) {
		got = __get_user_pages(mm, start, nr, flags, pages, locked);
#ifdef GUP_STORY_RETRY_FIRST
		if (got == 0)
			goto retry;
#endif
		if (!locked)
			return got;   /* no way to drop the lock was given: one batch */
		if (*locked)
			return pinned + got;
		BUG_ON(got < 0);   /* a fault that dropped the lock reports no error */
		pinned += got > 0 ? got : 0;
		start += (unsigned long)(got > 0 ? got : 0);
retry:
		if (fatal_signal_pending_current())
			return pinned ? pinned : -EINTR;
		if (mmap_read_lock_killable(mm))
			return pinned ? pinned : -EINTR;
		*locked = 1;
		got = __get_user_pages(mm, start, 1, flags, pages, locked);
		if (!*locked)
			goto retry;   /* dropped again before the page came in */
		if (got != 1)
			return pinned ? pinned : got;
		if (!--nr)
			return pinned + 1;
		pinned++;
		start++;
	}
}

static long __get_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr,
				    unsigned int flags, struct page **pages, int *locked)
{
	return __get_user_pages_locked(mm, start, nr, pages, locked, flags);
}

long pin_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages, int *locked)
{
	if (!pages)
		return -EINVAL;
	return __get_user_pages_remote(mm, start, nr_pages, gup_flags | FOLL_PIN, pages, locked);
}
