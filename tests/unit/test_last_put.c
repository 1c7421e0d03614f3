// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_last_put.c - extract's site.last_put on last_put.c: every call whose
 * callee is named l_* runs only where a reference count hit zero (under
 * 'if (refcount_dec_and_test(..))', its '&&' form, the else of the negated
 * test, after 'if (!atomic_dec_and_test(..)) return;'), every o_* call and
 * the puts themselves do not.  The engine counts a finding whose path goes
 * through such a call apart (docs/rules.md, "How sure a path is").  Each
 * such call and each put names the count, 'arg#0.ref', when it is the
 * parameter's (site.last_put_obj, site.ref_obj: check/kept_puts.c), and a
 * call made again with the same variable on every path after it is
 * marked (site.again_arg).
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
	sqlite3_stmt *q = db_prepare(db, "SELECT s.callee_name, s.last_put, s.last_put_obj, s.ref_obj, f.name "
				     "FROM site s JOIN func f ON f.id = s.func_id WHERE s.kind = 1 ORDER BY s.id");
	int n = 0, last = 0, refs = 0;
	while (db_step_row(db, q)) {
		const char *name = db_col_text(q, 0);
		bool last_put = sqlite3_column_int(q, 1) != 0;
		bool local = !strcmp(db_col_text(q, 4), "put_local");
		const char *want = !strcmp(db_col_text(q, 4), "put_nested") ? "arg#0.c.ref" : "arg#0.ref";
		const char *obj = sqlite3_column_type(q, 2) == SQLITE_NULL ? NULL : db_col_text(q, 2);
		const char *ref = sqlite3_column_type(q, 3) == SQLITE_NULL ? NULL : db_col_text(q, 3);
		bool is_put = strstr(name, "dec_and_test") || !strcmp(name, "kref_put");
		char what[128];
		snprintf(what, sizeof(what), "%s %s only after the last put", name,
			 name[0] == 'l' && name[1] == '_' ? "runs" : "does not run");
		expect(last_put == (name[0] == 'l' && name[1] == '_'), what);
		snprintf(what, sizeof(what), "%s in %s: the last put's count is %s", name, db_col_text(q, 4),
			 last_put && !local ? want : "none");
		expect(last_put && !local ? obj && !strcmp(obj, want) : !obj, what);
		snprintf(what, sizeof(what), "%s in %s drops %s", name, db_col_text(q, 4),
			 is_put && !local ? want : "no parameter's count");
		expect(is_put && !local ? ref && !strcmp(ref, want) : !ref, what);
		n++;
		last += last_put;
		refs += ref != NULL;
	}
	sqlite3_finalize(q);
	expect(n == 26, "26 calls extracted");
	expect(last == 8, "8 of them after a last put");
	expect(refs == 6, "6 puts of the parameter's count");
	q = db_prepare(db, "SELECT f.name, s.line, s.again_arg FROM site s JOIN func f ON f.id = s.func_id "
		       "WHERE s.again_arg IS NOT NULL");
	n = 0;
	while (db_step_row(db, q)) {
		char what[96];
		snprintf(what, sizeof(what), "%s:%d made again with argument %d", db_col_text(q, 0),
			 sqlite3_column_int(q, 1), sqlite3_column_int(q, 2));
		expect(!strcmp(db_col_text(q, 0), "put_again_later") && sqlite3_column_int(q, 2) == 0, what);
		n++;
	}
	sqlite3_finalize(q);
	expect(n == 1, "one call made again on every path (put_again_later's first o_put)");
	db_close(db);
	rules_free(r);
	return expect_done("test_last_put");
}
