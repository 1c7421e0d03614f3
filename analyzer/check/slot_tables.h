/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * slot_tables.h - arrays of ops tables indexed by a type (slot_tables.c
 * says why): a call through a member of the table that slot N points to
 * reaches only the tables the tree registered into slot N.
 */
#ifndef LP_SLOT_TABLES_H
#define LP_SLOT_TABLES_H

struct engine;
struct ck_state;
struct ck_site;
struct ck_callee;

/* After the sites and the call edges are loaded, before the parameters'
 * uses are: each slot's registered tables, each call through a slot
 * (ck_site.slot) and the table each of its callees comes from.
 * slot_tables_free releases it. */
void slot_tables_load(struct engine *e);
void slot_tables_free(struct engine *e);
/* Whether the call at SITE from state CUR may reach callee C, by the slot
 * it reads: 1 C's table is registered into the slot the path's index
 * names, 0 it is not, -1 the slot says nothing (no slot, an index the path
 * does not know, a slot some registration of which lockpath cannot follow,
 * or no registration of that index in the tree). */
int slot_tables_allow(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		      const struct ck_callee *c);
/* The array key ('mlx5_esw_offload.rep_ops') whose slot *INDEX decides the
 * call at SITE from state CUR (the witness's message says so), or NULL. */
const char *slot_tables_deciding(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
				 long long *index);

#endif
