/* SPDX-License-Identifier: GPL-2.0-only
 * lockdep.h - what code tells lockdep about its locking, as with
 * CONFIG_LOCKDEP: lockdep_assert_held(l) is a macro over the static inline
 * lock_is_held(&(l)->dep_map), which calls the out-of-line
 * lock_is_held_type(); SINGLE_DEPTH_NESTING is the subclass for "one more
 * lock of the same class, taken inside the first" (spin_lock_nested()).
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/lockdep_types.h>
#include <linux/bug.h>

#define SINGLE_DEPTH_NESTING	1

extern int lock_is_held_type(const struct lockdep_map *l, int read);

static inline int lock_is_held(const struct lockdep_map *l)
{
	return lock_is_held_type(l, -1);
}

#define lockdep_is_held(l)		lock_is_held(&(l)->dep_map)
#define lockdep_assert_held(l)		WARN_ON(!lockdep_is_held(l))

#endif
