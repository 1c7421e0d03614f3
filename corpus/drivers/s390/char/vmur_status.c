// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmur_status.c - corpus model of drivers/s390/char/vmur.c: z/VM's unit
 * record devices (reader, punch, printer), another ccw driver.  Its own
 * struct gets the device in an allocation helper, and the probe sets the
 * device's handler.  The handler counts unit checks under a lock, and a
 * report of the count prints under that lock: printk's flush then writes
 * to the consoles.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <asm/ccwdev.h>

struct urdev {
	struct ccw_device *cdev;
	long io_rc;
};

static struct urdev *urdev_alloc(struct ccw_device *cdev)
{
	struct urdev *urd = kzalloc(sizeof(*urd), GFP_KERNEL);

	if (urd)
		urd->cdev = cdev;
	return urd;
}

static DEFINE_SPINLOCK(ur_check_lock);
static unsigned long ur_unit_checks;

static void ur_int_handler(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct urdev *urd = dev_get_drvdata(&cdev->dev);

	urd->io_rc = 0;
	if (!(irb->scsw.cmd.dstat & DEV_STAT_UNIT_CHECK))
		return;
	urd->io_rc = -EIO;
	spin_lock(&ur_check_lock); /* expect(handler-owner-apart,handler-owner-idle-unlinked): recursive-lock ur_check_lock acquired in ur_int_handler */
	ur_unit_checks++;
	spin_unlock(&ur_check_lock);
}

/* How many unit checks the devices saw, said under the lock that counts them. */
void ur_report_checks(void)
{
	spin_lock(&ur_check_lock);
	if (ur_unit_checks)
		pr_info("vmur: %lu unit checks so far\n", ur_unit_checks);
	spin_unlock(&ur_check_lock);
}

static int ur_probe(struct ccw_device *cdev)
{
	struct urdev *urd = urdev_alloc(cdev);

	if (!urd)
		return -ENOMEM;
	dev_set_drvdata(&cdev->dev, urd);
	cdev->handler = ur_int_handler;
	return 0;
}

static struct ccw_device_id ur_ids[] = { { CCW_DEVICE(0x2540, 0) }, { } };

static struct ccw_driver ur_driver = {
	.ids = ur_ids,
	.probe = ur_probe,
};
module_ccw_driver(ur_driver);
