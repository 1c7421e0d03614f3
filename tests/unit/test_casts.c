// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_casts.c - the facts extract records for check/downcasts.c, on
 * casts.c: a parameter cast to another struct on every call of its
 * function, with the chain of structs that start at that struct's address
 * (not in a branch, after an early return, of an assigned parameter, from
 * 'void *', to the same struct; no chain through a union of structs or an
 * unnamed struct leading to one; a container_of() of a first member is a
 * cast, of a member further in is not); and a call through a member whose object
 * is one of its arguments and the first member of a named struct.
 *
 * usage: test_casts RULES_DIR casts.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_casts RULES_DIR casts.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "casts.c parses cleanly");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT name || ':' || param_casts AS x FROM func "
		    "WHERE param_casts IS NOT NULL ORDER BY x)",
		    "conn_of:0=conn>inet>sock>common ready_conn:0=conn>inet>sock>common "
		    "ready_container:0=conn>inet>sock>common second:1=pkt>sock>common"),
		    "casts on every call of a parameter to another named struct, with its chain; none in a "
		    "branch, after a return, of an assigned parameter, from void *, to the same struct (also "
		    "only dropping a const), or to a struct a union of structs or an unnamed struct starts; "
		    "a container_of() of a first member, not of a member further in or of a local");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || s.ind_head AS x FROM site s "
		    "JOIN func f ON f.id = s.func_id WHERE s.ind_head IS NOT NULL ORDER BY x)",
		    "call_direct:0=pkt>sock>common call_first:0=pkt>sock>common"),
		    "a call's object passed to it and first in a named struct, through a local set once or "
		    "written out; not a member further in, not an object it does not pass, not a local "
		    "with two values");
	db_close(db);
	rules_free(r);
	return expect_done("casts");
}
