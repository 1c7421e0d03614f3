/* SPDX-License-Identifier: GPL-2.0-only
 * lockref.h - a spinlock and a reference count in one word, so the count
 * can be changed with one compare-and-swap when the lock is free.  The
 * lock sits in an anonymous struct inside an anonymous union: code names
 * it 'ref->lock', and a container's lock 'd->d_lockref.lock'.
 */
#ifndef _LINUX_LOCKREF_H
#define _LINUX_LOCKREF_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct lockref {
	union {
		u64 lock_count;
		struct {
			spinlock_t lock;
			int count;
		};
	};
};

#endif
