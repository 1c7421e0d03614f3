// SPDX-License-Identifier: GPL-2.0-only
/*
 * ctor_tables.c - an object's table is the one its constructor was given.
 *
 * devlink's health reporters recover a device through their ops: a
 * report that finds a reporter with auto-recovery calls
 * 'reporter->ops->recover(reporter, ctx)'.  By key that is every
 * reporter's recover in the kernel.  mlx5 alone has several, and its
 * firmware-fatal one reloads the whole device under the locks that the
 * RX queue's timeout report is made with (the driver's resume waits for
 * its RX queues under them and reports a timeout on 'priv->rx_reporter'):
 * on the whole s390 tree 18 findings went through that one call.  But a
 * reporter's ops are set once, by the function that makes it,
 * __devlink_health_reporter_create() ('reporter->ops = ops' on the object
 * it kzalloc()s and returns), from what its caller gave it; the RX
 * reporter is made with '&mlx5_rx_reporter_ops' and stored into
 * 'priv->rx_reporter', and the firmware-fatal reporter is never stored
 * there.
 *
 * Extract records the three halves: what a function returns, with the
 * object the returned local points to (func_ret.obj_key), so its own
 * table stores through that local are the new object's; which call's
 * result a member is given (result_store: 'priv->rx_reporter =
 * reporter'); and the tables a call passes (site_arg.obj_key).  Here a
 * constructor's tables are closed over the calls that return what it
 * returned (devlink_port_health_reporter_create() returns what
 * __devlink_health_reporter_create() returned, given its own 'ops'), up
 * to CTOR_DEPTH calls, and the tables a member's objects hold are the
 * union over every store into that member.  check/embedded.c binds a path
 * to the member its object was read from ('*mlx5e_priv.rx_reporter',
 * site_arg.obj_key) and asks here which tables the object's 'ops' can
 * point to.
 *
 * What it trades: a member stored through a memcpy() or a struct's
 * initialiser is not seen (so not counted against it), and the returned
 * local is the one the function's table stores went through, whatever
 * else it was assigned in between.  Any store into the member of
 * something else (a lookup's result, a parameter), a constructor with no
 * body or one given a table lockpath cannot name, and any store into the
 * table member outside a constructor, leave the call as it was.
 */
#include "check/ctor_tables.h"
#include "check/engine_int.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

/* Calls a constructor's object is returned up through. */
#define CTOR_DEPTH 4

typedef struct name_list strvec;

/* What member VIA of a returned object holds: global tables, the
 * returning function's parameters, or something not known. */
struct ctor_vals {
	bool unknown;
	strvec tables;
	VEC(int) params;
};

struct ctor_query {
	struct engine *e;
	const char *via;
	sqlite3_stmt *q_rets, *q_own, *q_args;
};

static void vals_free(struct ctor_vals *v)
{
	for (size_t i = 0; i < v->tables.n; i++)
		free(v->tables.v[i]);
	vec_free(&v->tables);
	vec_free(&v->params);
}

static void add_table(strvec *tables, const char *name)
{
	for (size_t i = 0; i < tables->n; i++)
		if (!strcmp(tables->v[i], name))
			return;
	vec_push(tables, xstrdup(name));
}

/* A table store's value ('VALUE', or the storing function's parameter SRC) into OUT. */
static void add_stored(struct ctor_vals *out, const char *value, const char *src)
{
	int p = keyname_lock_param(src);
	if (value)
		add_table(&out->tables, value);
	else if (p >= 0)
		vec_push(&out->params, p);
	else
		out->unknown = true;
}

static void ret_values(struct ctor_query *q, int64_t func_id, int depth, struct ctor_vals *out);

/* What argument N of the call at SITE_ID gives a callee's parameter: a
 * global table or the caller's own parameter, into OUT. */
static void arg_value(struct ctor_query *q, int64_t site_id, int n, struct ctor_vals *out)
{
	bool named = false;
	db_bind_int(q->q_args, 1, site_id);
	db_bind_int(q->q_args, 2, n);
	while (db_step_row(q->e->db, q->q_args)) {
		const char *obj = db_col_text(q->q_args, 0);
		if (keyname_is_global(obj)) {
			add_table(&out->tables, obj);
			named = true;
		} else if (keyname_lock_param(obj) >= 0) {
			vec_push(&out->params, keyname_lock_param(obj));
			named = true;
		}
	}
	sqlite3_reset(q->q_args);
	out->unknown |= !named;
}

/* What the object the call at SITE_ID returned holds in VIA, in the
 * caller's terms. */
