/* SPDX-License-Identifier: GPL-2.0-only */ /* printk.h - printk and the pr_* family. */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/compiler.h>

#define KERN_ERR	"<3>"
#define KERN_WARNING	"<4>"
#define KERN_INFO	"<6>"
#define KERN_DEBUG	"<7>"

extern int printk(const char *fmt, ...) __printf(1, 2);

/* The scheduler's printk: stores the message and leaves the console to
 * later (irq work), because printing under a runqueue lock could wake a
 * console reader and take that lock again (kernel/printk/printk_defer.c). */
extern int printk_deferred(const char *fmt, ...) __printf(1, 2);

#define LOGLEVEL_SCHED		-2	/* from the scheduler: defer the console */
#define LOGLEVEL_DEFAULT	-1
extern int vprintk_emit(int facility, int level, const char *fmt);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

#endif
