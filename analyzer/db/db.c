// SPDX-License-Identifier: GPL-2.0-only
/*
 * db.c - opening, versioning and statement helpers for the lockpath
 * database.  Every failure is turned into one user-facing sentence naming
 * the database file; nothing here decides what is stored.
 */
#include "db/db.h"
#include "lib/escape.h"
#include "db/schema_sql.h"   /* generated from schema.sql: static const char lp_schema_sql[] */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static _Noreturn void db_die(struct lp_db *db, const char *what)
{
	const char *msg = db->h ? sqlite3_errmsg(db->h) : "cannot open";
	if (db->h && sqlite3_errcode(db->h) == SQLITE_BUSY)
		die("%s: %s: the database is locked by another lockpath process; "
		    "wait for it to finish or use another --db", db->path, what);
	if (db->h && (sqlite3_errcode(db->h) & 0xff) == SQLITE_CORRUPT)
		die("%s: %s: the database file is damaged (%s); remove it and run again",
		    db->path, what, msg);
	die("%s: %s: %s", db->path, what, msg);
}

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

static void check_version(struct lp_db *db, enum db_open_flags flags)
{
	int v = user_version(db);
	if (v == LP_SCHEMA_VERSION)
		return;
	if (v > LP_SCHEMA_VERSION)
		die("%s: database schema version %d is newer than this lockpath (%d); "
		    "use a newer lockpath or a new --db", db->path, v, LP_SCHEMA_VERSION);
	if (v > 0)
		die("%s: database schema version %d is older than this lockpath (%d) "
		    "and cannot be migrated; remove it and run again", db->path, v,
		    LP_SCHEMA_VERSION);
	if (has_tables(db))
		die("%s: not a lockpath database (it has tables but no lockpath schema version)",
		    db->path);
	if (!(flags & DB_CREATE) || (flags & DB_READONLY))
		die("%s: empty database; run 'lockpath extract' or 'lockpath run' first", db->path);
	/* WAL first (it cannot change inside a transaction), then the schema
	 * and its version in one transaction: a crash leaves an empty file. */
	db_exec(db, "PRAGMA journal_mode = WAL");
	db_begin(db);
	db_exec(db, lp_schema_sql);
	char pragma[64];
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", LP_SCHEMA_VERSION);
	db_exec(db, pragma);
	db_commit(db);
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

static void lock_db(struct lp_db *db, enum db_open_flags flags)
{
	struct stat st;
	if (stat(db->path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			die("%s: is a directory, not a database", db->path);
		int slot = held_slot(st.st_dev, st.st_ino);
		if (slot >= 0) {
			held_locks.v[slot].refs++;
			db->lock_slot = slot;
			return;
		}
	}
	bool ro = flags & DB_READONLY;
	int fd = open(db->path, (ro ? O_RDONLY : O_RDWR | ((flags & DB_CREATE) ? O_CREAT : 0)) | O_CLOEXEC, 0666);
	if (fd < 0)
		die("%s: cannot open database: %s", db->path, strerror(errno));
	if (fstat(fd, &st) != 0)
		die("%s: cannot open database: %s", db->path, strerror(errno));
	int op = ro ? LOCK_SH : LOCK_EX;
	double deadline = now_ms() + lp_db_wait * 1000.0;
	bool told = false;
	while (flock(fd, op | LOCK_NB) != 0) {
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			break;    /* no flock here (some network file systems): sqlite's locks remain */
		if (lp_db_wait <= 0)
			die("%s: in use by another lockpath process; wait for it to finish, use another "
			    "--db, or give --wait SECONDS to wait for it", db->path);
		if (now_ms() >= deadline)
			die("%s: still in use by another lockpath process after %d s; wait for it to "
			    "finish, use another --db, or give a longer --wait", db->path, lp_db_wait);
		if (!told) {
			fprintf(stderr, "lockpath: %s is in use by another lockpath process; waiting up to %d s\n",
				db->path, lp_db_wait);
			told = true;
		}
		usleep(100 * 1000);
	}
	db->lock_slot = (int)held_locks.n;
	vec_push(&held_locks, ((struct held_lock){ st.st_dev, st.st_ino, fd, 1 }));
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

struct lp_db *db_open(const char *path, enum db_open_flags flags)
{
	struct lp_db *db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->lock_slot = -1;
	if (!(flags & DB_CREATE) && access(path, F_OK) != 0)
		die("%s: no such database; run 'lockpath run' or 'lockpath extract' first", path);
	lock_db(db, flags);
	int oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
		: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char *uri = (flags & DB_READONLY) ? db_readonly_uri(path) : NULL;
	int rc = sqlite3_open_v2(uri ? uri : path, &db->h, oflags | SQLITE_OPEN_FULLMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		db_die(db, "cannot open database");
	sqlite3_busy_timeout(db->h, 30000);
	/* Reading the header tells a non-database file apart early. */
	if (sqlite3_exec(db->h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		if (sqlite3_errcode(db->h) == SQLITE_NOTADB)
			die("%s: not a lockpath database (not an sqlite file)", path);
		db_die(db, "cannot read database");
	}
	/* Nothing is written before the version is known to be ours. */
	check_version(db, flags);
	if (!(flags & DB_READONLY)) {
		db_exec(db, "PRAGMA journal_mode = WAL");
		db_exec(db, "PRAGMA synchronous = NORMAL");
	}
	db_exec(db, "PRAGMA foreign_keys = OFF");
	db_exec(db, "PRAGMA cache_size = -65536");
	return db;
}

void db_close(struct lp_db *db)
{
	if (!db)
		return;
	sqlite3_close(db->h);
	unlock_db(db);
	strmap_free(&db->files);
	free(db->path);
	free(db);
}

void db_exec(struct lp_db *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		sqlite3_free(err);
		db_die(db, "statement failed");
	}
}

sqlite3_stmt *db_prepare(struct lp_db *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		db_die(db, "cannot prepare statement");
	return st;
}

void db_step_done(struct lp_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		db_die(db, "write failed");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

bool db_step_row(struct lp_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		db_die(db, "read failed");
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
	if (!db_step_row(db, sel))
		db_die(db, "cannot intern a file path");
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
