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

static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (__atomic_sub_fetch(&kref->refcount.counter, 1, __ATOMIC_SEQ_CST) != 0)
		return 0;
	release(kref);
	return 1;
}

#endif
