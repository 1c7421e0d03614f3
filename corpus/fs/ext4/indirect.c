// SPDX-License-Identifier: GPL-2.0-only
/*
 * indirect.c - block mapping of an indirect-block inode (models the shape
 * of fs/ext4/indirect.c's ext4_ind_map_blocks() and of the journal's use
 * of it to map its own blocks).  A lookup that finds a hole returns early
 * unless the caller asked to create blocks: the hole's size is worked out,
 * and the branch leaves with 'goto cleanup', a label of the function's
 * body.  Only past that test does the mapping allocate (or take a block of
 * a cluster allocated already, jumping to 'got_allocated:' from there) and
 * splice a new branch in, under the journal's checkpoint mutex.  The journal maps its
 * blocks with flags 0, holding that mutex already; -DEXT4_JOURNAL_CREATES
 * maps them with EXT4_GET_BLOCKS_CREATE (the control: the splice then
 * takes the mutex again).
 */
#include <linux/mutex.h>
#include <linux/errno.h>

#define EXT4_GET_BLOCKS_CREATE		0x0001
#define EXT4_GET_BLOCKS_DELALLOC	0x0004

#ifdef EXT4_JOURNAL_CREATES
#define JOURNAL_MAP_FLAGS	EXT4_GET_BLOCKS_CREATE
#else
#define JOURNAL_MAP_FLAGS	0
#endif

struct ext4_map_blocks {
	unsigned long m_lblk;
	unsigned int m_len;
	unsigned long long m_pblk;
};

struct journal {
	struct mutex j_checkpoint_mutex;
	unsigned long j_first, j_last;
};

static struct journal ext4_journal;

extern unsigned long ext4_lookup_branch(unsigned long lblk, int *depth);
extern unsigned long ext4_cluster_block(unsigned long lblk);
extern unsigned long ext4_new_block(unsigned long goal);

static int ext4_splice_branch(unsigned long lblk)
{
	mutex_lock(&ext4_journal.j_checkpoint_mutex); /* expect(ext4-map-create): recursive-lock */
	ext4_journal.j_last = lblk;
	mutex_unlock(&ext4_journal.j_checkpoint_mutex);
	return 0;
}

int ext4_ind_map_blocks(struct ext4_map_blocks *map, int flags)
{
	int depth = 0, err = -EIO;
	unsigned long found = ext4_lookup_branch(map->m_lblk, &depth);

	if (found) {
		map->m_pblk = found;
		return 1;
	}
	/* a hole: without CREATE, say how large it is and leave */
	if ((flags & EXT4_GET_BLOCKS_CREATE) == 0) {
		unsigned int count = 1;
		int i;

		for (i = 1; i < depth; i++)
			count = count * 1024 + 1;
		map->m_len = count < map->m_len ? count : map->m_len;
		map->m_pblk = 0;
		goto cleanup;
	}
	/* a block of a cluster allocated already: splice it in as it is */
	map->m_pblk = ext4_cluster_block(map->m_lblk);
	if (map->m_pblk)
		goto got_allocated;
	map->m_pblk = ext4_new_block(map->m_lblk);
got_allocated:
	err = ext4_splice_branch(map->m_lblk);
	if (flags & EXT4_GET_BLOCKS_DELALLOC)
		map->m_len = 1;
cleanup:
	return err;
}

/* the journal maps one of its own blocks, its checkpoint mutex held */
int ext4_journal_bmap(unsigned long block, unsigned long long *phys)
{
	struct ext4_map_blocks map = { .m_lblk = block, .m_len = 1 };
	int ret;

	mutex_lock(&ext4_journal.j_checkpoint_mutex);
	ret = ext4_ind_map_blocks(&map, JOURNAL_MAP_FLAGS);
	*phys = map.m_pblk;
	mutex_unlock(&ext4_journal.j_checkpoint_mutex);
	return ret;
}
