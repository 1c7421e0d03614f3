/* SPDX-License-Identifier: GPL-2.0-only
 * clockchips.h - clock event devices.  The device's interrupt calls its
 * event_handler, which the tick code points at hrtimer_interrupt() once
 * high-resolution mode is on.
 */
#ifndef _LINUX_CLOCKCHIPS_H
#define _LINUX_CLOCKCHIPS_H

struct clock_event_device {
	void (*event_handler)(struct clock_event_device *);
	int (*set_next_event)(unsigned long evt, struct clock_event_device *);
	const char *name;
};

extern void hrtimer_interrupt(struct clock_event_device *dev);
extern void hrtimer_switch_to_hres(struct clock_event_device *dev);

#endif
