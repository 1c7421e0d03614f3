// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_run.c - 'lockpath run': extract, link, check and report in one go.
 */
#include "cli/cli.h"
#include "check/engine.h"   /* CLI_TAIL_BOUNDS: the bounds' defaults */
#include "link/link.h"      /* ... and LINK_MAX_TYPE_TARGETS */

#include <assert.h>
#include <stdlib.h>

#include <stdio.h>

const struct cli_command cli_cmd_run = {
	.head =
"usage: lockpath run [options] PATH\n"
"\n"
"Analyse the translation units of PATH (a compile_commands.json, or a\n"
"directory that holds one): extract facts with libclang, link the call\n"
"graph and lock classes, run every check, and print the findings in\n"
"compiler style on stdout (a summary goes to stderr).  A second run on the\n"
"same database re-parses only the TUs whose command or files changed, and\n"
"checks again only if something did (or the rules, a bound, or lockpath).\n"
"\n",
	.col = 19,
	.opts = (const struct cli_opt[]){
		{ "db", CLI_OPT_DB, "FILE", 0, "the database (default: lockpath.db)" },
		{ "sarif", 's', "FILE", 0, "also write the findings as SARIF 2.1.0" },
		{ "html", 'H', "DIR", 0, "also write the HTML report into DIR (open DIR/index.html)" },
		{ "jobs", CLI_OPT_JOBS, "N", CLI_SHORT, "parse N TUs at once (default: number of CPUs)" },
		{ "force", 'f', NULL, 0, "re-parse every TU, changed or not" },
		{ "rules", CLI_OPT_RULES, "DIR", 0, "rules directory (default: $LOCKPATH_RULES, else the installed\n"
						    "rules; a binary in its build tree reads the source tree's rules/)" },
		{ "progress", CLI_OPT_PROGRESS, NULL, 0, "one line per TU on stderr (default when stderr is a terminal)" },
		{ "no-progress", CLI_OPT_NO_PROGRESS, NULL, 0, "no per-TU lines" },
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "no summary lines on stderr" },
		{ "scope", CLI_OPT_SCOPE, "PATH", 0, "report only findings whose path touches a file under PATH\n"
						      "(repeatable; the whole tree is still analysed)" },
		CLI_OPTION_WIDE,
		CLI_OPTION_WAIT,
		{ 0 }
	},
	.tail =
CLI_TAIL_BOUNDS
"\n"
"Exit status: 0 no findings, 1 findings, 2 usage or tool error (or interrupted).\n",
};

int cmd_run(int argc, char **argv)
{
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = cli_getopt(&cli_cmd_run, argc, argv)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		switch (c) {
		case 's': o.sarif = optarg; break;
		case 'H': o.html = optarg; break;
		case 'f': o.force = true; break;
		default: assert(!"an option of the table is not handled");
		}
	}
	if (optind + 1 != argc)
		cli_usage(&cli_cmd_run, false);
	/* every input is checked before the database is opened or created */
	cli_check_outputs(&o);
	struct lp_rules *r = cli_load_rules(o.rules);
	struct lp_db *db = cli_open_extract(r, argv[optind], &o);
	cli_check_changed(db, r, &o);
	int rc = cli_report(db, &o, r, true);
	db_close(db);
	rules_free(r);
	free(o.scope);
	return rc;
}
