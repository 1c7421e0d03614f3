/* SPDX-License-Identifier: GPL-2.0-only
 * io_sch.h - the private half of a ccw device, owned by the cio core: the
 * finite state machine's state, the flags that steer interrupt handling,
 * the wait queue set_online sleeps on.  The subchannel's driver data is
 * the ccw device on it.
 */
#ifndef S390_IO_SCH_H
#define S390_IO_SCH_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <asm/ccwdev.h>
#include <asm/irq.h>
#include "cio.h"

enum cdev_todo {
	CDEV_TODO_NOTHING,
	CDEV_TODO_REGISTER,
	CDEV_TODO_UNREG,
};

struct ccw_device_private {
	struct ccw_device *cdev;
	struct subchannel *sch;
	int state;			/* enum dev_state */
	atomic_t onoff;
	struct ccw_dev_id dev_id;
	unsigned long intparm;		/* of the I/O in progress */
	struct {
		unsigned int dosense:1;	/* basic sense needed */
		unsigned int doverify:1;	/* path verification needed */
		unsigned int fake_irb:1;
	} flags;
	struct irb irb;			/* accumulated status */
	enum interruption_class int_class;
	enum cdev_todo todo;
	struct work_struct todo_work;
	wait_queue_head_t wait_q;
	struct ccw1 sense_ccw;
};

static inline struct ccw_device *sch_get_cdev(struct subchannel *sch)
{
	return dev_get_drvdata(&sch->dev);
}

static inline void sch_set_cdev(struct subchannel *sch, struct ccw_device *cd)
{
	dev_set_drvdata(&sch->dev, cd);
}

#endif
