// SPDX-License-Identifier: GPL-2.0-only
/*
 * slot_tables.c - arrays of ops tables indexed by a type (see
 * slot_tables.h).
 *
 * A core that keeps one ops table per kind of user in an array (mlx5's
 * 'esw->offloads.rep_ops[rep_type]', one table per representor type) calls
 * 'rep_ops[rep_type]->load(..)', which the call graph resolves like any
 * table's member: to the load of every table of that ops structure, the
 * Ethernet driver's and mlx5_ib's.  ops_tables.c cannot tell them apart
 * either: both drivers' modules define a table, and the path through the
 * core binds the first it met.  But the slot is a number the path often
 * knows (mlx5_eswitch_reload_ib_reps() passes REP_IB), and the slot holds
 * only what was stored into it: 'rep_ops[rep_type] = ops' in
 * mlx5_eswitch_register_vport_reps(esw, ops, rep_type), whose call sites
 * pass (&en_rep.c's rep_ops, REP_ETH) and (&ib_rep.c's rep_ops, REP_IB).
 *
 * So each slot_store row (extract/slot_tables.c) of an array some call
 * reads a slot of is resolved to (index, table) pairs: a constant index or a global table as written, a
 * parameter through every direct call of the storing function (an index
 * the call does not pass as a constant is any index).  One store whose
 * table cannot be named that way (a table read from elsewhere, a storing
 * function called through a pointer) leaves the whole slot array
 * unexplained: its calls resolve as before.  A call through slot N whose
 * N the path knows reaches only the functions stored into tables
 * registered with N (or with an index not known); a function stored
 * otherwise than in a global table is not narrowed.  If nothing in the
 * tree registered index N, the registration is outside the compile
 * database, and the call resolves as before.
 */
#include "check/slot_tables.h"
#include "check/engine_int.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

#define ANY_INDEX (-1)

struct slot_entry { long long idx; int table; };   /* idx ANY_INDEX: any */
struct slot { bool unexplained; const char *name; VEC(struct slot_entry) entries; };
struct slot_site { int slot; const struct ck_index *index; int *tables; };

struct slot_index {
	struct strmap slot_ids;             /* array key -> index in slots */
	VEC(struct slot) slots;
	struct strmap table_ids;            /* table key -> id */
	VEC(struct slot_site) sites;
	sqlite3_stmt *arg_q;
};

static int table_id(struct slot_index *x, const char *key)
{
	return strmap_id(&x->table_ids, key, NULL);
}

static struct slot *slot_of(struct engine *e, const char *key)
{
	struct slot_index *x = e->slot_tables;
	bool created;
	int id = strmap_id(&x->slot_ids, key, &created);
	if (created)
		vec_push(&x->slots, ((struct slot){ .name = arena_strdup(&e->arena, key) }));
	return &x->slots.v[id];
}

/* Argument N of the call at SITE_ID: its constant into *VALUE (or
 * ANY_INDEX), its object key into *OBJ (or NULL; to be freed) when OBJ
 * is not NULL. */
static void call_arg(struct engine *e, sqlite3_stmt *q, int64_t site_id, int n, long long *value, char **obj)
{
	*value = ANY_INDEX;
	if (obj)
		*obj = NULL;
	sqlite3_bind_int64(q, 1, site_id);
	sqlite3_bind_int(q, 2, n);
	while (db_step_row(e->db, q)) {
		if (sqlite3_column_type(q, 0) != SQLITE_NULL && sqlite3_column_type(q, 2) == SQLITE_NULL)
			*value = sqlite3_column_int64(q, 0);
		if (obj && sqlite3_column_type(q, 1) != SQLITE_NULL && !*obj)
			*obj = strdup(db_col_text(q, 1));
	}
	sqlite3_reset(q);
}

/* A store of FUNC into slot SLOT, as slot_store has it. */
struct pending { int slot, func; char *idx, *value; };
typedef VEC(struct pending) pending_vec;
typedef VEC(int) int_vec;

/* The (index, table) pairs store P puts into its slot: through each of
 * FUNC's calls (CALLERS: the sites calling it) when the index or the value
 * is a parameter. */
