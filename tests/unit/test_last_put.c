// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_last_put.c - extract's site.last_put on last_put.c: every call whose
 * callee is named l_* runs only where a reference count hit zero (under
 * 'if (refcount_dec_and_test(..))', its '&&' form, the else of the negated
 * test, after 'if (!atomic_dec_and_test(..)) return;'), every o_* call and
 * the puts themselves do not.  The engine counts a finding whose path goes
 * through such a call apart (docs/rules.md, "How sure a path is").
 *
 * usage: test_last_put RULES_DIR last_put.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_last_put RULES_DIR last_put.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "last_put.c parses cleanly");
	sqlite3_stmt *q = db_prepare(db, "SELECT callee_name, last_put FROM site WHERE kind = 1 ORDER BY id");
	int n = 0, last = 0;
	while (db_step_row(db, q)) {
		const char *name = db_col_text(q, 0);
		bool last_put = sqlite3_column_int(q, 1) != 0;
		char what[96];
		snprintf(what, sizeof(what), "%s %s only after the last put", name,
			 name[0] == 'l' && name[1] == '_' ? "runs" : "does not run");
		expect(last_put == (name[0] == 'l' && name[1] == '_'), what);
		n++;
		last += last_put;
	}
	sqlite3_finalize(q);
	expect(n == 15, "15 calls extracted");
	expect(last == 6, "6 of them after a last put");
	db_close(db);
	rules_free(r);
	return expect_done("test_last_put");
}
