// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_returned.c - the facts extract records for check/ret_members.c and
 * the guards after a switch, and a member set from a parameter, on
 * returned.c, and what check/zeroed.c reads (func.member_writes,
 * site_arg.ret_only).  A call's result passed on is
 * no constant (before the fix its rows said 0, a NULL pointer, and the
 * callee's 'if (!b)' cut every path through it).
 *
 * usage: test_returned RULES_DIR returned.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"

#include <stdio.h>
#include <string.h>

static int count(struct lp_db *db, const char *sql)
{
	sqlite3_stmt *q = db_prepare(db, sql);
	int n = db_step_row(db, q) ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	return n;
}

/* The guard of each call, and why. */
static const struct { const char *callee, *want, *what; } guards[] = {
	{ "write_path", "arg#1&3=1,2",
	  "the call after the switch runs for cases 1 and 2 only" },
	{ "begin", "",
	  "the code after 'out:' runs for every value" },
	{ "resume_step", "alt:entry#0=1/arg#0=3",
	  "the code after a label a goto from outside its 'if' jumps to runs under the test, or the goto's" },
	{ "retry_step", "entry#0=1",
	  "... but is where only the branch's own code jumps to it" },
	{ "case_step", "alt:entry#0=1/entry#0=2",
	  "a case's code after a label another case jumps to runs for that case's values too" },
	{ "case_again", "entry#0=1",
	  "... but keeps its case's where only the case itself jumps back" },
	{ "refresh", "entry#0=2",
	  "the right side of '&&' runs under the left side's test" },
	{ "recheck", "entry#0!=2",
	  "... of '||' under its other branch" },
	{ "asm_step", "",
	  "past a label no goto names, in a function with an asm, no test holds" },
};

/* The guard of the call of CALLEE is WANT ("": none). */
static void guard_is(struct lp_db *db, const char *callee, const char *want, const char *what)
{
	char sql[160], got[256];
	snprintf(sql, sizeof(sql), "SELECT coalesce(s.guard, '') FROM site s WHERE s.callee_name = '%s'", callee);
	fixture_one_text(db, sql, got, sizeof(got));
	expect(!strcmp(got, want), what);
}

/* The members FUNC's call of CALLEE passes, 'field=value' sorted by field
 * ('?' unknown, '*' for a path that lost them), are WANT. */
static void members_passed(struct lp_db *db, const char *func, const char *callee, const char *want,
			   const char *what)
{
	char sql[512], got[256];
	snprintf(sql, sizeof(sql), "SELECT group_concat(a.field || '=' || coalesce(a.value, '?'), ',') FROM "
		 "(SELECT * FROM site_arg ORDER BY field) a JOIN site s ON s.id = a.site_id JOIN func f ON "
		 "f.id = s.func_id WHERE s.callee_name = '%s' AND f.name = '%s' AND a.field IS NOT NULL", callee, func);
	fixture_one_text(db, sql, got, sizeof(got));
	expect(!strcmp(got, want), what);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_returned RULES_DIR returned.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "returned.c parses cleanly");
	char got[256];

	fixture_one_text(db, "SELECT group_concat(r.field || ':' || r.param, ',') FROM (SELECT * FROM func_ret "
		 "ORDER BY field) r JOIN func f ON f.id = r.func_id WHERE f.name = 'buf_alloc' AND r.field IS NOT NULL",
		 got, sizeof(got));
	expect(!strcmp(got, "gfp_mask:1,len:0"),
	       "buf_alloc returns an object whose gfp_mask holds parameter 1 and len parameter 0");
	fixture_one_text(db, "SELECT s.callee_name FROM func_ret r JOIN func f ON f.id = r.func_id "
		 "JOIN site s ON s.id = r.site_id WHERE f.name = 'buf_start'", got, sizeof(got));
	expect(!strcmp(got, "buf_alloc"), "buf_start returns what its call of buf_alloc returned");
	expect(count(db, "SELECT count(*) FROM site_arg a JOIN site s ON s.id = a.site_id "
			 "JOIN site rs ON rs.id = a.ret_site WHERE s.callee_name = 'use_buf' AND a.n = 0 "
			 "AND rs.callee_name = 'buf_alloc' AND a.value IS NULL AND a.fwd IS NULL") == 1,
	       "use_buf(b) passes buf_alloc's result, and no constant");
	expect(count(db, "SELECT count(*) FROM site_arg a JOIN site s ON s.id = a.site_id "
			 "WHERE a.ret_site IS NOT NULL AND a.value IS NOT NULL") == 0,
	       "no call's result is recorded as a constant");
	fixture_one_text(db, "SELECT a.fwd || ':' || a.src_field FROM site_arg a JOIN site s ON s.id = a.site_id "
		 "WHERE s.callee_name = 'grow' AND a.n = 2", got, sizeof(got));
	expect(!strcmp(got, "0:gfp_mask"), "grow(.., b->gfp_mask) passes parameter 0's member gfp_mask");
	fixture_one_text(db, "SELECT group_concat(a.field || '=' || a.value, ',') FROM site_arg a JOIN site s ON s.id = a.site_id "
		 "WHERE s.callee_name = 'walk' AND a.field IS NOT NULL", got, sizeof(got));
	expect(strstr(got, "flags=4") != NULL, "walk(&it) passes the initialiser's .flags = 4");
	fixture_one_text(db, "SELECT group_concat(f.name || ':' || a.field || '<' || a.fwd || ':' || coalesce(a.value, '-'), ',') "
		 "FROM (SELECT * FROM site_arg ORDER BY site_id) a JOIN site s ON s.id = a.site_id "
		 "JOIN func f ON f.id = s.func_id WHERE s.callee_name = 'deliver' AND a.field IS NOT NULL",
		 got, sizeof(got));
	expect(!strcmp(got, "post_event:report<1:-,post_stored:report<1:-"),
	       "deliver(&item) and deliver(it) pass member report as the caller's parameter 1, not unknown");
	for (size_t i = 0; i < sizeof(guards) / sizeof(guards[0]); i++)
		guard_is(db, guards[i].callee, guards[i].want, guards[i].what);
	fixture_one_text(db, "SELECT annot FROM func WHERE name = 'verdict_walk'", got, sizeof(got));
	expect(strstr(got, "wif:arg#0=*@entry#0=4;wif:arg#0=*@arg#0=1/arg#0&255=3;") != NULL,
	       "verdict_walk's assignments run for a 4 as passed, and for a 1 or a jump from case 3");
	fixture_one_text(db, "SELECT annot FROM func WHERE name = 'verdict_warned'", got, sizeof(got));
	expect(strstr(got, "wif:arg#0=*@entry#0=1/arg#0&255=3;") != NULL,
	       "an asm does not jump to a label the function's gotos name");
	fixture_one_text(db, "SELECT annot FROM func WHERE name = 'verdict_bumped'", got, sizeof(got));
	expect(strstr(got, "writes:arg#0=*;") && !strstr(got, "wif:"), "'v += 1' leaves no 'wif:'");

	fixture_one_text(db, "SELECT member_writes FROM func WHERE name = 'node_fill'", got, sizeof(got));
	expect(!strcmp(got, "*,flags,ids,len,lk"), "node_fill writes flags (an update, an address taken), an "
	       "element of ids, len of another struct, lk through its address, and every member by '*n = *tmpl'");
	fixture_one_text(db, "SELECT group_concat(f.name || ':' || coalesce(a.ret_only, 0), ',') FROM "
		 "(SELECT * FROM site_arg ORDER BY site_id) a JOIN site s ON s.id = a.site_id "
		 "JOIN func f ON f.id = s.func_id WHERE s.callee_name = 'node_add' AND a.ret_site IS NOT NULL",
		 got, sizeof(got));
	expect(!strcmp(got, "node_new:1,node_reuse:0"),
	       "node_new's local held only NULL and kzalloc's object; node_reuse's held its parameter too");

	fixture_one_text(db, "SELECT group_concat(a.field || '=' || CASE WHEN a.value IS NULL THEN '?' "
		 "WHEN (a.value >> 61) & 1 THEN 'global' ELSE a.value END, ',') FROM (SELECT * FROM site_arg "
		 "ORDER BY field) a JOIN site s ON s.id = a.site_id JOIN func f ON f.id = s.func_id "
		 "WHERE s.callee_name = 'rd_print' AND f.name = 'rd_dump' AND a.field IS NOT NULL", got, sizeof(got));
	expect(!strcmp(got, "buf=global,mode=?,size=16"), "rd_init(&it) leaves buf a global's address and size "
	       "16 for rd_print(&it), and mode, set on one path, unknown");
	members_passed(db, "rd_dump_moved", "rd_print", "size=4",
		       "a helper that moves its parameter first sets nothing of the caller's");

	fixture_one_text(db, "SELECT group_concat(f.name || ':' || coalesce(a.cond, '-') || ':' || coalesce(a.value, '-'), "
		 "',') FROM (SELECT * FROM site_arg ORDER BY site_id) a JOIN site s ON s.id = a.site_id "
		 "JOIN func f ON f.id = s.func_id WHERE s.callee_name = 'ctx_alloc' AND a.n = 1", got, sizeof(got));
	expect(!strcmp(got, "open_ctx_mask:32:1024@23,0:-,open_ctx_direct:32:1024@7,0:-"),
	       "a mask chosen by a context test is GFP_ATOMIC's value where the test holds (a local set so, "
	       "with no irq change before the call, too; not one set before the interrupts go off)");

	fixture_one_text(db, "SELECT annot FROM func WHERE name = 'gfp_scoped'", got, sizeof(got));
	expect(!strcmp(got, "writes:arg#0=&4294967103|0;"),
	       "'gfp = scope_mask(gfp)' only masks gfp: the callee returns it with bits cleared");
	fixture_one_text(db, "SELECT annot FROM func WHERE name = 'gfp_replaced'", got, sizeof(got));
	expect(!strcmp(got, "writes:arg#0=*;"), "'gfp = scope_other(gfp, other)' may return another value");

	members_passed(db, "many_fill", "use_many", "a=1,b=1,c=1,d=1,e=1,f=1,g=1,h=1,i=1,j=1,k=1,x=1",
		       "a helper's stores take free slots only: the caller's eleven members and the helper's first "
		       "are passed, none lost");

	db_close(db);
	rules_free(r);
	return expect_done("returned");
}
