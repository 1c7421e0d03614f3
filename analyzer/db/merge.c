// SPDX-License-Identifier: GPL-2.0-only
/*
 * merge.c - combine the facts of several databases into one (see merge.h):
 * what 'lockpath merge' does after sharded extract jobs.  Rows are copied
 * table by table with their ids renumbered; files are matched by path,
 * header versions by (path, content hash), as one extract run would have
 * stored them: a header version two shards both stored is kept once, from
 * the first.  Link and check output is not copied (the merged database is
 * linked and checked as a whole).  It knows nothing of clang.
 */
#include "db/merge.h"

#include <stdlib.h>
#include <string.h>

/* How a column's value is renumbered. */
enum remap { R_KEEP, R_FILE, R_TU, R_HDR, R_FUNC, R_SITE };

/* old id -> new id; a negative new id is a row that already existed in the
 * output (a header version and its functions): rows referring to it are
 * duplicates and are not copied. */
struct idmap { int64_t *v; int64_t n; };

struct merger {
	struct lp_db *out;
	const char *in_path;     /* the input, which ERR messages name */
	struct idmap map[R_SITE + 1];
	struct merge_stats *st;
};

static void idmap_init(struct merger *m, enum remap k, const char *table)
{
	char *sql = xasprintf("SELECT coalesce(max(rowid), 0) FROM src.%s", table);
	sqlite3_stmt *q = db_prepare(m->out, sql);
	free(sql);
	int64_t max = db_step_row(m->out, q) ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	m->map[k].v = xcalloc((size_t)max + 1, sizeof(int64_t));
	m->map[k].n = max + 1;
}

static int64_t idmap_get(const struct idmap *im, int64_t old)
{
	return old > 0 && old < im->n ? im->v[old] : 0;
}

static void merge_files(struct merger *m)
{
	idmap_init(m, R_FILE, "file");
	sqlite3_stmt *q = db_prepare(m->out, "SELECT id, path FROM src.file");
	while (db_step_row(m->out, q))
		m->map[R_FILE].v[sqlite3_column_int64(q, 0)] = db_file_id(m->out, db_col_text(q, 1));
	sqlite3_finalize(q);
}

/* Header versions: new ones are copied; one the output has is marked
 * negative, and its functions, stores and aliases are skipped. */
static void merge_hdrs(struct merger *m)
{
	idmap_init(m, R_HDR, "hdr");
	sqlite3_stmt *q = db_prepare(m->out, "SELECT id, file_id, hash FROM src.hdr");
	sqlite3_stmt *find = db_prepare(m->out, "SELECT id FROM main.hdr WHERE file_id = ? AND hash = ?");
	sqlite3_stmt *ins = db_prepare(m->out, "INSERT INTO main.hdr(file_id, hash) VALUES (?,?)");
	while (db_step_row(m->out, q)) {
		int64_t file = idmap_get(&m->map[R_FILE], sqlite3_column_int64(q, 1));
		db_bind_int(find, 1, file);
		db_bind_text(find, 2, db_col_text(q, 2));
		int64_t id = 0;
		if (db_step_row(m->out, find))
			id = -sqlite3_column_int64(find, 0);
		sqlite3_reset(find);
		if (!id) {
			db_bind_int(ins, 1, file);
			db_bind_text(ins, 2, db_col_text(q, 2));
			db_step_done(m->out, ins);
			id = sqlite3_last_insert_rowid(m->out->h);
			m->st->headers++;
		} else {
			m->st->shared_headers++;
		}
		m->map[R_HDR].v[sqlite3_column_int64(q, 0)] = id;
	}
	sqlite3_finalize(q);
	sqlite3_finalize(find);
	sqlite3_finalize(ins);
}

/*
 * Copy TABLE's columns COLS (with their renumbering KINDS) into the output.
 * With ID set (a table with an id), record old -> new in map ID.  A row
 * whose header version or function the output already had is a duplicate
 * and is skipped (its id maps to the existing row only for functions, found
 * by DUP_SQL).  Returns the rows copied.
 */
