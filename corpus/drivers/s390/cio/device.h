/* SPDX-License-Identifier: GPL-2.0-only
 * device.h - the ccw device finite state machine.  An event on a device
 * is dispatched through dev_jumptable[state][event], a two-dimensional
 * array of function pointers defined in device_fsm.c; dev_fsm_event() does
 * the lookup and is called with the subchannel lock held.
 */
#ifndef S390_DEVICE_H
#define S390_DEVICE_H

#include <linux/types.h>
#include <linux/wait.h>
#include <asm/ccwdev.h>
#include <asm/irq.h>
#include "io_sch.h"

enum dev_state {
	DEV_STATE_NOT_OPER,
	DEV_STATE_SENSE_ID,
	DEV_STATE_OFFLINE,
	DEV_STATE_VERIFY,
	DEV_STATE_ONLINE,
	DEV_STATE_W4SENSE,
	DEV_STATE_BOXED,
	/* last element! */
	NR_DEV_STATES
};

enum dev_event {
	DEV_EVENT_NOTOPER,
	DEV_EVENT_INTERRUPT,
	DEV_EVENT_TIMEOUT,
	DEV_EVENT_VERIFY,
	/* last element! */
	NR_DEV_EVENTS
};

typedef void (fsm_func_t)(struct ccw_device *, enum dev_event);
extern fsm_func_t *dev_jumptable[NR_DEV_STATES][NR_DEV_EVENTS];

static inline void dev_fsm_event(struct ccw_device *cd, enum dev_event ev)
{
	int state = cd->private->state;

	if (ev == DEV_EVENT_INTERRUPT)
		inc_irq_stat(state == DEV_STATE_ONLINE ? cd->private->int_class : IRQIO_CIO);
	dev_jumptable[state][ev](cd, ev);
}

/* A final state: set_online may stop waiting. */
static inline int dev_fsm_final_state(struct ccw_device *cd)
{
	return (cd->private->state == DEV_STATE_NOT_OPER ||
		cd->private->state == DEV_STATE_OFFLINE ||
		cd->private->state == DEV_STATE_ONLINE ||
		cd->private->state == DEV_STATE_BOXED);
}

/* device_fsm.c */
int ccw_device_online(struct ccw_device *cd);
int ccw_device_offline(struct ccw_device *cd);
void ccw_device_sched_todo(struct ccw_device *cd, enum cdev_todo todo);

/* device_pgid.c */
void ccw_device_verify_paths(struct ccw_device *cd);

/* device_status.c */
void ccw_device_accumulate_irb(struct ccw_device *cd, struct irb *irb);
int ccw_device_do_sense(struct ccw_device *cd, struct irb *irb);

/* device.c */
void ccw_device_todo(struct work_struct *w);

#endif
