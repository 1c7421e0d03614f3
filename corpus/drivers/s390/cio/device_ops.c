/* SPDX-License-Identifier: GPL-2.0-only
 * device_ops.c - corpus model of drivers/s390/cio/device_ops.c: the I/O
 * interface ccw device drivers call.  ccw_device_start() requires the
 * caller to hold the ccw device lock (get_ccwdev_lock) and takes no lock
 * itself; it is the reason virtio-ccw's ccw_io_helper() takes that lock.
 * No findings.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <asm/ccwdev.h>

#include "cio.h"
#include "io_sch.h"
#include "device.h"

static int ccw_device_start_key(struct ccw_device *cd, struct ccw1 *cpa,
				unsigned long intparm, __u8 lpm, __u8 key, unsigned long flags)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);
	int rc;

	if (!sch)
		return -ENODEV;
	if (cd->private->state == DEV_STATE_NOT_OPER)
		return -ENODEV;
	if (cd->private->state == DEV_STATE_VERIFY || cd->private->flags.doverify)
		return -EBUSY;
	if (cd->private->state != DEV_STATE_ONLINE)
		return -EBUSY;
	rc = cio_start_key(sch, cpa, lpm, key);
	if (rc == 0)
		cd->private->intparm = intparm;
	return rc;
}

int ccw_device_start(struct ccw_device *cd, struct ccw1 *cpa, unsigned long intparm,
		     __u8 lpm, unsigned long flags)
{
	return ccw_device_start_key(cd, cpa, intparm, lpm, 0, flags);
}
EXPORT_SYMBOL(ccw_device_start);

/*
 * With a timeout the start also notices a path that went away (-EACCES):
 * it verifies the device's paths at once, still under the caller's lock,
 * and that verification may end in the driver's handler (device_pgid.c).
 */
static int ccw_device_start_timeout_key(struct ccw_device *cd, struct ccw1 *cpa,
					unsigned long intparm, __u8 lpm, __u8 key, int expires)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);
	int err;

	if (cd->private->state != DEV_STATE_ONLINE)
		return -EBUSY;
	err = cio_start_key(sch, cpa, lpm, key);
	if (!err) {
		cd->private->intparm = intparm;
		return 0;
	}
	if (err == -EACCES) {
		cd->private->flags.fake_irb = 1;   /* the driver hears of it when verified */
		ccw_device_verify_paths(cd);
	}
	return err;
}

int ccw_device_start_timeout(struct ccw_device *cd, struct ccw1 *cpa, unsigned long intparm,
			     __u8 lpm, unsigned long flags, int expires)
{
	return ccw_device_start_timeout_key(cd, cpa, intparm, lpm, 0, expires);
}
EXPORT_SYMBOL(ccw_device_start_timeout);

void ccw_device_get_id(struct ccw_device *cd, struct ccw_dev_id *dev_id)
{
	*dev_id = cd->private->dev_id;
}
EXPORT_SYMBOL(ccw_device_get_id);

void ccw_device_get_schid(struct ccw_device *cd, struct subchannel_id *schid)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	*schid = sch->schid;
}
EXPORT_SYMBOL_GPL(ccw_device_get_schid);
