// SPDX-License-Identifier: GPL-2.0-only
/*
 * zap_range.c - unmapping a range of page tables (models zap_pte_range()
 * in mm/memory.c, reached from a munmap or a device's mmap teardown): each
 * page table is mapped and locked, its entries cleared, then unmapped and
 * unlocked, and the loop reschedules between tables.  The lock is taken
 * through pte_offset_map_lock()'s own local and handed back through
 * '*(ptlp) = __ptl' into the caller's 'ptl', which pte_unmap_unlock()
 * releases.  -DZAP_RESCHED_LOCKED reschedules before the unlock.
 */
#include <linux/kernel.h>
#include <linux/mm.h>

#define PTRS_PER_PTE	256

void zap_page_range_tables(struct mm_struct *mm, pmd_t *pmd, int tables)
{
	spinlock_t *ptl;
	int t, i;

	for (t = 0; t < tables; t++) {
		pte_t *pte = pte_offset_map_lock(mm, pmd + t, 0, &ptl);

		for (i = 0; i < PTRS_PER_PTE; i++)
			pte[i].pte = 0;
#ifdef ZAP_RESCHED_LOCKED
		cond_resched(); /* expect(zap-pte-locked): sleep-in-atomic cond_resched() may schedule */
		pte_unmap_unlock(pte, ptl);
#else
		pte_unmap_unlock(pte, ptl);
		cond_resched();
#endif
	}
}
