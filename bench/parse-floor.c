// SPDX-License-Identifier: GPL-2.0-only
/*
 * parse-floor.c - the floor of any libclang tool on a compile database: parse
 * every TU in-process with exactly lockpath's command translation and parse
 * options (extract_parse_tu), N threads with one CXIndex each, and do nothing
 * else (no AST walk, no database).  bench/kernel.sh compares lockpath's
 * extract + link + check with this, in the same run.
 *
 *   parse-floor [-j N] [--rules DIR] [--times FILE] COMPILE_COMMANDS.json
 *
 * Prints one line: TUs, failed parses, error diagnostics, wall seconds.
 * --times writes one line per TU, 'FILE<TAB>wall ms<TAB>CPU ms' of its
 * parse, in the order they finished: lockpath records the same per TU
 * (tu.parse_ms, tu.parse_cpu_ms), so the two runs compare TU by TU.
 */
#include "extract/compdb.h"
#include "extract/extract.h"
#include "lib/util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct floor_work {
	const struct compdb *cdb;
	const struct lp_rules *rules;
	pthread_mutex_t lock;
	size_t next, failed, errors;
	double parse_cpu_ms;   /* summed over the threads: lockpath's extract line has its own */
	FILE *times;           /* --times, or NULL */
};

static void *floor_worker(void *arg)
{
	struct floor_work *w = arg;
	CXIndex index = clang_createIndex(0, 0);
	for (;;) {
		pthread_mutex_lock(&w->lock);
		size_t i = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (i >= w->cdb->n)
			break;
		CXTranslationUnit tu;
		double t0 = now_ms(), c0 = thread_cpu_ms();
		enum CXErrorCode err = extract_parse_tu(index, &w->cdb->cmds[i], w->rules, &tu);
		double cpu = thread_cpu_ms() - c0, wall = now_ms() - t0;
		size_t errors = 0;
		if (err == CXError_Success && tu) {
			for (unsigned d = 0, n = clang_getNumDiagnostics(tu); d < n; d++) {
				CXDiagnostic dg = clang_getDiagnostic(tu, d);
				errors += clang_getDiagnosticSeverity(dg) >= CXDiagnostic_Error;
				clang_disposeDiagnostic(dg);
			}
			clang_disposeTranslationUnit(tu);
		}
		pthread_mutex_lock(&w->lock);
		w->failed += err != CXError_Success || !tu;
		w->errors += errors;
		w->parse_cpu_ms += cpu;
		if (w->times)
			fprintf(w->times, "%s\t%.0f\t%.0f\n", w->cdb->cmds[i].file, wall, cpu);
		pthread_mutex_unlock(&w->lock);
	}
	clang_disposeIndex(index);
	return NULL;
}

static int usage(void)
{
	fprintf(stderr, "usage: parse-floor [-j N] [--rules DIR] [--times FILE] COMPILE_COMMANDS.json\n");
	return 2;
}

int main(int argc, char **argv)
{
	int jobs = 1;
	const char *rules_dir = NULL, *path = NULL, *times = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-j") && i + 1 < argc)
			jobs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--rules") && i + 1 < argc)
			rules_dir = argv[++i];
		else if (!strcmp(argv[i], "--times") && i + 1 < argc)
			times = argv[++i];
		else if (argv[i][0] != '-' && !path)
			path = argv[i];
		else
			return usage();
	}
	if (!path || jobs < 1 || jobs > 256)
		return usage();
	struct lp_rules *r = rules_new();
	struct strbuf err = {0};
	if (rules_load_dir(r, rules_dir ? rules_dir : rules_default_dir(), &err)) {
		fprintf(stderr, "parse-floor: %s\n", sb_str(&err));
		return 2;
	}
	struct compdb *cdb = compdb_load(path, &err);
	if (!cdb) {
		fprintf(stderr, "parse-floor: %s\n", sb_str(&err));
		return 2;
	}
	sb_free(&err);
	/* what extract does before its workers start (LLVM's crash handling, no libclang threads) */
	setenv("LIBCLANG_NOTHREADS", "1", 0);
	struct floor_work w = { .cdb = cdb, .rules = r };
	if (times && !(w.times = fopen(times, "w"))) {
		fprintf(stderr, "parse-floor: cannot write %s\n", times);
		return 2;
	}
	pthread_mutex_init(&w.lock, NULL);
	double t0 = now_ms();
	pthread_t *th = xcalloc((size_t)jobs, sizeof(*th));
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64u << 20);   /* as extract's workers */
	for (int i = 0; i < jobs; i++)
		if (pthread_create(&th[i], &attr, floor_worker, &w))
			die("cannot start a worker thread");
	for (int i = 0; i < jobs; i++)
		pthread_join(th[i], NULL);
	double ms = now_ms() - t0;
	printf("parse-floor: %zu TUs, -j %d: %.2f s wall (%zu failed, %zu errors; parse CPU %.1f s)\n", cdb->n,
	       jobs, ms / 1000.0, w.failed, w.errors, w.parse_cpu_ms / 1000.0);
	if (w.times && fclose(w.times)) {
		fprintf(stderr, "parse-floor: cannot write %s\n", times);
		return 2;
	}
	free(th);
	pthread_attr_destroy(&attr);
	compdb_free(cdb);
	rules_free(r);
	return 0;
}
