/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * wrappers.h - lock wrappers: functions whose whole body is one lock
 * primitive applied to a parameter, like the kernel's static inline
 * spin_lock(), which is raw_spin_lock(&lock->rlock), which is
 * _raw_spin_lock(lock).  The rules name only the bottom layer; a call to a
 * wrapper is then recorded as the lock operation itself, at the caller's
 * line, with the caller's argument as the lock.  Per-TU and single-threaded.
 */
#ifndef LP_WRAPPERS_H
#define LP_WRAPPERS_H

#include <clang-c/Index.h>
#include "rules/rules.h"

struct wrappers;
struct wrappers *wrappers_new(const struct lp_rules *r);
void wrappers_free(struct wrappers *ws);

/* The primitive FN is (a rule), or acts as (a wrapper); NULL for neither. */
const struct lp_lockprim *wrappers_prim(struct wrappers *ws, CXCursor fn);

#endif
