// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_run.c - 'lockpath run': extract, link, check and report in one go.
 */
#include "cli/cli.h"

#include <stdlib.h>

#include <stdio.h>

static const char usage[] =
"usage: lockpath run [options] PATH\n"
"\n"
"Analyse the translation units of PATH (a compile_commands.json, or a\n"
"directory that holds one): extract facts with libclang, link the call\n"
"graph and lock classes, run every check, and print the findings in\n"
"compiler style on stdout (a summary goes to stderr).  A second run on the\n"
"same database re-parses only the TUs whose command or files changed.\n"
"\n"
"  --db FILE        the database (default: lockpath.db)\n"
"  --sarif FILE     also write the findings as SARIF 2.1.0\n"
"  --html DIR       also write the HTML report into DIR (open DIR/index.html)\n"
"  -j, --jobs N     parse N TUs at once (default: number of CPUs)\n"
"  --force          re-parse every TU, changed or not\n"
"  --rules DIR      rules directory (default: $LOCKPATH_RULES, else the installed rules)\n"
"  --progress       one line per TU on stderr (default when stderr is a terminal)\n"
"  --no-progress    no per-TU lines\n"
"  -q, --quiet      no summary lines on stderr\n"
"  --scope PATH     report only findings whose path touches a file under PATH\n"
"                   (repeatable; the whole tree is still analysed)\n"
"  --wait SEC       wait up to SEC seconds (default 30) for another lockpath process\n"
"                   using the database; 0: refuse at once\n"
"\n"
"Exit status: 0 no findings, 1 findings, 2 usage or tool error (or interrupted).\n";

int cmd_run(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "sarif", required_argument, NULL, 's' },
		{ "html", required_argument, NULL, 'H' },
		{ "force", no_argument, NULL, 'f' },
		{ 0 }
	};
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = getopt_long(argc, argv, "j:qvh", longopts, NULL)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		switch (c) {
		case 's': o.sarif = optarg; break;
		case 'H': o.html = optarg; break;
		case 'f': o.force = true; break;
		case 'h': cli_usage(usage, true);
		default: cli_usage(usage, false);
		}
	}
	if (optind + 1 != argc)
		cli_usage(usage, false);
	/* every input is checked before the database is opened or created */
	cli_check_outputs(&o);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = cli_open_extract(r, argv[optind], &o);
	cli_check(db, r, &o);
	int rc = cli_report(db, &o, true);
	db_close(db);
	rules_free(r);
	free(o.scope);
	return rc;
}
