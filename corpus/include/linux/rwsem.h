/* SPDX-License-Identifier: GPL-2.0-only
 * rwsem.h - reader/writer semaphores: sleeping locks with a shared (read)
 * and an exclusive (write) side, all out of line
 * (kernel/locking/rwsem.c).  A reader of a semaphore its own task holds
 * for writing waits for itself.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/lockdep_types.h>

struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner;
	struct lockdep_map dep_map;	/* CONFIG_DEBUG_LOCK_ALLOC */
};

/* shared */
void down_read(struct rw_semaphore *s);
int down_read_killable(struct rw_semaphore *s);	/* 0, or -EINTR on a fatal signal */
void up_read(struct rw_semaphore *s);
/* exclusive; the trylock returns 1 when it got the semaphore */
void down_write(struct rw_semaphore *s);
int down_write_trylock(struct rw_semaphore *s);
void up_write(struct rw_semaphore *s);
/* exclusive, in lockdep subclass SUB (a parent taken before its child) */
void down_write_nested(struct rw_semaphore *s, int sub);

#endif
