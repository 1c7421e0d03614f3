// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_check.c - 'lockpath check': link the facts and run the checks.
 */
#include "cli/cli.h"
#include "check/engine.h"   /* CLI_TAIL_BOUNDS: the bounds' defaults */
#include "link/link.h"      /* ... and LINK_MAX_TYPE_TARGETS */

#include <assert.h>
#include <stdlib.h>

const struct cli_command cli_cmd_check = {
	.head =
"usage: lockpath check [options]\n"
"\n"
"Link the facts in the database (call graph, lock classes) and run every\n"
"check, replacing the previous findings; then print them like 'report'.\n"
"Use it after 'extract', or after Kbuild's 'make C=1 CHECK=\"lockpath cc\"'.\n"
"\n",
	.col = 19,
	.opts = (const struct cli_opt[]){
		{ "db", CLI_OPT_DB, "FILE", 0, "the database (default: lockpath.db)" },
		{ "sarif", 's', "FILE", 0, "also write SARIF 2.1.0" },
		{ "rules", CLI_OPT_RULES, "DIR", 0, "rules directory (default: $LOCKPATH_RULES, else the installed\n"
						    "rules; a binary in its build tree reads the source tree's rules/)" },
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "no summary lines" },
		{ "scope", CLI_OPT_SCOPE, "PATH", 0, "print only findings whose path touches a file under PATH\n"
						      "(repeatable; the whole tree is still checked)" },
		CLI_OPTION_WIDE,
		CLI_OPTION_WAIT,
		{ 0 }
	},
	.tail =
CLI_TAIL_BOUNDS
"\n"
"Exit status: 0 no findings, 1 findings, 2 usage or tool error.\n",
};

int cmd_check(int argc, char **argv)
{
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = cli_getopt(&cli_cmd_check, argc, argv)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		assert(c == 's');
		o.sarif = optarg;
	}
	if (optind != argc)
		cli_usage(&cli_cmd_check, false);
	cli_check_outputs(&o);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = cli_db_open(o.db, 0);
	cli_check(db, r, &o);
	int rc = cli_report(db, &o, r, true);
	db_close(db);
	rules_free(r);
	free(o.scope);
	return rc;
}
