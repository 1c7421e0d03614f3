// SPDX-License-Identifier: GPL-2.0-only
/*
 * extents.c - block mapping of an extent-mapped inode (models the shape of
 * fs/ext4/extents.c's ext4_ext_map_blocks() and its handling of an
 * unwritten extent, and of the journal's use of it to map its own blocks).
 * The unwritten-extent handler first adds a flag of its own to the flags
 * it was given ('flags |= EXT4_GET_BLOCKS_METADATA_NOFAIL'), then splits
 * the extent only for EXT4_GET_BLOCKS_PRE_IO and converts it only for
 * EXT4_GET_BLOCKS_CONVERT; the conversion dirties the inode, which may
 * restart the journal handle and wait for log space under the journal's
 * checkpoint mutex.  The journal maps its blocks with flags 0, holding
 * that mutex already: the flag the handler adds is neither of those two,
 * so neither branch runs.  -DEXT4_JOURNAL_CONVERTS maps them with
 * EXT4_GET_BLOCKS_CONVERT (the control: the conversion then takes the
 * mutex again).
 */
#include <linux/mutex.h>
#include <linux/errno.h>

#define EXT4_GET_BLOCKS_PRE_IO		0x0008
#define EXT4_GET_BLOCKS_CONVERT		0x0010
#define EXT4_GET_BLOCKS_METADATA_NOFAIL	0x0020

#ifdef EXT4_JOURNAL_CONVERTS
#define JOURNAL_MAP_FLAGS	EXT4_GET_BLOCKS_CONVERT
#else
#define JOURNAL_MAP_FLAGS	0
#endif

struct ext4_ext_map {
	unsigned long m_lblk;
	unsigned int m_len;
	unsigned long long m_pblk;
	int unwritten;
};

struct ext4_ext_journal {
	struct mutex j_checkpoint_mutex;
	unsigned long j_free;
};

static struct ext4_ext_journal ext4_ext_journal;

extern unsigned long ext4_ext_find_extent(unsigned long lblk, int *unwritten);
extern int ext4_ext_split(struct ext4_ext_map *map, int flags);

/* waiting for log space: a checkpoint, under the journal's mutex */
static void ext4_ext_wait_for_space(void)
{
	mutex_lock(&ext4_ext_journal.j_checkpoint_mutex); /* expect(ext4-unwritten-convert): recursive-lock */
	ext4_ext_journal.j_free += 8;
	mutex_unlock(&ext4_ext_journal.j_checkpoint_mutex);
}

static int ext4_ext_convert_endio(struct ext4_ext_map *map)
{
	map->unwritten = 0;
	if (ext4_ext_journal.j_free < 2)   /* dirtying the inode needs credits */
		ext4_ext_wait_for_space();
	return 0;
}

static int ext4_ext_handle_unwritten(struct ext4_ext_map *map, int flags)
{
	int err = 0;

	flags |= EXT4_GET_BLOCKS_METADATA_NOFAIL;   /* may not fail from here */
	if (flags & EXT4_GET_BLOCKS_PRE_IO) {
		err = ext4_ext_split(map, flags);
		goto out;
	}
	if (flags & EXT4_GET_BLOCKS_CONVERT)
		err = ext4_ext_convert_endio(map);
out:
	return err;
}

int ext4_ext_map_blocks(struct ext4_ext_map *map, int flags)
{
	unsigned long found = ext4_ext_find_extent(map->m_lblk, &map->unwritten);

	if (!found)
		return 0;
	map->m_pblk = found;
	if (map->unwritten)
		return ext4_ext_handle_unwritten(map, flags);
	return 1;
}

/* the journal maps one of its own blocks, its checkpoint mutex held */
int ext4_ext_journal_bmap(unsigned long block, unsigned long long *phys)
{
	struct ext4_ext_map map = { .m_lblk = block, .m_len = 1 };
	int ret;

	mutex_lock(&ext4_ext_journal.j_checkpoint_mutex);
	ret = ext4_ext_map_blocks(&map, JOURNAL_MAP_FLAGS);
	*phys = map.m_pblk;
	mutex_unlock(&ext4_ext_journal.j_checkpoint_mutex);
	return ret;
}
