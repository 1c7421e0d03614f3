/* SPDX-License-Identifier: GPL-2.0-only
 * device_fsm.c - corpus model of drivers/s390/cio/device_fsm.c: the ccw
 * device state machine.  dev_jumptable is a two-dimensional array of
 * function pointers built with nested designated initializers; a call
 * through it (dev_fsm_event, device.h) may reach any function stored in
 * it, and every one of them runs with the subchannel lock held.
 *
 * An interrupt in the online state lands in ccw_device_irq(), which hands
 * the status to the device driver through cdev->handler: directly for an
 * unsolicited status (how a virtio config change arrives), through
 * ccw_device_call_handler() for the end of a driver's own I/O.  None of
 * the handlers here takes a lock; no findings in this file.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/ccwdev.h>

#include "cio.h"
#include "css.h"
#include "io_sch.h"
#include "device.h"

/* ---- helpers called with the lock held ---- */

/* Defer work that must not run under the lock (registration, removal). */
void ccw_device_sched_todo(struct ccw_device *cd, enum cdev_todo todo)
{
	struct ccw_device_private *pv = cd->private;

	if (pv->todo >= todo)
		return;
	if (!get_device(&cd->dev))
		return;
	pv->todo = todo;
	if (!queue_work(cio_work_q, &pv->todo_work))
		put_device(&cd->dev);
}

static void ccw_device_verify_start(struct ccw_device *cd)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	cd->private->flags.doverify = 0;
	cd->private->sense_ccw.cmd_code = 0x34;	/* sense path group id */
	if (cio_start(sch, &cd->private->sense_ccw, sch->lpm))
		cd->private->state = DEV_STATE_BOXED;
}

int ccw_device_online(struct ccw_device *cd)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);
	int rc;

	if (cd->private->state != DEV_STATE_OFFLINE &&
	    cd->private->state != DEV_STATE_BOXED)
		return -EINVAL;
	rc = cio_enable_subchannel(sch, (u32)(addr_t)sch);
	if (rc)
		return rc;
	cd->private->state = DEV_STATE_VERIFY;
	ccw_device_verify_start(cd);
	return 0;
}

int ccw_device_offline(struct ccw_device *cd)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	if (cd->private->state != DEV_STATE_ONLINE)
		return -EINVAL;
	cio_disable_subchannel(sch);
	cd->private->state = DEV_STATE_OFFLINE;
	wake_up(&cd->private->wait_q);
	return 0;
}

/* Give the accumulated status of the driver's own I/O to its handler. */
static int ccw_device_call_handler(struct ccw_device *cd)
{
	struct irb *irb = &cd->private->irb;
	unsigned long intparm = cd->private->intparm;

	if (irb->scsw.cmd.stctl & SCSW_STCTL_INTER_STATUS)
		return 0;
	if (cd->handler)
		cd->handler(cd, intparm, irb);
	memset(irb, 0, sizeof(*irb));
	return 1;
}

/* ---- the state machine's actions ---- */

static void ccw_device_nop(struct ccw_device *cd, enum dev_event ev)
{
}

static void ccw_device_bug(struct ccw_device *cd, enum dev_event ev)
{
	pr_err("cio: state %d event %d: internal error\n", cd->private->state, ev);
	BUG();
}

static void ccw_device_generic_notoper(struct ccw_device *cd, enum dev_event ev)
{
	cd->private->state = DEV_STATE_NOT_OPER;
	ccw_device_sched_todo(cd, CDEV_TODO_UNREG);
	wake_up(&cd->private->wait_q);
}

/* An interrupt for a device nobody uses: just clear it. */
static void ccw_device_disabled_irq(struct ccw_device *cd, enum dev_event ev)
{
	struct subchannel *sch = to_subchannel(cd->dev.parent);

	cio_disable_subchannel(sch);
}

/* Sense id done: the device is known, register it (later, unlocked). */
static void ccw_device_sense_id_irq(struct ccw_device *cd, enum dev_event ev)
{
	cd->private->state = DEV_STATE_OFFLINE;
	ccw_device_sched_todo(cd, CDEV_TODO_REGISTER);
}

