// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_predicates.c - extract's context guards from predicate calls, on
 * predicates.c: the guard of each call there is named by its callee's
 * prefix (irq_: 'ctx!=' the hardirq and softirq states; any_: no guard),
 * first (a condition's parameter tests may follow it).  The summary
 * behind it is walk.c's ret_zero.  never_stub(), under a static function
 * that returns one constant, is cut off (const_calls.c).
 * And the lock state at a label only an 'asm goto' reaches.
 *
 * usage: test_predicates RULES_DIR predicates.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

static const char *expected_guard(const char *callee)
{
	if (!strncmp(callee, "irq_", 4))
		return "ctx!=hardirq,softirq,softirq+irqs-off";
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_predicates RULES_DIR predicates.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "predicates.c parses cleanly");
	sqlite3_stmt *q = db_prepare(db, "SELECT s.callee_name, s.guard FROM site s JOIN func f ON f.id = s.func_id "
				     "WHERE s.kind = 1 AND f.name = 'callers' AND s.callee_name NOT IN "
				     "('task_only', 'later_pred', 'is_task', 'stub_off', 'key_enabled', 'flag_of', "
				     "'extern_pred', 'deep', 'jump', 'mode_stub') ORDER BY s.id");
	int n = 0;
	while (db_step_row(db, q)) {
		const char *name = db_col_text(q, 0), *guard = db_col_text(q, 1);
		const char *want = expected_guard(name);
		char what[160];
		snprintf(what, sizeof(what), "%s's guard is %s (got %s)", name, want ? want : "none",
			 guard ? guard : "none");
		size_t len = want ? strlen(want) : 0;
		expect(want ? guard && !strncmp(guard, want, len) && (!guard[len] || guard[len] == ';')
			    : !guard || strncmp(guard, "ctx", 3), what);
		n++;
	}
	sqlite3_finalize(q);
	expect(n == 10, "10 guarded calls extracted");
	/* stub_off() and mode_stub() return one constant: a test of it is cut
	 * off like 'if (0)' (extract/const_calls.c), so never_stub() and the
	 * cut_*() calls are no sites at all */
	q = db_prepare(db, "SELECT count(*) FROM site WHERE callee_name = 'never_stub' OR callee_name LIKE 'cut_%'");
	expect(db_step_row(db, q) && sqlite3_column_int(q, 0) == 0,
	       "never_stub() and cut_*(), under a stub's false tests, are cut off");
	sqlite3_finalize(q);
	q = db_prepare(db, "SELECT count(*) FROM site s JOIN site_lock l ON l.site_id = s.id "
			   "WHERE s.callee_name = 'fault_sleep' AND l.held = 1 AND l.lock_key LIKE '%lock'");
	expect(db_step_row(db, q) && sqlite3_column_int(q, 0) == 1,
	       "fault_sleep(), after a label only the asm jumps to, runs with s->lock held");
	sqlite3_finalize(q);
	db_close(db);
	rules_free(r);
	return expect_done("test_predicates");
}
