// SPDX-License-Identifier: GPL-2.0-only
/*
 * db.c - opening, versioning and statement helpers for the lockpath
 * database.  Every failure is turned into one user-facing sentence naming
 * the database file, returned to the caller (db_open's ERR, db_error):
 * nothing here exits, and nothing here decides what is stored.
 */
#include "db/db.h"
#include "lib/escape.h"
#include "db/schema_sql.h"   /* generated from schema.sql: static const char lp_schema_sql[] */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Record the first error of DB as one sentence; later ones are its
 * consequences (a failed write fails the commit after it) and are dropped. */
static void db_failf(struct lp_db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void db_failf(struct lp_db *db, const char *fmt, ...)
{
	if (db->err.len)
		return;
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&db->err, fmt, ap);
	va_end(ap);
}

/* Record sqlite's last error on DB, WHAT saying what was being done. */
static void db_fail(struct lp_db *db, const char *what)
{
	const char *msg = db->h ? sqlite3_errmsg(db->h) : "cannot open";
	if (db->h && sqlite3_errcode(db->h) == SQLITE_BUSY)
		db_failf(db, "%s: %s: the database is locked by another lockpath process; "
			 "wait for it to finish or use another --db", db->path, what);
	else if (db->h && (sqlite3_errcode(db->h) & 0xff) == SQLITE_CORRUPT)
		db_failf(db, "%s: %s: the database file is damaged (%s); remove it and run again",
			 db->path, what, msg);
	else
		db_failf(db, "%s: %s: %s", db->path, what, msg);
}

bool db_failed(const struct lp_db *db) { return db->err.len > 0; }
const char *db_error(const struct lp_db *db) { return db->err.len ? db->err.buf : NULL; }

static int user_version(struct lp_db *db)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
	int v = db_step_row(db, st) ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

static bool has_tables(struct lp_db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM sqlite_master");
	bool any = db_step_row(db, st) && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return any;
}

/* Refuse a database of another version, or not lockpath's; create the
 * schema in an empty one when FLAGS allow.  Returns -1 with DB's error set. */
static int check_version(struct lp_db *db, enum db_open_flags flags)
{
	int v = user_version(db);
	if (db_failed(db) || v == LP_SCHEMA_VERSION)
		return db_failed(db) ? -1 : 0;
	if (v > LP_SCHEMA_VERSION)
		db_failf(db, "%s: database schema version %d is newer than this lockpath (%d); "
			 "use a newer lockpath or a new --db", db->path, v, LP_SCHEMA_VERSION);
	else if (v > 0)
		db_failf(db, "%s: database schema version %d is older than this lockpath (%d) "
			 "and cannot be migrated; remove it and run again", db->path, v,
			 LP_SCHEMA_VERSION);
	else if (has_tables(db))
		db_failf(db, "%s: not a lockpath database (it has tables but no lockpath schema version)",
			 db->path);
	else if (!db_failed(db) && (!(flags & DB_CREATE) || (flags & DB_READONLY)))
		db_failf(db, "%s: empty database; run 'lockpath extract' or 'lockpath run' first", db->path);
	if (db_failed(db))
		return -1;
	/* WAL first (it cannot change inside a transaction), then the schema
	 * and its version in one transaction: a crash leaves an empty file. */
	db_exec(db, "PRAGMA journal_mode = WAL");
	db_begin(db);
	db_exec(db, lp_schema_sql);
	char pragma[64];
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", LP_SCHEMA_VERSION);
	db_exec(db, pragma);
	db_commit(db);
	return db_failed(db) ? -1 : 0;
}

/* ------------------------------------------------------------ process lock */

/*
 * One lockpath process at a time writes a database: writers (DB_CREATE or
 * plain) hold an exclusive flock(2) on the database file for as long as it
 * is open, readers (DB_READONLY) a shared one, so a report never sees a run
 * half-way and two runs never interleave their TUs.  flock is independent
 * of sqlite's own POSIX locks; the descriptor stays open until after
 * sqlite3_close, because closing any descriptor of the file would drop
 * sqlite's locks.  A file this process has locked already (the gate opens a
 * database twice) is not locked again.
 */
int lp_db_wait = 30;

struct held_lock { dev_t dev; ino_t ino; int fd, refs; };
static VEC(struct held_lock) held_locks;   /* slots are never reused while any is held */

static int held_slot(dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < held_locks.n; i++)
		if (held_locks.v[i].refs > 0 && held_locks.v[i].dev == dev && held_locks.v[i].ino == ino)
			return (int)i;
	return -1;
}

/* Wait for the flock on FD (OP: LOCK_SH or LOCK_EX) up to lp_db_wait
 * seconds, saying once on stderr that it waits.  Returns -1 with DB's
 * error set when another process holds it past that. */
