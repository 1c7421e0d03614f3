/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * reach.h - what can happen below a function: the call graph as the search
 * follows it, and per function whether its subtree (itself and every
 * function it may call) acquires a lock or may sleep.  The engine uses it
 * to create no state that no check can fire in (reach.c says why).
 */
#ifndef LP_REACH_H
#define LP_REACH_H

struct engine;

/* The call graph in compressed form: function F's successors (callees of
 * its followed calls, and functions it passes as arguments, which a callee
 * may call) are to[first[F] .. first[F + 1] - 1]. */
struct callgraph { int *first, *to; };

void callgraph_build(const struct engine *e, struct callgraph *g);
void callgraph_free(struct callgraph *g);

/* Set every function's below_acquire, below_sleep, acq_below and
 * acq_param_below (engine.h), after the sites, call edges and function
 * arguments are loaded: one pass over the call graph's components. */
void reach_load(struct engine *e, const struct callgraph *g);

/* Set every function's always_sleeps (engine.h), after the sites and call
 * edges are loaded: a fixed point over the direct calls (reach.c). */
void reach_always_sleeps(struct engine *e);

#endif
