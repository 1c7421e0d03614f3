/* SPDX-License-Identifier: GPL-2.0-only
 * timer.h - timers.  timer_setup() is a macro over the out-of-line
 * init_timer_key(), which stores the callback; the callback runs in
 * softirq context.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/lockdep_types.h>

struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

extern volatile unsigned long jiffies;
#define HZ 100

extern void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *),
			   unsigned int flags, const char *name, struct lock_class_key *key);

#define __init_timer(_timer, _fn, _flags)					\
	do {									\
		static struct lock_class_key __key;				\
		init_timer_key((_timer), (_fn), (_flags), #_timer, &__key);	\
	} while (0)

#define timer_setup(timer, callback, flags)	__init_timer((timer), (callback), (flags))

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int del_timer(struct timer_list *timer);
extern int del_timer_sync(struct timer_list *timer);

#endif
