/* SPDX-License-Identifier: GPL-2.0-only
 * refcount.h - reference counts (refcount_t) over atomic_t.  A get needs a
 * count that is already at least one: the kernel's refcount_inc() warns at
 * zero, so the caller holds a reference of its own (rules: refcount-get).
 * refcount_dec_and_test() says whether the count hit zero (rules:
 * refcount-drop): code under it runs only where the put was the last.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_set(&r->refs, n);
}

static inline void refcount_inc(refcount_t *r)
{
	atomic_inc(&r->refs);
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	return atomic_dec_and_test(&r->refs);
}

#endif
