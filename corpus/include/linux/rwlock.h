/* SPDX-License-Identifier: GPL-2.0-only
 * rwlock.h - the rwlock API (included from spinlock.h): read_lock(l) and
 * friends are macros over the out-of-line _raw_read_lock(l) & co
 * (rwlock_api_smp.h); the _irqsave forms assign flags.
 */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/typecheck.h>
#include <linux/rwlock_types.h>
#include <linux/rwlock_api_smp.h>

extern void __rwlock_init(rwlock_t *l, const char *name, struct lock_class_key *key);

/* one lockdep class per init site, as spin_lock_init(); a bare store
 * without CONFIG_DEBUG_SPINLOCK */
#ifdef CONFIG_DEBUG_SPINLOCK
#define rwlock_init(lock)						\
	do {								\
		static struct lock_class_key __key;			\
		__rwlock_init((lock), #lock, &__key);			\
	} while (0)
#else
#define rwlock_init(lock)						\
	do { *(lock) = __RW_LOCK_UNLOCKED(lock); } while (0)
#endif

#define read_lock(lock)		_raw_read_lock(lock)
#define read_unlock(lock)	_raw_read_unlock(lock)
#define write_lock(lock)	_raw_write_lock(lock)
#define write_unlock(lock)	_raw_write_unlock(lock)
#define read_lock_irq(lock)	_raw_read_lock_irq(lock)
#define read_unlock_irq(lock)	_raw_read_unlock_irq(lock)
#define write_lock_irq(lock)	_raw_write_lock_irq(lock)
#define write_unlock_irq(lock)	_raw_write_unlock_irq(lock)
#define read_lock_bh(lock)	_raw_read_lock_bh(lock)		/* softirqs off first */
#define read_unlock_bh(lock)	_raw_read_unlock_bh(lock)

#define read_lock_irqsave(lock, flags)				\
	do {							\
		typecheck(unsigned long, flags);		\
		flags = _raw_read_lock_irqsave(lock);		\
	} while (0)
#define write_lock_irqsave(lock, flags)				\
	do {							\
		typecheck(unsigned long, flags);		\
		flags = _raw_write_lock_irqsave(lock);		\
	} while (0)
#define read_unlock_irqrestore(lock, flags)	_raw_read_unlock_irqrestore(lock, flags)
#define write_unlock_irqrestore(lock, flags)	_raw_write_unlock_irqrestore(lock, flags)

#endif
