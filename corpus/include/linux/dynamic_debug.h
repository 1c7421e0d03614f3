/* SPDX-License-Identifier: GPL-2.0-only */ /* dynamic_debug.h - pr_debug() sites switched on at run time. */
#ifndef _LINUX_DYNAMIC_DEBUG_H
#define _LINUX_DYNAMIC_DEBUG_H

#include <linux/compiler.h>

#define _DPRINTK_FLAGS_PRINT		(1 << 0)
#define _DPRINTK_FLAGS_INCL_TID		(1 << 4)

/* One per pr_debug() site, in its own section; the control file sets flags. */
struct _ddebug {
	const char *file;
	unsigned int flags;
};

void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...) __printf(2, 3);

/* The site's descriptor is a static the macro declares in place. */
#define dynamic_pr_debug(fmt, ...) do {						\
	static struct _ddebug ddebug_site_ = { __FILE__, 0 };			\
	if (unlikely(ddebug_site_.flags & _DPRINTK_FLAGS_PRINT))		\
		__dynamic_pr_debug(&ddebug_site_, fmt, ##__VA_ARGS__);		\
} while (0)

#endif
