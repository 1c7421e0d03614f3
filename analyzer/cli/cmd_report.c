// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_report.c - 'lockpath report': print the stored findings.
 */
#include "cli/cli.h"

#include <stdlib.h>

static const char usage[] =
"usage: lockpath report [options]\n"
"\n"
"Print the findings of the last check in compiler style: a 'warning:' at\n"
"the offending lock acquisition, then 'note:' lines for where the held lock\n"
"was taken, the assignment that makes two lock names one lock, and every\n"
"call on the path from the entry point (with the store behind each\n"
"indirect call).  Never writes to the database.  Refuses (exit 2) a\n"
"database whose facts changed after its last check: run 'check' first.\n"
"\n"
"  --db FILE        the database (default: lockpath.db)\n"
"  --sarif FILE     write SARIF 2.1.0 to FILE\n"
"  --html DIR       write the HTML report into DIR (open DIR/index.html)\n"
"  --no-text        do not print the text report (with --sarif or --html)\n"
"  -q, --quiet      no summary line\n"
"  --scope PATH     report only findings whose path touches a file under PATH\n"
"                   (repeatable; the whole tree is still analysed)\n"
"  --wait SEC       wait up to SEC seconds (default 30) for another lockpath process\n"
"                   using the database; 0: refuse at once\n"
"\n"
"Exit status: 0 no findings, 1 findings, 2 error.\n";

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "sarif", required_argument, NULL, 's' },
		{ "html", required_argument, NULL, 'H' },
		{ "no-text", no_argument, NULL, 't' },
		{ 0 }
	};
	struct cli_opts o;
	cli_defaults(&o);
	bool text = true;
	int c;
	while ((c = getopt_long(argc, argv, "j:qvh", longopts, NULL)) != -1) {
		if (cli_common_opt(c, optarg, &o))
			continue;
		if (c == 's')
			o.sarif = optarg;
		else if (c == 'H')
			o.html = optarg;
		else if (c == 't')
			text = false;
		else
			cli_usage(usage, c == 'h');
	}
	if (optind != argc)
		cli_usage(usage, false);
	cli_check_outputs(&o);
	struct lp_db *db = db_open(o.db, DB_READONLY);
	cli_require_checked(db, " (or 'lockpath run') first");
	int rc = cli_report(db, &o, text);
	db_close(db);
	free(o.scope);
	return rc;
}