static size_t copy_table(struct merger *m, const char *table, const char *const *cols,
			 const enum remap *kinds, int ncols, int id, const char *dup_sql)
{
	struct strbuf sel = {0}, ins = {0};
	/* tu_include is a WITHOUT ROWID table: its key orders it */
	bool rowid = strcmp(table, "tu_include") != 0;
	sb_addf(&sel, "SELECT %s", rowid ? "rowid" : "0");
	sb_addf(&ins, "INSERT INTO main.%s(", table);
	for (int i = 0; i < ncols; i++) {
		sb_addf(&sel, ", %s", cols[i]);
		sb_addf(&ins, "%s%s", i ? ", " : "", cols[i]);
	}
	sb_addf(&sel, " FROM src.%s ORDER BY %s", table, rowid ? "rowid" : "tu_id, file_id");
	sb_add(&ins, ") VALUES (");
	for (int i = 0; i < ncols; i++)
		sb_add(&ins, i ? ",?" : "?");
	sb_add(&ins, ")");
	sqlite3_stmt *q = db_prepare(m->out, sb_str(&sel));
	sqlite3_stmt *w = db_prepare(m->out, sb_str(&ins));
	sqlite3_stmt *dup = dup_sql ? db_prepare(m->out, dup_sql) : NULL;
	size_t copied = 0;
	while (db_step_row(m->out, q)) {
		bool skip = false, new_func = false;
		int64_t dup_hdr = 0;
		for (int i = 0; i < ncols; i++) {
			int c = i + 1;
			if (kinds[i] == R_KEEP || sqlite3_column_type(q, c) == SQLITE_NULL) {
				sqlite3_bind_value(w, i + 1, sqlite3_column_value(q, c));
				continue;
			}
			int64_t v = idmap_get(&m->map[kinds[i]], sqlite3_column_int64(q, c));
			if (v < 0 && kinds[i] == R_HDR) {
				dup_hdr = -v;   /* a header version the output has: its row id */
				v = dup_hdr;
			} else if (v <= 0) {
				skip = true;   /* refers to a duplicate (or to nothing: never in a sane database) */
			}
			new_func |= kinds[i] == R_FUNC && v > 0;
			db_bind_int(w, i + 1, v);
		}
		int64_t old = sqlite3_column_int64(q, 0);
		/* Like extract's INSERT OR IGNORE: of a header version the output
		 * already has, a function it has is a duplicate (mapped to it), one
		 * it lacks (another TU saw more of the header) is added, and so are
		 * the facts of functions added. */
		if (!skip && dup_hdr && id && dup) {
			db_bind_int(dup, 1, dup_hdr);
			sqlite3_bind_value(dup, 2, sqlite3_column_value(q, 3));   /* usr: rowid, tu_id, hdr_id, usr */
			if (db_step_row(m->out, dup)) {
				m->map[id].v[old] = -sqlite3_column_int64(dup, 0);
				skip = true;
			}
			sqlite3_reset(dup);
		} else if (!skip && dup_hdr && !new_func) {
			skip = true;   /* a header version's own fact, without a function the output lacks */
		}
		if (skip) {
			sqlite3_reset(w);
			sqlite3_clear_bindings(w);
			continue;
		}
		db_step_done(m->out, w);
		if (id)
			m->map[id].v[old] = sqlite3_last_insert_rowid(m->out->h);
		copied++;
	}
	sqlite3_finalize(q);
	sqlite3_finalize(w);
	if (dup)
		sqlite3_finalize(dup);
	sb_free(&sel);
	sb_free(&ins);
	return copied;
}

