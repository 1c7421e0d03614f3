// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_chains.c - link's callback chains (link/chains.c) in-process on
 * chains.c (see its head comment): which functions each chain call reaches,
 * and the counts link reports for what it could not name.
 *
 * usage: test_chains RULES_DIR chains.c WORK_DIR
 */
#include "fixture.h"
#include "link/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

/* The names CALLER's chain calls reach, sorted, joined by ','. */
static void reached(struct lp_db *db, const char *caller, char *out, size_t len)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT group_concat(name, ',') FROM (SELECT DISTINCT g.name FROM "
				     "call_edge c JOIN site s ON s.id = c.site_id JOIN func f ON f.id = s.func_id "
				     "JOIN func g ON g.id = c.callee WHERE f.name = ? AND c.store_id IS NOT NULL "
				     "ORDER BY g.name)");
	db_bind_text(q, 1, caller);
	snprintf(out, len, "%s", db_step_row(db, q) && sqlite3_column_type(q, 0) != SQLITE_NULL
			      ? db_col_text(q, 0) : "");
	sqlite3_finalize(q);
}

static void expect_reached(struct lp_db *db, const char *caller, const char *want)
{
	char got[256];
	reached(db, caller, got, sizeof(got));
	if (strcmp(got, want))
		FAIL("%s reaches '%s', expected '%s'", caller, got, want);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_chains RULES_DIR chains.c WORK_DIR\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	char *db_path = xasprintf("%s/chains.db", argv[3]);
	bool clean;
	struct lp_db *db = fixture_extract(r, db_path, argv[2], NULL, &clean);
	if (!clean)
		FAIL("%s does not parse cleanly", argv[2]);
	struct link_opts lo = { .rules = r };
	struct link_stats ls;
	if (link_run(db, &lo, &ls))
		FAIL("link: %s", db_error(db));

	expect_reached(db, "call_a", "on_two_deep");
	expect_reached(db, "call_b", "on_b");
	expect_reached(db, "wake_a", "wake_fn");
	expect_reached(db, "wake_q1", "fn1");
	expect_reached(db, "wake_q2", "fn2");
	expect_reached(db, "call_unnamed", "");
	if (ls.chains.calls != 6 || ls.chains.resolved_calls != 5 || ls.chains.unnamed_calls != 1)
		FAIL("chain calls %zu, resolved %zu, unnamed %zu; expected 6, 5, 1", ls.chains.calls,
		     ls.chains.resolved_calls, ls.chains.unnamed_calls);
	/* reg_unnamed's queue comes from a call through a pointer: no name.
	 * (nb_three, three calls up, is simply not among reg_inner's entries.) */
	if (ls.chains.unnamed_registrations != 1)
		FAIL("%zu registrations named no container or entry, expected 1 (reg_unnamed)",
		     ls.chains.unnamed_registrations);

	/* without chain rules, link resolves nothing at the chain calls */
	struct link_opts none = {0};
	if (link_run(db, &none, &ls))
		FAIL("link without rules: %s", db_error(db));
	expect_reached(db, "call_a", "");
	if (ls.chains.calls != 0)
		FAIL("without rules: %zu chain calls", ls.chains.calls);

	db_close(db);
	free(db_path);
	rules_free(r);
	if (failures)
		fprintf(stderr, "test_chains: %d failures\n", failures);
	else
		printf("test_chains: all passed\n");
	return failures ? 1 : 0;
}
