/* SPDX-License-Identifier: GPL-2.0-only
 * core.c - corpus model of block/partitions/core.c: a partition is a
 * block_device whose bd_device is registered with a class and a parent,
 * never with a bus, so device_del() on it runs no bus's remove.  Called
 * with the disk's open_mutex held.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/blkdev.h>

static void delete_partition(struct block_device *part)
{
	part->bd_disk->parts[part->bd_partno] = NULL;
	device_del(&part->bd_device);
	put_device(&part->bd_device);
}

void blk_drop_partitions(struct gendisk *disk)
{
	int no;

	for (no = 1; no < DISK_MAX_PARTS; no++)
		if (disk->parts[no])
			delete_partition(disk->parts[no]);
}
