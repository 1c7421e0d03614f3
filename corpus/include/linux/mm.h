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
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)
extern void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages((page), 0)
extern void free_pages(unsigned long addr, unsigned int order);
extern void *page_address(const struct page *page);
extern unsigned long page_to_pfn(const struct page *page);
extern struct page *pfn_to_page(unsigned long pfn);
extern void adjust_managed_page_count(struct page *page, long count);
extern unsigned long totalram_pages(void);

#endif