static int wait_flock(struct lp_db *db, int fd, int op)
{
	double deadline = now_ms() + lp_db_wait * 1000.0;
	bool told = false;
	while (flock(fd, op | LOCK_NB) != 0) {
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			break;    /* no flock here (some network file systems): sqlite's locks remain */
		if (lp_db_wait <= 0) {
			db_failf(db, "%s: in use by another lockpath process; wait for it to finish, use another "
				 "--db, or give --wait SECONDS to wait for it", db->path);
			return -1;
		}
		if (now_ms() >= deadline) {
			db_failf(db, "%s: still in use by another lockpath process after %d s; wait for it to "
				 "finish, use another --db, or give a longer --wait", db->path, lp_db_wait);
			return -1;
		}
		if (!told) {
			fprintf(stderr, "lockpath: %s is in use by another lockpath process; waiting up to %d s\n",
				db->path, lp_db_wait);
			told = true;
		}
		usleep(100 * 1000);
	}
	return 0;
}

/* Take the process lock on DB's file (creating the file for DB_CREATE);
 * returns -1 with DB's error set, holding nothing. */
static int lock_db(struct lp_db *db, enum db_open_flags flags)
{
	struct stat st;
	if (stat(db->path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			db_failf(db, "%s: is a directory, not a database", db->path);
			return -1;
		}
		int slot = held_slot(st.st_dev, st.st_ino);
		if (slot >= 0) {
			held_locks.v[slot].refs++;
			db->lock_slot = slot;
			return 0;
		}
	}
	bool ro = flags & DB_READONLY;
	int fd = open(db->path, (ro ? O_RDONLY : O_RDWR | ((flags & DB_CREATE) ? O_CREAT : 0)) | O_CLOEXEC, 0666);
	if (fd < 0 || fstat(fd, &st) != 0) {
		db_failf(db, "%s: cannot open database: %s", db->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (wait_flock(db, fd, ro ? LOCK_SH : LOCK_EX)) {
		close(fd);
		return -1;
	}
	db->lock_slot = (int)held_locks.n;
	vec_push(&held_locks, ((struct held_lock){ st.st_dev, st.st_ino, fd, 1 }));
	return 0;
}

/* After sqlite3_close: the last user of the file closes the descriptor. */
static void unlock_db(struct lp_db *db)
{
	if (db->lock_slot < 0)
		return;
	struct held_lock *h = &held_locks.v[db->lock_slot];
	db->lock_slot = -1;
	if (--h->refs > 0)
		return;
	close(h->fd);   /* releases the flock */
	bool any = false;
	for (size_t i = 0; i < held_locks.n; i++)
		any |= held_locks.v[i].refs > 0;
	if (!any)
		vec_free(&held_locks);
}

char *db_readonly_uri(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	bool has_wal = stat(wal, &st) == 0 && st.st_size > 0;
	free(wal);
	char *enc = uri_path_encode(path);
	char *uri = xasprintf("file:%s?%s", enc, has_wal ? "mode=ro" : "immutable=1");
	free(enc);
	return uri;
}

/* LOCKPATH_SQL_PROFILE=MS: print each statement that ran MS milliseconds
 * or longer, with its time, to stderr (what a slow link or check spends). */
static int sql_profile(unsigned type, void *ctx, void *stmt, void *ns)
{
	(void)type;
	long long ms = *(const long long *)ns / 1000000;
	if (ms >= (long long)(intptr_t)ctx) {
		char *sql = sqlite3_expanded_sql(stmt);
		fprintf(stderr, "lockpath: sql: %lld ms: %.300s\n", ms, sql ? sql : sqlite3_sql(stmt));
		sqlite3_free(sql);
	}
	return 0;
}

/* Open DB's sqlite connection (the process lock held) and read its
 * header; returns -1 with DB's error set. */
static int db_connect(struct lp_db *db, enum db_open_flags flags)
{
	int oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
		: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char *uri = (flags & DB_READONLY) ? db_readonly_uri(db->path) : NULL;
	/* One thread uses a connection: extract's workers only parse, and the
	 * main thread stores what they hand over.  Without the connection's
	 * mutex every sqlite call is cheaper (link, check and a re-gate make
	 * millions). */
	int rc = sqlite3_open_v2(uri ? uri : db->path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		db_fail(db, "cannot open database");
		return -1;
	}
	sqlite3_busy_timeout(db->h, 30000);
	const char *prof = getenv("LOCKPATH_SQL_PROFILE");
	if (prof && *prof) {
		char *end;
		errno = 0;
		long ms = strtol(prof, &end, 10);
		if (*end || ms < 0 || errno == ERANGE || ms > 86400000)
			fprintf(stderr, "lockpath: warning: LOCKPATH_SQL_PROFILE='%s': expected milliseconds "
				"(0 or more), ignored\n", prof);
		else
			sqlite3_trace_v2(db->h, SQLITE_TRACE_PROFILE, sql_profile, (void *)(intptr_t)ms);
	}
	/* Reading the header tells a non-database file apart early. */
	if (sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		if (sqlite3_errcode(db->h) == SQLITE_NOTADB)
			db_failf(db, "%s: not a lockpath database (not an sqlite file)", db->path);
		else
			db_fail(db, "cannot read database");
		return -1;
	}
	return 0;
}

struct lp_db *db_open(const char *path, enum db_open_flags flags, struct strbuf *err)
{
	struct lp_db *db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->lock_slot = -1;
	if (!(flags & DB_CREATE) && access(path, F_OK) != 0)
		db_failf(db, "%s: no such database; run 'lockpath run' or 'lockpath extract' first", path);
	/* Nothing is written before the version is known to be ours. */
	else if (!lock_db(db, flags) && !db_connect(db, flags) && !check_version(db, flags)) {
		if (!(flags & DB_READONLY)) {
			db_exec(db, "PRAGMA journal_mode = WAL");
			db_exec(db, "PRAGMA synchronous = NORMAL");
		}
		db_exec(db, "PRAGMA foreign_keys = OFF");
		db_exec(db, "PRAGMA cache_size = -65536");
		/* Read the first 64 MiB in place rather than copied into the
		 * cache: a 99-TU database fits whole, and the re-gate's link
		 * and check read all of it (0.05 s of 0.43 s).  No more than
		 * the cache: a whole tree's 330 MiB mapped would count in the
		 * check's peak RSS. */
		db_exec(db, "PRAGMA mmap_size = 67108864");
	}
	if (!db_failed(db))
		return db;
	sb_add(err, sb_str(&db->err));
	db_close(db);
	return NULL;
}

void db_close(struct lp_db *db)
{
	if (!db)
		return;
	sqlite3_close(db->h);   /* rolls back a transaction a failure left open */
	unlock_db(db);
	strmap_free(&db->files);
	sb_free(&db->err);
	free(db->path);
	free(db);
}

/*
 * The statement helpers record a failure on the connection (db_error) and
 * from then on run nothing: db_prepare returns NULL (which sqlite's bind,
 * column, reset and finalize calls accept), db_step_row returns false,
 * db_exec and db_step_done do nothing.  So a phase runs to its end without
 * writing after the failure (not even the COMMIT: the open transaction is
 * rolled back when the connection closes), and the command layer turns
 * db_error into the user's message.
 */
void db_exec(struct lp_db *db, const char *sql)
{
	if (db_failed(db))
		return;
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		db_fail(db, "statement failed");
}

sqlite3_stmt *db_prepare(struct lp_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (db_failed(db))
		return NULL;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, "cannot prepare statement");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

void db_step_done(struct lp_db *db, sqlite3_stmt *st)
{
	if (db_failed(db) || !st)
		return;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_fail(db, "write failed");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

bool db_step_row(struct lp_db *db, sqlite3_stmt *st)
{
	if (db_failed(db) || !st)
		return false;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		db_fail(db, "read failed");
	return false;
}

void db_begin(struct lp_db *db) { db_exec(db, "BEGIN IMMEDIATE"); }
void db_commit(struct lp_db *db) { db_exec(db, "COMMIT"); }

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_int(sqlite3_stmt *st, int i, int64_t v) { sqlite3_bind_int64(st, i, v); }

void db_bind_null_or_int(sqlite3_stmt *st, int i, int64_t v)
{
	if (v > 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

const char *db_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

const char *db_col_text_or_null(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int64_t db_file_id(struct lp_db *db, const char *path)
{
	int64_t *cached = strmap_get(&db->files, path);
	if (cached)
		return *cached;
	sqlite3_stmt *ins = db_prepare(db, "INSERT OR IGNORE INTO file(path) VALUES (?)");
	db_bind_text(ins, 1, path);
	db_step_done(db, ins);
	sqlite3_finalize(ins);
	sqlite3_stmt *sel = db_prepare(db, "SELECT id FROM file WHERE path = ?");
	db_bind_text(sel, 1, path);
	if (!db_step_row(db, sel)) {
		db_fail(db, "cannot intern a file path");   /* before finalize: sqlite's message */
		sqlite3_finalize(sel);
		return 0;
	}
	int64_t id = sqlite3_column_int64(sel, 0);
	sqlite3_finalize(sel);
	*strmap_put(&db->files, path, NULL) = id;
	return id;
}

void db_meta_set(struct lp_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, value);
	db_step_done(db, st);
	sqlite3_finalize(st);
}

char *db_meta_get(struct lp_db *db, const char *key)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM meta WHERE key = ?");
	db_bind_text(st, 1, key);
	char *v = db_step_row(db, st) ? xstrdup(db_col_text(st, 0)) : NULL;
	sqlite3_finalize(st);
	return v;
}
