// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_slot_tables.c - the facts extract records for check/slot_tables.c
 * on slot_tables.c: each struct pointer stored into an array slot, with
 * its index and value, and the slot each call through a table's member
 * reads.  A NULL stored, an array of tables (not of pointers) and an
 * array reached through a pointer are no slots.
 *
 * usage: test_slot_tables RULES_DIR slot_tables.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_slot_tables RULES_DIR slot_tables.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "slot_tables.c parses cleanly");
	char got[512];

	fixture_one_text(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || s.slot || '[' || s.idx || ']=' || "
		 "coalesce(s.value, '?') AS x FROM slot_store s JOIN func f ON f.id = s.func_id ORDER BY x)",
		 got, sizeof(got));
	expect(!strcmp(got, "register_fixed:core.ops[2]=*core.other register_fixed:core.ops[3]=tests/unit/slot_tables.c:x_ops "
			    "register_reps:core.ops[arg#2]=arg#1"),
	       "the stores into core.ops: a parameter's table at a parameter's index, a global table at "
	       "a constant index, a table read from a member (no global: check leaves the slot unexplained); no NULL, no store through a "
	       "pointer");
	if (strcmp(got, "register_fixed:core.ops[2]=*core.other register_fixed:core.ops[3]=tests/unit/slot_tables.c:x_ops "
			"register_reps:core.ops[arg#2]=arg#1"))
		fprintf(stderr, "  got '%s'\n", got);
	fixture_one_text(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || s.ind_slot AS x FROM site s "
		 "JOIN func f ON f.id = s.func_id WHERE s.ind_slot IS NOT NULL ORDER BY x)", got, sizeof(got));
	expect(!strcmp(got, "load_first:core.ops[1] load_rep:core.ops[arg#2]"),
	       "the calls through a slot's table name the slot and its index; an array of tables and a "
	       "pointer's element are none");
	if (strcmp(got, "load_first:core.ops[1] load_rep:core.ops[arg#2]"))
		fprintf(stderr, "  got '%s'\n", got);

	db_close(db);
	rules_free(r);
	return expect_done("slot_tables");
}
