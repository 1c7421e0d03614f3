// SPDX-License-Identifier: GPL-2.0-only
/*
 * fixture.c - the unit tests' shared setup (fixture.h): rules, a fresh
 * database, one file extracted into it.  Nothing here links or checks.
 */
#include "fixture.h"
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lp_rules *fixture_rules(const char *dir)
{
	struct lp_rules *r = rules_new();
	struct strbuf err = {0};
	if (rules_load_dir(r, dir, &err)) {
		fprintf(stderr, "%s\n", sb_str(&err));
		exit(2);
	}
	sb_free(&err);
	return r;
}

struct lp_db *fixture_extract(const struct lp_rules *r, const char *db_path, const char *src,
			      const char *flag, bool *clean)
{
	unlink(db_path);
	struct strbuf err = {0};
	struct lp_db *db = db_open(db_path, DB_CREATE, &err);
	char *abs = realpath(src, NULL);
	if (!db || !abs) {
		fprintf(stderr, "%s\n", db ? src : sb_str(&err));
		exit(2);
	}
	sb_free(&err);
	char *dir = xstrdup(abs);
	*strrchr(dir, '/') = 0;
	char *argv[5] = { "clang-19", "-std=gnu11" };
	int argc = 2;
	if (flag)
		argv[argc++] = (char *)flag;
	argv[argc++] = "-c";
	argv[argc++] = abs;
	struct compile_cmd c = compdb_from_argv(dir, argc, argv, abs);
	*clean = extract_one(db, r, &c) == 0;
	for (int i = 0; i < c.argc; i++)
		free(c.argv[i]);
	free(c.argv);
	free(c.file);
	free(c.directory);
	free(abs);
	free(dir);
	return db;
}

void fixture_one_text(struct lp_db *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *q = db_prepare(db, sql);
	snprintf(out, n, "%s", db_step_row(db, q) && db_col_text(q, 0) ? db_col_text(q, 0) : "");
	sqlite3_finalize(q);
}

bool fixture_text_is(struct lp_db *db, const char *sql, const char *want)
{
	char got[1024];
	fixture_one_text(db, sql, got, sizeof(got));
	if (!strcmp(got, want))
		return true;
	fprintf(stderr, "  got '%s'\n", got);
	return false;
}
