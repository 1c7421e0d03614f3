/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fixture.h - the setup of the unit tests that run the phases in-process on
 * one C file (test_lockkeys, test_lockdep, test_engine, test_chains): load
 * the rules, make a fresh database and extract the file into it, as
 * 'lockpath extract' would from a one-entry compile database.  What each
 * test then links, checks and compares is its own.  A setup that cannot
 * run (rules that do not load, a database that does not open) exits 2,
 * which ctest reports as a failure, with the reason on stderr.
 */
#ifndef LP_TEST_FIXTURE_H
#define LP_TEST_FIXTURE_H

#include "db/db.h"
#include "rules/rules.h"

/* The rules of directory DIR (the source tree's rules/).  Caller frees
 * (rules_free). */
struct lp_rules *fixture_rules(const char *dir);

/*
 * A fresh database at DB_PATH (an old file there is removed) with SRC
 * extracted by 'clang-19 -std=gnu11 [FLAG] -c SRC' run in SRC's directory
 * (FLAG may be NULL).  *CLEAN says whether it parsed without errors.
 * Caller closes (db_close).
 */
struct lp_db *fixture_extract(const struct lp_rules *r, const char *db_path, const char *src,
			      const char *flag, bool *clean);

/* The text of the first row and column SQL gives on DB, into OUT (N
 * bytes); "" when it has no row or the value is NULL. */
void fixture_one_text(struct lp_db *db, const char *sql, char *out, size_t n);

/* Whether that text is WANT; when not, says on stderr what it was. */
bool fixture_text_is(struct lp_db *db, const char *sql, const char *want);

#endif
