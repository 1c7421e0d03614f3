// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_lockkeys.c - lock-key normalisation and the alias union, checked
 * against the expectations written in lockkeys.c (see its head comment).
 * Runs extract on that one file into a fresh database, then link, then
 * compares: a lock operation without an expectation, an expectation without
 * its operation, a wrong key, or a wrong class relation fails.
 *
 * usage: test_lockkeys RULES_DIR lockkeys.c WORK_DB
 */
#include "fixture.h"
#include "link/link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

struct expect { int line; char key[128]; bool seen; };

static int load_expectations(const char *path, struct expect *ex, int max, FILE **src)
{
	*src = fopen(path, "r");
	if (!*src) {
		perror(path);
		exit(2);
	}
	char buf[512];
	int n = 0;
	for (int line = 1; fgets(buf, sizeof(buf), *src); line++) {
		char *k = strstr(buf, "/* key: ");
		if (k && n < max && sscanf(k, "/* key: %127s */", ex[n].key) == 1)
			ex[n++].line = line;
	}
	return n;
}

static void check_keys(struct lp_db *db, struct expect *ex, int n)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT s.line, s.lock_key, s.callee_name FROM site s "
				     "JOIN func f ON f.id = s.func_id WHERE s.kind IN (?,?,?) AND f.tu_id IS NOT NULL");
	db_bind_int(q, 1, SITE_ACQUIRE);
	db_bind_int(q, 2, SITE_RELEASE);
	db_bind_int(q, 3, SITE_TRYLOCK);
	while (db_step_row(db, q)) {
		int line = sqlite3_column_int(q, 0);
		const char *key = db_col_text(q, 1);
		int i = 0;
		while (i < n && ex[i].line != line)
			i++;
		if (i == n)
			FAIL("lockkeys.c:%d: unexpected lock operation %s on '%s'", line, db_col_text(q, 2), key);
		else if (strcmp(ex[i].key, key))
			FAIL("lockkeys.c:%d: key '%s', expected '%s'", line, key, ex[i].key);
		else
			ex[i].seen = true;
	}
	sqlite3_finalize(q);
	for (int i = 0; i < n; i++)
		if (!ex[i].seen)
			FAIL("lockkeys.c:%d: no lock operation with key '%s'", ex[i].line, ex[i].key);
}

static int class_of(struct lp_db *db, const char *key)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT class_id FROM lock_class WHERE key = ?");
	db_bind_text(q, 1, key);
	int c = db_step_row(db, q) ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	return c;
}

static int check_classes(struct lp_db *db, FILE *src)
{
	char buf[512], a[128], b[128];
	int n = 0;
	rewind(src);
	for (int line = 1; fgets(buf, sizeof(buf), src); line++) {
		char *s = strstr(buf, "/* same-class: "), *o = strstr(buf, "/* other-class: ");
		if (!s && !o)
			continue;
		if (sscanf(s ? s : o, s ? "/* same-class: %127s %127s */" : "/* other-class: %127s %127s */", a, b) != 2)
			continue;
		n++;
		int ca = class_of(db, a), cb = class_of(db, b);
		if (ca < 0 || cb < 0)
			FAIL("lockkeys.c:%d: '%s' is not a known lock key", line, ca < 0 ? a : b);
		else if (s && ca != cb)
			FAIL("lockkeys.c:%d: '%s' and '%s' should be one class", line, a, b);
		else if (o && ca == cb)
			FAIL("lockkeys.c:%d: '%s' and '%s' should be different classes", line, a, b);
	}
	return n;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: test_lockkeys RULES_DIR lockkeys.c WORK_DB\n");
		return 2;
	}
	struct lp_rules *r = fixture_rules(argv[1]);
	bool clean;
	struct lp_db *db = fixture_extract(r, argv[3], argv[2], NULL, &clean);
	if (!clean)
		FAIL("lockkeys.c does not parse cleanly");
	struct link_stats ls;
	struct link_opts lo = {0};
	if (link_run(db, &lo, &ls))
		FAIL("link: %s", db_error(db));

	struct expect ex[64];
	FILE *src;
	int n = load_expectations(argv[2], ex, 64, &src);
	check_keys(db, ex, n);
	int nc = check_classes(db, src);
	fclose(src);
	printf("test_lockkeys: %d key expectations, %d class expectations, %d failures\n", n, nc, failures);

	db_close(db);
	rules_free(r);
	return failures ? 1 : 0;
}
