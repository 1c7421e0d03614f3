// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_lockdep.c - lockdep's class rules in link (link/lockdep_class.c),
 * checked against the expectations written in lockdep.c (see its head
 * comment): extract that one file into a fresh database with the real
 * rules, link it, and compare each 'lockdep:', 'note:', 'apart:' and
 * 'together:' comment with tables lock_class and lockdep_class.
 *
 * usage: test_lockdep RULES_DIR lockdep.c WORK_DB
 */
#include "fixture.h"
#include "link/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures, checked;

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

static int class_of(struct lp_db *db, const char *key)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT class_id FROM lock_class WHERE key = ?");
	db_bind_text(q, 1, key);
	int c = db_step_row(db, q) ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	return c;
}

/* NAME's lockdep class as the expectations spell it ('split', 'novalidate',
 * a key, 'none' without a row), and its note, into the buffers. */
static bool lockdep_of(struct lp_db *db, const char *name, char *cls, size_t len, bool *note)
{
	int c = class_of(db, name);
	if (c < 0)
		return false;
	sqlite3_stmt *q = db_prepare(db, "SELECT lockdep_key, validate, nests, note FROM lockdep_class "
				     "WHERE class_id = ?");
	db_bind_int(q, 1, c);
	snprintf(cls, len, "none");
	*note = false;
	if (db_step_row(db, q)) {
		if (!sqlite3_column_int(q, 1))
			snprintf(cls, len, "novalidate");
		else if (!sqlite3_column_int(q, 2))
			snprintf(cls, len, "split");
		else
			snprintf(cls, len, "%s", db_col_text(q, 0));
		*note = sqlite3_column_type(q, 3) != SQLITE_NULL;
	}
	sqlite3_finalize(q);
	return true;
}

static void check_lockdep(struct lp_db *db, int line, const char *name, const char *want)
{
	char got[160], exp[160];
	bool note;
	if (want[0] == '@')   /* the init site on that line */
		snprintf(exp, sizeof(exp), "init:tests/unit/lockdep.c:%s", want + 1);
	else
		snprintf(exp, sizeof(exp), "%s", want);
	if (!lockdep_of(db, name, got, sizeof(got), &note))
		FAIL("lockdep.c:%d: '%s' is not a lock class key", line, name);
	else if (strcmp(got, exp))
		FAIL("lockdep.c:%d: '%s' has lockdep class '%s', expected '%s'", line, name, got, exp);
}

static void check_note(struct lp_db *db, int line, const char *name)
{
	char got[160];
	bool note;
	if (!lockdep_of(db, name, got, sizeof(got), &note) || !note)
		FAIL("lockdep.c:%d: '%s' has no recursive-lock note", line, name);
}

static void check_pair(struct lp_db *db, int line, const char *a, const char *b, bool same)
{
	int ca = class_of(db, a), cb = class_of(db, b);
	if (ca < 0 || cb < 0)
		FAIL("lockdep.c:%d: '%s' is not a lock class key", line, ca < 0 ? a : b);
	else if ((ca == cb) != same)
		FAIL("lockdep.c:%d: '%s' and '%s' should be %s", line, a, b, same ? "one class" : "two classes");
}

/* Every expectation comment of LINE (text BUF). */
static void check_line(struct lp_db *db, int line, const char *buf)
{
	char a[128], b[128];
	for (const char *p = buf; (p = strstr(p, "/* ")); p += 3) {
		if (sscanf(p, "/* lockdep: %127s %127s */", a, b) == 2)
			check_lockdep(db, line, a, b);
		else if (sscanf(p, "/* note: %127s */", a) == 1)
			check_note(db, line, a);
		else if (sscanf(p, "/* apart: %127s %127s */", a, b) == 2)
			check_pair(db, line, a, b, false);
		else if (sscanf(p, "/* together: %127s %127s */", a, b) == 2)
			check_pair(db, line, a, b, true);
		else
			continue;
		checked++;
	}
}

static void check_file(struct lp_db *db, const char *path)
{
	FILE *src = fopen(path, "r");
	if (!src) {
		perror(path);
		exit(2);
	}
	char buf[512];
	for (int line = 1; fgets(buf, sizeof(buf), src); line++)
		check_line(db, line, buf);
	fclose(src);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_lockdep RULES_DIR lockdep.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], "-Wall", &clean);
	if (!clean)
		FAIL("lockdep.c does not parse cleanly");
	struct link_stats ls;
	struct link_opts lo = { .rules = r };
	if (link_run(db, &lo, &ls))
		FAIL("link: %s", db_error(db));
	check_file(db, argv[2]);
	if (!checked)
		FAIL("lockdep.c: no expectation found");
	printf("test_lockdep: %d expectations, %d failures (%zu facts, %zu classes, %zu split, %zu novalidate, "
	       "%zu told apart)\n", checked, failures, ls.lockdep.facts, ls.lockdep.classes, ls.lockdep.split,
	       ls.lockdep.novalidate, ls.lockdep.told_apart);
	db_close(db);
	rules_free(r);
	return failures ? 1 : 0;
}
