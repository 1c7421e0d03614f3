// SPDX-License-Identifier: GPL-2.0-only
/*
 * registrars.c - an entry works on the objects of the code that registered
 * it (see registrars.h).
 *
 * TCP's keepalive timer ends a dead connection: tcp_keepalive_timer() ->
 * tcp_done() -> inet_csk_destroy_sock() -> 'sk->sk_prot->destroy(sk)'.  By
 * key that call reaches every proto's destroy in the kernel, and MPTCP's
 * takes the socket spinlock the timer already holds: 53 findings on the
 * whole s390 tree.  But the timer is only set by tcp_init_xmit_timers(),
 * which only tcp_init_sock() and tcp_create_openreq_child() call, and
 * those only tcp_v4_init_sock() and tcp_v6_init_sock() (proto.init of
 * tcp_prot and tcpv6_prot) and TCP's syn_recv_sock methods: the timer's
 * socket is one that TCP's own tables were called on.  An MPTCP socket
 * never gets it.
 *
 * ops_tables.c binds a path to the implementation whose file it enters,
 * since its objects are that implementation's.  An entry's path starts
 * where the core calls it, in no implementation; but the object it was
 * registered on is one its registrar worked on.  So the way up is walked
 * from the functions that store the entry (its registrars) through their
 * direct callers to methods, functions an ops table holds (a global's
 * member): a method is called on an object of its table.  If every way up
 * ends at a method, the entry is seeded once per file of those tables,
 * bound to that file's tables (ops_bind_file), as if its path had come
 * through that method.  A file, not the module: IPv6's TCP, raw and UDP
 * protocols are one module, and the timer's socket is TCP's.  An entry
 * stored into a table itself (a static irqaction, DEFINE_TIMER) is that
 * table's, like a method.  A table no call reads a function from
 * (EXPORT_SYMBOL's kernel_symbol) is no method's: an exported function's
 * callers are the tree's.
 *
 * The walk gives up (no binding: the entry resolves as before) at a
 * function whose address is taken anywhere but in a table (a callback
 * passed on, a pointer assigned in code: who calls it is not known), at a
 * function nobody calls (an initcall, an exported API: any object), after
 * REG_MAX_DEPTH calls up or REG_MAX_VISIT functions, and when the methods
 * span more than REG_MAX_SEEDS files.
 *
 * What it trades: the registrar's object and the one the entry's path
 * dispatches on are taken to be one (the timer's socket and the one it
 * destroys).  A call on another object of the same ops structure within
 * the binding's reach (ops_tables.c, OPS_REACH_DEPTH) resolves to the
 * registrar's file too; ops_tables.c makes that trade for every file a
 * path enters.  A function a module outside the tree calls is not seen.
 */
#include "check/registrars.h"
#include "check/engine_int.h"
#include "check/ops_tables.h"
#include "db/columns.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define REG_MAX_DEPTH 6         /* calls up from a registrar */
#define REG_MAX_VISIT 64        /* functions one walk looks at */

/* How a function's address is taken: into an ops table defined in FILE, by code
 * in function REGISTRAR (a registration, or a pointer handed on), or into a
 * global that is no table (ESCAPED). */
enum store_kind { IN_TABLE, IN_CODE, ESCAPED };
struct fstore { int64_t func; enum store_kind kind; int64_t file; int registrar; };   /* func: lower_bound_i64's key */
struct caller_edge { int64_t callee; int caller; };
typedef VEC(int) int_vec;
/* An entry's seeds (n 0: not bound). */
struct entry_seeds { int n; struct reg_seed u[REG_MAX_SEEDS]; };

struct registrar_index {
	VEC(struct fstore) stores;          /* sorted by func */
	VEC(struct caller_edge) callers;    /* direct calls, sorted by callee */
	struct entry_seeds **seeded;        /* per function: its seeds, or NULL (not an entry, or not yet) */
	size_t nfuncs;
};

static int by_func(const void *a, const void *b)
{
	const struct fstore *x = a, *y = b;
	return (x->func > y->func) - (x->func < y->func);
}

static int by_callee(const void *a, const void *b)
{
	const struct caller_edge *x = a, *y = b;
	if (x->callee != y->callee)
		return (x->callee > y->callee) - (x->callee < y->callee);
	return (x->caller > y->caller) - (x->caller < y->caller);
}

/* The ops structures some call goes through ('tbl->op(..)', or a local
 * loaded from one), sorted: a table no call reads a function from
 * (EXPORT_SYMBOL's kernel_symbol) calls nobody. */
