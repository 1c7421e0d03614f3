/* SPDX-License-Identifier: GPL-2.0-only */ /* rwlock_api_smp.h - the out-of-line rwlock functions (kernel/locking/spinlock.c). */
#ifndef _LINUX_RWLOCK_API_SMP_H
#define _LINUX_RWLOCK_API_SMP_H

#include <linux/compiler.h>
#include <linux/spinlock_api_smp.h>

void __lockfunc _raw_read_lock(rwlock_t *lock) __acquires(lock);
void __lockfunc _raw_write_lock(rwlock_t *lock) __acquires(lock);
void __lockfunc _raw_read_lock_irq(rwlock_t *lock) __acquires(lock);
void __lockfunc _raw_write_lock_irq(rwlock_t *lock) __acquires(lock);
unsigned long __lockfunc _raw_read_lock_irqsave(rwlock_t *lock) __acquires(lock);
unsigned long __lockfunc _raw_write_lock_irqsave(rwlock_t *lock) __acquires(lock);
void __lockfunc _raw_read_unlock(rwlock_t *lock) __releases(lock);
void __lockfunc _raw_write_unlock(rwlock_t *lock) __releases(lock);
void __lockfunc _raw_read_unlock_irq(rwlock_t *lock) __releases(lock);
void __lockfunc _raw_write_unlock_irq(rwlock_t *lock) __releases(lock);
void __lockfunc _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags) __releases(lock);
void __lockfunc _raw_read_lock_bh(rwlock_t *lock) __acquires(lock);
void __lockfunc _raw_read_unlock_bh(rwlock_t *lock) __releases(lock);
void __lockfunc _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags) __releases(lock);

#endif
