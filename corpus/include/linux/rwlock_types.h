/* SPDX-License-Identifier: GPL-2.0-only */ /* rwlock_types.h - rwlock_t wraps the architecture's lock word, like spinlock_t. */
#ifndef _LINUX_RWLOCK_TYPES_H
#define _LINUX_RWLOCK_TYPES_H

#include <asm/spinlock_types.h>
#include <linux/lockdep_types.h>

typedef struct {
	arch_spinlock_t raw_lock;
	struct lockdep_map dep_map;	/* CONFIG_DEBUG_LOCK_ALLOC */
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname)	(rwlock_t){ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define DEFINE_RWLOCK(x)		rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif
