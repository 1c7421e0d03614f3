/* SPDX-License-Identifier: GPL-2.0-only */ /* bug.h - BUG and WARN: a trap and an out-of-line report. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

extern void __warn_printk(const char *fmt, ...) __printf(1, 2);

/* s390's shape: an asm that traps (a monitor call the kernel's handler
 * turns into an oops, with a bug-table entry), then unreachable() (x86: ud2
 * and __builtin_unreachable()).  Every function with a BUG_ON() has an asm. */
#define BUG()		do { __asm__ __volatile__("mc 0,0"); unreachable(); } while (0)
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond)						\
({								\
	int __warn_cond = !!(cond);				\
	if (unlikely(__warn_cond))				\
		__warn_printk("WARNING at %s:%d\n", __FILE__, __LINE__); \
	unlikely(__warn_cond);					\
})

#define WARN_ON_ONCE(cond)	WARN_ON(cond)

#define WARN(cond, fmt...)					\
({								\
	int __warn_cond = !!(cond);				\
	if (unlikely(__warn_cond))				\
		__warn_printk(fmt);				\
	unlikely(__warn_cond);					\
})

/*
 * A check of a data structure's integrity (the list debug code's): with
 * CONFIG_BUG_ON_DATA_CORRUPTION the report is pr_err() and BUG(), else a
 * WARN().  Either way the kernel is reporting a state it says cannot be.
 */
#ifdef CONFIG_BUG_ON_DATA_CORRUPTION
#define DATA_CORRUPTION_ON	1
#else
#define DATA_CORRUPTION_ON	0
#endif
#define CHECK_DATA_CORRUPTION(cond, fmt, ...)				\
({									\
	bool __corrupt = unlikely(cond);				\
	if (__corrupt) {						\
		if (DATA_CORRUPTION_ON) {				\
			printk(fmt, ##__VA_ARGS__);			\
			BUG();						\
		} else							\
			WARN(1, fmt, ##__VA_ARGS__);			\
	}								\
	__corrupt;							\
})

#endif
