// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_report.c - 'lockpath report': print the stored findings; with --db
 * given more than once, one combined report over those databases (one per
 * architecture's kernel build) with one transport matrix
 * (report/combined.c).  One --db is the plain report, unchanged.
 */
#include "cli/cli.h"
#include "report/combined.h"
#include "report/report.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

const struct cli_command cli_cmd_report = {
	.head =
"usage: lockpath report [options]\n"
"\n"
"Print the findings of the last check in compiler style: a 'warning:' at\n"
"the offending lock acquisition, then 'note:' lines for where the held lock\n"
"was taken, the assignment that makes two lock names one lock, and every\n"
"call on the path from the entry point (with the store behind each\n"
"indirect call), and last a 'note: fix:' line saying how such code is\n"
"usually fixed (rules/hints.rules).  Never writes to the database.\n"
"Refuses (exit 2) a database whose facts changed after its last check:\n"
"run 'check' first.\n"
"\n"
"With --db more than once (lockpath report --db s390.db --db x86.db), one\n"
"report over those databases: their findings one database after the other,\n"
"and one transport matrix whose columns are every database's transports\n"
"(ccw from an s390 build, pci and mmio from an x86 one), each column naming\n"
"the databases it came from, each safe cell saying why.  The text report\n"
"ends with the matrix, the SARIF has it in runs[0].properties, the HTML\n"
"report on its index page.  Every database must be checked, and of this\n"
"lockpath's schema.\n"
"\n",
	.col = 19,
	.opts = (const struct cli_opt[]){
		{ "db", CLI_OPT_DB, "FILE", 0, "the database (default: lockpath.db); repeat it to combine\n"
						"databases into one report (above)" },
		{ "sarif", 's', "FILE", 0, "write SARIF 2.1.0 to FILE" },
		{ "html", 'H', "DIR", 0, "write the HTML report into DIR (open DIR/index.html)" },
		{ "no-text", 't', NULL, 0, "do not print the text report (with --sarif or --html)" },
		{ "rules", CLI_OPT_RULES, "DIR", 0, "rules directory, for the fix hints (default: $LOCKPATH_RULES,\n"
						    "else the installed rules; a binary in its build tree reads\n"
						    "the source tree's rules/)" },
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "no summary line" },
		{ "scope", CLI_OPT_SCOPE, "PATH", 0, "report only findings whose path touches a file under PATH\n"
						      "(repeatable; the whole tree is still analysed)" },
		CLI_OPTION_WAIT,
		{ 0 }
	},
	.tail =
"\n"
"Exit status: 0 no findings, 1 findings, 2 usage or tool error.\n",
};

/* Die if two of the N PATHS name one file (a database combined with itself). */
static void distinct_dbs(const char *const *paths, int n)
{
	char **real = xcalloc((size_t)n, sizeof(*real));
	for (int k = 0; k < n; k++) {
		real[k] = realpath(paths[k], NULL);
		for (int j = 0; real[k] && j < k; j++)
			if (real[j] && !strcmp(real[j], real[k]))
				die("--db %s and --db %s are one database", paths[j], paths[k]);
	}
	for (int k = 0; k < n; k++)
		free(real[k]);
	free(real);
}

/* How the report names database K of N: its file name, or its path when
 * another database has the same file name. */
static const char *db_label(const char *const *paths, int n, int k)
{
	const char *b = path_basename(paths[k]);
	for (int j = 0; j < n; j++)
		if (j != k && !strcmp(path_basename(paths[j]), b))
			return paths[k];
	return b;
}

/* The combined report over the N databases PATHS (see the help). */
static int report_dbs(const char *const *paths, int n, const struct cli_opts *o, bool text)
{
	if (n > HX_MAX_SOURCES)
		die("at most %d databases can be combined, not %d", HX_MAX_SOURCES, n);
	distinct_dbs(paths, n);
	struct lp_db **dbs = xcalloc((size_t)n, sizeof(*dbs));
	struct rp_run *runs = xcalloc((size_t)n, sizeof(*runs));
	struct hx_source *srcs = xcalloc((size_t)n, sizeof(*srcs));
	struct lp_rules *r = cli_load_rules(o->rules);   /* fix hints, deferral APIs */
	struct arena a = {0};
	int first = 0;
	for (int k = 0; k < n; k++) {
		dbs[k] = cli_db_open(paths[k], DB_READONLY);
		cli_require_checked(dbs[k], " (or 'lockpath run') first");
		rp_load(dbs[k], &runs[k]);
		rp_scope(&runs[k], o->scope, o->nscope);
		rp_hints(dbs[k], &runs[k], r);
		cli_db_ok(dbs[k]);
		srcs[k] = (struct hx_source){ dbs[k], &runs[k], first, db_label(paths, n, k), paths[k],
					      rp_db_arch(dbs[k], &a) };
		first += runs[k].n;
	}
	struct rp_run all;
	rp_concat(&all, runs, n);
	report_notices(text ? stdout : stderr, &all, true);
	if (text)
		report_text(stdout, &all);
	report_notices(text ? stdout : stderr, &all, false);
	struct rp_combined_out out = { text ? stdout : NULL, o->sarif, o->html };
	struct strbuf err = {0};
	if (report_combined(srcs, n, &all, r, &out, &err))
		die("%s", sb_str(&err));
	sb_free(&err);
	fflush(stdout);
	for (int k = 0; k < n; k++)
		cli_db_ok(dbs[k]);   /* the matrix and the HTML report read them too */
	if (!o->quiet)
		report_summary(stderr, &all);
	int rc = all.n ? LP_EXIT_FINDINGS : LP_EXIT_CLEAN;
	rp_free(&all);
	for (int k = 0; k < n; k++) {
		rp_free(&runs[k]);
		db_close(dbs[k]);
	}
	rules_free(r);
	arena_free(&a);
	free(srcs);
	free(runs);
	free(dbs);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	struct cli_opts o;
	cli_defaults(&o);
	bool text = true;
	const char **dbs = NULL;
	int ndb = 0, c;
	while ((c = cli_getopt(&cli_cmd_report, argc, argv)) != -1) {
		if (c == CLI_OPT_DB) {   /* repeatable here: every one is kept */
			dbs = xrealloc(dbs, (size_t)(ndb + 1) * sizeof(*dbs));
			dbs[ndb++] = optarg;
		}
		if (cli_common_opt(c, optarg, &o))
			continue;
		switch (c) {
		case 's': o.sarif = optarg; break;
		case 'H': o.html = optarg; break;
		case 't': text = false; break;
		default: assert(!"an option of the table is not handled");
		}
	}
	if (optind != argc)
		cli_usage(&cli_cmd_report, false);
	cli_check_outputs(&o);
	if (ndb > 1) {
		int rc = report_dbs(dbs, ndb, &o, text);
		free(dbs);
		free(o.scope);
		return rc;
	}
	free(dbs);
	struct lp_db *db = cli_db_open(o.db, DB_READONLY);
	cli_require_checked(db, " (or 'lockpath run') first");
	struct lp_rules *r = cli_load_rules(o.rules);
	int rc = cli_report(db, &o, r, text);
	rules_free(r);
	db_close(db);
	free(o.scope);
	return rc;
}
