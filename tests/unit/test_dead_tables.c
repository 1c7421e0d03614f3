// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_dead_tables.c - extract drops the function stores of a static table
 * only code a constant condition cut off names (extract/dead_tables.c), on
 * dead_tables.c: the stores of each dead_* table are gone, those of each
 * live_* table stay.
 *
 * usage: test_dead_tables RULES_DIR dead_tables.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

static int stores_of(struct lp_db *db, const char *fn)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT count(*) FROM fnstore WHERE src_name = ? AND key = 'ops.fn'");
	db_bind_text(q, 1, fn);
	int n = db_step_row(db, q) ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_dead_tables RULES_DIR dead_tables.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "dead_tables.c parses cleanly");
	static const struct { const char *fn; int stores; } want[] = {
		{ "dead_a_fn", 0 },   /* only under 'if (OFF)' */
		{ "dead_b_fn", 0 },   /* under 'if (OFF)', and after a return every path takes */
		{ "live_a_fn", 1 },   /* also taken where code runs */
		{ "live_b_fn", 1 },   /* in a macro argument that runs */
		{ "live_c_fn", 1 },   /* in another table's initialiser */
		{ "live_d_fn", 1 },   /* no static */
		{ "live_e_fn", 1 },   /* named nowhere: a section keeps it */
		{ "live_f_fn", 1 },   /* a macro argument beside the macro's cut-off branch */
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char what[128];
		int got = stores_of(db, want[i].fn);
		snprintf(what, sizeof(what), "%s: %d store(s) into ops.fn (got %d)", want[i].fn, want[i].stores, got);
		expect(got == want[i].stores, what);
	}
	db_close(db);
	rules_free(r);
	return expect_done("test_dead_tables");
}