#define COPY(table, id, dup, ...) do { \
	static const struct { const char *c; enum remap k; } spec_[] = { __VA_ARGS__ }; \
	int n_ = (int)(sizeof(spec_) / sizeof(spec_[0])); \
	const char *cols_[32]; enum remap kinds_[32]; \
	for (int i_ = 0; i_ < n_; i_++) { cols_[i_] = spec_[i_].c; kinds_[i_] = spec_[i_].k; } \
	if (id) \
		idmap_init(m, id, table); \
	copy_table(m, table, cols_, kinds_, n_, id, dup); \
} while (0)

/* Translation units: shards are disjoint, so a TU the output has already is
 * a mistake (the same shard twice), not a duplicate to drop. */
static int check_disjoint(struct merger *m, struct strbuf *err)
{
	sqlite3_stmt *q = db_prepare(m->out, "SELECT f.path FROM src.tu t JOIN src.file f ON f.id = t.file_id "
				     "JOIN main.file mf ON mf.path = f.path JOIN main.tu mt ON mt.file_id = mf.id "
				     "LIMIT 1");
	int rc = 0;
	if (db_step_row(m->out, q)) {
		sb_addf(err, "%s: both databases have the translation unit %s: merge databases of disjoint "
			"shards (lockpath extract --shard I/N)", m->in_path, db_col_text(q, 0));
		rc = -1;
	}
	sqlite3_finalize(q);
	return rc;
}

