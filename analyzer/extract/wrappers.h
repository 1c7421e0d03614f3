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
/* MAIN: the TU's main file (wrappers_prim_in_header). */
struct wrappers *wrappers_new(const struct lp_rules *r, CXFile main);
void wrappers_free(struct wrappers *ws);

/* The primitive FN is (a rule), or acts as (a wrapper); NULL for neither. */
const struct lp_lockprim *wrappers_prim(struct wrappers *ws, CXCursor fn);

/* The same for a call in a header's function, or for whether a header's
 * function is itself a wrapper: a wrapper that is one only through a
 * function the main file defines is none there.  A header's function is
 * walked in whichever TU includes it first, and its facts must be the same
 * in every TU (in another TU the call is a call into that function, which
 * has the acquisition). */
const struct lp_lockprim *wrappers_prim_in_header(struct wrappers *ws, CXCursor fn);

#endif
