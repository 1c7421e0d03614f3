/* SPDX-License-Identifier: GPL-2.0-only
 * spinlock_types.h - spinlock_t wraps raw_spinlock_t (member 'rlock'),
 * which wraps the architecture's lock word; the layering the lock API
 * follows (spin_lock(l) acts on &l->rlock).
 */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include <asm/spinlock_types.h>
#include <linux/lockdep_types.h>

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
	unsigned int break_lock;
	struct lockdep_map dep_map;	/* CONFIG_DEBUG_LOCK_ALLOC */
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
	struct lockdep_map dep_map;	/* CONFIG_DEBUG_LOCK_ALLOC */
} spinlock_t;

#define __RAW_SPIN_LOCK_INITIALIZER(lockname)	{ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define __RAW_SPIN_LOCK_UNLOCKED(lockname)	\
	((raw_spinlock_t)__RAW_SPIN_LOCK_INITIALIZER(lockname))
#define __SPIN_LOCK_INITIALIZER(lockname)	{ .rlock = __RAW_SPIN_LOCK_INITIALIZER(lockname) }
#define __SPIN_LOCK_UNLOCKED(lockname)		((spinlock_t)__SPIN_LOCK_INITIALIZER(lockname))

#define DEFINE_RAW_SPINLOCK(x)	raw_spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_INITIALIZER(x)

#include <linux/rwlock_types.h>

#endif
