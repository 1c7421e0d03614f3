/* SPDX-License-Identifier: GPL-2.0-only */
/* panic.h - the taint flags (include/linux/panic.h in Linux). */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#define TAINT_BAD_PAGE	5
#define TAINT_WARN	9

/* What a taint says of lockdep: LOCKDEP_NOW_UNRELIABLE switches it off
 * (debug_locks_off()), because the state that tainted the kernel may have
 * corrupted its locks too. */
enum lockdep_ok {
	LOCKDEP_STILL_OK,
	LOCKDEP_NOW_UNRELIABLE,
};

extern void add_taint(unsigned flag, enum lockdep_ok lockdep_ok);

#endif
