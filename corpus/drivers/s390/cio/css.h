/* SPDX-License-Identifier: GPL-2.0-only
 * css.h - the channel subsystem bus.  A css_driver drives a type of
 * subchannel; its irq() is called from the I/O interrupt handler with the
 * subchannel lock held.
 */
#ifndef _CSS_H
#define _CSS_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/workqueue.h>
#include "cio.h"

struct css_driver {
	struct device_driver drv;
	void (*irq)(struct subchannel *sch);
	int (*sch_event)(struct subchannel *sch, int process);
	int (*probe)(struct subchannel *sch);
	void (*remove)(struct subchannel *sch);
};

#define to_cssdriver(n) container_of(n, struct css_driver, drv)

extern int css_driver_register(struct css_driver *cd_drv);
extern void css_driver_unregister(struct css_driver *cd_drv);
extern struct subchannel *css_alloc_subchannel(struct subchannel_id schid);
extern int css_register_subchannel(struct subchannel *sch);

/* The workqueue cio defers device registration and removal to. */
extern struct workqueue_struct *cio_work_q;

#endif
