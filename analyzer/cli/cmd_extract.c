/*
 * cmd_extract.c - 'lockpath extract': parse a compile database into facts.
 */
#include "cli/cli.h"

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
"  --rules DIR      rules directory\n"
"  --progress, --no-progress, -q, --quiet\n"
"  --wait SEC       wait up to SEC seconds (default 30) for another lockpath process\n"
"                   using the database; 0: refuse at once\n"
"\n"
"Exit status: 0 done (even with parse errors: they are recorded), 2 error.\n";

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "force", no_argument, NULL, 'f' },
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
		else
			cli_usage(usage, c == 'h');
	}
	if (optind + 1 != argc)
		cli_usage(usage, false);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = cli_open_extract(r, argv[optind], &o);
	db_close(db);
	rules_free(r);
	return LP_EXIT_CLEAN;
}
