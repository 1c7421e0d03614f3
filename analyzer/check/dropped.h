/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dropped.h - the contexts the per-function bound drops (CK_MAX_CONTEXTS),
 * and the acquisitions they would have made with their own locks held,
 * read off a kept context with the same bindings (dropped.c says why that
 * is sound).
 */
#ifndef LP_DROPPED_H
#define LP_DROPPED_H

#include "check/engine.h"

struct ck_state;
struct dropped;

/* engine.c: STATE (its index) was kept (visited within the bound), or S
 * was dropped because its function is at the bound (function_full()). */
void dropped_kept(struct engine *e, int func, int state);
void dropped_note(struct engine *e, const struct ck_state *s);
void dropped_free(struct engine *e);

/* visit_state(): an acquisition the search visited (a twin's subtree is
 * read from them). */
void dropped_seen(struct engine *e, const struct ck_visit *v);
/* After the search, before the checks finish: every dropped context's
 * acquisitions, replayed through recursive-lock and lock-order on its own
 * path (the twin's spliced onto it).  Returns how many were replayed. */
size_t dropped_replay(struct engine *e);

#endif
