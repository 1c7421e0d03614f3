/* SPDX-License-Identifier: GPL-2.0-only
 * filemap.c - waiting for a folio's lock and the generic dirty_folio,
 * modelled on mm/filemap.c and mm/page-writeback.c: __folio_lock() waits
 * in folio_wait_bit_common() with io_schedule(); folio_mark_dirty() calls
 * the mapping's a_ops->dirty_folio, and filemap_dirty_folio() marks the
 * inode dirty, which calls the file system's super_operations.dirty_inode.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/pagemap.h>

extern bool test_bit(long nr, const unsigned long *addr);
extern void clear_bit_unlock(long nr, unsigned long *addr);

static void folio_wait_bit_common(struct folio *folio, int bit_nr, int state)
{
	(void)state;
	while (test_and_set_bit_lock(bit_nr, &folio->flags))
		io_schedule();
}

void __folio_lock(struct folio *folio)
{
	folio_wait_bit_common(folio, PG_locked, TASK_UNINTERRUPTIBLE);
}

void folio_unlock(struct folio *folio)
{
	clear_bit_unlock(PG_locked, &folio->flags);
}

bool folio_mark_dirty(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;

	if (!mapping)
		return false;
	return mapping->a_ops->dirty_folio(mapping, folio);
}

bool filemap_dirty_folio(struct address_space *mapping, struct folio *folio)
{
	(void)folio;
	__mark_inode_dirty(mapping->host, I_DIRTY_PAGES);
	return true;
}

void __mark_inode_dirty(struct inode *inode, int flags)
{
	struct super_block *sb = inode->i_sb;

	if (sb->s_op->dirty_inode)
		sb->s_op->dirty_inode(inode, flags);
}
