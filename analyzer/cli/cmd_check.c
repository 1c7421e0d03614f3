// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_check.c - 'lockpath check': link the facts and run the checks.
 */
#include "cli/cli.h"

#include <stdlib.h>

static const char usage[] =
"usage: lockpath check [options]\n"
"\n"
"Link the facts in the database (call graph, lock classes) and run every\n"
"check, replacing the previous findings; then print them like 'report'.\n"
"Use it after 'extract', or after Kbuild's 'make C=1 CHECK=\"lockpath cc\"'.\n"
"\n"
"  --db FILE        the database (default: lockpath.db)\n"
"  --sarif FILE     also write SARIF 2.1.0\n"
"  --rules DIR      rules directory\n"
"  -q, --quiet      no summary lines\n"
"  --wait SEC       wait up to SEC seconds (default 30) for another lockpath process\n"
"                   using the database; 0: refuse at once\n"
"\n"
"Exit status: 0 no findings, 1 findings, 2 error.\n";

int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "sarif", required_argument, NULL, 's' },
		{ 0 }
	};
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = getopt_long(argc, argv, "j:qvh", longopts, NULL)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		if (c == 's')
			o.sarif = optarg;
		else
			cli_usage(usage, c == 'h');
	}
	if (optind != argc)
		cli_usage(usage, false);
	cli_check_outputs(&o);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = db_open(o.db, 0);
	cli_check(db, r, &o);
	int rc = cli_report(db, &o, true);
	db_close(db);
	rules_free(r);
	free(o.scope);
	return rc;
}
