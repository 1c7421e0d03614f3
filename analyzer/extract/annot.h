/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * annot.h - sparse's lock context annotations on a function definition:
 * __must_hold(x), __acquires(x), __releases(x).  Under clang they expand to
 * nothing, so they are read from the tokens between the declarator and the
 * body, and their expression ('fi->lock', '&dev->lock', a lock parameter)
 * is named with the same keys as lock operations.
 */
#ifndef LP_ANNOT_H
#define LP_ANNOT_H

#include <clang-c/Index.h>
#include "lib/util.h"
#include "rules/rules.h"

/* "must_hold:KEY;acquires:KEY;releases:KEY" for FN, or NULL when it has none. */
const char *annot_of(struct arena *a, const struct lp_rules *r, CXCursor fn);

#endif
