/* SPDX-License-Identifier: GPL-2.0-only
 * lockdep.h - what code tells lockdep about its locking.  With
 * CONFIG_LOCKDEP, lockdep_assert_held(l) is a macro over the static inline
 * lock_is_held(&(l)->dep_map), which calls the out-of-line
 * lock_is_held_type(); without it (Debian's s390 build), an empty
 * do-while around the lock expression.  SINGLE_DEPTH_NESTING is the subclass for "one more
 * lock of the same class, taken inside the first" (spin_lock_nested()).
 *
 * The lockdep_set_*() macros move a lock to another class: with
 * CONFIG_LOCKDEP every one of them ends in the out-of-line
 * lockdep_init_map_type() on the lock's embedded map, with a key (a static
 * one the caller names, one inside an object, or __lockdep_no_validate__
 * for "check nothing") and a subclass; lockdep_set_subclass() passes the
 * lock's current key back in.  Without it they keep at most the key
 * expression, cast to void, and the lock is not there at all.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/lockdep_types.h>
#include <linux/bug.h>

#define SINGLE_DEPTH_NESTING	1

extern struct lock_class_key __lockdep_no_validate__;

extern void lockdep_init_map_type(struct lockdep_map *map, const char *name,
				  struct lock_class_key *key, int subclass);
extern void lockdep_register_key(struct lock_class_key *key);
extern void lockdep_unregister_key(struct lock_class_key *key);

#ifdef CONFIG_LOCKDEP
#define lockdep_set_class(l, key)					\
	lockdep_init_map_type(&(l)->dep_map, #key, key, 0)
#define lockdep_set_class_and_name(l, key, name)			\
	lockdep_init_map_type(&(l)->dep_map, name, key, 0)
#define lockdep_set_class_and_subclass(l, key, sub)			\
	lockdep_init_map_type(&(l)->dep_map, #key, key, sub)
#define lockdep_set_subclass(l, sub)					\
	lockdep_init_map_type(&(l)->dep_map, #l, (l)->dep_map.key, sub)
#define lockdep_set_novalidate_class(l)				\
	lockdep_set_class_and_name(l, &__lockdep_no_validate__, #l)
#else
/* without lockdep the key is evaluated for nothing and the lock is gone */
#define lockdep_set_class(l, key)		do { (void)(key); } while (0)
#define lockdep_set_class_and_name(l, key, name)			\
	do { (void)(key); (void)(name); } while (0)
#define lockdep_set_class_and_subclass(l, key, sub)			\
	do { (void)(key); } while (0)
#define lockdep_set_subclass(l, sub)		do { } while (0)
#define lockdep_set_novalidate_class(l)		do { } while (0)
#endif

extern int lock_is_held_type(const struct lockdep_map *l, int read);

static inline int lock_is_held(const struct lockdep_map *l)
{
	return lock_is_held_type(l, -1);
}

#define lockdep_is_held(l)		lock_is_held(&(l)->dep_map)
#ifdef CONFIG_LOCKDEP
#define lockdep_assert_held(l)		WARN_ON(!lockdep_is_held(l))
#else
/* a build without lockdep keeps only the expression, evaluated for nothing */
#define lockdep_assert_held(l)		do { (void)(l); } while (0)
#endif

#endif
