// SPDX-License-Identifier: GPL-2.0-only
/*
 * baseline.c - read the baseline the gate compares with: a lockpath
 * database (opened read-only; only this lockpath's schema version) or a
 * lockpath SARIF file (partialFingerprints["lockpath/v1"] of each result).
 * Which one is told by the first bytes, not by the file name.  It never
 * writes and never dies: every error comes back as one line naming the file.
 */
#include "gate/gate.h"
#include "lib/escape.h"

#include <errno.h>
#include <jansson.h>
#include "lib/json_kind.h"
#include <string.h>
#include <sys/stat.h>

static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL: 16 bytes */

/* Append S with control bytes replaced, so a message stays one line. */
static void add_clean(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		sb_addc(sb, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

static bool fp_valid(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!strchr("0123456789abcdef", s[n]))
			return false;
	return n == GATE_FP_LEN;
}

static void entry_add(struct gate_baseline *b, const char *fp, const char *rule, const char *msg,
		      const char *file, int line)
{
	struct gate_entry e = { xstrdup(fp), xstrdup(rule ? rule : "?"), msg ? xstrdup(msg) : NULL,
				file ? xstrdup(file) : NULL, line };
	vec_push(&b->v, e);
}

void baseline_free(struct gate_baseline *b)
{
	for (size_t i = 0; i < b->v.n; i++) {
		free(b->v.v[i].fingerprint);
		free(b->v.v[i].rule);
		free(b->v.v[i].message);
		free(b->v.v[i].file);
	}
	vec_free(&b->v);
}

/* ------------------------------------------------------------ database */

static int db_fail(sqlite3 *h, const char *name, struct strbuf *err)
{
	sb_addf(err, "%s: cannot read the baseline database: ", name);
	add_clean(err, sqlite3_errmsg(h));
	return -1;
}

/* First column of the first row of SQL as an int; -1 when SQL fails. */
static int int_query(sqlite3 *h, const char *sql, int *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int check_schema(sqlite3 *h, const char *name, struct strbuf *err)
{
	int v, ntables, linked;
	if (int_query(h, "PRAGMA user_version", &v) || int_query(h, "SELECT count(*) FROM sqlite_master", &ntables))
		return db_fail(h, name, err);
	if (v == 0) {
		sb_addf(err, "%s: not a lockpath database (%s)", name,
			ntables ? "it has tables but no lockpath schema version" : "it is empty");
		return -1;
	}
	if (v != LP_SCHEMA_VERSION) {
		sb_addf(err, "%s: the baseline database has schema version %d and this lockpath reads "
			"version %d; make the baseline again with this lockpath, or use a SARIF baseline",
			name, v, LP_SCHEMA_VERSION);
		return -1;
	}
	if (int_query(h, "SELECT count(*) FROM meta WHERE key = 'linked'", &linked))
		return db_fail(h, name, err);
	if (!linked) {
		sb_addf(err, "%s: the baseline database has no check results; run 'lockpath check --db %s'",
			name, name);
		return -1;
	}
	int checked;
	if (int_query(h, "SELECT count(*) FROM meta WHERE key = 'checked' AND value = '1'", &checked))
		return db_fail(h, name, err);
	if (!checked) {
		sb_addf(err, "%s: the baseline database's findings are out of date: its facts changed after "
			"its last check; run 'lockpath check --db %s'", name, name);
		return -1;
	}
	return 0;
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int read_findings(struct gate_baseline *b, sqlite3 *h, const char *name, struct strbuf *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "SELECT f.rule, f.fingerprint, f.message, fl.path, s.line FROM finding f "
			       "LEFT JOIN site s ON s.id = f.site_id LEFT JOIN file fl ON fl.id = s.file_id "
			       "ORDER BY f.id", -1, &st, NULL) != SQLITE_OK)
		return db_fail(h, name, err);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *fp = col(st, 1);
		if (!fp || !fp_valid(fp)) {
			sb_addf(err, "%s: finding %zu has no valid fingerprint (expected %d hex digits)", name,
				b->v.n + 1, GATE_FP_LEN);
			sqlite3_finalize(st);
			return -1;
		}
		entry_add(b, fp, col(st, 0), col(st, 2), col(st, 3), sqlite3_column_int(st, 4));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(h, name, err);
}

static int read_db(struct gate_baseline *b, sqlite3 *h, const char *name, struct strbuf *err)
{
	b->kind = "database";
	sqlite3_busy_timeout(h, 30000);
	if (check_schema(h, name, err))
		return -1;
	return read_findings(b, h, name, err);
}

static int load_db_file(struct gate_baseline *b, const char *path, struct strbuf *err)
{
	sqlite3 *h = NULL;
	char *uri = db_readonly_uri(path);   /* writes nothing next to it: it may not be ours */
	int rc = sqlite3_open_v2(uri, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
		? read_db(b, h, path, err) : db_fail(h, path, err);
	free(uri);
	sqlite3_close(h);
	return rc;
}

/* An image in memory (the fuzzer's way in): WAL is turned off in the copy,
 * since an in-memory database cannot have a write-ahead log. */
static int load_db_buffer(struct gate_baseline *b, const char *name, const void *data, size_t len,
			  struct strbuf *err)
{
	sqlite3 *h = NULL;
	if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		int rc = db_fail(h, name, err);
		sqlite3_close(h);
		return rc;
	}
	unsigned char *img = sqlite3_malloc64(len);
	if (!img)
		die("out of memory");
	memcpy(img, data, len);
	if (len > 19)
		img[18] = img[19] = 1;
	int rc = sqlite3_deserialize(h, "main", img, (sqlite3_int64)len, (sqlite3_int64)len,
				     SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
	rc = rc == SQLITE_OK ? read_db(b, h, name, err) : db_fail(h, name, err);
	sqlite3_close(h);
	return rc;
}

/* ------------------------------------------------------------ SARIF */

static const char *jstr(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static int not_lockpath(const char *name, const char *why, struct strbuf *err)
{
	sb_addf(err, "%s: not a lockpath SARIF file: %s", name, why);
	return -1;
}

/* Where a result points: its first location's file, as a path (file://
 * stripped, percent-escapes decoded, a uriBaseId of RUN resolved), and its
 * line.  *FILE is NULL or the caller's to free. */
static void result_where(json_t *run, json_t *res, char **file, int *line)
{
	json_t *pl = json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
	json_t *al = json_object_get(pl, "artifactLocation");
	const char *uri = jstr(al, "uri"), *base_id = jstr(al, "uriBaseId");
	const char *base = base_id ? jstr(json_object_get(json_object_get(run, "originalUriBaseIds"), base_id), "uri")
				   : NULL;
	*file = NULL;
	if (uri) {
		char *whole = xasprintf("%s%s", base && uri[0] != '/' && strncmp(uri, "file:", 5) ? base : "", uri);
		*file = uri_path_decode(strncmp(whole, "file://", 7) ? whole : whole + 7);
		free(whole);
	}
	*line = (int)json_integer_value(json_object_get(json_object_get(pl, "region"), "startLine"));
}

/* A fingerprint key of another lockpath version ('lockpath/v2'), or NULL. */
static const char *other_fp_key(json_t *pfp)
{
	const char *k;
	json_t *v;
	json_object_foreach(pfp, k, v)
		if (!strncmp(k, "lockpath/", 9) && strcmp(k, GATE_FP_KEY))
			return k;
	return NULL;
}

static int read_result(struct gate_baseline *b, json_t *run, json_t *res, const char *name, size_t r, size_t i,
		       struct strbuf *err)
{
	json_t *pfp = json_object_get(res, "partialFingerprints");
	json_t *fpv = json_object_get(pfp, GATE_FP_KEY);
	const char *fp = json_string_value(fpv);
	const char *rule = jstr(res, "ruleId");
	if (!json_is_object(res) || !rule) {
		sb_addf(err, "%s: runs[%zu].results[%zu] is not a result with a ruleId", name, r, i);
		return -1;
	}
	if (fpv && !fp) {   /* the key is ours, the value is not a string */
		sb_addf(err, "%s: runs[%zu].results[%zu] has partialFingerprints \"%s\" that is %s, "
			"not a string of %d hex digits", name, r, i, GATE_FP_KEY, json_kind(fpv), GATE_FP_LEN);
		return -1;
	}
	if (!fp && other_fp_key(pfp)) {
		sb_addf(err, "%s: runs[%zu].results[%zu] has fingerprint '", name, r, i);
		add_clean(err, other_fp_key(pfp));
		sb_addf(err, "', this lockpath compares '%s'; make the baseline again with this lockpath",
			GATE_FP_KEY);
		return -1;
	}
	if (!fp) {
		sb_addf(err, "%s: runs[%zu].results[%zu] has no partialFingerprints \"%s\" of %d hex digits",
			name, r, i, GATE_FP_KEY, GATE_FP_LEN);
		return -1;
	}
	if (!fp_valid(fp)) {
		sb_addf(err, "%s: runs[%zu].results[%zu] has partialFingerprints \"%s\" '", name, r, i, GATE_FP_KEY);
		add_clean(err, strlen(fp) > 40 ? "(too long to show)" : fp);
		sb_addf(err, "', not %d hex digits", GATE_FP_LEN);
		return -1;
	}
	char *file;
	int line;
	result_where(run, res, &file, &line);
	entry_add(b, fp, rule, jstr(json_object_get(res, "message"), "text"), file, line);
	free(file);
	return 0;
}

static int read_run(struct gate_baseline *b, json_t *run, const char *name, size_t r, struct strbuf *err)
{
	const char *tool = jstr(json_object_get(json_object_get(run, "tool"), "driver"), "name");
	if (!tool || strcmp(tool, "lockpath")) {
		char *why = xasprintf("runs[%zu].tool.driver.name is %s%s%s, expected \"lockpath\"", r,
				      tool ? "\"" : "missing", tool ? tool : "", tool ? "\"" : "");
		struct strbuf clean = {0};
		add_clean(&clean, why);
		not_lockpath(name, sb_str(&clean), err);
		sb_free(&clean);
		free(why);
		return -1;
	}
	json_t *results = json_object_get(run, "results");
	if (results && !json_is_array(results)) {
		sb_addf(err, "%s: runs[%zu].results is not an array", name, r);
		return -1;
	}
	for (size_t i = 0; i < json_array_size(results); i++)
		if (read_result(b, run, json_array_get(results, i), name, r, i, err))
			return -1;
	return 0;
}

/* Set when an allocation fails while jansson parses a baseline: where it
 * fails, jansson says so, or says nothing, or reports a syntax error that is
 * not there ("invalid token", "string or '}' expected"). */
static bool json_alloc_failed;

static void *json_watched_malloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		json_alloc_failed = true;
	return p;
}

static int read_sarif(struct gate_baseline *b, const char *name, const void *data, size_t len,
		      struct strbuf *err)
{
	b->kind = "SARIF";
	json_error_t je;
	/* jansson holds the whole document, several times the file's size; its
	 * allocator is swapped for one that notices a failure, for this parse
	 * only (baselines are read before any thread starts) */
	json_malloc_t old_malloc;
	json_free_t old_free;
	json_get_alloc_funcs(&old_malloc, &old_free);
	json_set_alloc_funcs(json_watched_malloc, old_free);
	json_alloc_failed = false;
	json_t *doc = json_loadb(data, len, 0, &je);
	json_set_alloc_funcs(old_malloc, old_free);
	if (!doc && (json_alloc_failed || json_error_code(&je) == json_error_out_of_memory || !je.text[0])) {
		sb_addf(err, "%s: cannot read the SARIF baseline: out of memory while parsing its %.1f MB of JSON; "
			"let lockpath use more memory (ulimit -v), or give the baseline database instead", name,
			(double)len / 1e6);
		return -1;
	}
	if (!doc) {
		sb_addf(err, "%s: neither a lockpath database nor a SARIF file (not JSON", name);
		if (je.line > 0)
			sb_addf(err, ": line %d column %d", je.line, je.column);
		sb_add(err, ": ");
		add_clean(err, je.text);
		sb_add(err, ")");
		return -1;
	}
	int rc = 0;
	const char *version = jstr(doc, "version");
	json_t *runs = json_object_get(doc, "runs");
	if (!version || strcmp(version, "2.1.0"))
		rc = not_lockpath(name, "expected \"version\": \"2.1.0\" (SARIF 2.1.0)", err);
	else if (!json_array_size(runs))
		rc = not_lockpath(name, "expected a non-empty \"runs\" array", err);
	for (size_t r = 0; !rc && r < json_array_size(runs); r++)
		rc = read_run(b, json_array_get(runs, r), name, r, err);
	json_decref(doc);
	return rc;
}

/* ------------------------------------------------------------ entry points */

int baseline_load_buffer(struct gate_baseline *b, const char *name, const void *data, size_t len,
			 struct strbuf *err)
{
	if (len >= sizeof(sqlite_magic) && !memcmp(data, sqlite_magic, sizeof(sqlite_magic)))
		return load_db_buffer(b, name, data, len, err);
	return read_sarif(b, name, data, len, err);
}

/* The whole file, or NULL with the reason in ERR (out of memory included:
 * a baseline may be large, and saying so beats "out of memory" alone). */
static char *read_all(const char *path, size_t *len, struct strbuf *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		sb_addf(err, "%s: cannot read the baseline: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	size_t cap = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
	char *buf = NULL;
	int bad = 0;
	for (;;) {
		if (n + 1 >= cap || !buf) {
			cap = buf ? cap * 2 : cap;
			char *more = realloc(buf, cap);
			if (!more) {
				bad = ENOMEM;
				break;
			}
			buf = more;
		}
		errno = 0;
		size_t got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0) {
			bad = ferror(fp) ? (errno ? errno : EIO) : 0;
			break;
		}
	}
	fclose(fp);
	if (bad) {
		sb_addf(err, "%s: cannot read the baseline: %s", path, strerror(bad));
		if (bad == ENOMEM)
			sb_addf(err, " (after %.1f MB of it)", (double)n / 1e6);
		free(buf);
		return NULL;
	}
	buf[n] = 0;
	*len = n;
	return buf;
}

int baseline_load(struct gate_baseline *b, const char *path, struct strbuf *err)
{
	char head[sizeof(sqlite_magic)];
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		sb_addf(err, "%s: cannot read the baseline: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		sb_addf(err, "%s: is a directory, not a baseline (a lockpath database or SARIF file)", path);
		return -1;
	}
	size_t n = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	if (n == sizeof(head) && !memcmp(head, sqlite_magic, sizeof(head)))
		return load_db_file(b, path, err);
	size_t len = 0;
	char *data = read_all(path, &len, err);
	if (!data)
		return -1;
	int rc = read_sarif(b, path, data, len, err);
	free(data);
	return rc;
}
