/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * downcasts.h - a callback is not reached by an object it cannot be
 * (downcasts.c says why): a call through a member whose object is the
 * first member of a known struct does not reach a function that casts
 * that object to a struct neither starting with nor started by it.
 */
#ifndef LP_DOWNCASTS_H
#define LP_DOWNCASTS_H

#include <stddef.h>

struct engine;

/* After the call edges are loaded: drop the edges the casts rule out, and
 * mark as called only the functions some edge still reaches.  Returns the
 * number of edges dropped. */
size_t downcasts_prune(struct engine *e);

#endif
