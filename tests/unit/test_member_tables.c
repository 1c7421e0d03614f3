// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_member_tables.c - the facts extract records for check/embedded.c's
 * tables read from a member, on member_tables.c: each ops-table pointer
 * stored into a member, with the object and the table (a global, or not
 * known; a local's designated initialiser too), and the member and object each call through a table's member
 * reads it from.  A NULL stored and a pointer to a struct with no function
 * pointer are no stores; a call through a local holding the table is none.
 * And for check/ctor_tables.c: a call's result stored into a member
 * (result_store), and the object a constructor returns (func_ret.obj_key).
 *
 * usage: test_member_tables RULES_DIR member_tables.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_member_tables RULES_DIR member_tables.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "member_tables.c parses cleanly");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || t.member || '@' || "
		    "coalesce(t.obj_key, '-') || '=' || coalesce(t.value, '?') AS x FROM table_store t "
		    "JOIN func f ON f.id = t.func_id ORDER BY x)",
		    "card_init:dev.bus@card.dev=tests/unit/member_tables.c:x_bus dev_make:dev.bus@*local:dev_make:made=? "
		    "dev_set_bus:dev.bus@arg#0=? "
		    "rm_with:rm_param.bus@local:rm_with:p=tests/unit/member_tables.c:x_bus"),
		    "the stores into dev.bus: a global table through the container, a parameter's table "
		    "through a parameter; no NULL, no pointer to a struct without function pointers");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || s.ind_key || '<-' || "
		    "s.ind_table || '@' || s.ind_table_obj AS x FROM site s JOIN func f ON f.id = s.func_id "
		    "WHERE s.ind_table IS NOT NULL ORDER BY x)",
		    "card_probe:bus_ops.probe<-dev.bus@card.dev dev_remove:bus_ops.remove<-dev.bus@arg#0 "
		    "rm_with:bus_ops.remove<-rm_param.bus@local:rm_with:p"),
		    "the calls through a member's table name the member and its object; a call through a "
		    "local holding the table names none");
	expect(fixture_text_is(db, "SELECT group_concat(x, ' ') FROM (SELECT f.name || ':' || r.member || '=' || "
		    "coalesce(s.callee_name, '?') AS x FROM result_store r JOIN func f ON f.id = r.func_id "
		    "LEFT JOIN site s ON s.id = r.site_id ORDER BY x)",
		    "owner_init:owner.direct=dev_make owner_init:owner.h=handle_get owner_init:owner.main=dev_make "
		    "owner_init:owner.spare=?"),
		    "the stores of pointers to structs with a table (or unseen) into members: a call's result "
		    "through a local or straight, or something else; no NULL, no other struct");
	expect(fixture_text_is(db, "SELECT s.callee_name || '@' || r.obj_key FROM func_ret r JOIN func f ON f.id = r.func_id "
		    "JOIN site s ON s.id = r.site_id WHERE f.name = 'dev_make'", "kzalloc@*local:dev_make:made"),
		    "dev_make returns kzalloc's object, named as its table store names it");
	db_close(db);
	rules_free(r);
	return expect_done("member_tables");
}
