// SPDX-License-Identifier: GPL-2.0-only
/*
 * matrix.c - transports and the driver callbacks their interrupt paths
 * reach (see matrix.h).  A breadth-first search over the resolved call
 * graph (call_edge) from the entry points the checks start from (declared
 * entries, keys and registrations; not roots), carrying the last transport
 * whose code the path went through.  An edge through a callback key ends a
 * path there and records (transport, context, callback) with that shortest
 * path.  It does not look at locks: whether a cell is safe is the report's
 * join with the findings.
 */
#include "check/matrix.h"
#include "check/init_modes.h"
#include "lib/keyname.h"

#include <string.h>

#define NCTX 3

struct mx_edge { int caller, callee; int64_t store; const char *key; };
struct mx_state { int func, tr, ctx, parent; };

struct matrix {
	struct lp_db *db;
	const struct lp_rules *rules;
	struct arena arena;
	VEC(int64_t) func_id;             /* index -> func.id, sorted */
	VEC(const char *) func_name;
	VEC(int) func_tr;                 /* transport index of the function's file, -1 */
	VEC(const char *) transports;
	VEC(struct mx_edge) edges;        /* sorted by caller */
	int *first_edge;                  /* per function: index into edges, nfunc + 1 entries */
	VEC(struct mx_state) states;
	unsigned char *seen;              /* per (func, tr + 1, ctx) */
	struct strmap recorded;           /* 'tr/ctx/func' */
	struct init_modes *modes;         /* callbacks deferred by their object's mode */
	struct matrix_stats *st;
};

bool matrix_transport_name(const char *path, char *out, size_t n)
{
	const char *b = path_basename(path);
	size_t len = strlen(b);
	if (strncmp(b, "virtio_", 7) || len < 10 || (strcmp(b + len - 2, ".c") && strcmp(b + len - 2, ".h")))
		return false;
	size_t end = 7;
	while (end < len - 2 && b[end] != '_')
		end++;
	if (end == 7 || end - 7 >= n)
		return false;
	memcpy(out, b + 7, end - 7);
	out[end - 7] = 0;
	return true;
}

