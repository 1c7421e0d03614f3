/* SPDX-License-Identifier: GPL-2.0-only */ /* blkdev.h - disks: capacity and registration. */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/device.h>

struct gendisk {
	int major;
	int first_minor;
	char disk_name[32];
	void *private_data;
	struct request_queue *queue;
};

extern bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
extern int device_add_disk(struct device *parent, struct gendisk *disk, const void *groups);
extern void del_gendisk(struct gendisk *disk);
extern void put_disk(struct gendisk *disk);
extern int register_blkdev(unsigned int major, const char *name);
extern void unregister_blkdev(unsigned int major, const char *name);

#endif
