// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_aliases.c - the union-find with proofs, on aliases.c (see its head
 * comment): link's lock classes (transitive joins, the class named by its
 * best key, parameters never joined, an unassigned lock alone) and the
 * alias proof check keeps with the recursive-lock (the shortest chain of
 * assignments, in order from the acquired key to the held one).
 *
 * usage: test_aliases RULES_DIR aliases.c WORK_DB
 */
#include "fixture.h"
#include "expect.h"
#include "link/link.h"
#include "check/engine.h"

#include <string.h>

static int class_of(struct lp_db *db, const char *key, char *name, size_t len)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT class_id, name FROM lock_class WHERE key = ?");
	db_bind_text(q, 1, key);
	int c = -1;
	if (db_step_row(db, q)) {
		c = sqlite3_column_int(q, 0);
		snprintf(name, len, "%s", db_col_text(q, 1));
	}
	sqlite3_finalize(q);
	return c;
}

static void expect_class(struct lp_db *db, const char *key, int cls, const char *want_name)
{
	char name[128] = "", what[256];
	int c = class_of(db, key, name, sizeof(name));
	snprintf(what, sizeof(what), "'%s' is in class %d named '%s', expected the class named '%s'", key, c,
		 name, want_name);
	expect(c == cls && !strcmp(name, want_name), what);
}

/* The recursive-lock's proof: its assignments' texts, in order, joined by '|'. */
static void proof_of(struct lp_db *db, char *out, size_t len)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT group_concat(text, '|') FROM (SELECT l.text FROM finding f "
				     "JOIN finding_alias a ON a.finding_id = f.id JOIN lockalias l ON l.id = a.alias_id "
				     "WHERE f.rule = 'recursive-lock' ORDER BY a.seq)");
	snprintf(out, len, "%s", db_step_row(db, q) ? db_col_text(q, 0) : "");
	sqlite3_finalize(q);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_aliases RULES_DIR aliases.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	expect(clean, "aliases.c parses cleanly");
	struct link_opts lo = {0};
	struct link_stats ls;
	expect(link_run(db, &lo, &ls) == 0, "link returns 0");

	char name[128];
	int one = class_of(db, "obj.lock", name, sizeof(name));
	expect(one > 0, "obj.lock has a class");
	/* transitive: four keys, one class, named by the object (rank: an
	 * object over a pointer) */
	expect_class(db, "*ccw_device.ccwlock", one, "obj.lock");
	expect_class(db, "*port.plock", one, "obj.lock");
	expect_class(db, "*subchannel.lock", one, "obj.lock");
	expect_class(db, "*hop1.l1", one, "obj.lock");
	expect_class(db, "*hop2.l2", one, "obj.lock");
	/* a lock nobody assigns is a class of its own, named by itself */
	int lonely = class_of(db, "lonely.lock", name, sizeof(name));
	expect(lonely > 0 && lonely != one && !strcmp(name, "lonely.lock"), "lonely.lock is a class of its own");
	/* a parameter is a different lock in every call: never in a class */
	expect(class_of(db, "arg#0", name, sizeof(name)) < 0, "arg#0 is in no class");
	/* 6 assignments, of which 5 join two classes and 1 (detour_3) closes a cycle */
	char what[128];
	snprintf(what, sizeof(what), "link joined %zu aliases, expected 5", ls.aliases);
	expect(ls.aliases == 5, what);

	struct check_opts co = {0};
	struct check_stats st;
	expect(check_run(db, r, &co, &st) == 0, "check returns 0");
	char proof[512];
	proof_of(db, proof, sizeof(proof));
	char want[] = "cdev->ccwlock = p->plock|p->plock = sch->lock";
	char msg[800];
	snprintf(msg, sizeof(msg), "the recursive-lock's proof is '%s', expected '%s'", proof, want);
	expect(!strcmp(proof, want), msg);

	db_close(db);
	rules_free(r);
	return expect_done("test_aliases");
}
