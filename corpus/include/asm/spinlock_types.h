/* SPDX-License-Identifier: GPL-2.0-only */ /* asm/spinlock_types.h - the architecture's lock word. */
#ifndef _ASM_SPINLOCK_TYPES_H
#define _ASM_SPINLOCK_TYPES_H

typedef struct {
	int lock;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ .lock = 0 }

#endif