static void resolve_store(struct engine *e, const struct pending *p, const int_vec *callers)
{
	struct slot_index *x = e->slot_tables;
	struct slot *sl = &x->slots.v[p->slot];
	const struct ck_index *ix = engine_parse_index(e, p->idx);
	long long iv = ix->kind[0] == DIM_CONST ? ix->v[0] : ANY_INDEX;
	int ip = ix->kind[0] == DIM_PARAM ? (int)ix->v[0] : -1;
	int vp = p->value ? keyname_lock_param(p->value) : -1;
	if (!p->value || (vp < 0 && !keyname_is_global(p->value))) {
		sl->unexplained = true;
		return;
	}
	if (ip < 0 && vp < 0) {
		vec_push(&sl->entries, ((struct slot_entry){ iv, table_id(x, p->value) }));
		return;
	}
	for (size_t i = 0; i < callers->n && !sl->unexplained; i++) {
		const struct ck_site *s = &e->sites.v[callers->v[i]];
		long long at = iv, unused;
		char *tbl = NULL;
		if (ip >= 0)
			call_arg(e, x->arg_q, s->id, ip, &at, NULL);
		if (vp >= 0)
			call_arg(e, x->arg_q, s->id, vp, &unused, &tbl);
		if (vp >= 0 && !keyname_is_global(tbl))
			sl->unexplained = true;
		else
			vec_push(&sl->entries, ((struct slot_entry){ at, table_id(x, vp >= 0 ? tbl : p->value) }));
		free(tbl);
	}
}

/* The sites calling each function of PENDING, into CALLERS (per function
 * index); a function called through a pointer has unknown arguments: its
 * stores' slots are unexplained. */
static void find_callers(struct engine *e, const pending_vec *pending, int_vec *callers)
{
	bool *want = xcalloc(e->funcs.n + 1, sizeof(bool));
	for (size_t i = 0; i < pending->n; i++)
		want[pending->v[i].func] = true;
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		for (int c = 0; c < s->ncallees; c++) {
			int f = s->callees[c].func;
			if (!want[f])
				continue;
			if (s->callees[c].store)
				vec_push(&callers[f], -1);   /* through a pointer */
			else
				vec_push(&callers[f], (int)i);
		}
	}
	free(want);
}

/* The stores into the slots some call reads (load_sites made them). */
static void load_stores(struct engine *e)
{
	struct slot_index *x = e->slot_tables;
	pending_vec pending = {0};
	sqlite3_stmt *q = db_prepare(e->db, "SELECT func_id, slot, idx, value FROM slot_store ORDER BY rowid");
	while (db_step_row(e->db, q)) {
		int64_t *id = strmap_get(&x->slot_ids, db_col_text(q, 1));
		if (!id)
			continue;   /* no call reads this array's tables */
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f < 0) {
			x->slots.v[*id].unexplained = true;
			continue;
		}
		struct pending p = { (int)*id, f, strdup(db_col_text(q, 2)),
				     sqlite3_column_type(q, 3) == SQLITE_NULL ? NULL : strdup(db_col_text(q, 3)) };
		vec_push(&pending, p);
	}
	sqlite3_finalize(q);
	int_vec *callers = xcalloc(e->funcs.n + 1, sizeof(int_vec));
	find_callers(e, &pending, callers);
	x->arg_q = db_prepare(e->db, "SELECT value, obj_key, field FROM site_arg WHERE site_id = ? AND n = ?");
	for (size_t i = 0; i < pending.n; i++) {
		const struct pending *p = &pending.v[i];
		const int_vec *cl = &callers[p->func];
		bool indirect = false;
		for (size_t c = 0; c < cl->n; c++)
			indirect |= cl->v[c] < 0;
		if (indirect)
			x->slots.v[p->slot].unexplained = true;
		else
			resolve_store(e, p, cl);
		free(p->idx);
		free(p->value);
	}
	sqlite3_finalize(x->arg_q);
	x->arg_q = NULL;
	for (size_t f = 0; f <= e->funcs.n; f++)
		vec_free(&callers[f]);
	free(callers);
	vec_free(&pending);
}

