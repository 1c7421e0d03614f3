/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * callee_effects.h - the locks a call to a function of another file leaves
 * held or released (callee_effects.c says why): its callee's exit locks,
 * added to the local lock state of every site that call dominates.
 */
#ifndef LP_CALLEE_EFFECTS_H
#define LP_CALLEE_EFFECTS_H

struct engine;

/* After the sites, their local lock states and the call edges are loaded,
 * before anything reads the sites' locks: add to each site the locks the
 * calls before it on every path left held or released. */
void callee_effects_apply(struct engine *e);

#endif
