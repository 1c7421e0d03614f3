// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_report.c - 'lockpath report': print the stored findings.
 */
#include "cli/cli.h"

#include <assert.h>
#include <stdlib.h>

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
"\n",
	.col = 19,
	.opts = (const struct cli_opt[]){
		{ "db", CLI_OPT_DB, "FILE", 0, "the database (default: lockpath.db)" },
		{ "sarif", 's', "FILE", 0, "write SARIF 2.1.0 to FILE" },
		{ "html", 'H', "DIR", 0, "write the HTML report into DIR (open DIR/index.html)" },
		{ "no-text", 't', NULL, 0, "do not print the text report (with --sarif or --html)" },
		{ "rules", CLI_OPT_RULES, "DIR", 0, "rules directory, for the fix hints (default: $LOCKPATH_RULES,\n"
						    "else the installed rules)" },
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "no summary line" },
		{ "scope", CLI_OPT_SCOPE, "PATH", 0, "report only findings whose path touches a file under PATH\n"
						      "(repeatable; the whole tree is still analysed)" },
		CLI_OPTION_WAIT,
		{ 0 }
	},
	.tail =
"\n"
"Exit status: 0 no findings, 1 findings, 2 error.\n",
};

int cmd_report(int argc, char **argv)
{
	struct cli_opts o;
	cli_defaults(&o);
	bool text = true;
	int c;
	while ((c = cli_getopt(&cli_cmd_report, argc, argv)) != -1) {
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
	struct lp_db *db = cli_db_open(o.db, DB_READONLY);
	cli_require_checked(db, " (or 'lockpath run') first");
	int rc = cli_report(db, &o, text);
	db_close(db);
	free(o.scope);
	return rc;
}
