/* SPDX-License-Identifier: GPL-2.0-only */
/* percpu.h - per-CPU allocations with a caller's mask (mm/percpu.c), and
 * per-CPU variables. */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/gfp.h>

extern void *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);

#define alloc_percpu_gfp(type, gfp) \
	((type *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), gfp))

/* A per-CPU variable, and this CPU's copy of it: the variable's address
 * moved by this CPU's offset, in a statement expression (the kernel's
 * this_cpu_ptr() over SHIFT_PERCPU_PTR() over RELOC_HIDE()). */
extern unsigned long __my_cpu_offset;
#define DEFINE_PER_CPU(type, name)	__typeof__(type) name
#define RELOC_HIDE(ptr, off)						\
	({								\
		unsigned long __ptr = (unsigned long)(ptr);		\
		(__typeof__(ptr))(__ptr + (off));			\
	})
#define SHIFT_PERCPU_PTR(p, off)	RELOC_HIDE((p), (off))
#define this_cpu_ptr(ptr)		SHIFT_PERCPU_PTR(ptr, __my_cpu_offset)

#endif
