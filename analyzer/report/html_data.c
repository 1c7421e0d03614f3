// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_data.c - what the HTML pages need beyond struct rp_run, read once
 * from the database: per hop, the function's transport and the locks it
 * holds at its call; lock class names; the functions that assign the alias
 * proofs; the transports (table transport_file) and callback reach
 * written by check/matrix.c.  A combined report reads several databases
 * (hx_load_sources): their transports merged by name, their findings one
 * after the other, and for its safe cells what each transport's config
 * read takes.  Read-only; everything goes into the hx_data arena.
 */
#include "report/html_int.h"

#include <string.h>

static const char *col(struct hx_data *d, sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : arena_strdup(&d->arena, db_col_text(q, i));
}

static bool has_table(struct lp_db *db, const char *name)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
	db_bind_text(q, 1, name);
	bool yes = db_step_row(db, q);
	sqlite3_finalize(q);
	return yes;
}

/* The longest directory every TU is below: paths are shown relative to it. */
static void find_tree(struct hx_data *d, const struct rp_run *run)
{
	size_t len = 0;
	for (int i = 0; i < run->ntus; i++) {
		const char *p = run->tus[i].file;
		if (i == 0) {
			const char *slash = strrchr(p, '/');
			len = slash ? (size_t)(slash - p) : 0;
			continue;
		}
		while (len && (strncmp(p, run->tus[0].file, len) || p[len] != '/')) {
			while (len && run->tus[0].file[--len] != '/')
				;
		}
	}
	d->tree = len ? arena_printf(&d->arena, "%.*s", (int)len, run->tus[0].file) : NULL;
}

