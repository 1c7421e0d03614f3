/* SPDX-License-Identifier: GPL-2.0-only
 * dasd_genhd.c - corpus model of the DASD driver's disk (drivers/s390/
 * block/dasd.c and dasd_genhd.c), reduced to its ccw_driver.remove: the
 * device's partitions are dropped with the disk's open_mutex held (the
 * real driver gets there from dasd_generic_remove() through its state
 * machine, dasd_destroy_partitions()), then the disk is deleted.
 *
 * A ccw device is removed by its bus, ccw_device_remove() in cio's
 * device.c, which calls this driver.  The virtio-blk driver drops its own
 * partitions the same way, and the driver core reaches 'dev->bus->remove'
 * from a partition's device_del(): by key that is this remove too, which
 * would take open_mutex twice.  A partition's device has no bus.
 *
 * DASD_PURGE_LOCKED adds a hypothetical bug: a purge of every device that
 * unregisters each ccw device with the device list's mutex held, which
 * the remove takes again (through the ccw bus: tree ccw-unregister-locked).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/blkdev.h>
#include <linux/module.h>
#include <linux/list.h>
#include <asm/ccwdev.h>

extern void blk_drop_partitions(struct gendisk *disk);

struct dasd_block {
	struct gendisk *gdp;
	struct ccw_device *cdev;
	struct list_head node;
};

static DEFINE_MUTEX(dasd_list_mutex);
static LIST_HEAD(dasd_blocks);

static void dasd_destroy_partitions(struct dasd_block *blk)
{
	mutex_lock(&blk->gdp->open_mutex);
	blk_drop_partitions(blk->gdp);
	mutex_unlock(&blk->gdp->open_mutex);
}

static void dasd_generic_remove(struct ccw_device *cdev)
{
	struct dasd_block *blk = dev_get_drvdata(&cdev->dev);

	if (!blk)
		return;
	mutex_lock(&dasd_list_mutex); /* expect(ccw-unregister-locked): recursive-lock dasd_list_mutex acquired in dasd_generic_remove is already held */
	list_del(&blk->node);
	mutex_unlock(&dasd_list_mutex);
	dasd_destroy_partitions(blk);
	del_gendisk(blk->gdp);
	dev_set_drvdata(&cdev->dev, NULL);
	kfree(blk);
}

static int dasd_generic_probe(struct ccw_device *cdev)
{
	struct dasd_block *blk = kzalloc(sizeof(*blk), GFP_KERNEL);

	if (!blk)
		return -ENOMEM;
	blk->cdev = cdev;
	dev_set_drvdata(&cdev->dev, blk);
	mutex_lock(&dasd_list_mutex);
	list_add(&blk->node, &dasd_blocks);
	mutex_unlock(&dasd_list_mutex);
	return 0;
}

#ifdef DASD_PURGE_LOCKED
void dasd_purge_devices(void)
{
	struct dasd_block *blk, *next;

	mutex_lock(&dasd_list_mutex);
	list_for_each_entry_safe(blk, next, &dasd_blocks, node)
		device_unregister(&blk->cdev->dev);
	mutex_unlock(&dasd_list_mutex);
}
#endif

static struct ccw_device_id dasd_eckd_ids[] = {
	{ CCW_DEVICE(0x3990, 0) },
	{ },
};

static struct ccw_driver dasd_eckd_driver = {
	.ids	= dasd_eckd_ids,
	.probe	= dasd_generic_probe,
	.remove	= dasd_generic_remove,
	.driver = {
		.name	= "dasd-eckd",
	},
};
module_ccw_driver(dasd_eckd_driver);
