/* SPDX-License-Identifier: GPL-2.0-only
 * kref.h - reference counts whose last put calls a release function given
 * by the caller.  kref_put() is a static inline: in a whole kernel every
 * object type passes its own release, so the call through 'release' has
 * hundreds of candidates unless the path says which one it is.
 */
#ifndef _LINUX_KREF_H
#define _LINUX_KREF_H

#include <linux/atomic.h>

struct kref {
	atomic_t refcount;
};

/* The release runs only where this put was the last (rules: refcount-drop
 * atomic_dec_and_test): a finding below it says so. */
static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (atomic_dec_and_test(&kref->refcount)) {
		release(kref);
		return 1;
	}
	return 0;
}

#endif
