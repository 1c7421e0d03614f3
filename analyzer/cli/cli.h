/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli.h - what the subcommands (one file each in cli/) share: the options
 * every command takes, loading rules, and the steps 'run' chains together.
 */
#ifndef LP_CLI_H
#define LP_CLI_H

#include <getopt.h>
#include "db/db.h"
#include "rules/rules.h"
#include "extract/compdb.h"
#include "extract/extract.h"

struct cli_opts {
	const char *db;          /* --db, default lockpath.db */
	const char *rules;       /* --rules DIR */
	const char *sarif;       /* --sarif FILE */
	const char *html;        /* --html DIR */
	int jobs;                /* -j N */
	bool force;              /* --force: re-parse unchanged TUs */
	bool quiet;              /* -q: no summary */
	unsigned wide;           /* --wide N: a call key with more candidates is a wide dispatch */
	unsigned shard_i, shard_n;   /* --shard I/N: extract only that share of the TUs */
	const char **scope;      /* --scope PATH, repeatable: report only findings touching them */
	int nscope;
};

/* Long options with no short form take codes above any character, so that a
 * command's own letters ('S' is gate's --suppressions) never collide. */
enum { CLI_OPT_SCOPE = 0x100, CLI_OPT_WIDE };

/* Options shared by the commands; each command adds its own. */
#define CLI_COMMON_LONGOPTS \
	{ "db", required_argument, NULL, 'd' }, \
	{ "rules", required_argument, NULL, 'r' }, \
	{ "jobs", required_argument, NULL, 'j' }, \
	{ "progress", no_argument, NULL, 'P' }, \
	{ "no-progress", no_argument, NULL, 'N' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "wait", required_argument, NULL, 'W' }, \
	{ "scope", required_argument, NULL, CLI_OPT_SCOPE }, \
	{ "wide", required_argument, NULL, CLI_OPT_WIDE }, \
	{ "help", no_argument, NULL, 'h' }

/* Handle a shared option; false if C is not one.  Dies on a bad value. */
bool cli_common_opt(int c, const char *arg, struct cli_opts *o);
void cli_defaults(struct cli_opts *o);
/* Print the command's usage (HELP) to stdout and exit 0, or its first line
 * and a pointer to --help to stderr and exit 2. */
_Noreturn void cli_usage(const char *help, bool ok);

struct lp_rules *cli_load_rules(const char *dir);

/* The phases, as 'run' and the single-phase commands use them. */
/* Load the compile database at PATH and check its command lines (dies with
 * a one-line error), before any database is opened: a bad input leaves no
 * database behind. */
struct compdb *cli_load_compdb(const char *path, const struct lp_rules *r, const struct cli_opts *o);
/* Extract CDB into DB with workers W (extract_workers_start) and free both;
 * on SIGINT/SIGTERM, close DB and exit 2. */
void cli_extract_compdb(struct lp_db *db, const struct lp_rules *r, struct compdb *cdb,
			struct extract_workers *w, const struct cli_opts *o);
/* cli_load_compdb, start the parse workers, then open o->db (creating it)
 * and extract into it: a run that cannot start its workers writes nothing. */
struct lp_db *cli_open_extract(const struct lp_rules *r, const char *compdb_path, const struct cli_opts *o);
/* Die now, before any work, if an output file (--sarif) cannot be written. */
void cli_check_outputs(const struct cli_opts *o);
void cli_check(struct lp_db *db, const struct lp_rules *r, const struct cli_opts *o);
/* Die (exit 2) unless DB's findings were computed from its current facts:
 * never checked, or facts changed since the last check (an 'extract' or
 * 'lockpath cc' after it, an interrupted check).  HOW says what would bring
 * them up to date, after "run 'lockpath check --db DB'". */
void cli_require_checked(struct lp_db *db, const char *how);
/* Print the text report (and SARIF, HTML if asked); returns the exit code. */
int cli_report(struct lp_db *db, const struct cli_opts *o, bool text);

int cmd_extract(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_gate(int argc, char **argv);
int cmd_cc(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
