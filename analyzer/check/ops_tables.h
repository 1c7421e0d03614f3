/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ops_tables.h - the engine's "one object, one ops table" policy: a path
 * that went through the code of a file defining a table of ops structure S
 * resolves calls through S's members to that file's tables only
 * (ops_tables.c says why).  The engine calls it when it enters a callee
 * and when it follows an indirect call.
 */
#ifndef LP_OPS_TABLES_H
#define LP_OPS_TABLES_H

#include <stdbool.h>

struct engine;
struct ck_state;
struct ck_site;
struct ck_callee;
struct callgraph;

/* Load the tables (fnstore's global initialisers) and set each function's
 * impl list; after the functions are loaded.  ops_free releases it. */
void ops_load(struct engine *e);
void ops_free(struct engine *e);
/* After the sites and call edges are loaded: per function, which ops
 * structures are called below it, so that ops_enter keeps only the
 * bindings a path can still use (one state, not one per binding). */
void ops_reach_load(struct engine *e, const struct callgraph *g);
/* The ops structure a call key's struct is ('blk_mq_ops.queue_rq'), or -1. */
int ops_site_ops(const struct engine *e, const char *ind_key);
/* Entering function CALLEE: bind the ops structures its file has tables of
 * (those NEXT has not bound yet). */
void ops_enter(const struct engine *e, struct ck_state *next, int callee);
/* Whether call SITE from state CUR may reach callee C. */
bool ops_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		const struct ck_callee *c);

/* When the call at SITE from state CUR reached only the tables of the
 * implementation CUR is bound to (some of its targets are other units'):
 * that unit's name (a module, or a file's base name); else NULL. */
const char *ops_restricted_to(struct engine *e, const struct ck_state *cur, const struct ck_site *site);

#endif