static void load_called_ops(struct engine *e, int_vec *out)
{
	for (size_t i = 0; i < e->sites.n; i++)
		if (e->sites.v[i].ops >= 0)
			vec_push(out, e->sites.v[i].ops);
	sqlite3_stmt *q = db_prepare(e->db, "SELECT DISTINCT ind_member FROM site WHERE ind_member IS NOT NULL");
	while (db_step_row(e->db, q)) {
		int ops = ops_site_ops(e, db_col_text(q, 0));
		if (ops >= 0)
			vec_push(out, ops);
	}
	sqlite3_finalize(q);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(int), int_cmp);
}

static bool is_called(const int_vec *called, int ops)
{
	return called->n && bsearch(&ops, called->v, called->n, sizeof(int), int_cmp) != NULL;
}

/* Every place a function's address is taken ('type:' keys repeat a store
 * made under another key at the same place), but in a table no call reads. */
static void load_stores(struct engine *e, struct registrar_index *r)
{
	int_vec called = {0};
	load_called_ops(e, &called);
	sqlite3_stmt *q = db_prepare(e->db, "SELECT f.id, s.id, s.func_id FROM fnstore s "
				     "JOIN func f ON f.usr = s.src_usr WHERE s.key NOT LIKE 'type:%'");
	while (db_step_row(e->db, q)) {
		struct fstore st = { .func = engine_func_index(e, sqlite3_column_int64(q, 0)), .registrar = -1 };
		int ops;
		if (st.func < 0)
			continue;
		if (ops_store_table(e, sqlite3_column_int64(q, 1), &st.file, &ops)) {
			if (!is_called(&called, ops))
				continue;
			st.kind = IN_TABLE;
		} else if (sqlite3_column_type(q, 2) != SQLITE_NULL
			   && (st.registrar = engine_func_index(e, sqlite3_column_int64(q, 2))) >= 0) {
			st.kind = IN_CODE;
		} else {
			st.kind = ESCAPED;
		}
		vec_push(&r->stores, st);
	}
	sqlite3_finalize(q);
	vec_free(&called);
	if (r->stores.n > 1)
		qsort(r->stores.v, r->stores.n, sizeof(*r->stores.v), by_func);
}

static void load_callers(struct engine *e, struct registrar_index *r)
{
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		for (int c = 0; s->kind == SITE_CALL && s->func >= 0 && c < s->ncallees; c++)
			if (s->callees[c].store == 0)
				vec_push(&r->callers, ((struct caller_edge){ s->callees[c].func, s->func }));
	}
	if (r->callers.n > 1)
		qsort(r->callers.v, r->callers.n, sizeof(*r->callers.v), by_callee);
}

void registrars_load(struct engine *e)
{
	struct registrar_index *r = xcalloc(1, sizeof(*r));
	load_stores(e, r);
	load_callers(e, r);
	r->nfuncs = e->funcs.n;   /* registrars_free runs after the functions are freed */
	r->seeded = xcalloc(r->nfuncs + 1, sizeof(*r->seeded));
	e->registrars = r;
}

void registrars_free(struct engine *e)
{
	struct registrar_index *r = e->registrars;
	if (!r)
		return;
	vec_free(&r->stores);
	vec_free(&r->callers);
	for (size_t i = 0; i < r->nfuncs; i++)
		free(r->seeded[i]);
	free(r->seeded);
	free(r);
	e->registrars = NULL;
}

/* The way up from one entry: functions to visit, with their distance. */
struct walk {
	int n, func[REG_MAX_VISIT], depth[REG_MAX_VISIT];
	struct entry_seeds *out;
	bool lost;                          /* a way up that ends nowhere known */
};

static void walk_push(struct walk *w, int func, int depth)
{
	for (int i = 0; i < w->n; i++)
		if (w->func[i] == func)
			return;
	if (w->n == REG_MAX_VISIT || depth > REG_MAX_DEPTH) {
		w->lost = true;
		return;
	}
	w->func[w->n] = func;
	w->depth[w->n++] = depth;
}

/* A seed per file, with the file's first method in the stable order
 * (engine_load.c, load_func_order): row ids depend on the order TUs were
 * written in, and the witness names the method. */
static void add_seed(const struct engine *e, struct walk *w, int64_t file, int method)
{
	for (int i = 0; i < w->out->n; i++)
		if (w->out->u[i].file == file) {
			if (e->funcs.v[method].rank < e->funcs.v[w->out->u[i].method].rank)
				w->out->u[i].method = method;
			return;
		}
	if (w->out->n == REG_MAX_SEEDS) {
		w->lost = true;
		return;
	}
	w->out->u[w->out->n++] = (struct reg_seed){ file, method };
}

