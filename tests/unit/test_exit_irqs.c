// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_exit_irqs.c - extract's func.exit_irqs on exit_irqs.c (off_* leave
 * interrupts off, on_* on, restore_* restore the caller's saved flags,
 * none_* nothing), and site.irqs_off 2 for a call after a function's own
 * save and restore (check/callee_effects.c applies a callee's effect only
 * where the caller had not touched the interrupt state itself), 3 where
 * its paths disagree: after a branch, and in a loop whose later
 * iterations start with the interrupts the body left off.  A 'for' without
 * a condition is left only by its body (off_*forever*), one with a
 * condition also at its entry, as is one whose header a macro writes with a
 * part left out (not read).
 *
 * usage: test_exit_irqs RULES_DIR exit_irqs.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

static int expected_exit(const char *name)
{
	if (!strncmp(name, "off_", 4))
		return EXIT_IRQS_OFF;
	if (!strncmp(name, "on_", 3))
		return EXIT_IRQS_ON;
	return !strncmp(name, "restore_", 8) ? EXIT_IRQS_RESTORE : EXIT_IRQS_NONE;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_exit_irqs RULES_DIR exit_irqs.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "exit_irqs.c parses cleanly");
	sqlite3_stmt *q = db_prepare(db, "SELECT name, exit_irqs FROM func WHERE name NOT LIKE 'arch_%' "
				     "AND name NOT IN ('work', 'ready') ORDER BY id");
	int n = 0;
	while (db_step_row(db, q)) {
		const char *name = db_col_text(q, 0);
		char what[96];
		snprintf(what, sizeof(what), "%s leaves exit_irqs %d", name, expected_exit(name));
		expect(sqlite3_column_int(q, 1) == expected_exit(name), what);
		n++;
	}
	sqlite3_finalize(q);
	expect(n == 13, "13 functions extracted");
	q = db_prepare(db, "SELECT group_concat(irqs_off, ',') FROM (SELECT s.irqs_off FROM site s JOIN func f "
		       "ON f.id = s.func_id WHERE f.name = 'none_balanced' AND s.callee_name = 'work' ORDER BY s.id)");
	expect(db_step_row(db, q) && !strcmp(db_col_text(q, 0), "1,2"),
	       "none_balanced's calls: interrupts off, then restored (site.irqs_off 1, 2)");
	sqlite3_finalize(q);
	q = db_prepare(db, "SELECT f.name, s.irqs_off FROM site s JOIN func f ON f.id = s.func_id "
		       "WHERE f.name IN ('none_one_path', 'none_loop') AND s.callee_name = 'work'");
	n = 0;
	while (db_step_row(db, q)) {
		char what[96];
		snprintf(what, sizeof(what), "%s's call: interrupts off or as at entry (3)", db_col_text(q, 0));
		expect(sqlite3_column_int(q, 1) == IRQS_OFF_OR_ENTRY, what);
		n++;
	}
	expect(n == 2, "2 such calls");
	sqlite3_finalize(q);
	db_close(db);
	rules_free(r);
	return expect_done("test_exit_irqs");
}
