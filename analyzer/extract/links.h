/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * links.h - a pointer named by the way from a parameter to it (links.c
 * says why): 'arg#0/E:ccw_device.dev/L:device.parent/U:subchannel.dev'.
 * One struct links per TU memoises what its functions return.
 */
#ifndef LP_EXTRACT_LINKS_H
#define LP_EXTRACT_LINKS_H

#include "lib/util.h"
#include <clang-c/Index.h>
#include <stdbool.h>

struct links;

struct links *links_new(void);
void links_free(struct links *l);
/* The walk from a parameter of FUNC to the pointer E, in A ('arg#N' for
 * the parameter itself), or NULL. */
const char *links_walk(struct links *l, struct arena *a, CXCursor func, CXCursor e);
/* Whether 'LHS = RHS' of FUNC stores a walk from one parameter, *SRC, into
 * a member walk from another, *DST ('arg#1/E:ccw_device.dev/L:device.parent'
 * = 'arg#0/E:subchannel.dev'). */
bool links_store(struct links *l, struct arena *a, CXCursor func, CXCursor lhs, CXCursor rhs,
		 const char **dst, const char **src);

#endif
