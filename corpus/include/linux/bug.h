/* SPDX-License-Identifier: GPL-2.0-only */ /* bug.h - BUG and WARN: a trap and an out-of-line report. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

extern void __warn_printk(const char *fmt, ...) __printf(1, 2);

#define BUG()		do { __builtin_trap(); } while (0)
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond)						\
({								\
	int __warn_cond = !!(cond);				\
	if (unlikely(__warn_cond))				\
		__warn_printk("WARNING at %s:%d\n", __FILE__, __LINE__); \
	unlikely(__warn_cond);					\
})

#define WARN_ON_ONCE(cond)	WARN_ON(cond)

#endif
