// SPDX-License-Identifier: GPL-2.0-only
/*
 * findings.c - read findings back for the report formats (see findings.h).
 */
#include "report/findings.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

static const char *dup_col(struct arena *a, sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : arena_strdup(a, db_col_text(q, i));
}

static struct rp_loc loc_cols(struct arena *a, sqlite3_stmt *q, int i)
{
	return (struct rp_loc){ dup_col(a, q, i), sqlite3_column_int(q, i + 1), sqlite3_column_int(q, i + 2) };
}

static int load_path(struct lp_db *db, struct rp_run *run, int64_t fid, int path, struct rp_hop **out)
{
	sqlite3_stmt *q = db_prepare(db,
		"SELECT fn.name, ff.path, fn.line, fn.col, sf.path, s.line, s.col, s.ind_key, s.text, "
		"       st.id, stf.path, st.line, st.col, st.key, s.lock_key, h.entry, fn.end_line "
		"FROM finding_hop h JOIN func fn ON fn.id = h.func_id JOIN file ff ON ff.id = fn.file_id "
		"LEFT JOIN site s ON s.id = h.site_id LEFT JOIN file sf ON sf.id = s.file_id "
		"LEFT JOIN fnstore st ON st.id = h.store_id LEFT JOIN file stf ON stf.id = st.file_id "
		"WHERE h.finding_id = ? AND h.path = ? ORDER BY h.seq");
	db_bind_int(q, 1, fid);
	db_bind_int(q, 2, path);
	VEC(struct rp_hop) hops = {0};
	while (db_step_row(db, q)) {
		struct rp_hop h = { .func = dup_col(&run->arena, q, 0) };
		h.func_loc = loc_cols(&run->arena, q, 1);
		h.site = loc_cols(&run->arena, q, 4);
		h.lock_key = dup_col(&run->arena, q, 14);
		h.entry = dup_col(&run->arena, q, 15);
		h.func_end = sqlite3_column_int(q, 16);
		vec_push(&hops, h);
	}
	sqlite3_finalize(q);
	/* the key and store of a call belong to the hop it leads to */
	q = db_prepare(db,
		"SELECT s.ind_key, s.text, st.id, stf.path, st.line, st.col, st.key "
		"FROM finding_hop h LEFT JOIN finding_hop p ON p.finding_id = h.finding_id AND p.path = h.path AND p.seq = h.seq - 1 "
		"LEFT JOIN site s ON s.id = p.site_id "
		"LEFT JOIN fnstore st ON st.id = h.store_id LEFT JOIN file stf ON stf.id = st.file_id "
		"WHERE h.finding_id = ? AND h.path = ? ORDER BY h.seq");
	db_bind_int(q, 1, fid);
	db_bind_int(q, 2, path);
	for (size_t i = 0; db_step_row(db, q) && i < hops.n; i++) {
		hops.v[i].via_key = dup_col(&run->arena, q, 0);
		hops.v[i].via_text = dup_col(&run->arena, q, 1);
		hops.v[i].has_store = sqlite3_column_type(q, 2) != SQLITE_NULL;
		if (hops.v[i].has_store) {
			hops.v[i].store = loc_cols(&run->arena, q, 3);
			hops.v[i].store_key = dup_col(&run->arena, q, 6);
		}
	}
	sqlite3_finalize(q);
	*out = arena_alloc(&run->arena, (hops.n + 1) * sizeof(*hops.v));
	if (hops.n)
		memcpy(*out, hops.v, hops.n * sizeof(*hops.v));
	int n = (int)hops.n;
	vec_free(&hops);
	return n;
}

static bool any_bytype(const struct rp_hop *h, int n)
{
	for (int i = 0; i < n; i++)
		if (h[i].has_store && keyname_is_type(h[i].store_key))
			return true;
	return false;
}

