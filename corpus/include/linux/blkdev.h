/* SPDX-License-Identifier: GPL-2.0-only */ /* blkdev.h - disks: capacity and registration. */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/mutex.h>

#define DISK_MAX_PARTS	16

/* A partition (or the whole disk): its device has a class, never a bus. */
struct block_device {
	struct device bd_device;
	struct gendisk *bd_disk;
	u8 bd_partno;
};

struct gendisk {
	int major;
	int first_minor;
	char disk_name[32];
	void *private_data;
	struct request_queue *queue;
	struct mutex open_mutex;	/* opens, and adding and dropping partitions */
	struct block_device *parts[DISK_MAX_PARTS];
};

extern bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
extern int device_add_disk(struct device *parent, struct gendisk *disk, const void *groups);
extern void del_gendisk(struct gendisk *disk);
extern void put_disk(struct gendisk *disk);
extern int register_blkdev(unsigned int major, const char *name);
extern void unregister_blkdev(unsigned int major, const char *name);

#endif
