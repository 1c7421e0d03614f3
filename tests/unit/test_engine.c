// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_engine.c - link and check run in-process (no command, no exit) on
 * deadlock.c (see its head comment):
 *  - the findings are exactly one recursive-lock and one sleep-in-atomic,
 *    and the check did not hit its bound;
 *  - a second check of the same database gives the same fingerprints;
 *  - the fingerprints survive a renamed file with shifted lines (a copy of
 *    deadlock.c under another name, with lines in front), while the
 *    findings' lines move;
 *  - check_opts.max_states bounds the search and says so (capped);
 *  - hold_nine's ninth lock is past what the check tracks, and counted;
 *  - link and check return a failed statement as -1 (db_error), in-process.
 *
 * usage: test_engine RULES_DIR deadlock.c WORK_DIR
 */
#include "fixture.h"
#include "link/link.h"
#include "check/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

struct result { char rule[2][32], fp[2][33]; int line[2], n; };

/* A fresh database at DB with SRC extracted (clang-19 -std=gnu11 -c SRC) and linked. */
static struct lp_db *extract_and_link(const struct lp_rules *r, const char *db_path, const char *src)
{
	bool clean;
	struct lp_db *db = fixture_extract(r, db_path, src, NULL, &clean);
	if (!clean)
		FAIL("%s does not parse cleanly", src);
	struct link_opts lo = {0};
	struct link_stats ls;
	if (link_run(db, &lo, &ls))
		FAIL("link: %s", db_error(db));
	if (ls.classes != 11 || ls.aliases != 1)
		FAIL("%s: link made %zu lock classes from %zu aliases, expected 11 from 1", src, ls.classes, ls.aliases);
	return db;
}

/* Check DB with OPTS; the findings, by rule, into RES. */
static void check(struct lp_db *db, const struct lp_rules *r, const struct check_opts *opts,
		  struct check_stats *st, struct result *res)
{
	if (check_run(db, r, opts, st))
		FAIL("check: %s", db_error(db));
	memset(res, 0, sizeof(*res));
	sqlite3_stmt *q = db_prepare(db, "SELECT f.rule, f.fingerprint, s.line FROM finding f "
				     "JOIN site s ON s.id = f.site_id ORDER BY f.rule");
	while (db_step_row(db, q)) {
		if (res->n == 2) {
			FAIL("more than 2 findings: also %s", db_col_text(q, 0));
			continue;
		}
		snprintf(res->rule[res->n], sizeof(res->rule[0]), "%s", db_col_text(q, 0));
		snprintf(res->fp[res->n], sizeof(res->fp[0]), "%s", db_col_text(q, 1));
		res->line[res->n++] = sqlite3_column_int(q, 2);
	}
	sqlite3_finalize(q);
}

/* deadlock.c with SHIFT comment lines in front, as DST. */
static void shifted_copy(const char *src, const char *dst, int shift)
{
	FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
	if (!in || !out) {
		perror(!in ? src : dst);
		exit(2);
	}
	for (int i = 0; i < shift; i++)
		fprintf(out, "/* a line in front, %d */\n", i);
	char buf[512];
	while (fgets(buf, sizeof(buf), in))
		fputs(buf, out);
	fclose(in);
	fclose(out);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_engine RULES_DIR deadlock.c WORK_DIR\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	char *db1 = xasprintf("%s/engine.db", argv[3]), *db2 = xasprintf("%s/engine-moved.db", argv[3]);
	char *moved = xasprintf("%s/moved.c", argv[3]);

	struct check_opts co = {0};
	struct check_stats st;
	struct result a, again, b;
	struct lp_db *db = extract_and_link(r, db1, argv[2]);
	check(db, r, &co, &st, &a);
	if (a.n != 2 || strcmp(a.rule[0], "recursive-lock") || strcmp(a.rule[1], "sleep-in-atomic"))
		FAIL("findings: %d (%s, %s), expected recursive-lock and sleep-in-atomic", a.n, a.rule[0], a.rule[1]);
	if (st.capped || st.max_states != CK_MAX_STATES || st.findings != 2)
		FAIL("check: capped %d at %zu states, %zu findings; expected not capped at %d, 2 findings",
		     st.capped, st.max_states, st.findings, CK_MAX_STATES);
	if (!st.held_full)
		FAIL("check: no lock past the %d held locks tracked, expected hold_nine's", CK_MAX_HELD);
	if (!strcmp(a.fp[0], a.fp[1]) || strlen(a.fp[0]) != 32)
		FAIL("fingerprints '%s' and '%s': expected two different 32-digit ones", a.fp[0], a.fp[1]);

	/* the same facts checked again: the same fingerprints */
	check(db, r, &co, &st, &again);
	for (int i = 0; i < 2; i++)
		if (strcmp(a.fp[i], again.fp[i]))
			FAIL("%s: fingerprint %s, then %s on the same facts", a.rule[i], a.fp[i], again.fp[i]);

	/* the bound: one state, and the check says it stopped */
	co.max_states = 1;
	check(db, r, &co, &st, &again);
	if (!st.capped || st.max_states != 1)
		FAIL("check_opts.max_states 1: capped %d at %zu states, expected capped at 1", st.capped, st.max_states);
	db_close(db);

	/* moved code in a renamed file: same fingerprints, other lines */
	enum { SHIFT = 7 };
	shifted_copy(argv[2], moved, SHIFT);
	co.max_states = 0;
	db = extract_and_link(r, db2, moved);
	check(db, r, &co, &st, &b);
	if (b.n != a.n)
		FAIL("moved.c: %d findings, deadlock.c %d", b.n, a.n);
	for (int i = 0; i < a.n && i < b.n; i++) {
		if (strcmp(a.fp[i], b.fp[i]))
			FAIL("%s: fingerprint %s in deadlock.c, %s in moved.c", a.rule[i], a.fp[i], b.fp[i]);
		if (b.line[i] != a.line[i] + SHIFT)
			FAIL("%s: line %d in moved.c, expected %d", a.rule[i], b.line[i], a.line[i] + SHIFT);
	}
	db_close(db);

	/* a failure is returned, not exited on: link and check on a database
	 * opened read-only each return -1 with the reason in db_error */
	struct strbuf err = {0};
	db = db_open(db1, DB_READONLY, &err);
	if (!db) {
		FAIL("%s", sb_str(&err));
	} else {
		struct link_stats ls;
		struct link_opts lo = {0};
		if (link_run(db, &lo, &ls) != -1 || !db_error(db))
			FAIL("link on a read-only database: no error returned");
		db_close(db);
		db = db_open(db1, DB_READONLY, &err);
		if (check_run(db, r, &co, &st) != -1 || !db_error(db))
			FAIL("check on a read-only database: no error returned");
		db_close(db);
	}
	sb_free(&err);

	printf("test_engine: %d findings, fingerprints stable, bounds honoured, %d failures\n", a.n, failures);
	unlink(moved);
	free(db1);
	free(db2);
	free(moved);
	rules_free(r);
	return failures ? 1 : 0;
}
