/* SPDX-License-Identifier: GPL-2.0-only
 * device_status.c - corpus model of drivers/s390/cio/device_status.c:
 * accumulating the status of a channel program across interrupts and
 * starting basic sense.  Called from the state machine with the
 * subchannel lock held; takes no lock.  No findings.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/ccwdev.h>

#include "cio.h"
#include "io_sch.h"
#include "device.h"

void ccw_device_accumulate_irb(struct ccw_device *cd, struct irb *irb)
{
	struct irb *acc = &cd->private->irb;

	if (!(irb->scsw.cmd.stctl & SCSW_STCTL_STATUS_PEND))
		return;
	acc->scsw.cmd.dstat |= irb->scsw.cmd.dstat;
	acc->scsw.cmd.cstat |= irb->scsw.cmd.cstat;
	acc->scsw.cmd.stctl = irb->scsw.cmd.stctl;
	acc->scsw.cmd.cpa = irb->scsw.cmd.cpa;
	acc->scsw.cmd.count = irb->scsw.cmd.count;
	if (irb->scsw.cmd.dstat & DEV_STAT_UNIT_CHECK)
		memcpy(acc->ecw, irb->ecw, sizeof(irb->ecw));
	cd->private->flags.dosense =
		(irb->scsw.cmd.dstat & DEV_STAT_UNIT_CHECK) && !irb->ecw[0];
}

int ccw_device_do_sense(struct ccw_device *cd, struct irb *irb)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);
	struct ccw1 *sense_ccw = &cd->private->sense_ccw;

	sense_ccw->cmd_code = CCW_CMD_SENSE;
	sense_ccw->cda = (__u32)(addr_t)cd->private->irb.ecw;
	sense_ccw->count = sizeof(cd->private->irb.ecw);
	sense_ccw->flags = CCW_FLAG_SLI;
	return cio_start(sch, sense_ccw, 0xff);
}