const char *hx_rel(const struct hx_data *d, const char *path)
{
	if (!path)
		return "<unknown>";
	size_t n = d->tree ? strlen(d->tree) : 0;
	if (n && !strncmp(path, d->tree, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

/* The transport whose code the file at PATH is (an index into d->transports), or -1. */
static int transport_of(const struct hx_data *d, const char *path)
{
	int64_t *tr = path ? strmap_get(&d->trfiles, path) : NULL;
	return tr ? (int)*tr : -1;
}

static int transport_index(const struct hx_data *d, const char *name)
{
	for (int i = 0; i < d->ntr; i++)
		if (!strcmp(d->transports[i], name))
			return i;
	return -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The transports of every source, by name in strcmp order (one source:
 * its 'ORDER BY transport'), then each source's transport files. */
static void load_transports(struct hx_data *d)
{
	VEC(const char *) v = {0};
	for (int k = 0; k < d->nsrc; k++) {
		sqlite3_stmt *q = db_prepare(d->srcs[k].db, "SELECT DISTINCT transport FROM transport_file ORDER BY transport");
		while (db_step_row(d->srcs[k].db, q)) {
			size_t i = 0;
			while (i < v.n && strcmp(v.v[i], db_col_text(q, 0)))
				i++;
			if (i == v.n)
				vec_push(&v, col(d, q, 0));
		}
		sqlite3_finalize(q);
	}
	if (v.n)
		qsort(v.v, v.n, sizeof(*v.v), by_name);
	d->transports = arena_alloc(&d->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(d->transports, v.v, v.n * sizeof(*v.v));
	d->ntr = (int)v.n;
	vec_free(&v);
	d->tr_srcs = arena_alloc(&d->arena, ((size_t)d->ntr + 1) * sizeof(*d->tr_srcs));
	memset(d->tr_srcs, 0, ((size_t)d->ntr + 1) * sizeof(*d->tr_srcs));
	for (int k = 0; k < d->nsrc; k++) {
		sqlite3_stmt *q = db_prepare(d->srcs[k].db,
					     "SELECT f.path, t.transport FROM transport_file t JOIN file f ON f.id = t.file_id");
		while (db_step_row(d->srcs[k].db, q)) {
			int t = transport_index(d, db_col_text(q, 1));
			*strmap_put(&d->trfiles, db_col_text(q, 0), NULL) = t;
			if (t >= 0)
				d->tr_srcs[t] |= 1ULL << k;
		}
		sqlite3_finalize(q);
	}
}

/* Appends source K's callback reach to d->reach. */
static void load_reach(struct hx_data *d, int k)
{
	struct lp_db *db = d->srcs[k].db;
	sqlite3_stmt *q = db_prepare(db,
		"SELECT r.transport, r.context, r.cb_key, ef.name, vf.name, r.path, r.cb_func, fn.name, "
		"       ff.path, fn.line, fn.col, sf.path, st.line, st.col "
		"FROM callback_reach r JOIN func fn ON fn.id = r.cb_func JOIN file ff ON ff.id = fn.file_id "
		"JOIN func ef ON ef.id = r.entry_func JOIN func vf ON vf.id = r.via_func "
		"LEFT JOIN fnstore st ON st.id = r.store_id LEFT JOIN file sf ON sf.id = st.file_id "
		"ORDER BY r.transport, r.context, fn.name");
	VEC(struct hx_reach) v = {0};
	for (int i = 0; i < d->nreach; i++)
		vec_push(&v, d->reach[i]);
	while (db_step_row(db, q)) {
		struct hx_reach r = { .src = k, .ctx = col(d, q, 1), .cb_key = col(d, q, 2), .entry = col(d, q, 3),
				      .via = col(d, q, 4), .path = col(d, q, 5) };
		r.tr = transport_index(d, db_col_text(q, 0));
		r.cb_func = sqlite3_column_int64(q, 6);
		r.cb = col(d, q, 7);
		r.cb_loc = (struct rp_loc){ col(d, q, 8), sqlite3_column_int(q, 9), sqlite3_column_int(q, 10) };
		r.has_store = sqlite3_column_type(q, 11) != SQLITE_NULL;
		if (r.has_store)
			r.store = (struct rp_loc){ col(d, q, 11), sqlite3_column_int(q, 12), sqlite3_column_int(q, 13) };
		if (r.tr >= 0)
			vec_push(&v, r);
	}
	sqlite3_finalize(q);
	d->reach = arena_alloc(&d->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(d->reach, v.v, v.n * sizeof(*v.v));
	d->nreach = (int)v.n;
	vec_free(&v);
}

struct hx_stmts { sqlite3_stmt *hops, *locks, *cls, *alias; };

static const char *class_of(struct hx_data *d, struct lp_db *db, sqlite3_stmt *q, const char *key)
{
	if (!key)
		return NULL;
	db_bind_text(q, 1, key);
	const char *name = db_step_row(db, q) ? col(d, q, 0) : arena_strdup(&d->arena, key);
	sqlite3_reset(q);
	return name;
}

static void load_locks(struct hx_data *d, struct lp_db *db, struct hx_stmts *s, int64_t site, struct hx_hop *h)
{
	db_bind_int(s->locks, 1, site);
	VEC(struct hx_lock) v = {0};
	while (db_step_row(db, s->locks)) {
		struct hx_lock l = { .held = sqlite3_column_int(s->locks, 0) != 0, .key = col(d, s->locks, 1) };
		l.has_acq = sqlite3_column_type(s->locks, 2) != SQLITE_NULL;
		if (l.has_acq) {
			l.acq = (struct rp_loc){ col(d, s->locks, 2), sqlite3_column_int(s->locks, 3),
						 sqlite3_column_int(s->locks, 4) };
			l.acq_func = col(d, s->locks, 5);
			l.irq = sqlite3_column_int(s->locks, 6);
		}
		vec_push(&v, l);
	}
	sqlite3_reset(s->locks);
	for (size_t i = 0; i < v.n; i++)
		v.v[i].cls = class_of(d, db, s->cls, v.v[i].key);
	h->locks = arena_alloc(&d->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(h->locks, v.v, v.n * sizeof(*v.v));
	h->nlocks = (int)v.n;
	vec_free(&v);
}

static bool is_callback_key(const char *key)
{
	for (int i = 0; key && i < db_ncallback_keys; i++)
		if (!strcmp(key, db_callback_keys[i]))
			return true;
	return false;
}

/* Where the path meets a driver callback, and whose code is before and after it. */
static void place_path(struct hx_path *p)
{
	p->cb = p->tr_before = p->tr_after = -1;
	for (int k = 1; k < p->n && p->cb < 0; k++)
		if (is_callback_key(p->hops[k].via_key))
			p->cb = k;
	if (p->cb < 0)
		return;
	for (int k = 0; k < p->cb; k++)
		if (p->x[k].tr >= 0)
			p->tr_before = p->x[k].tr;
	for (int k = p->cb + 1; k < p->n; k++)
		if (p->x[k].tr >= 0)
			p->tr_after = p->tr_after == -1 || p->tr_after == p->x[k].tr ? p->x[k].tr : -2;
}

static void load_path(struct hx_data *d, struct lp_db *db, struct hx_stmts *s, int64_t fid, int pathno,
		      const struct rp_hop *hops, int n, struct hx_path *p)
{
	p->hops = hops;
	p->n = n;
	p->x = arena_alloc(&d->arena, ((size_t)n + 1) * sizeof(*p->x));
	memset(p->x, 0, ((size_t)n + 1) * sizeof(*p->x));
	db_bind_int(s->hops, 1, fid);
	db_bind_int(s->hops, 2, pathno);
	for (int i = 0; i < n && db_step_row(db, s->hops); i++) {
		p->x[i].func_id = sqlite3_column_int64(s->hops, 0);
		p->x[i].tr = transport_of(d, hops[i].func_loc.file);
		if (sqlite3_column_type(s->hops, 1) != SQLITE_NULL)
			load_locks(d, db, s, sqlite3_column_int64(s->hops, 1), &p->x[i]);
	}
	sqlite3_reset(s->hops);
	place_path(p);
}

/* Locks held at the offending site: what each hop still holds at its call,
 * by class, less what a later hop released. */
static void fold_held(struct hx_data *d, struct hx_finding *hf)
{
	const struct hx_path *p = &hf->path[0];
	VEC(struct hx_lock) v = {0};
	for (int i = 0; i < p->n; i++)
		for (int k = 0; k < p->x[i].nlocks; k++) {
			const struct hx_lock *l = &p->x[i].locks[k];
			size_t j = 0;
			while (j < v.n && strcmp(v.v[j].cls, l->cls))
				j++;
			if (l->held && j == v.n)
				vec_push(&v, *l);
			else if (!l->held && j < v.n)
				memmove(&v.v[j], &v.v[j + 1], (v.n - j - 1) * sizeof(*v.v)), v.n--;
		}
	hf->held = arena_alloc(&d->arena, (v.n + 1) * sizeof(*v.v));
	if (v.n)
		memcpy(hf->held, v.v, v.n * sizeof(*v.v));
	hf->nheld = (int)v.n;
	vec_free(&v);
}

static void load_alias_funcs(struct hx_data *d, struct lp_db *db, struct hx_stmts *s, struct hx_finding *hf)
{
	hf->alias_func = arena_alloc(&d->arena, ((size_t)hf->f->naliases + 1) * sizeof(char *));
	db_bind_int(s->alias, 1, hf->f->id);
	int i = 0;
	while (db_step_row(db, s->alias))
		if (i < hf->f->naliases)
			hf->alias_func[i++] = col(d, s->alias, 0);
	while (i < hf->f->naliases)
		hf->alias_func[i++] = NULL;
	sqlite3_reset(s->alias);
}

/* Source SRC's findings: d->f from its FIRST on (d->f is allocated for the whole run). */
static void load_findings(struct hx_data *d, int src)
{
	struct lp_db *db = d->srcs[src].db;
	const struct rp_run *run = d->srcs[src].run;
	int first = d->srcs[src].first;
	struct hx_stmts s = {
		db_prepare(db, "SELECT func_id, site_id FROM finding_hop WHERE finding_id = ? AND path = ? ORDER BY seq"),
		db_prepare(db, "SELECT sl.held, sl.lock_key, af.path, a.line, a.col, afn.name, a.irq FROM site_lock sl "
			       "LEFT JOIN site a ON a.id = sl.acq_site LEFT JOIN file af ON af.id = a.file_id "
			       "LEFT JOIN func afn ON afn.id = a.func_id WHERE sl.site_id = ? ORDER BY sl.rowid"),
		db_prepare(db, "SELECT name FROM lock_class WHERE key = ?"),
		db_prepare(db, "SELECT fn.name FROM finding_alias fa JOIN lockalias a ON a.id = fa.alias_id "
			       "LEFT JOIN func fn ON fn.id = a.func_id WHERE fa.finding_id = ? ORDER BY fa.seq"),
	};
	for (int i = 0; i < run->n && first + i < d->n; i++) {
		struct hx_finding *hf = &d->f[first + i];
		hf->f = &d->run->f[first + i];
		hf->src = src;
		hf->num = first + i + 1;
		hf->path = arena_alloc(&d->arena, ((size_t)hf->f->npaths + 1) * sizeof(*hf->path));
		for (int k = 0; k < hf->f->npaths; k++)
			if (!k || hf->f->paths[k].n)
				load_path(d, db, &s, hf->f->id, k, hf->f->paths[k].hops, hf->f->paths[k].n,
					  &hf->path[hf->npaths++]);
		hf->lock_cls = class_of(d, db, s.cls, hf->f->lock_key);
		hf->held_cls = class_of(d, db, s.cls, hf->f->held_key);
		fold_held(d, hf);
		load_alias_funcs(d, db, &s, hf);
	}
	sqlite3_finalize(s.hops);
	sqlite3_finalize(s.locks);
	sqlite3_finalize(s.cls);
	sqlite3_finalize(s.alias);
}

/* The nearest lock FUNC or the functions it calls directly (depth at most
 * 6, 4096 functions) take, into CR; none: CR->lock stays NULL. */
static void find_lock(struct hx_data *d, struct lp_db *db, int64_t func, struct hx_cfgread *cr)
{
	sqlite3_stmt *lk = db_prepare(db, "SELECT s.lock_key, fn.name FROM site s JOIN func fn ON fn.id = s.func_id "
					  "WHERE s.func_id = ?1 AND s.kind IN (?2, ?3) ORDER BY s.id LIMIT 1");
	sqlite3_stmt *ed = db_prepare(db, "SELECT DISTINCT e.callee FROM call_edge e JOIN site s ON s.id = e.site_id "
					  "WHERE s.func_id = ? AND e.store_id IS NULL ORDER BY e.callee");
	db_bind_int(lk, 2, SITE_ACQUIRE);
	db_bind_int(lk, 3, SITE_TRYLOCK);
	VEC(int64_t) q = {0};
	VEC(int) depth = {0};
	struct strmap seen = {0};
	char key[32];
	snprintf(key, sizeof(key), "%lld", (long long)func);
	strmap_put(&seen, key, NULL);
	vec_push(&q, func);
	vec_push(&depth, 0);
	for (size_t i = 0; i < q.n && i < 4096 && !cr->lock; i++) {
		db_bind_int(lk, 1, q.v[i]);
		if (db_step_row(db, lk)) {
			cr->lock = col(d, lk, 0);
			cr->lock_func = col(d, lk, 1);
		}
		sqlite3_reset(lk);
		if (depth.v[i] >= 6)
			continue;
		db_bind_int(ed, 1, q.v[i]);
		while (db_step_row(db, ed)) {
			bool created;
			snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(ed, 0));
			strmap_put(&seen, key, &created);
			if (created) {
				vec_push(&q, sqlite3_column_int64(ed, 0));
				vec_push(&depth, depth.v[i] + 1);
			}
		}
		sqlite3_reset(ed);
	}
	sqlite3_finalize(lk);
	sqlite3_finalize(ed);
	vec_free(&q);
	vec_free(&depth);
	strmap_free(&seen);
}

/* A combined report's safe cells say why: per source and transport, the
 * function the transport's files store into virtio_config_ops.get and the
 * nearest lock it takes. */
static void load_cfgreads(struct hx_data *d)
{
	size_t n = (size_t)d->nsrc * (size_t)d->ntr + 1;
	d->cfgread = arena_alloc(&d->arena, n * sizeof(*d->cfgread));
	memset(d->cfgread, 0, n * sizeof(*d->cfgread));
	for (int k = 0; k < d->nsrc; k++) {
		struct lp_db *db = d->srcs[k].db;
		sqlite3_stmt *q = db_prepare(db,
			"SELECT fn.id, fn.name FROM key_target kt JOIN func fn ON fn.id = kt.func_id "
			"JOIN transport_file t ON t.file_id = fn.file_id "
			"WHERE kt.key = 'virtio_config_ops.get' AND t.transport = ? ORDER BY fn.name, fn.id LIMIT 1");
		for (int t = 0; t < d->ntr; t++) {
			struct hx_cfgread *cr = &d->cfgread[(size_t)k * (size_t)d->ntr + (size_t)t];
			db_bind_text(q, 1, d->transports[t]);
			if (db_step_row(db, q)) {
				cr->get = col(d, q, 1);
				find_lock(d, db, sqlite3_column_int64(q, 0), cr);
			}
			sqlite3_reset(q);
		}
		sqlite3_finalize(q);
	}
}

/* The latest extraction and the matrix's 'partial' flag, over every source. */
static void load_meta(struct hx_data *d)
{
	for (int k = 0; k < d->nsrc; k++) {
		struct lp_db *db = d->srcs[k].db;
		sqlite3_stmt *q = db_prepare(db, "SELECT max(extracted_at) FROM tu");
		if (db_step_row(db, q) && sqlite3_column_type(q, 0) != SQLITE_NULL &&
		    (!d->extracted_at || strcmp(db_col_text(q, 0), d->extracted_at) > 0))
			d->extracted_at = col(d, q, 0);
		sqlite3_finalize(q);
		char *partial = db_meta_get(db, "matrix_partial");
		d->partial |= partial && !strcmp(partial, "1");
		free(partial);
	}
	for (int i = 0; i < d->run->nnotices; i++)
		if (!strcmp(d->run->notices[i].kind, "limit") || !strcmp(d->run->notices[i].kind, "stale"))
			d->partial = true;
}

void hx_load_sources(struct hx_data *d, const struct hx_source *srcs, int n, const struct rp_run *run,
		     const struct lp_rules *r)
{
	memset(d, 0, sizeof(*d));
	d->run = run;
	d->rules = r;
	struct hx_source *v = arena_alloc(&d->arena, ((size_t)n + 1) * sizeof(*v));
	memcpy(v, srcs, (size_t)n * sizeof(*v));
	d->srcs = v;
	d->nsrc = n;
	find_tree(d, run);
	load_meta(d);   /* after d->run: it reads the notices */
	d->has_matrix = true;
	for (int k = 0; k < n; k++)
		d->has_matrix &= has_table(srcs[k].db, "callback_reach") && has_table(srcs[k].db, "transport_file");
	if (d->has_matrix) {
		load_transports(d);
		for (int k = 0; k < n; k++)
			load_reach(d, k);
	}
	d->n = run->n;
	d->f = arena_alloc(&d->arena, ((size_t)run->n + 1) * sizeof(*d->f));
	memset(d->f, 0, ((size_t)run->n + 1) * sizeof(*d->f));
	for (int k = 0; k < n; k++)
		load_findings(d, k);
	if (d->has_matrix && n > 1)
		load_cfgreads(d);
	hx_matrix_build(d);
}

void hx_load(struct hx_data *d, struct lp_db *db, const struct rp_run *run)
{
	struct hx_source one = { .db = db, .run = run, .label = path_basename(db->path), .path = db->path };
	hx_load_sources(d, &one, 1, run, NULL);
}

void hx_free(struct hx_data *d)
{
	hx_src_free(d);
	strmap_free(&d->srcmap);
	strmap_free(&d->trfiles);
	arena_free(&d->arena);
	memset(d, 0, sizeof(*d));
}