/* Path verification done: the device is online, wake set_online. */
static void ccw_device_verify_irq(struct ccw_device *cd, enum dev_event ev)
{
	cd->private->state = DEV_STATE_ONLINE;
	wake_up(&cd->private->wait_q);
}

static void ccw_device_online_verify(struct ccw_device *cd, enum dev_event ev)
{
	cd->private->state = DEV_STATE_VERIFY;
	ccw_device_verify_start(cd);
}

static void ccw_device_online_timeout(struct ccw_device *cd, enum dev_event ev)
{
	if (cd->handler)
		cd->handler(cd, cd->private->intparm, ERR_PTR(-ETIME));
}

/* The interrupt of an online device. */
static void ccw_device_irq(struct ccw_device *cd, enum dev_event ev)
{
	struct irb *irb = &cio_irb;

	if (!scsw_is_solicited(&irb->scsw)) {
		/* Unit check without sense data: get it first. */
		if ((irb->scsw.cmd.dstat & DEV_STAT_UNIT_CHECK) &&
		    ccw_device_do_sense(cd, irb) == 0) {
			cd->private->state = DEV_STATE_W4SENSE;
			cd->private->intparm = 0;
			return;
		}
		/* The device speaks on its own: tell the driver right away. */
		if (cd->handler)
			cd->handler(cd, 0, irb);
		if (cd->private->flags.doverify)
			ccw_device_online_verify(cd, 0);
		return;
	}
	ccw_device_accumulate_irb(cd, irb);
	if (cd->private->flags.dosense) {
		if (ccw_device_do_sense(cd, irb) == 0)
			cd->private->state = DEV_STATE_W4SENSE;
		return;
	}
	if (ccw_device_call_handler(cd) && cd->private->flags.doverify)
		ccw_device_online_verify(cd, 0);
}

/* Waiting for basic sense: its end completes the original status. */
static void ccw_device_w4sense(struct ccw_device *cd, enum dev_event ev)
{
	struct irb *irb = &cio_irb;

	ccw_device_accumulate_irb(cd, irb);
	cd->private->flags.dosense = 0;
	cd->private->state = DEV_STATE_ONLINE;
	ccw_device_call_handler(cd);
}

/*
 * One row per state, the actions in event order: not operational,
 * interrupt, timeout, verify.  Every action runs under the subchannel lock.
 */
#define FSM_ROW(on_notoper, on_irq, on_timeout, on_verify) {			\
		[DEV_EVENT_NOTOPER] = on_notoper, [DEV_EVENT_INTERRUPT] = on_irq,	\
		[DEV_EVENT_TIMEOUT] = on_timeout, [DEV_EVENT_VERIFY] = on_verify }

fsm_func_t *dev_jumptable[NR_DEV_STATES][NR_DEV_EVENTS] = {
	[DEV_STATE_NOT_OPER]	= FSM_ROW(ccw_device_nop, ccw_device_disabled_irq,
				  ccw_device_nop, ccw_device_nop),
	[DEV_STATE_SENSE_ID]	= FSM_ROW(ccw_device_generic_notoper, ccw_device_sense_id_irq,
				  ccw_device_generic_notoper, ccw_device_nop),
	[DEV_STATE_OFFLINE]	= FSM_ROW(ccw_device_generic_notoper, ccw_device_disabled_irq,
				  ccw_device_nop, ccw_device_nop),
	[DEV_STATE_VERIFY]	= FSM_ROW(ccw_device_generic_notoper, ccw_device_verify_irq,
				  ccw_device_generic_notoper, ccw_device_nop),
	[DEV_STATE_ONLINE]	= FSM_ROW(ccw_device_generic_notoper, ccw_device_irq,
				  ccw_device_online_timeout, ccw_device_online_verify),
	[DEV_STATE_W4SENSE]	= FSM_ROW(ccw_device_generic_notoper, ccw_device_w4sense,
				  ccw_device_nop, ccw_device_online_verify),
	[DEV_STATE_BOXED]	= FSM_ROW(ccw_device_generic_notoper, ccw_device_nop,
				  ccw_device_nop, ccw_device_bug),
};
