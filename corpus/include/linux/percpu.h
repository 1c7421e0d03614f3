/* SPDX-License-Identifier: GPL-2.0-only */
/* percpu.h - per-CPU allocations with a caller's mask (mm/percpu.c). */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/gfp.h>

extern void *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);

#define alloc_percpu_gfp(type, gfp) \
	((type *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), gfp))

#endif