/* The table each callee of S was stored from (fnstore.obj_key), or -1. */
static int *callee_tables(struct engine *e, const struct ck_site *s, sqlite3_stmt *q)
{
	int *t = arena_alloc(&e->arena, (size_t)(s->ncallees ? s->ncallees : 1) * sizeof(int));
	for (int c = 0; c < s->ncallees; c++) {
		t[c] = -1;
		sqlite3_bind_int64(q, 1, s->callees[c].store);
		if (db_step_row(e->db, q) && keyname_is_global(db_col_text(q, 0)))
			t[c] = table_id(e->slot_tables, db_col_text(q, 0));
		sqlite3_reset(q);
	}
	return t;
}

/* The calls through a slot's table whose index is a constant or a
 * parameter, and more than one function to choose from; their slots. */
static void load_sites(struct engine *e)
{
	struct slot_index *x = e->slot_tables;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, ind_slot FROM site WHERE ind_slot IS NOT NULL ORDER BY id");
	sqlite3_stmt *st = db_prepare(e->db, "SELECT obj_key FROM fnstore WHERE id = ? AND obj_key IS NOT NULL");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const char *text = db_col_text(q, 1), *open = strrchr(text, '[');
		if (!s || s->func < 0 || !open || s->ncallees < 2)
			continue;
		const struct ck_index *ix = engine_parse_index(e, open + 1);   /* 'arg#2]' */
		if (ix->kind[0] == DIM_ANY)
			continue;   /* an index no path knows */
		char *key = strndup(text, (size_t)(open - text));
		struct slot_site ss = { (int)(slot_of(e, key) - x->slots.v), ix, NULL };
		free(key);
		if (ix->kind[0] == DIM_PARAM)
			engine_use_param(&e->funcs.v[s->func].const_params, (int)ix->v[0]);
		ss.tables = callee_tables(e, s, st);
		s->slot = (int)x->sites.n;
		vec_push(&x->sites, ss);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(st);
}

void slot_tables_load(struct engine *e)
{
	e->slot_tables = xcalloc(1, sizeof(*e->slot_tables));
	load_sites(e);
	load_stores(e);
}

void slot_tables_free(struct engine *e)
{
	struct slot_index *x = e->slot_tables;
	if (!x)
		return;
	for (size_t i = 0; i < x->slots.n; i++)
		vec_free(&x->slots.v[i].entries);
	vec_free(&x->slots);
	vec_free(&x->sites);
	strmap_free(&x->slot_ids);
	strmap_free(&x->table_ids);
	free(x);
	e->slot_tables = NULL;
}

/* Slot SS's index on the path of CUR, when some registration used it; else -1. */
static long long registered_index(const struct engine *e, const struct ck_state *cur, const struct slot_site *ss)
{
	long long want = engine_index_value(cur, ss->index, 0);
	const struct slot *sl = &e->slot_tables->slots.v[ss->slot];
	for (size_t i = 0; want >= 0 && i < sl->entries.n; i++)
		if (sl->entries.v[i].idx == want || sl->entries.v[i].idx == ANY_INDEX)
			return want;
	return -1;
}

const char *slot_tables_deciding(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
				 long long *index)
{
	if (site->slot < 0)
		return NULL;
	const struct slot_site *ss = &e->slot_tables->sites.v[site->slot];
	*index = e->slot_tables->slots.v[ss->slot].unexplained ? -1 : registered_index(e, cur, ss);
	return *index >= 0 ? e->slot_tables->slots.v[ss->slot].name : NULL;
}

int slot_tables_allow(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		      const struct ck_callee *c)
{
	if (site->slot < 0 || c < site->callees || c >= site->callees + site->ncallees)
		return -1;   /* no slot, or a function the path bound instead */
	const struct slot_site *ss = &e->slot_tables->sites.v[site->slot];
	const struct slot *sl = &e->slot_tables->slots.v[ss->slot];
	long long want = sl->unexplained ? -1 : registered_index(e, cur, ss);
	int table = ss->tables[c - site->callees];
	if (want < 0 || table < 0)
		return -1;
	for (size_t i = 0; i < sl->entries.n; i++) {
		const struct slot_entry *en = &sl->entries.v[i];
		if ((en->idx == want || en->idx == ANY_INDEX) && en->table == table)
			return 1;
	}
	return 0;
}