static void load_hops(struct lp_db *db, struct rp_run *run, struct rp_finding *f)
{
	VEC(struct rp_path) v = {0};
	for (int k = 0;; k++) {   /* paths are numbered from 0 without gaps */
		struct rp_path p;
		p.n = load_path(db, run, f->id, k, &p.hops);
		if (!p.n && k)
			break;
		vec_push(&v, p);
		f->bytype = f->bytype || any_bytype(p.hops, p.n);
	}
	f->paths = arena_alloc(&run->arena, v.n * sizeof(*v.v));
	memcpy(f->paths, v.v, v.n * sizeof(*v.v));
	f->npaths = (int)v.n;
	vec_free(&v);
	f->hops = f->paths[0].hops;
	f->nhops = f->paths[0].n;
	if (f->npaths > 1) {
		f->hops2 = f->paths[1].hops;
		f->nhops2 = f->paths[1].n;
	} else {   /* as before: an empty path */
		f->hops2 = arena_alloc(&run->arena, sizeof(*f->hops2));
		f->nhops2 = 0;
	}
}

static void load_aliases(struct lp_db *db, struct rp_run *run, struct rp_finding *f)
{
	sqlite3_stmt *q = db_prepare(db,
		"SELECT fl.path, a.line, a.col, a.lhs_key, a.rhs_key, a.text FROM finding_alias fa "
		"JOIN lockalias a ON a.id = fa.alias_id JOIN file fl ON fl.id = a.file_id "
		"WHERE fa.finding_id = ? ORDER BY fa.seq");
	db_bind_int(q, 1, f->id);
	VEC(struct rp_alias) v = {0};
	while (db_step_row(db, q)) {
		struct rp_alias a = { loc_cols(&run->arena, q, 0), dup_col(&run->arena, q, 3),
				      dup_col(&run->arena, q, 4), dup_col(&run->arena, q, 5) };
		vec_push(&v, a);
	}
	sqlite3_finalize(q);
	f->aliases = arena_alloc(&run->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(f->aliases, v.v, v.n * sizeof(*v.v));
	f->naliases = (int)v.n;
	vec_free(&v);
}

static void load_tus(struct lp_db *db, struct rp_run *run)
{
	sqlite3_stmt *q = db_prepare(db,
		"SELECT fl.path, t.status, t.n_errors, "
		"  (SELECT CASE WHEN df.path IS NULL THEN d.message "
		"          ELSE df.path || ':' || d.line || ':' || d.col || ': ' || d.message END "
		"   FROM tu_diag d LEFT JOIN file df ON df.id = d.file_id "
		"   WHERE d.tu_id = t.id AND d.severity >= ? ORDER BY d.rowid LIMIT 1), t.directory "
		"FROM tu t JOIN file fl ON fl.id = t.file_id ORDER BY fl.path");
	db_bind_int(q, 1, DIAG_ERROR);
	VEC(struct rp_tu) v = {0};
	while (db_step_row(db, q)) {
		struct rp_tu t = { dup_col(&run->arena, q, 0), sqlite3_column_int(q, 1),
				   sqlite3_column_int(q, 2), dup_col(&run->arena, q, 3), dup_col(&run->arena, q, 4) };
		if (t.status != TU_CLEAN)
			run->tus_with_errors++;
		run->tus_failed += t.status == TU_FAILED;
		vec_push(&v, t);
	}
	sqlite3_finalize(q);
	run->tus = arena_alloc(&run->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(run->tus, v.v, v.n * sizeof(*v.v));
	run->ntus = (int)v.n;
	vec_free(&v);
}

/* ------------------------------------------------------------ notices */

static void notice(struct rp_run *run, void *vec, const char *kind, struct rp_loc loc, char *message)
{
	VEC(struct rp_notice) *v = vec;
	struct rp_notice n = { kind, loc, arena_strdup(&run->arena, message) };
	vec_push(v, n);
	free(message);
}

/* The first call through KEY, to give a capped key a place in the report. */
static struct rp_loc key_call_site(struct lp_db *db, struct rp_run *run, const char *key)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT f.path, s.line, s.col FROM site s JOIN file f ON f.id = s.file_id "
				     "WHERE s.ind_key = ? ORDER BY f.path, s.line, s.col LIMIT 1");
	db_bind_text(q, 1, key);
	struct rp_loc l = {0};
	if (db_step_row(db, q))
		l = loc_cols(&run->arena, q, 0);
	sqlite3_finalize(q);
	return l;
}

