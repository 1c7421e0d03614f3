/* SPDX-License-Identifier: GPL-2.0-only
 * dirty.c - a file system's dirty hooks, modelled on a journalling file
 * system: its folios dirty through filemap_dirty_folio(), and its
 * dirty_inode() counts the inode under a spinlock taken without disabling
 * interrupts (as open() takes it too), then records it in the journal
 * under a mutex.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/fs.h>

static DEFINE_MUTEX(ext2_journal_mutex);
static DEFINE_SPINLOCK(ext2_inode_lock);
static int ext2_dirty_count, ext2_open_count;

static void ext2_dirty_inode(struct inode *inode, int flags)
{
	(void)inode;
	(void)flags;
	spin_lock(&ext2_inode_lock);
	ext2_dirty_count++;
	spin_unlock(&ext2_inode_lock);
	mutex_lock(&ext2_journal_mutex);
	ext2_dirty_count++;
	mutex_unlock(&ext2_journal_mutex);
}

static int ext2_file_open(struct inode *inode, struct file *file)
{
	(void)inode;
	(void)file;
	/* not an irq-inversion: dirty_inode takes this lock in the interrupt
	 * only past folio_lock()'s might_sleep(), which is that path's bug */
	spin_lock(&ext2_inode_lock);
	ext2_open_count++;
	spin_unlock(&ext2_inode_lock);
	return 0;
}

const struct address_space_operations ext2_aops = {
	.dirty_folio	= filemap_dirty_folio,
};

const struct super_operations ext2_sops = {
	.dirty_inode	= ext2_dirty_inode,
};

const struct file_operations ext2_file_operations = {
	.open		= ext2_file_open,
};