static int func_index(const struct matrix *m, int64_t id)
{
	size_t lo = 0, hi = m->func_id.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (m->func_id.v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->func_id.n && m->func_id.v[lo] == id ? (int)lo : -1;
}

static int transport_index(const struct matrix *m, const char *name)
{
	for (size_t i = 0; i < m->transports.n; i++)
		if (!strcmp(m->transports.v[i], name))
			return (int)i;
	return -1;
}

/* Transports: the names of files that store functions into virtio_config_ops
 * (not the 'type:' rows extract writes at every call through it). */
static void load_transports(struct matrix *m)
{
	sqlite3_stmt *q = db_prepare(m->db, MATRIX_TRANSPORT_FILES_SQL);
	char name[64];
	while (db_step_row(m->db, q))
		if (matrix_transport_name(db_col_text(q, 0), name, sizeof(name)) && transport_index(m, name) < 0)
			vec_push(&m->transports, arena_strdup(&m->arena, name));
	sqlite3_finalize(q);
}

static void write_transport_files(struct matrix *m)
{
	sqlite3_stmt *q = db_prepare(m->db,
		/* uncorrelated IN: one look-up through fnstore_key, not a scan of
		 * fnstore per file (minutes on a whole kernel) */
		"SELECT f.id, f.path, f.id IN (SELECT s.file_id FROM fnstore s WHERE s.key >= 'virtio_config_ops.' "
		"AND s.key < 'virtio_config_ops/' AND s.src_usr IS NOT NULL) FROM file f ORDER BY f.id");
	sqlite3_stmt *ins = db_prepare(m->db, "INSERT INTO transport_file(file_id, transport, has_ops) VALUES (?,?,?)");
	char name[64];
	while (db_step_row(m->db, q)) {
		if (!matrix_transport_name(db_col_text(q, 1), name, sizeof(name)) || transport_index(m, name) < 0)
			continue;
		db_bind_int(ins, 1, sqlite3_column_int64(q, 0));
		db_bind_text(ins, 2, name);
		db_bind_int(ins, 3, sqlite3_column_int(q, 2));
		db_step_done(m->db, ins);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
}

static void load_funcs(struct matrix *m)
{
	sqlite3_stmt *q = db_prepare(m->db, "SELECT fn.id, fn.name, f.path FROM func fn JOIN file f ON f.id = fn.file_id "
				     "ORDER BY fn.id");
	char name[64];
	while (db_step_row(m->db, q)) {
		vec_push(&m->func_id, sqlite3_column_int64(q, 0));
		vec_push(&m->func_name, arena_strdup(&m->arena, db_col_text(q, 1)));
		int tr = matrix_transport_name(db_col_text(q, 2), name, sizeof(name)) ? transport_index(m, name) : -1;
		vec_push(&m->func_tr, tr);
	}
	sqlite3_finalize(q);
}

static void load_edges(struct matrix *m)
{
	sqlite3_stmt *q = db_prepare(m->db, "SELECT s.func_id, e.callee, e.store_id, s.ind_key FROM call_edge e "
				     "JOIN site s ON s.id = e.site_id ORDER BY s.func_id, s.id, e.rowid");
	while (db_step_row(m->db, q)) {
		struct mx_edge e = { func_index(m, sqlite3_column_int64(q, 0)), func_index(m, sqlite3_column_int64(q, 1)),
				     sqlite3_column_int64(q, 2), NULL };
		if (sqlite3_column_type(q, 3) != SQLITE_NULL)
			e.key = arena_strdup(&m->arena, db_col_text(q, 3));
		if (e.caller >= 0 && e.callee >= 0 && init_modes_store_ctx(m->modes, e.store) < 0)
			vec_push(&m->edges, e);
	}
	sqlite3_finalize(q);
	size_t nf = m->func_id.n;
	m->first_edge = xcalloc(nf + 1, sizeof(int));
	for (size_t i = 0; i < m->edges.n; i++)
		m->first_edge[m->edges.v[i].caller + 1]++;
	for (size_t f = 0; f < nf; f++)
		m->first_edge[f + 1] += m->first_edge[f];
}

static void push(struct matrix *m, int func, int tr, int ctx, int parent)
{
	unsigned char *seen = &m->seen[((size_t)func * (m->transports.n + 1) + (size_t)(tr + 1)) * NCTX + (size_t)ctx];
	if (*seen)
		return;
	*seen = 1;
	struct mx_state s = { func, tr >= 0 ? tr : -1, ctx, parent };
	vec_push(&m->states, s);
}

static void seed(struct matrix *m, int func, int ctx)
{
	if (func >= 0 && ctx >= 0 && ctx < NCTX)
		push(m, func, m->func_tr.v[func], ctx, -1);
}

/* The engine's entries (engine.c seed_and_explore), without the roots:
 * declared entries by name, keys, and registration arguments. */
static void seed_entries(struct matrix *m)
{
	for (size_t i = 0; i < rules_entry_count(m->rules); i++) {
		const struct lp_entry *en = rules_entry(m->rules, i);
		for (size_t f = 0; f < m->func_name.n; f++)
			if (!strcmp(m->func_name.v[f], en->func))
				seed(m, (int)f, en->ctx);
	}
	sqlite3_stmt *q = db_prepare(m->db, "SELECT DISTINCT func_id FROM key_target WHERE key = ? ORDER BY func_id");
	for (size_t i = 0; i < rules_keyentry_count(m->rules); i++) {
		const struct lp_keyentry *ke = rules_keyentry(m->rules, i);
		db_bind_text(q, 1, ke->key);
		while (db_step_row(m->db, q))
			seed(m, func_index(m, sqlite3_column_int64(q, 0)), ke->ctx);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	q = db_prepare(m->db, "SELECT DISTINCT key, func_id FROM key_target WHERE key LIKE 'arg:%#%' ORDER BY key, func_id");
	while (db_step_row(m->db, q)) {
		struct keyname_arg arg;
		char fn[256];
		if (!keyname_parse_arg(db_col_text(q, 0), &arg))
			continue;
		keyname_arg_api(&arg, fn, sizeof(fn));
		for (const struct lp_register *r = rules_register(m->rules, fn); r; r = rules_register_next(m->rules, r))
			if (r->arg == arg.n)
				seed(m, func_index(m, sqlite3_column_int64(q, 1)), r->ctx);
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < init_modes_entry_count(m->modes); i++)
		seed(m, func_index(m, init_modes_entry(m->modes, i)->func_id), init_modes_entry(m->modes, i)->ctx);
}

static bool is_callback_key(const char *key)
{
	for (int i = 0; key && i < db_ncallback_keys; i++)
		if (!strcmp(key, db_callback_keys[i]))
			return true;
	return false;
}

/* Write one cell: S reached CALLEE through E.  The path is read back
 * through the parents; VIA is the nearest function of the transport. */
static void record(struct matrix *m, int si, const struct mx_edge *e, sqlite3_stmt *ins)
{
	const struct mx_state *s = &m->states.v[si];
	char sig[64];
	snprintf(sig, sizeof(sig), "%d/%d/%d", s->tr, s->ctx, e->callee);
	bool created;
	strmap_put(&m->recorded, sig, &created);
	if (!created)
		return;
	VEC(int) chain = {0};
	int via = -1;
	for (int k = si; k >= 0; k = m->states.v[k].parent) {
		vec_push(&chain, m->states.v[k].func);
		if (via < 0 && m->func_tr.v[m->states.v[k].func] == s->tr)
			via = m->states.v[k].func;
	}
	struct strbuf path = {0};
	for (size_t i = chain.n; i-- > 0;)
		sb_addf(&path, "%s > ", m->func_name.v[chain.v[i]]);
	sb_add(&path, m->func_name.v[e->callee]);
	db_bind_text(ins, 1, m->transports.v[s->tr]);
	db_bind_text(ins, 2, context_name(s->ctx));
	db_bind_int(ins, 3, m->func_id.v[e->callee]);
	db_bind_text(ins, 4, e->key);
	db_bind_null_or_int(ins, 5, e->store);
	db_bind_int(ins, 6, m->func_id.v[chain.v[chain.n - 1]]);
	db_bind_int(ins, 7, m->func_id.v[via >= 0 ? via : chain.v[0]]);
	db_bind_text(ins, 8, sb_str(&path));
	db_step_done(m->db, ins);
	m->st->cells++;
	sb_free(&path);
	vec_free(&chain);
}

static void search(struct matrix *m)
{
	sqlite3_stmt *ins = db_prepare(m->db,
		"INSERT INTO callback_reach(transport, context, cb_func, cb_key, store_id, entry_func, via_func, path) "
		"VALUES (?,?,?,?,?,?,?,?)");
	for (size_t i = 0; i < m->states.n; i++) {
		struct mx_state s = m->states.v[i];
		for (int k = m->first_edge[s.func]; k < m->first_edge[s.func + 1]; k++) {
			const struct mx_edge *e = &m->edges.v[k];
			if (!is_callback_key(e->key)) {
				int tr = m->func_tr.v[e->callee];
				push(m, e->callee, tr >= 0 ? tr : s.tr, s.ctx, (int)i);
			} else if (s.tr >= 0) {
				record(m, (int)i, e, ins);
			}
		}
	}
	sqlite3_finalize(ins);
}

static void count_callbacks(struct matrix *m)
{
	sqlite3_stmt *q = db_prepare(m->db, "SELECT count(DISTINCT cb_func) FROM callback_reach");
	if (db_step_row(m->db, q))
		m->st->callbacks = (size_t)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
}

int matrix_run(struct lp_db *db, const struct lp_rules *r, bool capped, struct matrix_stats *st)
{
	memset(st, 0, sizeof(*st));
	struct matrix m = { .db = db, .rules = r, .st = st };
	db_begin(db);
	db_exec(db, "DELETE FROM callback_reach; DELETE FROM transport_file;");
	load_transports(&m);
	write_transport_files(&m);
	load_funcs(&m);
	m.modes = init_modes_load(db, r);
	load_edges(&m);
	m.seen = xcalloc(m.func_id.n * (m.transports.n + 1) * NCTX + 1, 1);
	seed_entries(&m);
	search(&m);
	count_callbacks(&m);
	db_meta_set(db, "matrix_partial", capped ? "1" : "0");
	db_commit(db);
	st->transports = m.transports.n;
	free(m.seen);
	free(m.first_edge);
	vec_free(&m.func_id);
	vec_free(&m.func_name);
	vec_free(&m.func_tr);
	vec_free(&m.transports);
	vec_free(&m.edges);
	vec_free(&m.states);
	strmap_free(&m.recorded);
	init_modes_free(m.modes);
	arena_free(&m.arena);
	return db_failed(db) ? -1 : 0;
}
