/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cli.h - what the subcommands (one file each in cli/) share: the options
 * every command takes, loading rules, and the steps 'run' chains together.
 */
#ifndef LP_CLI_H
#define LP_CLI_H

#include <getopt.h>
#include <stdio.h>
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

/*
 * One command's options: one table per command (cmd_*.c) drives both the
 * parsing (cli_getopt) and the option lines of its --help (cli_help), so a
 * command accepts exactly the options its help lists.  --help and -h are
 * accepted by every command and listed by none.
 */
struct cli_opt {
	const char *name;        /* --NAME */
	int key;                 /* what cli_getopt returns: a letter, or a CLI_OPT_* code */
	const char *arg;         /* its argument as the help names it (FILE, N), or NULL: none */
	unsigned flags;          /* enum cli_opt_flags */
	/* The help text, '\n' before each further line (indented under the
	 * first); "" for none; NULL: listed on one line with the next option. */
	const char *help;
};

enum cli_opt_flags {
	CLI_SHORT = 1 << 0,      /* -KEY (a letter) is accepted too, and listed as '-K, --NAME' */
};

/* Keys of the options every command may list (cli_common_opt handles them);
 * a command's own options use other letters.  Long options with no short
 * form take codes above any character, so that a command's own letters
 * ('S' is gate's --suppressions) never collide. */
enum {
	CLI_OPT_DB = 'd', CLI_OPT_RULES = 'r', CLI_OPT_JOBS = 'j', CLI_OPT_PROGRESS = 'P',
	CLI_OPT_NO_PROGRESS = 'N', CLI_OPT_VERBOSE = 'v', CLI_OPT_QUIET = 'q', CLI_OPT_WAIT = 'W',
	CLI_OPT_SCOPE = 0x100, CLI_OPT_WIDE,
};

/* The help tail of the commands that check: the search's bounds, which the
 * environment moves (read in cli/common.c, cli_check); the defaults are
 * check/engine.h's and link/link.h's, which a user of the macro includes. */
#define CLI_TAIL_BOUNDS \
"\n" \
"The search's bounds (environment; docs/failures.md says what each costs):\n" \
"  LOCKPATH_MAX_STATES        path states in all (default " CLI_STR(CK_MAX_STATES) ")\n" \
"  LOCKPATH_MAX_CONTEXTS      contexts per function, its least guessed (default " CLI_STR(CK_MAX_CONTEXTS) ")\n" \
"  LOCKPATH_REPLAY_DROPPED=1  contexts past that bound: their re-acquisitions and lock orders,\n" \
"                             read off a followed context with the same arguments (default off;\n" \
"                             the whole s390 tree's 163 lock-orders become 1,188; docs/failures.md)\n" \
"  LOCKPATH_MAX_GUESS         bits a path may guess at indirect calls (default " CLI_STR(CK_MAX_GUESS_BITS) ")\n" \
"  LOCKPATH_MAX_TYPE_TARGETS  functions a call resolved by function type may reach\n" \
"                             (default " CLI_STR(LINK_MAX_TYPE_TARGETS) ", at most " CLI_STR(LINK_MAX_TARGETS) "; docs/rules.md)\n" \
"  LOCKPATH_SQL_PROFILE=MS    print each database statement that ran MS ms or longer (bench/README.md)\n"
#define CLI_STR(x) CLI_STR_(x)
#define CLI_STR_(x) #x

/* Option entries several commands share, with one wording. */
#define CLI_OPTION_WAIT \
	{ "wait", CLI_OPT_WAIT, "SEC", 0, "wait up to SEC seconds (default 30) for another lockpath process\n" \
					  "using the database; 0: refuse at once" }
#define CLI_OPTION_WIDE \
	{ "wide", CLI_OPT_WIDE, "N", 0, "a call through a key that more than N functions were stored\n" \
					"into is a wide dispatch, followed only where the path says\n" \
					"which function it is (default 64)" }

struct cli_command {
	const char *head;        /* "usage: lockpath CMD ...\n" and the description, up to the options */
	const struct cli_opt *opts;   /* ends with { 0 } */
	int col;                 /* column at which the options' help texts start */
	const char *tail;        /* after the options: "\nExit status: ..." */
};

/* The commands' tables, for cli_help and the unit tests. */
extern const struct cli_command cli_cmd_run, cli_cmd_extract, cli_cmd_merge, cli_cmd_check,
	cli_cmd_report, cli_cmd_gate, cli_cmd_cc;

/*
 * getopt_long over CMD's table: returns the next option's key (its value in
 * optarg), or -1 at the first operand (optind).  --help prints the help and
 * exits 0; an option not in the table, or one missing its argument, prints
 * the usage line and exits 2 (cli_usage).
 */
int cli_getopt(const struct cli_command *cmd, int argc, char **argv);
/* Write CMD's whole help: head, one line per option (or group), tail. */
void cli_help(FILE *out, const struct cli_command *cmd);
/* Handle a shared option; false if C is not one.  Dies on a bad value. */
bool cli_common_opt(int c, const char *arg, struct cli_opts *o);
void cli_defaults(struct cli_opts *o);
/* Print CMD's help to stdout and exit 0, or its usage line and a pointer to
 * --help to stderr and exit 2. */
_Noreturn void cli_usage(const struct cli_command *cmd, bool ok);

/* The rules of DIR (--rules); NULL: $LOCKPATH_RULES, else
 * rules_default_dir().  Dies (exit 2) with the file:line of a bad rule. */
struct lp_rules *cli_load_rules(const char *dir);

/* db_open, dying (exit 2) with its message when PATH is refused. */
struct lp_db *cli_db_open(const char *path, enum db_open_flags flags);
/* Die with DB's first failure (db_error), if a statement failed: called
 * after each phase, before its results are printed or used. */
void cli_db_ok(const struct lp_db *db);

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
/* Link and check DB with rules R, replacing its findings. */
void cli_check(struct lp_db *db, const struct lp_rules *r, const struct cli_opts *o);
/* The same after an extract ('run', 'gate PATH'), unless DB's findings are
 * already those of its facts with the same lockpath, rules and bounds. */
void cli_check_changed(struct lp_db *db, const struct lp_rules *r, const struct cli_opts *o);
/* Die (exit 2) unless DB's findings were computed from its current facts:
 * never checked, or facts changed since the last check (an 'extract' or
 * 'lockpath cc' after it, an interrupted check).  HOW says what would bring
 * them up to date, after "run 'lockpath check --db DB'". */
void cli_require_checked(struct lp_db *db, const char *how);
/* Print the text report (and SARIF, HTML if asked), with the fix hints of
 * RULES (the ones the run checked with: a rules file edited meanwhile is
 * not read again); returns the exit code. */
int cli_report(struct lp_db *db, const struct cli_opts *o, const struct lp_rules *rules, bool text);

int cmd_extract(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_gate(int argc, char **argv);
int cmd_cc(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
