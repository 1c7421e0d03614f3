/* SPDX-License-Identifier: GPL-2.0-only
 * hrtimer.h - high-resolution timers.  hrtimer_init() is out of line and
 * takes the timer's mode; the caller assigns timer->function afterwards.
 * The mode decides where the function runs: from the clock event's
 * interrupt (hardirq), or, with a *_SOFT mode, from the HRTIMER softirq.
 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/types.h>
#include <linux/kernel.h>

typedef long long ktime_t;
typedef int clockid_t;

#define CLOCK_MONOTONIC	1

/* bit values: relative, pinned to a CPU, run from the softirq, hard */
enum hrtimer_mode {
	HRTIMER_MODE_ABS		= 0x00,
	HRTIMER_MODE_REL		= 0x01,
	HRTIMER_MODE_PINNED		= 0x02,
	HRTIMER_MODE_SOFT		= 0x04,
	HRTIMER_MODE_HARD		= 0x08,

	HRTIMER_MODE_ABS_PINNED		= HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_REL_PINNED		= HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_ABS_PINNED_SOFT	= HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT		= HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_PINNED_SOFT	= HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_HARD		= HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
};

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};

struct hrtimer {
	struct hrtimer *next;		/* on its CPU base's queue */
	ktime_t expires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	u8 is_soft;
};

extern void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
extern void hrtimer_start(struct hrtimer *timer, ktime_t tim, enum hrtimer_mode mode);
extern int hrtimer_cancel(struct hrtimer *timer);

#endif
