// SPDX-License-Identifier: GPL-2.0-only
/*
 * init_modes.c - callbacks whose store says where they run (see
 * init_modes.h).
 *
 * For each 'init-mode FUNC OBJ MODE MASK KEY CONTEXT' rule: every call of
 * FUNC names its object (argument OBJ's object key, 'tcp_sock.pacing_timer')
 * and its mode (argument MODE, when a constant).  An object key all of whose
 * initialisations have a bit of MASK set is one of the rule's: the
 * functions stored into its member KEY ('tp->pacing_timer.function = f')
 * run in CONTEXT.  One initialisation without the bit, or with a mode that
 * is not a constant, keeps the object's stores ordinary: the path from the
 * dispatcher is followed as before.  A parameter's object ('arg#0') names
 * an object only within its own function.
 *
 * For each 'file-mode FUNC MODE VALUES KEY CONTEXT' rule the same, with
 * the file that makes the calls for the object: a file whose calls of FUNC
 * all pass as MODE one of the constants VALUES, and that makes at least one,
 * runs the functions it stores into KEY in CONTEXT.  An InfiniBand
 * consumer's completion queue runs every completion's 'wr_cqe->done' from
 * one poller (__ib_process_cq()), which irq_poll's softirq and the CQ
 * workqueue both call; the consumer chose which when it allocated its CQ
 * (ib_alloc_cq(.., IB_POLL_UNBOUND_WORKQUEUE): the MAD layer's, whose send
 * and receive completions run in a kworker), and its completion callbacks
 * are set in the same file.  A call that passes its own parameter on is
 * the API's wrapper (ib_alloc_cq_any() into __ib_alloc_cq()), not a
 * consumer's choice, and does not count; a file that stores callbacks but
 * allocates no CQ of its own (RPC-over-RDMA's registration code, the core's
 * drain of any consumer's QP) keeps its stores ordinary.
 *
 * For each 'defer-on FUNC ARG QUEUE CONTEXT' rule: a function passed as
 * argument ARG of a call of FUNC whose argument QUEUE names an object
 * (bcache's continue_at(cl, fn, system_wq) -> set_closure_fn(cl, fn, wq))
 * runs from that queue, in CONTEXT; where QUEUE is NULL or unknown the
 * function is the dispatcher's call, as before (closure_put_after_sub()'s
 * destructor(cl) calls what was set with no queue on the spot).
 */
#include "check/init_modes.h"
#include "db/db.h"
#include "lib/keyname.h"
#include "lib/util.h"
#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mode_store { int64_t store; int ctx; };

struct init_modes {
	VEC(struct mode_store) stores;       /* sorted by store */
	VEC(struct init_mode_entry) entries;
};

enum { MODE_SET = 1, MODE_OTHER = 2 };   /* what an object key's initialisations had */

/* The object key as this module matches it: a parameter's ('arg#0') only
 * within FUNC_ID's function. */
static const char *object_name(char *buf, size_t len, const char *obj_key, int64_t func_id)
{
	if (strncmp(obj_key, "arg#", 4))
		return obj_key;
	snprintf(buf, len, "%lld/%s", (long long)func_id, obj_key);
	return buf;
}

/* STORE put FUNC_ID where it runs as an entry of CTX. */
static void add_deferred(struct init_modes *im, int64_t store, int64_t func_id, int ctx)
{
	vec_push(&im->stores, ((struct mode_store){ store, ctx }));
	vec_push(&im->entries, ((struct init_mode_entry){ func_id, ctx }));
}

/* A file ('file-mode') as this module matches it: its row id, in BUF. */
static const char *file_name(char *buf, size_t len, int64_t file_id)
{
	snprintf(buf, len, "%lld", (long long)file_id);
	return buf;
}

/* Per file ('file-mode'), whether its calls of FUNC, apart from those
 * that pass their own parameter on, all passed one of the VALUES. */
