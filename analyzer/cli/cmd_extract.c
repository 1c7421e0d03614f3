// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_extract.c - 'lockpath extract': parse a compile database into facts.
 */
#include "cli/cli.h"

#include <stdlib.h>

static const char usage[] =
"usage: lockpath extract [options] PATH\n"
"\n"
"Parse every translation unit of PATH (a compile_commands.json, or a\n"
"directory that holds one) with libclang and store its facts (functions,\n"
"calls, lock operations, function-pointer stores, lock aliases) in the\n"
"database, one transaction per TU.  Unchanged TUs are skipped; TUs no\n"
"longer in PATH are removed.  Interrupting (Ctrl-C) keeps every finished TU.\n"
"\n"
"  --db FILE        the database (default: lockpath.db)\n"
"  -j, --jobs N     parse N TUs at once (default: number of CPUs)\n"
"  --force          re-parse every TU\n"
"  --shard I/N      only share I of N of the TUs (by a hash of their path, stable as\n"
"                   the tree grows): N CI jobs extract into N databases, then\n"
"                   'lockpath merge' combines them for one check\n"
"  --rules DIR      rules directory\n"
"  --progress, --no-progress, -q, --quiet\n"
"  --wait SEC       wait up to SEC seconds (default 30) for another lockpath process\n"
"                   using the database; 0: refuse at once\n"
"\n"
"Exit status: 0 done (even with parse errors: they are recorded), 2 error.\n";

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
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "force", no_argument, NULL, 'f' },
		{ "shard", required_argument, NULL, 'D' },
		{ 0 }
	};
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = getopt_long(argc, argv, "j:qvh", longopts, NULL)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		if (c == 'f')
			o.force = true;
		else if (c == 'D')
			parse_shard(optarg, &o);
		else
			cli_usage(usage, c == 'h');
	}
	if (optind + 1 != argc)
		cli_usage(usage, false);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = cli_open_extract(r, argv[optind], &o);
	db_close(db);
	rules_free(r);
	free(o.scope);
	return LP_EXIT_CLEAN;
}
