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
#include <stdint.h>

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
/* Bind in S the ops structures FILE has tables of that calls near below
 * function BELOW can use (and S has not bound yet), to FILE's tables: the
 * path works on FILE's objects (an entry's registrar, registrars.h).  A
 * binding's unit is a module or a file: a file's binding keeps the tables
 * that file defines, not its module's. */
void ops_bind_file(const struct engine *e, struct ck_state *s, int64_t file, int below);
/* Objects whose owner is FILE's code may bind its ops structures
 * (member_owners.h); before ops_reach_load. */
void ops_mark_owner(struct engine *e, int64_t file);
/* Bind in S the ops structures FILE has tables of that calls below
 * function BELOW can use, as far as an object goes, to FILE's tables, in
 * place of any binding S has for them: the path passed an object of
 * FILE's code, which came from member OWNER (member_owners.h). */
void ops_bind_owner(const struct engine *e, struct ck_state *s, int64_t file, int below, int owner);
/* The member S's binding of OPS came from (member_owners.h), or -1. */
int ops_binding_owner(const struct ck_state *s, int ops);
/* Whether fnstore row STORE builds an ops table (a global's member): the
 * file it is defined in into *FILE, its ops structure's id into *OPS. */
bool ops_store_table(const struct engine *e, int64_t store, int64_t *file, int *ops);
/* A unit's name for messages: its module, or its file's base name. */
const char *ops_unit_name(struct engine *e, int64_t unit);
/* Whether call SITE from state CUR may reach callee C. */
bool ops_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		const struct ck_callee *c);

/* When the call at SITE from state CUR reached only the tables of the
 * implementation CUR is bound to (some of its targets are other units'):
 * that unit's name (a module, or a file's base name); else NULL. */
const char *ops_restricted_to(struct engine *e, const struct ck_state *cur, const struct ck_site *site);

#endif
