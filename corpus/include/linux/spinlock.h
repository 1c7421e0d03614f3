/*
 * spinlock.h - the spinlock API, in the kernel's three layers:
 *
 *   spin_lock(l)                static inline   raw_spin_lock(&l->rlock)
 *   raw_spin_lock(rl)           macro           _raw_spin_lock(rl)
 *   _raw_spin_lock(rl)          extern          (spinlock_api_smp.h)
 *
 * spin_lock_irqsave() and spin_lock_nested() are macros instead, because
 * they assign 'flags' or pass a subclass; they reach the raw lock through
 * spinlock_check(), a static inline that returns &lock->rlock.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <linux/irqflags.h>
#include <linux/bug.h>
#include <linux/spinlock_types.h>
#include <linux/spinlock_api_smp.h>

/* ---- raw_spinlock_t: macros over the out-of-line functions ---- */

#define raw_spin_lock_init(lock)	do { *(lock) = __RAW_SPIN_LOCK_UNLOCKED(lock); } while (0)

#define raw_spin_lock(lock)		_raw_spin_lock(lock)
#define raw_spin_lock_nested(lock, subclass)	_raw_spin_lock_nested(lock, subclass)
#define raw_spin_lock_bh(lock)		_raw_spin_lock_bh(lock)
#define raw_spin_lock_irq(lock)		_raw_spin_lock_irq(lock)
#define raw_spin_trylock(lock)		__cond_lock(lock, _raw_spin_trylock(lock))
#define raw_spin_unlock(lock)		_raw_spin_unlock(lock)
#define raw_spin_unlock_bh(lock)	_raw_spin_unlock_bh(lock)
#define raw_spin_unlock_irq(lock)	_raw_spin_unlock_irq(lock)

#define raw_spin_lock_irqsave(lock, flags)			\
	do {							\
		typecheck(unsigned long, flags);		\
		flags = _raw_spin_lock_irqsave(lock);		\
	} while (0)

#define raw_spin_lock_irqsave_nested(lock, flags, subclass)	\
	do {							\
		typecheck(unsigned long, flags);		\
		flags = _raw_spin_lock_irqsave_nested(lock, subclass); \
	} while (0)

#define raw_spin_unlock_irqrestore(lock, flags)			\
	do {							\
		typecheck(unsigned long, flags);		\
		_raw_spin_unlock_irqrestore(lock, flags);	\
	} while (0)

/* ---- spinlock_t: static inlines over the raw layer ---- */

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock)
{
	return &lock->rlock;
}

#define spin_lock_init(_lock)					\
	do {							\
		spinlock_check(_lock);				\
		*(_lock) = __SPIN_LOCK_UNLOCKED(_lock);		\
	} while (0)

static __always_inline void spin_lock(spinlock_t *lock)
{
	raw_spin_lock(&lock->rlock);
}

static __always_inline void spin_lock_bh(spinlock_t *lock)
{
	raw_spin_lock_bh(&lock->rlock);
}

static __always_inline int spin_trylock(spinlock_t *lock)
{
	return raw_spin_trylock(&lock->rlock);
}

#define spin_lock_nested(lock, subclass)				\
	do {								\
		raw_spin_lock_nested(spinlock_check(lock), subclass);	\
	} while (0)

static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	raw_spin_lock_irq(&lock->rlock);
}

#define spin_lock_irqsave(lock, flags)					\
	do {								\
		raw_spin_lock_irqsave(spinlock_check(lock), flags);	\
	} while (0)

#define spin_lock_irqsave_nested(lock, flags, subclass)			\
	do {								\
		raw_spin_lock_irqsave_nested(spinlock_check(lock), flags, subclass); \
	} while (0)

static __always_inline void spin_unlock(spinlock_t *lock)
{
	raw_spin_unlock(&lock->rlock);
}

static __always_inline void spin_unlock_bh(spinlock_t *lock)
{
	raw_spin_unlock_bh(&lock->rlock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	raw_spin_unlock_irq(&lock->rlock);
}

static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&lock->rlock, flags);
}

/* rwlock_t: the kernel includes its API from here too */
#include <linux/rwlock.h>

#endif
