/* SPDX-License-Identifier: GPL-2.0-only */ /* mm.h - pages: allocation, freeing, addresses. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/gfp.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)

struct page {
	unsigned long flags;
	struct list_head lru;
	unsigned long private;
};

extern struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
extern int memcg_charge_page(struct page *page, gfp_t gfp_mask, unsigned int order);
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)
extern void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages((page), 0)
extern void free_pages(unsigned long addr, unsigned int order);
extern void *page_address(const struct page *page);
extern unsigned long page_to_pfn(const struct page *page);
extern struct page *pfn_to_page(unsigned long pfn);
extern void adjust_managed_page_count(struct page *page, long count);
extern unsigned long totalram_pages(void);

/*
 * Page tables, as far as their split locks go: a page table's lock is
 * found through its pmd (pte_lockptr(), an inline), and the two macros
 * that map a page table lock it and hand the lock back through the
 * caller's pointer, and unmap it and unlock what that pointer holds.
 */
#include <linux/spinlock.h>

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
struct mm_struct;

extern spinlock_t *pmd_ptl_of(pmd_t *pmd);
static inline spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd)
{
	return pmd_ptl_of(pmd);
}
extern pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr);
#define pte_unmap(pte)	((void)(pte))

#define pte_offset_map_lock(mm, pmd, addr, ptlp)			\
({									\
	spinlock_t *__ptl = pte_lockptr(mm, pmd);			\
	pte_t *__pte = pte_offset_map(pmd, addr);			\
	*(ptlp) = __ptl;						\
	spin_lock(__ptl);						\
	__pte;								\
})

#define pte_unmap_unlock(pte, ptl)	do {				\
	spinlock_t *__ptl = (ptl);					\
	pte_unmap(pte);							\
	spin_unlock(__ptl);						\
} while (0)

#endif