static void load_notices(struct lp_db *db, struct rp_run *run)
{
	VEC(struct rp_notice) v = {0};
	struct rp_loc none = {0};
	char *checked = db_meta_get(db, "checked"), *linked = db_meta_get(db, "linked");
	if (!linked)
		notice(run, &v, "stale", none, xstrdup("no check has run on this database, so it has no "
			"findings yet; run 'lockpath check' (or 'lockpath run')"));
	else if (!checked || strcmp(checked, "1"))
		notice(run, &v, "stale", none, xstrdup("the findings are out of date: the facts changed after "
			"the last check (an interrupted or separate 'extract'); run 'lockpath check' or "
			"'lockpath run' again"));
	free(checked);
	free(linked);
	for (int i = 0; i < run->ntus; i++) {
		const struct rp_tu *t = &run->tus[i];
		if (t->status == TU_CLEAN)
			continue;
		struct rp_loc l = { t->file, 1, 1 };
		if (t->status == TU_FAILED)
			notice(run, &v, "incomplete-tu", l, xasprintf("this translation unit could not be parsed (%s); "
				"nothing in it was analysed, so findings through it may be missing",
				t->first_error ? t->first_error : "no diagnostic"));
		else
			notice(run, &v, "incomplete-tu", l, xasprintf("this translation unit has %d parse error%s "
				"(first: %s); its facts are incomplete, so findings through it may be missing", t->n_errors,
				t->n_errors == 1 ? "" : "s", t->first_error ? t->first_error : "?"));
	}
	/* bounds hit while walking a function: DIAG_LIMIT rows of tu_diag (walk.c) */
	sqlite3_stmt *q = db_prepare(db, "SELECT f.path, d.line, d.col, d.message FROM tu_diag d "
				     "JOIN file f ON f.id = d.file_id WHERE d.severity = ? ORDER BY f.path, d.line, d.col");
	db_bind_int(q, 1, DIAG_LIMIT);
	while (db_step_row(db, q))
		notice(run, &v, "limit", loc_cols(&run->arena, q, 0), xstrdup(db_col_text(q, 3)));
	sqlite3_finalize(q);
	/* bounds hit by link and check: meta rows 'limit:...' (cli/common.c, link.c, db/columns.h) */
	q = db_prepare(db, "SELECT key, value FROM meta WHERE key LIKE 'limit:%' ORDER BY key");
	while (db_step_row(db, q)) {
		const char *k = db_col_text(q, 0), *val = db_col_text(q, 1);
		if (!strncmp(k, "limit:key:", 10))
			notice(run, &v, "limit", key_call_site(db, run, k + 10), xasprintf("calls through '%s' can "
				"reach at least %s functions; only the first %d were followed, so findings through "
				"these calls may be missing", k + 10, val, DB_MAX_KEY_TARGETS));
		else
			notice(run, &v, "limit", none, xstrdup(val));
	}
	sqlite3_finalize(q);
	run->notices = arena_alloc(&run->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(run->notices, v.v, v.n * sizeof(*v.v));
	run->nnotices = (int)v.n;
	vec_free(&v);
}

static int cmp_int(int a, int b)
{
	return a < b ? -1 : a > b;
}

/* By file, line and column; on one line the deadlock first, then what it
 * implies (the rules' line_rank), then by rule name and id. */
static int by_place(const void *pa, const void *pb)
{
	const struct rp_finding *a = pa, *b = pb;
	int c = strcmp(a->site.file, b->site.file);
	if (!c)
		c = cmp_int(a->site.line, b->site.line);
	if (!c)
		c = cmp_int(a->site.col, b->site.col);
	if (!c)
		c = cmp_int(rp_check(a)->line_rank, rp_check(b)->line_rank);
	if (!c)
		c = strcmp(a->rule, b->rule);
	return c ? c : a->id < b->id ? -1 : a->id > b->id;
}

/* How many functions a call key reaches (the report's estimate of what the
 * path chose among there), cached in COUNTS. */
static int key_targets(struct lp_db *db, struct strmap *counts, const char *key)
{
	int64_t *c = strmap_get(counts, key);
	if (c)
		return (int)*c;
	sqlite3_stmt *q = db_prepare(db, "SELECT COUNT(DISTINCT func_id) FROM key_target WHERE key = ?");
	db_bind_text(q, 1, key);
	int n = db_step_row(db, q) ? sqlite3_column_int(q, 0) : 0;
	sqlite3_finalize(q);
	*strmap_put(counts, key, NULL) = n;
	return n;
}

static int context_rank(const char *ctx)
{
	return !strcmp(ctx, "hardirq") ? 0 : !strcmp(ctx, "softirq") ? 1 : 2;
}

/*
 * RANK: 100 for the likeliest and worst, down to about 16, in tiers that
 * never overlap, so that sorting by it sorts by each part in turn: the
 * context (hardirq, softirq, process: 30 apart), whether the path starts at
 * an entry point or at a function nobody calls (12), the rule (a
 * recursive-lock is a certain deadlock; sleep-in-atomic, irq-inversion,
 * lock-order follow, 3 apart: the checks' line_rank), a hop resolved by
 * function type (1.5), and under 1.5 for the path's length plus the bits it
 * guessed at its indirect calls (log2 of each key's targets).
 */
static void rank_finding(struct lp_db *db, struct strmap *counts, struct rp_finding *f)
{
	f->rank_ctx = context_rank(f->context);
	f->guess8 = 0;
	for (int i = 0; i < f->nhops; i++)
		if (f->hops[i].via_key)
			f->guess8 += guess_eighths(key_targets(db, counts, f->hops[i].via_key));
	double length = f->guess8 / 8.0 + f->nhops;
	f->rank = 100.0 - 30.0 * f->rank_ctx - 12.0 * f->from_root - 12.0 * f->last_put - 3.0 * rp_check(f)->line_rank -
		  1.5 * f->bytype - 1.5 * (length < 49 ? length : 49) / 50.0;
}

/* The higher rank first; equal ranks by place. */
static int by_rank(const void *pa, const void *pb)
{
	const struct rp_finding *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank > b->rank ? -1 : 1;
	return by_place(pa, pb);
}

void rp_load(struct lp_db *db, struct rp_run *run)
{
	memset(run, 0, sizeof(*run));
	/* one read transaction: a consistent snapshot even if a writer commits meanwhile */
	bool own_txn = sqlite3_get_autocommit(db->h);
	if (own_txn)
		db_exec(db, "BEGIN");
	char *m = db_meta_get(db, "compdb");
	run->compdb = m ? arena_strdup(&run->arena, m) : NULL;
	free(m);
	run->version = LP_VERSION;
	sqlite3_stmt *q = db_prepare(db,
		"SELECT f.id, f.rule, f.fingerprint, f.message, f.context, ef.name, f.lock_key, f.held_key, "
		"       sf.path, s.line, s.col, hf.path, h.line, h.col, hfn.name, h.kind, f.from_root, f.last_put "
		"FROM finding f JOIN site s ON s.id = f.site_id JOIN file sf ON sf.id = s.file_id "
		"JOIN func ef ON ef.id = f.entry_func "
		"LEFT JOIN site h ON h.id = f.held_site LEFT JOIN file hf ON hf.id = h.file_id "
		"LEFT JOIN func hfn ON hfn.id = h.func_id");
	VEC(struct rp_finding) v = {0};
	while (db_step_row(db, q)) {
		struct rp_finding f = { sqlite3_column_int64(q, 0) };
		f.rule = dup_col(&run->arena, q, 1);
		f.rule_id = check_find(f.rule);
		f.fingerprint = dup_col(&run->arena, q, 2);
		f.message = dup_col(&run->arena, q, 3);
		f.context = dup_col(&run->arena, q, 4);
		f.entry = dup_col(&run->arena, q, 5);
		f.lock_key = dup_col(&run->arena, q, 6);
		f.held_key = dup_col(&run->arena, q, 7);
		f.site = loc_cols(&run->arena, q, 8);
		f.has_held = sqlite3_column_type(q, 11) != SQLITE_NULL;
		f.from_root = sqlite3_column_int(q, 16) != 0;
		f.last_put = sqlite3_column_int(q, 17) != 0;
		if (f.has_held) {
			f.held_site = loc_cols(&run->arena, q, 11);
			f.held_func = dup_col(&run->arena, q, 14);
			f.held_asserted = sqlite3_column_int(q, 15) == SITE_ASSERT;
		}
		vec_push(&v, f);
	}
	sqlite3_finalize(q);
	struct strmap counts = {0};
	for (size_t i = 0; i < v.n; i++) {
		load_hops(db, run, &v.v[i]);
		load_aliases(db, run, &v.v[i]);
		rank_finding(db, &counts, &v.v[i]);
	}
	strmap_free(&counts);
	if (v.n)
		qsort(v.v, v.n, sizeof(*v.v), by_rank);
	run->f = arena_alloc(&run->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(run->f, v.v, v.n * sizeof(*v.v));
	run->n = (int)v.n;
	vec_free(&v);
	load_tus(db, run);
	load_notices(db, run);
	if (own_txn)
		db_exec(db, "COMMIT");
}

/* Whether FILE lies under scope path P (see rp_scope). */
static bool under(const char *file, const char *p, bool absolute)
{
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		n--;
	if (absolute)
		return !strncmp(file, p, n) && (file[n] == '/' || !file[n]);
	for (const char *s = file; (s = strstr(s, p)); s++)
		if ((s == file || s[-1] == '/') && (s[n] == '/' || !s[n]))
			return true;
	return false;
}

static bool loc_in_scope(const struct rp_loc *l, char *const *abs, const char *const *paths, int n)
{
	for (int i = 0; l->file && i < n; i++)
		if (under(l->file, abs[i] ? abs[i] : paths[i], abs[i] != NULL))
			return true;
	return false;
}

static bool hops_in_scope(const struct rp_hop *h, int nh, char *const *abs, const char *const *paths, int n)
{
	for (int i = 0; i < nh; i++)
		if (loc_in_scope(&h[i].site, abs, paths, n) || loc_in_scope(&h[i].func_loc, abs, paths, n) ||
		    (h[i].has_store && loc_in_scope(&h[i].store, abs, paths, n)))
			return true;
	return false;
}

void rp_scope(struct rp_run *run, const char *const *paths, int n)
{
	if (!n)
		return;
	char **abs = xcalloc((size_t)n, sizeof(*abs));
	struct strbuf sb = {0};
	for (int i = 0; i < n; i++) {
		abs[i] = realpath(paths[i], NULL);   /* NULL: match as components */
		sb_addf(&sb, "%s%s", i ? " " : "", paths[i]);
	}
	run->scope = arena_strdup(&run->arena, sb_str(&sb));
	sb_free(&sb);
	int kept = 0;
	for (int i = 0; i < run->n; i++) {
		const struct rp_finding *f = &run->f[i];
		bool in = loc_in_scope(&f->site, abs, paths, n) ||
			  (f->has_held && loc_in_scope(&f->held_site, abs, paths, n));
		in = in || hops_in_scope(f->hops, f->nhops, abs, paths, n) ||
		     hops_in_scope(f->hops2, f->nhops2, abs, paths, n);
		for (int k = 2; k < f->npaths && !in; k++)   /* a lock-order cycle's further paths */
			in = hops_in_scope(f->paths[k].hops, f->paths[k].n, abs, paths, n);
		if (in)
			run->f[kept++] = run->f[i];
	}
	run->n_out_of_scope = run->n - kept;
	run->n = kept;
	for (int i = 0; i < n; i++)
		free(abs[i]);
	free(abs);
}

char *rp_source_root(const struct rp_run *run)
{
	char *root = NULL;
	for (int i = 0; i < run->ntus; i++) {
		const char *d = run->tus[i].directory;
		if (!d || d[0] != '/')
			continue;
		if (!root) {
			root = xstrdup(d);
			continue;
		}
		size_t k = 0;
		while (root[k] && root[k] == d[k])
			k++;
		if (!(root[k] == 0 && (d[k] == '/' || d[k] == 0)))
			while (k > 0 && root[k] != '/')
				k--;
		root[k] = 0;
	}
	while (root && strlen(root) > 1 && root[strlen(root) - 1] == '/')
		root[strlen(root) - 1] = 0;
	if (root && strlen(root) > 1) {
		char *real = realpath(root, NULL);   /* files are stored as real paths */
		if (real) {
			free(root);
			root = real;
		}
	}
	if (root && strlen(root) <= 1) {
		free(root);
		root = NULL;
	}
	return root;
}

void rp_free(struct rp_run *run)
{
	arena_free(&run->arena);
	memset(run, 0, sizeof(*run));
}
