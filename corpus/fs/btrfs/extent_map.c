// SPDX-License-Identifier: GPL-2.0-only
/*
 * extent_map.c - dropping a chunk's mapping (models
 * extent_map_device_clear_bits() and its caller in fs/btrfs/extent_map.c,
 * volumes.c): the device's allocated bits are cleared while the mapping
 * tree's rwlock is held for writing, so the clear must not block, and
 * says so with GFP_NOWAIT.  -DCHUNK_CLEAR_BLOCKING passes GFP_KERNEL.
 */
#include "ctree.h"

#ifdef CHUNK_CLEAR_BLOCKING
#define CLEAR_GFP	GFP_KERNEL
#else
#define CLEAR_GFP	GFP_NOWAIT
#endif

static void device_clear_alloc_bits(struct btrfs_device *dev, u64 start, u64 len)
{
	clear_extent_bits(&dev->alloc_state, start, start + len - 1, CHUNK_ALLOCATED | CHUNK_TRIMMED, CLEAR_GFP);
	/* the range stays known as trimmed */
	set_extent_bits(&dev->alloc_state, start, start + len - 1, CHUNK_TRIMMED, CLEAR_GFP);
}

void btrfs_remove_chunk_map(struct btrfs_fs_info *fs_info, u64 start, u64 len)
{
	write_lock(&fs_info->mapping_tree.lock);
	device_clear_alloc_bits(fs_info->first_dev, start, len);
	write_unlock(&fs_info->mapping_tree.lock);
}