static void call_values(struct ctor_query *q, int64_t site_id, int depth, struct ctor_vals *out)
{
	struct engine *e = q->e;
	const struct ck_site *s = engine_site_by_id(e, site_id);
	if (s && rules_fresh_object(e->rules, s->callee_name))
		return;   /* a new object: nothing stored yet */
	if (!s || s->kind != SITE_CALL || !s->ncallees || depth >= CTOR_DEPTH) {
		out->unknown = true;
		return;
	}
	for (int c = 0; c < s->ncallees && !out->unknown; c++) {
		struct ctor_vals sub = {0};
		ret_values(q, e->funcs.v[s->callees[c].func].id, depth + 1, &sub);
		out->unknown |= sub.unknown;
		for (size_t i = 0; i < sub.tables.n; i++)
			add_table(&out->tables, sub.tables.v[i]);
		for (size_t i = 0; i < sub.params.n && !out->unknown; i++)
			arg_value(q, site_id, sub.params.v[i], out);
		vals_free(&sub);
	}
}

/* Rows of q_rets for FUNC_ID: (site, obj) per returned local. */
struct ret_row { int64_t site; char *obj; };

/* What the objects function FUNC_ID returns hold in VIA: its own stores
 * through the returned local, or else what the call it came from holds. */
static void ret_values(struct ctor_query *q, int64_t func_id, int depth, struct ctor_vals *out)
{
	struct lp_db *db = q->e->db;
	VEC(struct ret_row) rows = {0};
	db_bind_int(q->q_rets, 1, func_id);
	while (db_step_row(db, q->q_rets)) {
		const char *obj = db_col_text_or_null(q->q_rets, 1);
		vec_push(&rows, ((struct ret_row){ sqlite3_column_int64(q->q_rets, 0), obj ? xstrdup(obj) : NULL }));
	}
	sqlite3_reset(q->q_rets);   /* the recursion below uses the same statement */
	out->unknown |= !rows.n;
	for (size_t i = 0; i < rows.n && !out->unknown; i++) {
		if (!rows.v[i].obj) {
			out->unknown = true;
			break;
		}
		bool own = false;
		db_bind_int(q->q_own, 1, func_id);
		db_bind_text(q->q_own, 2, rows.v[i].obj);
		db_bind_text(q->q_own, 3, q->via);
		while (db_step_row(db, q->q_own)) {
			add_stored(out, db_col_text_or_null(q->q_own, 0), db_col_text_or_null(q->q_own, 1));
			own = true;
		}
		sqlite3_reset(q->q_own);
		if (!own)
			call_values(q, rows.v[i].site, depth, out);
	}
	for (size_t i = 0; i < rows.n; i++)
		free(rows.v[i].obj);
	vec_free(&rows);
}

bool ctor_stores_explained(struct engine *e, const char *via)
{
	sqlite3_stmt *q = db_prepare(e->db,
		"SELECT count(*), sum(EXISTS (SELECT 1 FROM func_ret r WHERE r.func_id = t.func_id "
		"AND r.obj_key = t.obj_key AND r.site_id IS NOT NULL)) FROM table_store t "
		"WHERE t.member = ? AND t.value IS NULL");
	db_bind_text(q, 1, via);
	bool explained = db_step_row(e->db, q) && sqlite3_column_int(q, 0) > 0 &&
			 sqlite3_column_int(q, 0) == sqlite3_column_int(q, 1);
	sqlite3_finalize(q);
	return explained;
}

bool ctor_tables_of(struct engine *e, const char *pointee, const char *via, struct name_list *tables)
{
	if (pointee[0] != '*' || !ctor_stores_explained(e, via))
		return false;
	struct ctor_query q = { e, via, NULL, NULL, NULL };
	q.q_rets = db_prepare(e->db, "SELECT site_id, obj_key FROM func_ret WHERE func_id = ? AND site_id IS NOT NULL");
	q.q_own = db_prepare(e->db, "SELECT value, src_obj FROM table_store WHERE func_id = ? AND obj_key = ? "
			     "AND member = ?");
	q.q_args = db_prepare(e->db, "SELECT obj_key FROM site_arg WHERE site_id = ? AND n = ? AND obj_key IS NOT NULL");
	struct ctor_vals vals = {0};
	sqlite3_stmt *stores = db_prepare(e->db, "SELECT site_id FROM result_store WHERE member = ?");
	db_bind_text(stores, 1, pointee + 1);
	bool any = false;
	while (!vals.unknown && db_step_row(e->db, stores)) {
		any = true;
		if (sqlite3_column_type(stores, 0) == SQLITE_NULL)
			vals.unknown = true;   /* something else was stored */
		else
			call_values(&q, sqlite3_column_int64(stores, 0), 0, &vals);
	}
	sqlite3_finalize(stores);
	/* a constructor given the storing function's own parameter: its callers' */
	bool known = any && !vals.unknown && !vals.params.n;
	for (size_t i = 0; known && i < vals.tables.n; i++)
		add_table(tables, vals.tables.v[i]);
	vals_free(&vals);
	sqlite3_finalize(q.q_rets);
	sqlite3_finalize(q.q_own);
	sqlite3_finalize(q.q_args);
	return known;
}
