// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_extract.c - 'lockpath extract': parse a compile database into facts.
 */
#include "cli/cli.h"

#include <assert.h>
#include <stdlib.h>

const struct cli_command cli_cmd_extract = {
	.head =
"usage: lockpath extract [options] PATH\n"
"\n"
"Parse every translation unit of PATH (a compile_commands.json, or a\n"
"directory that holds one) with libclang and store its facts (functions,\n"
"calls, lock operations, function-pointer stores, lock aliases) in the\n"
"database, one transaction per TU.  Unchanged TUs are skipped; TUs no\n"
"longer in PATH are removed.  Interrupting (Ctrl-C) keeps every finished TU.\n"
"\n",
	.col = 19,
	.opts = (const struct cli_opt[]){
		{ "db", CLI_OPT_DB, "FILE", 0, "the database (default: lockpath.db)" },
		{ "jobs", CLI_OPT_JOBS, "N", CLI_SHORT, "parse N TUs at once (default: number of CPUs)" },
		{ "force", 'f', NULL, 0, "re-parse every TU" },
		{ "shard", 'D', "I/N", 0, "only share I of N of the TUs (by a hash of their path, stable as\n"
					  "the tree grows): N CI jobs extract into N databases, then\n"
					  "'lockpath merge' combines them for one check" },
		{ "rules", CLI_OPT_RULES, "DIR", 0, "rules directory (default: $LOCKPATH_RULES, else the installed\n"
						    "rules; a binary in its build tree reads the source tree's rules/)" },
		{ "progress", CLI_OPT_PROGRESS, NULL, 0, NULL },
		{ "no-progress", CLI_OPT_NO_PROGRESS, NULL, 0, NULL },
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "" },
		CLI_OPTION_WAIT,
		{ 0 }
	},
	.tail =
"\n"
"Exit status: 0 done (even with parse errors: they are recorded), 2 usage or tool\n"
"error, or interrupted (the TUs finished are saved: run again to resume).\n",
};

/* 'I/N' with 1 <= I <= N <= 4096. */
static void parse_shard(const char *arg, struct cli_opts *o)
{
	unsigned i, n;
	char tail;
	if (sscanf(arg, "%u/%u%c", &i, &n, &tail) != 2 || i < 1 || n < 1 || i > n || n > 4096)
		die("--shard expects I/N with 1 <= I <= N <= 4096 (e.g. 2/4), not '%s'", arg);
	o->shard_i = i;
	o->shard_n = n;
}

int cmd_extract(int argc, char **argv)
{
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = cli_getopt(&cli_cmd_extract, argc, argv)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		switch (c) {
		case 'f': o.force = true; break;
		case 'D': parse_shard(optarg, &o); break;
		default: assert(!"an option of the table is not handled");
		}
	}
	if (optind + 1 != argc)
		cli_usage(&cli_cmd_extract, false);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = cli_open_extract(r, argv[optind], &o);
	db_close(db);
	rules_free(r);
	free(o.scope);
	return LP_EXIT_CLEAN;
}
