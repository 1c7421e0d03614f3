// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_db.c - unit test of analyzer/db/db.c in-process (issue 11, item 5):
 * every refusal of db_open comes back as NULL and the sentence the user
 * sees (tests/cli/bad-input.sh, concurrent.sh check the same text through
 * the binary), never an exit; a failed statement is recorded once
 * (db_error), makes the connection run nothing more, and what the open
 * transaction had written is rolled back; file paths intern to one id.
 *
 * usage: test_db DIR      exit 0 if all pass, 1 otherwise (scratch files
 *                         DIR/test_db.*, removed at the end)
 */
#include "db/db.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "expect.h"

static const char *dir;

/* DIR/test_db.NAME, removed with its -wal and -shm; caller frees. */
static char *scratch(const char *name)
{
	char *p = xasprintf("%s/test_db.%s", dir, name);
	char *wal = xasprintf("%s-wal", p), *shm = xasprintf("%s-shm", p);
	unlink(p);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
	return p;
}

/* db_open of PATH with FLAGS is refused with exactly PATH ": " WANT. */
static void refused(const char *path, enum db_open_flags flags, const char *want, const char *what)
{
	struct strbuf err = {0};
	struct lp_db *db = db_open(path, flags, &err);
	char *full = xasprintf("%s: %s", path, want);
	expect(!db && !strcmp(sb_str(&err), full), what);
	if (db || strcmp(sb_str(&err), full))
		fprintf(stderr, "  want: %s\n  got:  %s\n", full, db ? "(opened)" : sb_str(&err));
	db_close(db);
	free(full);
	sb_free(&err);
}