static void scan_file_inits(struct lp_db *db, const struct lp_init_mode *m, struct strmap *seen)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT s.file_id, v.value, v.fwd FROM temp.mode_site m "
				     "JOIN site s ON s.id = m.id "
				     "LEFT JOIN temp.mode_arg v ON v.site_id = s.id AND v.n = ? AND v.field IS NULL "
				     "AND (v.value IS NOT NULL OR v.fwd IS NOT NULL) WHERE s.callee_name = ?");
	db_bind_int(q, 1, m->mode);
	db_bind_text(q, 2, m->func);
	char buf[32];
	while (db_step_row(db, q)) {
		if (sqlite3_column_type(q, 2) != SQLITE_NULL)
			continue;   /* the API's own wrapper passes the mode on */
		long long v = sqlite3_column_int64(q, 1);
		bool set = sqlite3_column_type(q, 1) != SQLITE_NULL && v >= 0 && v < 64 && (m->values >> v & 1);
		*strmap_put(seen, file_name(buf, sizeof(buf), sqlite3_column_int64(q, 0)), NULL) |=
			set ? MODE_SET : MODE_OTHER;
	}
	sqlite3_finalize(q);
}

/* Per object key, whether FUNC's calls on it all had a bit of MASK set. */
static void scan_inits(struct lp_db *db, const struct lp_init_mode *m, struct strmap *seen)
{
	if (m->obj == LP_MODE_FILE) {
		scan_file_inits(db, m, seen);
		return;
	}
	sqlite3_stmt *q = db_prepare(db, "SELECT a.obj_key, s.func_id, v.value FROM temp.mode_site m "
				     "JOIN site s ON s.id = m.id "
				     "JOIN temp.mode_arg a ON a.site_id = s.id AND a.n = ? AND a.obj_key IS NOT NULL "
				     "LEFT JOIN temp.mode_arg v ON v.site_id = s.id AND v.n = ? AND v.value IS NOT NULL "
				     "AND v.fwd IS NULL WHERE s.callee_name = ?");
	db_bind_int(q, 1, m->obj);
	db_bind_int(q, 2, m->mode);
	db_bind_text(q, 3, m->func);
	char buf[256];
	while (db_step_row(db, q)) {
		bool set = sqlite3_column_type(q, 2) != SQLITE_NULL && (sqlite3_column_int64(q, 2) & m->mask);
		const char *name = object_name(buf, sizeof(buf), db_col_text(q, 0), sqlite3_column_int64(q, 1));
		*strmap_put(seen, name, NULL) |= set ? MODE_SET : MODE_OTHER;
	}
	sqlite3_finalize(q);
}

/* The stores into KEY of the objects SEEN says are all the rule's. */
static void collect_stores(struct lp_db *db, const struct lp_init_mode *m, const struct strmap *seen,
			   struct init_modes *im)
{
	bool by_file = m->obj == LP_MODE_FILE;
	sqlite3_stmt *q = db_prepare(db, by_file ?
				     "SELECT s.id, s.file_id, s.func_id, t.func_id FROM key_target t "
				     "JOIN fnstore s ON s.id = t.store_id "
				     "WHERE t.key = ? ORDER BY s.id, t.func_id" :
				     "SELECT s.id, s.obj_key, s.func_id, t.func_id FROM key_target t "
				     "JOIN fnstore s ON s.id = t.store_id "
				     "WHERE t.key = ? AND s.obj_key IS NOT NULL ORDER BY s.id, t.func_id");
	db_bind_text(q, 1, m->key);
	char buf[256];
	while (db_step_row(db, q)) {
		const char *name = by_file ? file_name(buf, sizeof(buf), sqlite3_column_int64(q, 1)) :
			object_name(buf, sizeof(buf), db_col_text(q, 1), sqlite3_column_int64(q, 2));
		int64_t *how = strmap_get(seen, name);
		if (!how || *how != MODE_SET)
			continue;
		add_deferred(im, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 3), (int)m->ctx);
	}
	sqlite3_finalize(q);
}

/* The stores of the functions a call of D's API passes as argument ARG
 * where argument QUEUE names an object (site_arg.obj_key): a workqueue. */
static void collect_queued(struct lp_db *db, const struct lp_defer_on *d, struct init_modes *im)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT st.id, st.key, t.func_id FROM fnstore st "
				     "JOIN store_target t ON t.store_id = st.id "
				     "JOIN temp.mode_arg a ON a.site_id = st.site_id AND a.n = ? AND a.obj_key IS NOT NULL "
				     "WHERE st.key LIKE 'arg:%' ORDER BY st.id");
	db_bind_int(q, 1, d->queue);
	while (db_step_row(db, q)) {
		struct keyname_arg arg;
		char api[256];
		if (!keyname_parse_arg(db_col_text(q, 1), &arg) || arg.n != d->arg ||
		    strcmp(keyname_arg_api(&arg, api, sizeof(api)), d->func))
			continue;
		add_deferred(im, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 2), (int)d->ctx);
	}
	sqlite3_finalize(q);
}

