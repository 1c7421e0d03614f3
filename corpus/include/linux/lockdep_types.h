/* SPDX-License-Identifier: GPL-2.0-only
 * lockdep_types.h - lock class keys: one static key per init site names a
 * class; struct lockdep_map is what every lock type embeds as dep_map
 * (CONFIG_DEBUG_LOCK_ALLOC), the handle lockdep_assert_held() asks about.
 */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

struct lock_class_key {
	char __one_byte;
};

struct lockdep_map {
	struct lock_class_key *key;
	const char *name;
};

#endif