/* An sqlite file at PATH made by running SQL on it. */
static void raw_sqlite(const char *path, const char *sql)
{
	sqlite3 *h;
	if (sqlite3_open(path, &h) != SQLITE_OK || sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		fprintf(stderr, "cannot make %s: %s\n", path, sqlite3_errmsg(h));
	sqlite3_close(h);
}

static struct lp_db *open_ok(const char *path, enum db_open_flags flags)
{
	struct strbuf err = {0};
	struct lp_db *db = db_open(path, flags, &err);
	if (!db)
		fprintf(stderr, "  cannot open %s: %s\n", path, sb_str(&err));
	sb_free(&err);
	return db;
}

static void test_refusals(void)
{
	char *p = scratch("absent");
	refused(p, DB_READONLY, "no such database; run 'lockpath run' or 'lockpath extract' first",
		"a missing database, not created");
	free(p);

	p = scratch("dir");
	mkdir(p, 0755);
	refused(p, DB_CREATE, "is a directory, not a database", "a directory");
	rmdir(p);
	free(p);

	p = scratch("text");
	FILE *f = fopen(p, "w");
	fputs("not a database at all, just text that is long enough to be a header"
	      "......................................................\n", f);
	fclose(f);
	refused(p, 0, "not a lockpath database (not an sqlite file)", "a text file");
	unlink(p);
	free(p);

	p = scratch("v99");
	raw_sqlite(p, "CREATE TABLE x(a); PRAGMA user_version = 99");
	char *want = xasprintf("database schema version 99 is newer than this lockpath (%d); "
			       "use a newer lockpath or a new --db", LP_SCHEMA_VERSION);
	refused(p, DB_CREATE, want, "a newer schema version");
	free(want);
	free(p);

	p = scratch("v1");
	raw_sqlite(p, "CREATE TABLE x(a); PRAGMA user_version = 1");
	want = xasprintf("database schema version 1 is older than this lockpath (%d) "
			 "and cannot be migrated; remove it and run again", LP_SCHEMA_VERSION);
	refused(p, DB_CREATE, want, "an older schema version");
	free(want);
	free(p);

	p = scratch("v0");
	raw_sqlite(p, "CREATE TABLE x(a)");
	refused(p, DB_CREATE, "not a lockpath database (it has tables but no lockpath schema version)",
		"another program's sqlite database");
	free(p);

	p = scratch("empty");
	close(open(p, O_WRONLY | O_CREAT, 0644));
	refused(p, DB_READONLY, "empty database; run 'lockpath extract' or 'lockpath run' first",
		"an empty file, for reading");
	free(p);
}

/* Another holder of the process lock (this test, on its own descriptor):
 * with --wait 0 the open is refused at once, and nothing stays locked. */
static void test_in_use(void)
{
	char *p = scratch("busy");
	db_close(open_ok(p, DB_CREATE));
	int fd = open(p, O_RDONLY);
	flock(fd, LOCK_EX);
	int wait = lp_db_wait;
	lp_db_wait = 0;
	refused(p, 0, "in use by another lockpath process; wait for it to finish, use another --db, "
		"or give --wait SECONDS to wait for it", "a database another process holds");
	close(fd);
	struct lp_db *db = open_ok(p, 0);
	expect(db != NULL, "opened once the other holder is gone");
	db_close(db);
	lp_db_wait = wait;
	free(p);
}

static void test_sticky_error(void)
{
	char *p = scratch("sticky");
	struct lp_db *db = open_ok(p, DB_CREATE);
	if (!db) {
		expect(0, "create a database");
		free(p);
		return;
	}
	expect(!db_error(db) && !db_failed(db), "a new database has no error");
	db_begin(db);
	db_meta_set(db, "written", "before the failure");
	sqlite3_stmt *st = db_prepare(db, "SELECT x FROM nowhere");
	char *want = xasprintf("%s: cannot prepare statement: no such table: nowhere", p);
	expect(!st && db_failed(db) && !strcmp(db_error(db), want), "a bad statement: NULL and the error");
	free(want);
	db_exec(db, "CREATE TABLE later(x)");   /* not run */
	sqlite3_stmt *q = db_prepare(db, "SELECT 1");
	expect(!q && !db_step_row(db, q), "after a failure: no statement, no row");
	db_step_done(db, q);
	expect(!db_meta_get(db, "written") && db_file_id(db, "/a.c") == 0, "meta and file ids: nothing");
	expect(strstr(db_error(db), "no such table: nowhere") != NULL, "the first error is kept");
	db_commit(db);   /* not run: the transaction stays open until close */
	db_close(db);

	db = open_ok(p, DB_READONLY);
	char *v = db ? db_meta_get(db, "written") : NULL;
	expect(db && !v, "the failed transaction was rolled back");
	free(v);
	st = db ? db_prepare(db, "SELECT count(*) FROM sqlite_master WHERE name = 'later'") : NULL;
	expect(db && db_step_row(db, st) && sqlite3_column_int(st, 0) == 0, "nothing ran after the failure");
	sqlite3_finalize(st);
	db_close(db);
	free(p);
}

static void test_files_and_meta(void)
{
	char *p = scratch("files");
	struct lp_db *db = open_ok(p, DB_CREATE);
	if (!db) {
		expect(0, "create a database");
		free(p);
		return;
	}
	int64_t a = db_file_id(db, "/k/drivers/s390/cio/cio.c"), b = db_file_id(db, "/k/drivers/virtio/virtio.c");
	expect(a > 0 && b > 0 && a != b, "two paths, two ids");
	expect(db_file_id(db, "/k/drivers/s390/cio/cio.c") == a, "a path interns to one id");
	db_meta_set(db, "checked", "1");
	db_meta_set(db, "checked", "0");
	char *v = db_meta_get(db, "checked");
	expect(v && !strcmp(v, "0"), "meta: the last value set");
	free(v);
	expect(!db_meta_get(db, "absent"), "meta: an absent key is NULL");
	db_close(db);

	db = open_ok(p, DB_READONLY);   /* an existing database, its version checked */
	expect(db && !db_error(db), "reopened for reading");
	sqlite3_stmt *st = db ? db_prepare(db, "SELECT id FROM file WHERE path = '/k/drivers/s390/cio/cio.c'") : NULL;
	expect(db && db_step_row(db, st) && sqlite3_column_int64(st, 0) == a, "the id is in the file");
	sqlite3_finalize(st);
	db_close(db);
	free(p);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_db DIR\n");
		return 2;
	}
	dir = argv[1];
	test_refusals();
	test_in_use();
	test_sticky_error();
	test_files_and_meta();
	static const char *const used[] = { "busy", "empty", "files", "sticky", "v0", "v1", "v99" };
	for (size_t i = 0; i < sizeof(used) / sizeof(used[0]); i++)
		free(scratch(used[i]));   /* removes them */
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
