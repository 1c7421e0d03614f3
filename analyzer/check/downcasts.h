/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * downcasts.h - a callback is not reached by an object it cannot be
 * (downcasts.c says why): a call through a member whose object is known
 * to start with a struct (written '&po->sk', or cast before on every
 * path, here or up the path) does not reach a function that casts that
 * object to a struct neither starting with nor started by it.
 */
#ifndef LP_DOWNCASTS_H
#define LP_DOWNCASTS_H

#include <stdbool.h>
#include <stddef.h>

struct engine;
struct ck_state;
struct ck_site;
struct ck_callee;

/* After the call edges are loaded: drop the edges the casts rule out where
 * the call's object is known where it is written, and mark as called only
 * the functions some edge still reaches.  Returns the number of edges
 * dropped.  downcasts_free releases what it and downcasts_load keep. */
size_t downcasts_prune(struct engine *e);
/* After the parameters each function writes are known: the calls whose
 * object's struct a path says, and the parameters that carry it there. */
void downcasts_load(struct engine *e);
void downcasts_free(struct engine *e);
/* Entering the callee of NEXT from the call at SITE in state CUR: bind the
 * callee's parameters to the struct of the objects the call passes. */
void downcasts_bind(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		    struct ck_state *next);
/* Whether the call at SITE from state CUR may reach callee C: C does not
 * cast the call's object to a struct the path says it is not. */
bool downcasts_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		      const struct ck_callee *c);

#endif
