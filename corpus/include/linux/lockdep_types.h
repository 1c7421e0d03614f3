/* lockdep_types.h - lock class keys: one static key per init site names a class. */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

struct lock_class_key {
	char __one_byte;
};

#endif
