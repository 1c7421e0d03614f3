/* SPDX-License-Identifier: GPL-2.0-only
 * genhd.c - corpus model of block/genhd.c: a disk going away drops its
 * partitions with its open_mutex held (no opener may see half of them).
 * No findings here.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/blkdev.h>

extern void blk_drop_partitions(struct gendisk *disk);

void del_gendisk(struct gendisk *disk)
{
	mutex_lock(&disk->open_mutex);
	blk_drop_partitions(disk);
	mutex_unlock(&disk->open_mutex);
}
