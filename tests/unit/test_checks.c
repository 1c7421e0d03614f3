// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_checks.c - the check registry (check/check_list.h through
 * check/checks.h) and the database's column names (db/columns.h): every
 * check has its own file, a unique rule name that check_find() maps back,
 * the wording every report needs; a rule this version does not know gets
 * the neutral entry; context names round-trip.  In memory, no database.
 *
 * usage: test_checks ANALYZER_DIR
 */
#include "check/checks.h"
#include "db/columns.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)
#define EXPECT(cond, ...) do { if (!(cond)) FAIL(__VA_ARGS__); } while (0)

/* One file per check: ANALYZER_DIR/check/check_<fn>.c. */
static void test_files(const char *dir)
{
	for (int i = 0; i < CHECK_COUNT; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof(path), "%s/check/check_%s.c", dir, checks[i].fn);
		EXPECT(access(path, R_OK) == 0, "check %s: no file %s", checks[i].fn, path);
	}
}

static void test_entries(void)
{
	for (int i = 0; i < CHECK_COUNT; i++) {
		const struct check_info *c = &checks[i];
		EXPECT(c->name && *c->name && strspn(c->name, "abcdefghijklmnopqrstuvwxyz-") == strlen(c->name),
		       "check %s: rule name '%s' is not lower-case words joined by '-'", c->fn, c->name);
		EXPECT(c->summary && *c->summary, "check %s: no summary", c->fn);
		EXPECT(c->lockdep && *c->lockdep, "check %s: no lockdep title", c->fn);
		EXPECT(c->offence != CK_CONTEXT || (c->verb && *c->verb), "check %s: a CK_CONTEXT rule says "
		       "what its last hop does (.verb)", c->fn);
		for (const char *s = c->lockdep_detail ? c->lockdep_detail : ""; *s; s++)
			EXPECT(*s != '<' && *s != '&', "check %s: lockdep_detail goes into HTML as is", c->fn);
		EXPECT(check_find(c->name) == i, "check_find(%s) = %d, want %d", c->name, check_find(c->name), i);
		EXPECT(check_get(i) == c, "check_get(%d) is not checks[%d]", i, i);
		for (int j = 0; j < i; j++) {
			EXPECT(strcmp(checks[j].name, c->name), "rule name %s twice", c->name);
			EXPECT(checks[j].line_rank != c->line_rank, "%s and %s share line_rank %d", checks[j].name,
			       c->name, c->line_rank);
		}
	}
}

/* What the reports relied on before the table: the 2.x output must not move. */
static void test_known_rules(void)
{
	static const struct { const char *name; int id, rank; enum check_offence off; enum check_paths paths; } want[] = {
		{ "recursive-lock", CHECK_ID_recursive_lock, 0, CK_ACQUIRES, CK_ONE_PATH },
		{ "sleep-in-atomic", CHECK_ID_sleep_in_atomic, 1, CK_CONTEXT, CK_ONE_PATH },
		{ "irq-inversion", CHECK_ID_irq_inversion, 2, CK_ACQUIRES, CK_HARDIRQ_USE },
		{ "lock-order", CHECK_ID_lock_order, 3, CK_ACQUIRES, CK_OTHER_ORDER },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct check_info *c = check_get(check_find(want[i].name));
		EXPECT(check_find(want[i].name) == want[i].id, "%s: id %d", want[i].name, check_find(want[i].name));
		EXPECT(c->line_rank == want[i].rank, "%s: line_rank %d, want %d", want[i].name, c->line_rank, want[i].rank);
		EXPECT(c->offence == want[i].off, "%s: offence %d", want[i].name, c->offence);
		EXPECT(c->paths == want[i].paths, "%s: paths %d", want[i].name, c->paths);
	}
	/* SARIF's ruleIndex is the id: the rules array keeps check_list.h's order */
	EXPECT(CHECK_ID_recursive_lock == 0 && CHECK_ID_sleep_in_atomic == 1 && CHECK_ID_lock_order == 2 &&
	       CHECK_ID_irq_inversion == 3, "check_list.h order changed: SARIF ruleIndex values move");
}

static void test_unknown(void)
{
	EXPECT(check_find("no-such-rule") == -1, "check_find(no-such-rule) != -1");
	EXPECT(check_find("") == -1, "check_find('') != -1");
	EXPECT(check_find(NULL) == -1, "check_find(NULL) != -1");
	EXPECT(check_find("recursive-lock ") == -1, "check_find matches a prefix");
	const struct check_info *u = check_get(-1);
	EXPECT(u && u->name && !*u->name && u->summary && !*u->summary, "unknown: name and summary not ''");
	EXPECT(!u->lockdep && !u->lockdep_detail && !u->lockdep_hint, "unknown: has lockdep wording");
	EXPECT(u->offence == CK_ACQUIRES && u->paths == CK_ONE_PATH && u->transfer == CK_TRANSFER_NEVER,
	       "unknown: not the neutral entry");
	EXPECT(u->line_rank == INT_MAX, "unknown: not ranked after every known rule");
	EXPECT(check_get(CHECK_COUNT) == u, "check_get(CHECK_COUNT) is not the unknown entry");
}

static void test_columns(void)
{
	for (int c = CTX_PROCESS; c <= CTX_HARDIRQ; c++)
		EXPECT(context_from_name(context_name(c)) == (enum lp_context)c, "context %d does not round-trip", c);
	EXPECT(!strcmp(context_name(CTX_HARDIRQ), "hardirq") && !strcmp(context_name(CTX_SOFTIRQ), "softirq") &&
	       !strcmp(context_name(CTX_PROCESS), "process"), "context names changed (stored in finding.context)");
	EXPECT(context_from_name("bogus") == CTX_PROCESS, "an unknown context is not process");
	/* stored numbers: never renumber */
	EXPECT(SITE_CALL == 1 && SITE_ACQUIRE == 2 && SITE_RELEASE == 3 && SITE_TRYLOCK == 4 && SITE_ASSERT == 5,
	       "site.kind renumbered");
	EXPECT(IRQ_NONE == 0 && IRQ_SAVE == 1 && IRQ_BH_ON == 6, "site.irq renumbered");
	EXPECT(IRQS_AS_AT_ENTRY == 0 && IRQS_OFF == 1 && IRQS_ON == -1, "site.irqs_off renumbered");
	EXPECT(LT_SPIN == 0 && LT_RWLOCK == 1 && LT_MUTEX == 2 && LT_SEM == 4, "site.ltype renumbered");
	EXPECT(TU_CLEAN == 0 && TU_ERRORS == 1 && TU_FAILED == 2, "tu.status renumbered");
	EXPECT(DIAG_LIMIT == 2 && DIAG_ERROR == 3 && DIAG_FATAL == 4, "tu_diag.severity renumbered");
	EXPECT(db_ncallback_keys == 2 && !strcmp(db_callback_keys[0], "virtio_driver.config_changed"),
	       "callback keys changed");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_checks ANALYZER_DIR\n");
		return 2;
	}
	test_files(argv[1]);
	test_entries();
	test_known_rules();
	test_unknown();
	test_columns();
	if (failures)
		fprintf(stderr, "test_checks: %d failure%s\n", failures, failures == 1 ? "" : "s");
	return failures ? 1 : 0;
}
