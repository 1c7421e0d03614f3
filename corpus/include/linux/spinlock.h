/* SPDX-License-Identifier: GPL-2.0-only
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

/*
 * Initialising a lock gives it the lockdep class of a key private to the
 * init site.  With CONFIG_DEBUG_SPINLOCK (which lockdep needs) the macro
 * declares a static key where it is used and passes it on; without it the
 * macro is a plain store of the unlocked value and names no key at all,
 * though the code is written for the classes lockdep would give it.
 */
extern void __raw_spin_lock_init(raw_spinlock_t *l, const char *name, struct lock_class_key *key);

#ifdef CONFIG_DEBUG_SPINLOCK
#define raw_spin_lock_init(l)						\
	do {								\
		static struct lock_class_key __key;			\
		__raw_spin_lock_init((l), #l, &__key);			\
	} while (0)
#else
#define raw_spin_lock_init(l)						\
	do { *(l) = __RAW_SPIN_LOCK_UNLOCKED(l); } while (0)
#endif

#define raw_spin_lock(l)		_raw_spin_lock(l)
#ifdef CONFIG_DEBUG_LOCK_ALLOC
#define raw_spin_lock_nested(l, sub)	_raw_spin_lock_nested(l, sub)
#else
/* lockdep off: the subclass is evaluated and dropped */
#define raw_spin_lock_nested(l, sub)	_raw_spin_lock(((void)(sub), (l)))
#endif
#define raw_spin_lock_bh(l)		_raw_spin_lock_bh(l)
#define raw_spin_lock_irq(l)		_raw_spin_lock_irq(l)
#define raw_spin_trylock(l)		__cond_lock(l, _raw_spin_trylock(l))
#define raw_spin_unlock(l)		_raw_spin_unlock(l)
#define raw_spin_unlock_bh(l)	_raw_spin_unlock_bh(l)
#define raw_spin_unlock_irq(l)	_raw_spin_unlock_irq(l)

#define raw_spin_lock_irqsave(l, fl)					\
	do {								\
		typecheck(unsigned long, fl);				\
		fl = _raw_spin_lock_irqsave(l);				\
	} while (0)

#ifdef CONFIG_DEBUG_LOCK_ALLOC
#define raw_spin_lock_irqsave_nested(l, fl, sub)			\
	do {								\
		typecheck(unsigned long, fl);				\
		fl = _raw_spin_lock_irqsave_nested(l, sub);		\
	} while (0)
#else
#define raw_spin_lock_irqsave_nested(l, fl, sub)	raw_spin_lock_irqsave(l, fl)
#endif

#define raw_spin_unlock_irqrestore(l, fl)				\
	do {								\
		typecheck(unsigned long, fl);				\
		_raw_spin_unlock_irqrestore(l, fl);			\
	} while (0)

/* ---- spinlock_t: static inlines over the raw layer ---- */

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *l)
{
	return &l->rlock;
}

#ifdef CONFIG_DEBUG_SPINLOCK
#define spin_lock_init(_lock)						\
	do {								\
		static struct lock_class_key __key;			\
		__raw_spin_lock_init(spinlock_check(_lock), #_lock, &__key); \
	} while (0)
#else
/* the type check stays, the key goes */
#define spin_lock_init(_lock)						\
	do {								\
		spinlock_check(_lock);					\
		*(_lock) = __SPIN_LOCK_UNLOCKED(_lock);			\
	} while (0)
#endif

static __always_inline void spin_lock(spinlock_t *l)
{
	raw_spin_lock(&l->rlock);
}

static __always_inline void spin_lock_bh(spinlock_t *l)
{
	raw_spin_lock_bh(&l->rlock);
}

static __always_inline int spin_trylock(spinlock_t *l)
{
	return raw_spin_trylock(&l->rlock);
}

#define spin_lock_nested(l, sub)					\
	do {								\
		raw_spin_lock_nested(spinlock_check(l), sub);		\
	} while (0)

static __always_inline void spin_lock_irq(spinlock_t *l)
{
	raw_spin_lock_irq(&l->rlock);
}

#define spin_lock_irqsave(l, fl)					\
	do {								\
		raw_spin_lock_irqsave(spinlock_check(l), fl);		\
	} while (0)

#define spin_lock_irqsave_nested(l, fl, sub)				\
	do {								\
		raw_spin_lock_irqsave_nested(spinlock_check(l), fl, sub);	\
	} while (0)

static __always_inline void spin_unlock(spinlock_t *l)
{
	raw_spin_unlock(&l->rlock);
}

static __always_inline void spin_unlock_bh(spinlock_t *l)
{
	raw_spin_unlock_bh(&l->rlock);
}

static __always_inline void spin_unlock_irq(spinlock_t *l)
{
	raw_spin_unlock_irq(&l->rlock);
}

static __always_inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long fl)
{
	raw_spin_unlock_irqrestore(&l->rlock, fl);
}

/* rwlock_t: the kernel includes its API from here too */
#include <linux/rwlock.h>

#include <linux/cleanup.h>

/* guard(spinlock_irqsave)(&l): the flags travel in the guard variable */
DEFINE_LOCK_GUARD_1(spinlock, spinlock_t, spin_lock(_T->lock), spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t, spin_lock_irqsave(_T->lock, _T->flags),
		    spin_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)

#endif
