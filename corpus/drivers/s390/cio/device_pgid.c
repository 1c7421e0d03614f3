/* SPDX-License-Identifier: GPL-2.0-only
 * device_pgid.c - corpus model of drivers/s390/cio/device_pgid.c: path
 * verification.  Each path the device should have is tried with a NOP;
 * when none is left to try, verification ends at once, with no interrupt,
 * and ccw_device_verify_done() (device_fsm.c in the kernel) tells the
 * driver: an I/O that was refused for a missing path gets a made-up status
 * through cdev->handler.  All of it runs under the subchannel lock, and a
 * driver's own start gets here (ccw_device_start_timeout, device_ops.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/ccwdev.h>

#include "cio.h"
#include "io_sch.h"
#include "device.h"

static void ccw_device_verify_done(struct ccw_device *cd, int err)
{
	struct ccw_device_private *pv = cd->private;

	if (err) {
		pv->state = DEV_STATE_BOXED;
		return;
	}
	pv->state = DEV_STATE_ONLINE;
	if (!pv->flags.fake_irb)
		return;
	/* the refused I/O ends now: the driver sees a status it can retry on */
	pv->flags.fake_irb = 0;
	memset(&pv->irb, 0, sizeof(pv->irb));
	if (cd->handler)
		cd->handler(cd, pv->intparm, &pv->irb);
}

static void verify_done(struct ccw_device *cd, int rc)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	if (!rc)
		sch->opm = sch->lpm;
	ccw_device_verify_done(cd, rc);
}

/* One NOP on the lowest path not tried yet; with none left, the verdict. */
static void nop_do(struct ccw_device *cd)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);
	__u8 untried = sch->opm & ~sch->lpm;

	if (!untried) {
		verify_done(cd, sch->lpm ? 0 : -EACCES);
		return;
	}
	cd->private->sense_ccw.cmd_code = 0x03;	/* no operation */
	if (cio_start(sch, &cd->private->sense_ccw, untried & -untried))
		verify_done(cd, -EIO);
}

static void verify_start(struct ccw_device *cd)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	sch->lpm = 0;
	cd->private->state = DEV_STATE_VERIFY;
	nop_do(cd);
}

void ccw_device_verify_paths(struct ccw_device *cd)
{
	cd->private->flags.doverify = 0;
	verify_start(cd);
}
