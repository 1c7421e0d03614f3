/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * member_binds.h - a member set on the path from a function the path passed
 * (member_binds.c says why): nf_hook() stores its okfn into the hook state
 * it hands down, so nf_reinject()'s 'entry->state.okfn(...)' below it calls
 * that okfn, not every okfn of the kernel.  The engine calls it when it
 * loads, when it enters a callee and when it follows an indirect call.
 */
#ifndef LP_MEMBER_BINDS_H
#define LP_MEMBER_BINDS_H

#include <stdbool.h>

struct engine;
struct ck_state;
struct ck_site;
struct ck_callee;
struct callgraph;

/* After the sites, call edges and function arguments are loaded (before
 * the call graph is built): each function's stores of its own function
 * parameters into a member, and the calls through those members; marks
 * the parameters stored as used (ck_func.fn_params). */
void member_binds_load(struct engine *e);
/* With the call graph: which of those members each function's subtree
 * calls through (a binding is carried only where one is called). */
void member_binds_reach(struct engine *e, const struct callgraph *g);
void member_binds_free(struct engine *e);
/* Entering NEXT's function from the call at SITE in state CUR: the member
 * bindings CUR carries, and those CUR's function made before SITE. */
void member_binds_enter(struct engine *e, const struct ck_state *cur, const struct ck_site *site,
			struct ck_state *next);
/* The function the path of S bound the member SITE calls through to: 1
 * and the function in OUT, 0 when the path stored NULL there (the call
 * calls nothing), -1 when the path does not say. */
int member_binds_callee(const struct engine *e, const struct ck_state *s, const struct ck_site *site,
			struct ck_callee *out);

#endif
