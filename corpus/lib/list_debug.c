// SPDX-License-Identifier: GPL-2.0-only
/*
 * list_debug.c - CONFIG_DEBUG_LIST's check before an unlink (lib/list_debug.c
 * in Linux): a neighbour that does not point back at the entry is a
 * corrupted list, reported with CHECK_DATA_CORRUPTION() - pr_err() and
 * BUG() with CONFIG_BUG_ON_DATA_CORRUPTION, a WARN() without.  Every
 * list_del() in a debug kernel calls it, under whatever lock guards the
 * list; the report's printk reaches the console drivers from there.  That
 * report is the kernel telling of a state it says cannot be, not a path of
 * the caller's: code that ends in BUG() is not visited, and WARN()'s
 * message (__warn_printk, rules: bug-report) is not followed.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/bug.h>

#ifdef LIST_DEBUG_RECOVER
/* set where a corrupted list is left alone rather than stopped on */
bool list_debug_recovers;
#endif

bool __list_del_entry_valid(struct list_head *entry)
{
	struct list_head *before = entry->prev, *after = entry->next;

#ifdef LIST_DEBUG_RECOVER
	/* a report with a way out before its BUG(): the printk is a path */
	if (!before) {
		printk("list_del: %p has no predecessor\n", entry);
		if (list_debug_recovers)
			return false;
		BUG();
	}
#endif

	if (CHECK_DATA_CORRUPTION(before->next != entry, "list_del: %p is not its predecessor's next\n", entry) ||
	    CHECK_DATA_CORRUPTION(after->prev != entry, "list_del: %p is not its successor's prev\n", entry))
		return false;
	return true;
}