static void merge_one(struct merger *m)
{
	merge_files(m);
	merge_hdrs(m);
	COPY("tu", R_TU, NULL, { "file_id", R_FILE }, { "directory", R_KEEP }, { "args", R_KEEP },
	     { "args_hash", R_KEEP }, { "status", R_KEEP }, { "n_errors", R_KEEP }, { "parse_ms", R_KEEP },
	     { "parse_cpu_ms", R_KEEP }, { "walk_ms", R_KEEP }, { "extracted_at", R_KEEP });
	COPY("tu_include", 0, NULL, { "tu_id", R_TU }, { "file_id", R_FILE }, { "hash", R_KEEP });
	COPY("tu_diag", 0, NULL, { "tu_id", R_TU }, { "severity", R_KEEP }, { "file_id", R_FILE },
	     { "line", R_KEEP }, { "col", R_KEEP }, { "message", R_KEEP });
	COPY("func", R_FUNC, "SELECT id FROM main.func WHERE hdr_id = ? AND usr = ?",
	     { "tu_id", R_TU }, { "hdr_id", R_HDR }, { "usr", R_KEEP }, { "name", R_KEEP },
	     { "file_id", R_FILE }, { "line", R_KEEP }, { "col", R_KEEP }, { "end_line", R_KEEP },
	     { "is_static", R_KEEP }, { "nparams", R_KEEP }, { "annot", R_KEEP }, { "exit_locks", R_KEEP },
	     { "param_casts", R_KEEP }, { "member_writes", R_KEEP }, { "exit_irqs", R_KEEP });
	COPY("site", R_SITE, NULL, { "func_id", R_FUNC }, { "kind", R_KEEP }, { "file_id", R_FILE },
	     { "line", R_KEEP }, { "col", R_KEEP }, { "callee_usr", R_KEEP }, { "callee_name", R_KEEP },
	     { "ind_key", R_KEEP }, { "ind_index", R_KEEP }, { "text", R_KEEP }, { "lock_key", R_KEEP },
	     { "irq", R_KEEP }, { "subclass", R_KEEP }, { "irqs_off", R_KEEP }, { "ltype", R_KEEP },
	     { "is_read", R_KEEP }, { "guard", R_KEEP }, { "lock_path", R_KEEP },
	     { "always", R_KEEP }, { "last_put", R_KEEP }, { "ind_obj", R_KEEP }, { "ind_member", R_KEEP },
	     { "ind_slot", R_KEEP }, { "dom", R_SITE }, { "exit_dom", R_KEEP },
	     { "ind_table", R_KEEP }, { "ind_table_obj", R_KEEP }, { "ind_head", R_KEEP },
	     { "doomed", R_KEEP }, { "last_put_obj", R_KEEP }, { "ref_obj", R_KEEP },
	     { "again_arg", R_KEEP });
	COPY("site_lock", 0, NULL, { "site_id", R_SITE }, { "held", R_KEEP }, { "lock_key", R_KEEP },
	     { "acq_site", R_SITE });
	COPY("site_arg", 0, NULL, { "site_id", R_SITE }, { "n", R_KEEP }, { "lock_key", R_KEEP },
	     { "value", R_KEEP }, { "obj_key", R_KEEP }, { "field", R_KEEP }, { "fwd", R_KEEP },
	     { "lock_path", R_KEEP }, { "cond", R_KEEP }, { "src_field", R_KEEP }, { "ret_site", R_SITE },
	     { "addr", R_KEEP }, { "walk", R_KEEP }, { "ret_only", R_KEEP });
	COPY("func_ret", 0, NULL, { "func_id", R_FUNC }, { "field", R_KEEP }, { "param", R_KEEP },
	     { "site_id", R_SITE }, { "obj_key", R_KEEP });
	COPY("slot_store", 0, NULL, { "func_id", R_FUNC }, { "slot", R_KEEP }, { "idx", R_KEEP },
	     { "value", R_KEEP });
	COPY("table_store", 0, NULL, { "func_id", R_FUNC }, { "member", R_KEEP }, { "obj_key", R_KEEP },
	     { "value", R_KEEP }, { "src_obj", R_KEEP });
	COPY("result_store", 0, NULL, { "func_id", R_FUNC }, { "member", R_KEEP }, { "site_id", R_SITE });
	COPY("link_store", 0, NULL, { "func_id", R_FUNC }, { "dst", R_KEEP }, { "src", R_KEEP });
	COPY("fnstore", 0, NULL, { "tu_id", R_TU }, { "hdr_id", R_HDR }, { "func_id", R_FUNC },
	     { "file_id", R_FILE }, { "line", R_KEEP }, { "col", R_KEEP }, { "key", R_KEEP },
	     { "src_usr", R_KEEP }, { "src_name", R_KEEP }, { "src_key", R_KEEP }, { "idx", R_KEEP },
	     { "site_id", R_SITE }, { "obj_key", R_KEEP });
	COPY("lockalias", 0, NULL, { "tu_id", R_TU }, { "hdr_id", R_HDR }, { "func_id", R_FUNC },
	     { "file_id", R_FILE }, { "line", R_KEEP }, { "col", R_KEEP }, { "lhs_key", R_KEEP },
	     { "rhs_key", R_KEEP }, { "text", R_KEEP });
	for (int k = 0; k <= R_SITE; k++) {
		free(m->map[k].v);
		m->map[k] = (struct idmap){0};
	}
}

int merge_into(struct lp_db *out, const char *in_path, struct merge_stats *st, struct strbuf *err)
{
	struct merger m = { .out = out, .in_path = in_path, .st = st };
	/* read-only, and the schema version checked like any database lockpath opens */
	struct lp_db *in = db_open(in_path, DB_READONLY, err);
	if (!in)
		return -1;
	db_close(in);
	sqlite3_stmt *att = db_prepare(out, "ATTACH DATABASE ? AS src");
	char *uri = db_readonly_uri(in_path);
	db_bind_text(att, 1, uri);
	db_step_done(out, att);
	sqlite3_finalize(att);
	free(uri);
	db_begin(out);
	int rc = check_disjoint(&m, err);
	if (!rc) {
		sqlite3_stmt *n = db_prepare(out, "SELECT count(*) FROM src.tu");
		if (db_step_row(out, n))
			st->tus += (size_t)sqlite3_column_int64(n, 0);
		sqlite3_finalize(n);
		merge_one(&m);
		db_meta_set(out, "checked", "0");   /* new facts: the findings are out of date */
		db_commit(out);
	} else {
		db_exec(out, "ROLLBACK");
	}
	db_exec(out, "DETACH DATABASE src");
	return rc;
}
