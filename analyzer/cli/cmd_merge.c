// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_merge.c - 'lockpath merge': combine the databases of sharded extract
 * jobs into one, for the single check that needs the whole call graph.
 */
#include "cli/cli.h"

#include <assert.h>
#include <stdlib.h>
#include "db/merge.h"

#include <stdio.h>

const struct cli_command cli_cmd_merge = {
	.head =
"usage: lockpath merge [options] OUT.db IN.db...\n"
"\n"
"Add the facts of each IN.db (written by 'lockpath extract --shard I/N') to\n"
"OUT.db, created if missing.  Header functions that several shards parsed\n"
"are kept once, as one extract run keeps them.  Then run 'lockpath check\n"
"--db OUT.db' (or gate/report, which refuse out-of-date findings).  The\n"
"inputs must hold disjoint translation units; OUT.db may already hold\n"
"some (merge one shard at a time).  Findings are the same as those of one\n"
"unsharded run.\n"
"\n",
	.col = 19,
	.opts = (const struct cli_opt[]){
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "no summary line" },
		{ "wait", CLI_OPT_WAIT, "SEC", 0, "wait up to SEC seconds (default 30) for another lockpath process" },
		{ 0 }
	},
	.tail =
"\n"
"Exit status: 0 merged, 2 usage or tool error (such as an input that shares a TU\n"
"with the output: nothing of that input is written).\n",
};

int cmd_merge(int argc, char **argv)
{
	struct cli_opts o;
	cli_defaults(&o);
	int c;
	while ((c = cli_getopt(&cli_cmd_merge, argc, argv)) != -1) {
		bool known = cli_common_opt(c, optarg, &o);
		assert(known);
		(void)known;
	}
	if (argc - optind < 2)
		cli_usage(&cli_cmd_merge, false);
	double t0 = now_ms();
	struct lp_db *out = cli_db_open(argv[optind], DB_CREATE);
	struct merge_stats st = {0};
	for (int i = optind + 1; i < argc; i++) {
		struct strbuf err = {0};
		if (merge_into(out, argv[i], &st, &err)) {
			db_close(out);
			die("%s", sb_str(&err));
		}
		sb_free(&err);
		cli_db_ok(out);
	}
	db_close(out);
	if (!o.quiet)
		fprintf(stderr, "lockpath: merge: %zu TUs from %d databases, %zu header versions (%zu shared, kept "
			"once) (%.2f s)\n", st.tus, argc - optind - 1, st.headers + st.shared_headers, st.shared_headers,
			(now_ms() - t0) / 1000.0);
	free(o.scope);
	return LP_EXIT_CLEAN;
}
