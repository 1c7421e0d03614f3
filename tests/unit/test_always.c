// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_always.c - extract's site.always on always.c: every call whose
 * callee is named a_* runs on every call of its function, every n_* call
 * does not (a branch, a loop body, a '?:' arm, the right of '&&', a switch
 * case, after a return or a goto).  check/reach.c counts only such sleeps
 * when it decides a function always sleeps (corpus sleeping-helper-ccw).
 *
 * usage: test_always RULES_DIR always.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_always RULES_DIR always.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "always.c parses cleanly");
	sqlite3_stmt *q = db_prepare(db, "SELECT callee_name, always FROM site WHERE kind = 1 ORDER BY id");
	int n = 0;
	while (db_step_row(db, q)) {
		const char *name = db_col_text(q, 0);
		bool always = sqlite3_column_int(q, 1) != 0;
		char what[96];
		snprintf(what, sizeof(what), "%s %s on every call", name, name[0] == 'a' ? "runs" : "does not run");
		expect(always == (name[0] == 'a'), what);
		n++;
	}
	sqlite3_finalize(q);
	expect(n == 16, "16 calls extracted");
	db_close(db);
	rules_free(r);
	return expect_done("test_always");
}