static int by_store(const void *a, const void *b)
{
	const struct mode_store *x = a, *y = b;
	return (x->store > y->store) - (x->store < y->store);
}

/*
 * The calls and arguments the rules read, copied once into indexed temp
 * tables: site has no index on the callee's name, and site_arg none at all
 * (engine_load reads it whole), so each rule's query scanned both and had
 * sqlite build an index over every argument of the tree, 0.25 to 0.6 s a
 * rule on the whole s390 tree.  MODE_SITE: the calls of the rules'
 * functions and the calls that pass a function ('arg:' stores, defer-on);
 * MODE_ARG: their arguments.
 */
static void mode_tables_build(struct lp_db *db, const struct lp_rules *r)
{
	db_exec(db, "DROP TABLE IF EXISTS temp.mode_func");
	db_exec(db, "DROP TABLE IF EXISTS temp.mode_site");
	db_exec(db, "DROP TABLE IF EXISTS temp.mode_arg");
	db_exec(db, "CREATE TEMP TABLE mode_func(name TEXT PRIMARY KEY) WITHOUT ROWID");
	db_exec(db, "CREATE TEMP TABLE mode_site(id INTEGER PRIMARY KEY)");
	sqlite3_stmt *q = db_prepare(db, "INSERT OR IGNORE INTO temp.mode_func VALUES (?)");
	for (size_t i = 0; i < rules_init_mode_count(r); i++) {
		db_bind_text(q, 1, rules_init_mode(r, i)->func);
		db_step_done(db, q);
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	db_exec(db, "INSERT OR IGNORE INTO temp.mode_site SELECT id FROM site "
		    "WHERE callee_name IN (SELECT name FROM temp.mode_func)");
	if (rules_defer_on_count(r))
		db_exec(db, "INSERT OR IGNORE INTO temp.mode_site SELECT site_id FROM fnstore "
			    "WHERE key LIKE 'arg:%' AND site_id IS NOT NULL");
	db_exec(db, "CREATE TEMP TABLE mode_arg AS SELECT site_id, n, obj_key, value, fwd, field FROM site_arg "
		    "WHERE site_id IN (SELECT id FROM temp.mode_site)");
	db_exec(db, "CREATE INDEX temp.mode_arg_at ON mode_arg(site_id, n)");
}

static void mode_tables_drop(struct lp_db *db)
{
	db_exec(db, "DROP TABLE temp.mode_arg");
	db_exec(db, "DROP TABLE temp.mode_site");
	db_exec(db, "DROP TABLE temp.mode_func");
}

struct init_modes *init_modes_load(struct lp_db *db, const struct lp_rules *r)
{
	struct init_modes *im = xcalloc(1, sizeof(*im));
	bool any = rules_init_mode_count(r) || rules_defer_on_count(r);   /* else no table to scan */
	if (any)
		mode_tables_build(db, r);
	for (size_t i = 0; i < rules_init_mode_count(r); i++) {
		struct strmap seen = {0};
		scan_inits(db, rules_init_mode(r, i), &seen);
		collect_stores(db, rules_init_mode(r, i), &seen, im);
		strmap_free(&seen);
	}
	for (size_t i = 0; i < rules_defer_on_count(r); i++)
		collect_queued(db, rules_defer_on(r, i), im);
	if (any)
		mode_tables_drop(db);
	if (im->stores.n > 1)
		qsort(im->stores.v, im->stores.n, sizeof(*im->stores.v), by_store);
	return im;
}

void init_modes_free(struct init_modes *im)
{
	if (!im)
		return;
	vec_free(&im->stores);
	vec_free(&im->entries);
	free(im);
}

int init_modes_store_ctx(const struct init_modes *im, int64_t store)
{
	size_t i = lower_bound_i64(im->stores.v, im->stores.n, sizeof(*im->stores.v),
				   offsetof(struct mode_store, store), store);
	return i < im->stores.n && im->stores.v[i].store == store ? im->stores.v[i].ctx : -1;
}

size_t init_modes_entry_count(const struct init_modes *im) { return im->entries.n; }

const struct init_mode_entry *init_modes_entry(const struct init_modes *im, size_t i)
{
	return &im->entries.v[i];
}
