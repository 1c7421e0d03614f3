/* SPDX-License-Identifier: GPL-2.0-only
 * balloon_compaction.h - the page list a balloon driver keeps
 * (mm/balloon_compaction.c).  The enqueue/dequeue functions take the
 * list's own spinlock internally; they are out of line here.
 */
#ifndef _LINUX_BALLOON_COMPACTION_H
#define _LINUX_BALLOON_COMPACTION_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mm.h>

struct balloon_dev_info {
	unsigned long isolated_pages;
	spinlock_t pages_lock;
	struct list_head pages;
};

static inline void balloon_devinfo_init(struct balloon_dev_info *bi)
{
	bi->isolated_pages = 0;
	spin_lock_init(&bi->pages_lock);
	INIT_LIST_HEAD(&bi->pages);
}

extern struct page *balloon_page_alloc(void);
extern void balloon_page_enqueue(struct balloon_dev_info *bi, struct page *page);
extern struct page *balloon_page_dequeue(struct balloon_dev_info *bi);

#endif
