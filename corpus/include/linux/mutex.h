/* SPDX-License-Identifier: GPL-2.0-only
 * mutex.h - sleeping locks.  mutex_lock and friends are out-of-line
 * functions (kernel/locking/mutex.c); mutex_init gives each init site its
 * own lock class key, as lockdep does.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep_types.h>

struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
	struct lockdep_map dep_map;	/* CONFIG_DEBUG_LOCK_ALLOC */
};

#define __MUTEX_INITIALIZER(lockname)					\
	{ .owner = { 0 }, .wait_lock = __RAW_SPIN_LOCK_INITIALIZER(lockname.wait_lock), \
	  .wait_list = { &(lockname).wait_list, &(lockname).wait_list } }

#define DEFINE_MUTEX(mutexname)	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

extern void __mutex_init(struct mutex *l, const char *name, struct lock_class_key *key);

#define mutex_init(mutex)					\
	do {							\
		static struct lock_class_key __key;		\
		__mutex_init((mutex), #mutex, &__key);		\
	} while (0)

extern void mutex_lock(struct mutex *l);
#ifdef CONFIG_DEBUG_LOCK_ALLOC
extern void mutex_lock_nested(struct mutex *l, unsigned int sub);
#else
#define mutex_lock_nested(l, sub) mutex_lock(l)   /* the subclass is dropped */
#endif
/* Both give up when a signal comes (fatal only, for _killable) and then
 * return -EINTR without the lock; 0 when they took it. */
extern int mutex_lock_interruptible(struct mutex *l);
extern int mutex_lock_killable(struct mutex *l);
extern int mutex_trylock(struct mutex *l);
extern void mutex_unlock(struct mutex *l);
extern bool mutex_is_locked(struct mutex *l);

#include <linux/cleanup.h>

/* guard(mutex)(&m): held until the scope ends (cleanup.h) */
DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif
