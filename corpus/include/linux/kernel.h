/* SPDX-License-Identifier: GPL-2.0-only
 * kernel.h - the grab bag: container_of, ARRAY_SIZE, min/max, might_sleep.
 * As in the kernel of 2019, container_of lives here and might_sleep() is a
 * macro: over the out-of-line __might_sleep() with CONFIG_DEBUG_ATOMIC_SLEEP,
 * an empty statement without it (a distribution's PREEMPT_NONE build).
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <asm/processor.h>

#define ULONG_MAX	(~0UL)
#define INT_MAX		((int)(~0U >> 1))
#define BITS_PER_BYTE	8

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define min_t(type, a, b)	min((type)(a), (type)(b))

/* The member's address minus its offset is the enclosing object. */
#define container_of(ptr, type, member)				\
({								\
	void *__cptr = (void *)(ptr);				\
	((type *)(__cptr - offsetof(type, member)));		\
})

#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
extern void __might_sleep(const char *file, int line);
#define might_sleep()	do { __might_sleep(__FILE__, __LINE__); } while (0)
#else
/* PREEMPT_NONE without the debug option: nothing of the annotation is left */
#define might_sleep()	do { } while (0)
#endif

extern int _cond_resched(void);
#define cond_resched()	_cond_resched()

#endif