/* FUNC's stores: a table's make it a method of that file; code's make
 * their functions registrars (for the entry itself, REGISTERS) or lose the
 * way (for a function on the way up: called from who knows where).
 * Returns how many tables hold it. */
static int visit_stores(const struct engine *e, struct walk *w, int func, int depth, bool registers)
{
	const struct registrar_index *r = e->registrars;
	size_t i = lower_bound_i64(r->stores.v, r->stores.n, sizeof(*r->stores.v), offsetof(struct fstore, func), func);
	int tables = 0;
	for (; i < r->stores.n && r->stores.v[i].func == func && !w->lost; i++) {
		const struct fstore *st = &r->stores.v[i];
		if (st->kind == IN_TABLE) {
			add_seed(e, w, st->file, func);
			tables++;
		} else if (st->kind == IN_CODE && registers) {
			if (st->registrar != func)   /* a timer re-armed by its own function */
				walk_push(w, st->registrar, depth + 1);
		} else {
			w->lost = true;
		}
	}
	return tables;
}

/* Push FUNC's direct callers; returns how many it has. */
static int visit_callers(const struct registrar_index *r, struct walk *w, int func, int depth)
{
	size_t i = lower_bound_i64(r->callers.v, r->callers.n, sizeof(*r->callers.v),
				   offsetof(struct caller_edge, callee), func);
	int n = 0;
	for (; i < r->callers.n && r->callers.v[i].callee == func && !w->lost; i++, n++)
		walk_push(w, r->callers.v[i].caller, depth + 1);
	return n;
}

/* Walk up from the functions W holds to methods. */
static void walk_on(const struct engine *e, struct walk *w)
{
	for (int i = 0; i < w->n && !w->lost; i++) {
		int tables = visit_stores(e, w, w->func[i], w->depth[i], false);
		if (!visit_callers(e->registrars, w, w->func[i], w->depth[i]) && !tables)
			w->lost = true;   /* nobody calls it: an API, an initcall */
	}
}

static void walk_up(const struct engine *e, struct walk *w, int entry)
{
	const struct registrar_index *r = e->registrars;
	size_t first = lower_bound_i64(r->stores.v, r->stores.n, sizeof(*r->stores.v),
				       offsetof(struct fstore, func), entry);
	if (first == r->stores.n || r->stores.v[first].func != entry) {
		w->lost = true;   /* a declared entry: registered by no code lockpath sees */
		return;
	}
	visit_stores(e, w, entry, 0, true);
	walk_on(e, w);
}

static const struct engine *rank_engine;

/* Seeds by their method's rank; one method's several files by the files'
 * paths (both stable across databases). */
static int by_method_rank(const void *a, const void *b)
{
	const struct reg_seed *x = a, *y = b;
	int rx = rank_engine->funcs.v[x->method].rank, ry = rank_engine->funcs.v[y->method].rank;
	if (rx != ry)
		return (rx > ry) - (rx < ry);
	return strcmp(ops_unit_name((struct engine *)rank_engine, x->file),
		      ops_unit_name((struct engine *)rank_engine, y->file));
}

int registrars_seeds(struct engine *e, int entry, struct reg_seed *out)
{
	struct registrar_index *r = e->registrars;
	if (r->seeded[entry]) {
		memcpy(out, r->seeded[entry]->u, sizeof(r->seeded[entry]->u));
		return r->seeded[entry]->n;
	}
	struct entry_seeds *eu = xcalloc(1, sizeof(*eu));
	struct walk w = { .out = eu };
	walk_up(e, &w, entry);
	if (w.lost)
		eu->n = 0;
	rank_engine = e;   /* seeded in the stable order of their methods */
	if (eu->n > 1)
		qsort(eu->u, (size_t)eu->n, sizeof(*eu->u), by_method_rank);
	r->seeded[entry] = eu;
	memcpy(out, eu->u, sizeof(eu->u));
	return eu->n;
}

int registrars_method(const struct engine *e, int entry, int64_t file)
{
	const struct entry_seeds *eu = e->registrars->seeded[entry];
	for (int i = 0; eu && i < eu->n; i++)
		if (eu->u[i].file == file)
			return eu->u[i].method;
	return -1;
}

int registrars_files_above(const struct engine *e, const int *funcs, int n, struct reg_seed *out)
{
	struct entry_seeds seeds = {0};
	struct walk w = { .out = &seeds };
	for (int i = 0; i < n && !w.lost; i++)
		walk_push(&w, funcs[i], 0);
	walk_on(e, &w);
	if (w.lost)
		return 0;
	memcpy(out, seeds.u, sizeof(seeds.u));
	return seeds.n;
}
