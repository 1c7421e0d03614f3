// SPDX-License-Identifier: GPL-2.0-only
/*
 * common.c - options and phase steps shared by the subcommands (cli.h).
 */
#include "cli/cli.h"
#include "cli/digest.h"   /* generated: LP_ANALYZER_DIGEST */
#include "extract/extract.h"
#include "link/link.h"
#include "check/engine.h"
#include "check/matrix.h"
#include "report/report.h"
#include "report/html.h"

#include <assert.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>   /* malloc_trim */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * In a sanitized build (LOCKPATH_SANITIZE: ASan and UBSan) a memory error,
 * leak or undefined behaviour must not look like "findings": both exit 1 by
 * default, lockpath's code for "found something".  86 is none of lockpath's
 * codes, so a test expecting 0, 1 or 2 fails on it.  ASAN_OPTIONS and
 * UBSAN_OPTIONS still override this.
 */
#if defined(__SANITIZE_ADDRESS__)
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "exitcode=86"; }
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "exitcode=86:print_stacktrace=1"; }
#endif

void cli_defaults(struct cli_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->db = "lockpath.db";
	lp_progress = isatty(2);
}

bool cli_common_opt(int c, const char *arg, struct cli_opts *o)
{
	char *end;
	switch (c) {
	case CLI_OPT_DB: o->db = arg; return true;
	case CLI_OPT_RULES: o->rules = arg; return true;
	case CLI_OPT_JOBS:
		o->jobs = (int)strtol(arg, &end, 10);
		if (*end || o->jobs < 1 || o->jobs > 1024)
			die("-j expects a number of jobs from 1 to 1024, not '%s'", arg);
		return true;
	case CLI_OPT_PROGRESS: lp_progress = 1; return true;
	case CLI_OPT_NO_PROGRESS: lp_progress = 0; return true;
	case CLI_OPT_VERBOSE: lp_verbose++; return true;
	case CLI_OPT_QUIET: o->quiet = true; return true;
	case CLI_OPT_WIDE:
		o->wide = (unsigned)strtoul(arg, &end, 10);
		if (!*arg || *end || o->wide < 1 || o->wide > 100000)
			die("--wide expects a number of functions from 1 to 100000, not '%s'", arg);
		return true;
	case CLI_OPT_SCOPE:
		o->scope = xrealloc(o->scope, (size_t)(o->nscope + 1) * sizeof(*o->scope));
		o->scope[o->nscope++] = arg;
		return true;
	case CLI_OPT_WAIT:
		lp_db_wait = (int)strtol(arg, &end, 10);
		if (!*arg || *end || lp_db_wait < 0 || lp_db_wait > 86400)
			die("--wait expects a number of seconds from 0 to 86400, not '%s'", arg);
		return true;
	default: return false;
	}
}

/* 'h' is --help's key in every command; no table may use it. */
#define CLI_KEY_HELP 'h'

int cli_getopt(const struct cli_command *cmd, int argc, char **argv)
{
	/* getopt_long's arrays for CMD, built at its first option and freed
	 * at its last (one command parses at a time). */
	static const struct cli_command *built;
	static struct option *longopts;
	static char *shortopts;
	if (built != cmd) {
		size_t n = 0;
		while (cmd->opts[n].name)
			n++;
		free(longopts);
		free(shortopts);
		longopts = xcalloc(n + 2, sizeof(*longopts));
		shortopts = xcalloc(2 * n + 2, 1);
		char *so = shortopts;
		for (size_t i = 0; i < n; i++) {
			const struct cli_opt *op = &cmd->opts[i];
			assert(op->key != CLI_KEY_HELP && op->key > 0);
			assert(!(op->flags & CLI_SHORT) || (op->key < 0x80 && op->key != ':' && op->key != '?'));
			longopts[i] = (struct option){ op->name, op->arg ? required_argument : no_argument,
						       NULL, op->key };
			if (op->flags & CLI_SHORT) {
				*so++ = (char)op->key;
				if (op->arg)
					*so++ = ':';
			}
		}
		longopts[n] = (struct option){ "help", no_argument, NULL, CLI_KEY_HELP };
		*so = CLI_KEY_HELP;
		built = cmd;
	}
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == CLI_KEY_HELP || c == '?' || c == ':') {
		free(longopts);
		free(shortopts);
		longopts = NULL;
		shortopts = NULL;
		built = NULL;
		cli_usage(cmd, c == CLI_KEY_HELP);
	}
	if (c == -1) {
		free(longopts);
		free(shortopts);
		longopts = NULL;
		shortopts = NULL;
		built = NULL;
	}
	return c;
}

/* "-K, --NAME ARG" as the help lists an option. */
static void spell_opt(struct strbuf *sb, const struct cli_opt *op)
{
	if (op->flags & CLI_SHORT)
		sb_addf(sb, "-%c, ", op->key);
	sb_addf(sb, "--%s", op->name);
	if (op->arg)
		sb_addf(sb, " %s", op->arg);
}

void cli_help(FILE *out, const struct cli_command *cmd)
{
	fputs(cmd->head, out);
	struct strbuf sb = {0};
	for (const struct cli_opt *op = cmd->opts; op->name; op++) {
		if (sb.len)
			sb_add(&sb, ", ");
		spell_opt(&sb, op);
		if (!op->help)
			continue;   /* on one line with the next */
		fprintf(out, "  %s", sb_str(&sb));
		if (*op->help) {
			int pad = 2 + (int)sb.len < cmd->col ? cmd->col - 2 - (int)sb.len : 3;
			fprintf(out, "%*s", pad, "");
			for (const char *h = op->help; *h;) {
				size_t n = strcspn(h, "\n");
				fprintf(out, "%.*s", (int)n, h);
				h += n;
				if (*h) {
					h++;
					fprintf(out, "\n%*s", cmd->col, "");
				}
			}
		}
		fputc('\n', out);
		sb_reset(&sb);
	}
	assert(!sb.len);   /* the last option ends its line */
	sb_free(&sb);
	fputs(cmd->tail, out);
}

/* The whole help on stdout when asked; on a usage error only its first
 * line ("usage: lockpath CMD ...") and where the rest is, on stderr. */
_Noreturn void cli_usage(const struct cli_command *cmd, bool ok)
{
	if (ok) {
		cli_help(stdout, cmd);
		exit(LP_EXIT_CLEAN);
	}
	const char *help = cmd->head;
	const char *nl = strchr(help, '\n');
	int n = nl ? (int)(nl - help) : (int)strlen(help);
	const char *name = strncmp(help, "usage: lockpath ", 16) ? NULL : help + 16;
	int namelen = name ? (int)strcspn(name, " \n") : 0;
	fprintf(stderr, "%.*s\n", n, help);
	if (name)
		fprintf(stderr, "see 'lockpath %.*s --help'\n", namelen, name);
	exit(LP_EXIT_ERROR);
}

struct lp_rules *cli_load_rules(const char *dir)
{
	struct lp_rules *r = rules_new();
	struct strbuf err = {0};
	const char *env = getenv("LOCKPATH_RULES");
	if (!dir)
		dir = env && *env ? env : rules_default_dir();
	if (rules_load_dir(r, dir, &err))
		die("%s", sb_str(&err));
	sb_free(&err);
	return r;
}

struct lp_db *cli_db_open(const char *path, enum db_open_flags flags)
{
	struct strbuf err = {0};
	struct lp_db *db = db_open(path, flags, &err);
	if (!db)
		die("%s", sb_str(&err));
	sb_free(&err);
	return db;
}

void cli_db_ok(const struct lp_db *db)
{
	if (db_failed(db))
		die("%s", db_error(db));
}

struct compdb *cli_load_compdb(const char *path, const struct lp_rules *r, const struct cli_opts *o)
{
	struct strbuf err = {0};
	struct compdb *cdb = compdb_load(path, &err);
	if (!cdb)
		die("%s", sb_str(&err));
	if (o->shard_n)
		compdb_shard(cdb, o->shard_i, o->shard_n);
	if (extract_check_commands(cdb, r, &err))
		die("%s", sb_str(&err));
	sb_free(&err);
	return cdb;
}

void cli_extract_compdb(struct lp_db *db, const struct lp_rules *r, struct compdb *cdb,
			struct extract_workers *w, const struct cli_opts *o)
{
	char *abs = realpath(cdb->path, NULL);
	db_meta_set(db, "compdb", abs ? abs : cdb->path);
	free(abs);
	struct extract_opts eo = { .force = o->force };
	struct extract_stats st;
	int rc = extract_run(db, r, cdb, w, &eo, &st);
	compdb_free(cdb);
	if (rc)
		die("%s", db_error(db));
	if (!o->quiet)
		fprintf(stderr, "lockpath: extract: %zu TUs, %zu parsed, %zu unchanged, %zu with errors, "
			"%zu failed, %zu removed (%.2f s; CPU: parse %.1f s, walk %.1f s, store %.1f s)\n",
			st.total, st.parsed, st.skipped, st.with_errors, st.failed, st.pruned, st.ms / 1000.0,
			st.parse_cpu_ms / 1000.0, st.walk_cpu_ms / 1000.0, st.store_cpu_ms / 1000.0);
	if (st.interrupted) {
		fprintf(stderr, "lockpath: interrupted: the %zu TUs finished are saved in %s; "
			"run again to resume\n", st.parsed, db->path);
		db_close(db);
		exit(LP_EXIT_ERROR);
	}
#ifdef __GLIBC__
	/* The parse workers' heaps are freed but stay mapped in their arenas:
	 * hand them back before link and check build theirs, or a whole tree's
	 * 'run' holds both (its peak was 1,161 MiB, check alone 951 MiB). */
	malloc_trim(0);
#endif
}

struct lp_db *cli_open_extract(const struct lp_rules *r, const char *compdb_path, const struct cli_opts *o)
{
	struct compdb *cdb = cli_load_compdb(compdb_path, r, o);
	struct strbuf err = {0};
	struct extract_workers *w = extract_workers_start(o->jobs, cdb->n, &err);
	if (!w)
		die("%s", sb_str(&err));
	sb_free(&err);
	struct lp_db *db = cli_db_open(o->db, DB_CREATE);
	cli_extract_compdb(db, r, cdb, w, o);
	return db;
}

/* Die unless DIR is a writable directory or can be created: its nearest
 * existing ancestor must be a writable directory (report_html makes the rest). */
static void check_html_dir(const char *dir)
{
	struct stat st;
	if (!*dir)
		die("--html expects a directory name");
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			die("cannot write the HTML report to %s: it is a file, not a directory", dir);
		if (access(dir, W_OK | X_OK) != 0)
			die("cannot write the HTML report to %s: the directory is not writable", dir);
		static const char *const subs[] = { "findings", "src" };
		for (size_t i = 0; i < 2; i++) {   /* report_html refuses them too (ELOOP) */
			char *sub = xasprintf("%s/%s", dir, subs[i]);
			if (lstat(sub, &st) == 0 && S_ISLNK(st.st_mode))
				die("cannot write the HTML report to %s: '%s' is a symlink, and lockpath does not "
				    "follow symlinks inside the report directory; remove it", dir, sub);
			free(sub);
		}
		return;
	}
	char *up = xstrdup(dir);
	for (;;) {
		char *slash = strrchr(up, '/');
		while (slash && slash > up && slash[1] == 0) {   /* trailing slashes */
			*slash = 0;
			slash = strrchr(up, '/');
		}
		if (!slash) {
			free(up);
			up = xstrdup(".");
		} else {
			slash[slash == up ? 1 : 0] = 0;
		}
		if (stat(up, &st) == 0 || !strcmp(up, ".") || !strcmp(up, "/"))
			break;
	}
	if (stat(up, &st) != 0 || !S_ISDIR(st.st_mode))
		die("cannot write the HTML report to %s: '%s' is not a directory", dir, up);
	if (access(up, W_OK | X_OK) != 0)
		die("cannot write the HTML report to %s: directory '%s' is not writable", dir, up);
	free(up);
}

void cli_check_outputs(const struct cli_opts *o)
{
	struct stat st;
	if (o->html)
		check_html_dir(o->html);
	if (!o->sarif)
		return;
	char *dir = xstrdup(o->sarif);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = 0;
	const char *d = slash ? dir : ".";
	if (stat(o->sarif, &st) == 0 && S_ISDIR(st.st_mode))
		die("cannot write SARIF to %s: it is a directory", o->sarif);
	if (stat(d, &st) != 0 || !S_ISDIR(st.st_mode))
		die("cannot write SARIF to %s: directory '%s' does not exist", o->sarif, d);
	if (access(d, W_OK | X_OK) != 0)
		die("cannot write SARIF to %s: directory '%s' is not writable", o->sarif, d);
	free(dir);
}

/* $NAME as a number from 1 to MAX, or 0 when it is not set; dies on
 * anything else.  WHAT names the unit in the message. */
static long long env_bound(const char *name, long long max, const char *what)
{
	const char *env = getenv(name);
	if (!env || !*env)
		return 0;
	char *end;
	long long v = strtoll(env, &end, 10);
	if (*end || v < 1 || v > max)
		die("%s must be a number%s from 1 to %lld, not '%s'", name, what, max, env);
	return v;
}

/* Record analysis limit KEY with message MSG (freed), for the report's notices. */
static void set_limit(struct lp_db *db, const char *key, char *msg)
{
	db_meta_set(db, key, msg);
	free(msg);
}

/* The bounds of link and check: the options, and the environment variables,
 * which are read here, not in the phases (docs/failures.md): link.h, engine.h. */
static void check_bounds(const struct lp_rules *r, const struct cli_opts *o, struct link_opts *lo,
			 struct check_opts *co)
{
	*lo = (struct link_opts){
		.wide = o->wide,
		.max_type_targets = (size_t)env_bound("LOCKPATH_MAX_TYPE_TARGETS", LINK_MAX_TARGETS, ""),
		.rules = r,
	};
	*co = (struct check_opts){
		.max_states = (size_t)env_bound("LOCKPATH_MAX_STATES", 1000000000, " of states"),
		.max_contexts = (size_t)env_bound("LOCKPATH_MAX_CONTEXTS", 1000000000, " of contexts"),
		.max_guess_bits = (int)env_bound("LOCKPATH_MAX_GUESS", 64, " of bits"),
		.replay_dropped = env_bound("LOCKPATH_REPLAY_DROPPED", 1, "") == 1,
	};
}

/* What a check's findings depend on besides the facts: lockpath itself (a
 * digest of all its sources, made by the build), the rules and the bounds.
 * Stored with the findings (meta 'check_key'), so that a run whose extract
 * changed nothing need not check again (cli_check_changed). */
static char *check_key(const struct lp_rules *r, const struct link_opts *lo, const struct check_opts *co)
{
	return xasprintf("lockpath %s, analyzer %s, rules %016llx, wide %zu, type targets %zu, states %zu, "
			 "contexts %zu, guess %d, replay %d", LP_VERSION, LP_ANALYZER_DIGEST, rules_digest(r),
			 lo->wide, lo->max_type_targets, co->max_states, co->max_contexts, co->max_guess_bits,
			 co->replay_dropped);
}

/* A check reads the facts extract stored; rules that would have made other
 * facts (a new 'irq' or 'sleep' line, not a 'context-call') are not in
 * them until a run or an extract parses again, which 'check' alone does
 * not do: say so, or a rule tried with 'check' seems to change nothing. */
static void warn_stale_facts(struct lp_db *db, const struct lp_rules *r)
{
	char salt[EXTRACT_SALT_SIZE];
	char *stored = db_meta_get(db, "extract_salt");
	if (stored && strcmp(stored, extract_salt(r, salt)))
		warn("the facts were extracted with other rules (a line extract reads changed) or another "
		     "lockpath; this check uses them as they are: 'lockpath run' or 'lockpath extract' parses "
		     "again (docs/rules-format.md, \"What a rules change costs\")");
	free(stored);
}

/* Link and check with bounds LO and CO, storing KEY with the findings. */
static void link_and_check(struct lp_db *db, const struct lp_rules *r, const struct cli_opts *o,
			   const struct link_opts *lo, const struct check_opts *co, const char *key)
{
	struct link_stats ls;
	warn_stale_facts(db, r);
	/* Until this check has written its findings they are no check's: a
	 * check killed half-way leaves no key, and the next run checks again. */
	db_begin(db);
	db_exec(db, "DELETE FROM meta WHERE key = 'check_key'");
	db_commit(db);
	if (link_run(db, lo, &ls))
		die("%s", db_error(db));
	if (!o->quiet)
		fprintf(stderr, "lockpath: link: %zu functions, %zu direct and %zu indirect call edges, "
			"%zu lock classes from %zu aliases (%.2f s)\n", ls.funcs, ls.direct_edges,
			ls.indirect_edges, ls.classes, ls.aliases, ls.ms / 1000.0);
	if (ls.capped_keys)
		warn("%zu call keys reach more than %d functions; their targets were capped",
		     ls.capped_keys, LINK_MAX_TARGETS);
	if (ls.shared_statics)
		warn("%zu static function names are shared by two files whose paths end alike, and so "
		     "are their keys (the first: %s)", ls.shared_statics, ls.shared_example);
	if (ls.wide_keys && !o->quiet)
		fprintf(stderr, "lockpath: link: %zu wide call keys (more than %d functions each; "
			"%zu calls through them followed only where the path binds the function)\n",
			ls.wide_keys, o->wide ? (int)o->wide : LINK_WIDE_TARGETS, ls.wide_sites);
	if (ls.bytype_wide_keys && !o->quiet)
		fprintf(stderr, "lockpath: link: %zu call keys not resolved by type (more than %d "
			"candidates of their type each)\n", ls.bytype_wide_keys,
			lo->max_type_targets > LINK_MAX_TYPE_TARGETS ? (int)lo->max_type_targets : LINK_MAX_TYPE_TARGETS);
	if (ls.chains.calls && !o->quiet)
		fprintf(stderr, "lockpath: link: %zu chain calls (notifier chains, wait queues), %zu reach "
			"callbacks registered on their container, %zu name no container; %zu registrations\n",
			ls.chains.calls, ls.chains.resolved_calls, ls.chains.unnamed_calls,
			ls.chains.registrations);
	if (ls.lockdep.classes && !o->quiet)
		fprintf(stderr, "lockpath: link: %zu lock classes under lockdep's class rules (%zu split, %zu "
			"novalidate), %zu more told apart by their path\n", ls.lockdep.classes, ls.lockdep.split,
			ls.lockdep.novalidate, ls.lockdep.told_apart);
	struct check_stats cs;
	if (check_run(db, r, co, &cs))
		die("%s", db_error(db));
	if (!o->quiet)
		fprintf(stderr, "lockpath: check: %zu entries, %zu roots, %zu states, %zu findings (%.2f s)\n",
			cs.entries, cs.roots, cs.states, cs.findings, cs.ms / 1000.0);
	if (cs.capped)
		warn("the search stopped at %zu states; findings may be missing", cs.max_states);
	if (cs.guess_cut && !o->quiet)
		fprintf(stderr, "lockpath: check: %zu calls not followed: their paths would have guessed among "
			"more than 2^%d indirect-call targets\n", cs.guess_cut, cs.max_guess / 8);
	if (cs.cast_cut && !o->quiet)
		fprintf(stderr, "lockpath: check: %zu call edges dropped: the callee casts the call's object to "
			"a struct it is not\n", cs.cast_cut);
	if (cs.kept_puts && !o->quiet)
		fprintf(stderr, "lockpath: check: %zu puts are not the last (they undo their function's own get, "
			"or it puts the object again): their releases are not followed\n", cs.kept_puts);
	if (cs.recursion_cut && !o->quiet)
		fprintf(stderr, "lockpath: check: %zu recursive calls not followed (a path enters each function "
			"once)\n", cs.recursion_cut);
	if (cs.replay_dropped && !o->quiet)
		fprintf(stderr, "lockpath: check: %zu acquisitions visited again on contexts past the bound "
			"(LOCKPATH_REPLAY_DROPPED)\n", cs.replayed);
	struct matrix_stats ms;
	if (matrix_run(db, r, cs.capped, &ms))
		die("%s", db_error(db));
	if (!o->quiet && ms.transports)
		fprintf(stderr, "lockpath: matrix: %zu transports, %zu driver callbacks reached from their interrupt paths\n",
			ms.transports, ms.callbacks);
	/* The findings now match the facts (extract sets 'checked' to 0), and the
	 * report says whether the check hit its bound.  Last, so that a check
	 * killed half-way leaves the findings marked out of date. */
	db_begin(db);
	db_exec(db, "DELETE FROM meta WHERE key IN ('limit:states', 'limit:held', 'limit:bind', 'limit:contexts')");
	if (cs.capped)
		set_limit(db, "limit:states", xasprintf("the check stopped after %zu states (paths from entry "
			  "points with their held locks); findings may be missing", cs.max_states));
	if (cs.held_full)
		set_limit(db, "limit:held", xasprintf("paths held more than %d locks at once (at %zu points); "
			  "the locks past the %dth were not tracked, so findings on them may be missing",
			  CK_MAX_HELD, cs.held_full, CK_MAX_HELD));
	if (cs.bind_full)
		set_limit(db, "limit:bind", xasprintf("calls passed more than %d locks, or functions and members "
			  "set from them, that a callee uses (at %zu calls); the ones past the %dth were not "
			  "bound, so findings on them may be missing",
			  CK_MAX_BIND, cs.bind_full, CK_MAX_BIND));
	if (cs.contexts_full)
		set_limit(db, "limit:contexts", xasprintf("%zu functions were reached in more than %zu contexts "
			  "(held locks, bound arguments) each; only the %zu least guessed were followed%s",
			  cs.contexts_full, cs.max_contexts, cs.max_contexts, cs.replay_dropped ?
			  ": the others' re-acquisitions and lock orders are read off a followed context "
			  "with the same arguments, and their other findings may be missing" :
			  ", so findings on the others may be missing (LOCKPATH_REPLAY_DROPPED=1 reads "
			  "their re-acquisitions and lock orders off a followed context)"));
	db_meta_set(db, "checked", "1");
	db_meta_set(db, "check_key", key);
	db_commit(db);
	cli_db_ok(db);
}

void cli_check(struct lp_db *db, const struct lp_rules *r, const struct cli_opts *o)
{
	struct link_opts lo;
	struct check_opts co;
	check_bounds(r, o, &lo, &co);
	char *key = check_key(r, &lo, &co);
	link_and_check(db, r, o, &lo, &co, key);
	free(key);
}

void cli_check_changed(struct lp_db *db, const struct lp_rules *r, const struct cli_opts *o)
{
	struct link_opts lo;
	struct check_opts co;
	check_bounds(r, o, &lo, &co);
	char *key = check_key(r, &lo, &co);
	char *checked = db_meta_get(db, "checked"), *stored = db_meta_get(db, "check_key");
	bool current = checked && !strcmp(checked, "1") && stored && !strcmp(stored, key);
	free(checked);
	free(stored);
	cli_db_ok(db);
	if (!current)
		link_and_check(db, r, o, &lo, &co, key);
	else if (!o->quiet)
		fprintf(stderr, "lockpath: check: not run again: the facts, the rules, the bounds and lockpath "
			"are those of the last check, whose findings stand\n");
	free(key);
}

void cli_require_checked(struct lp_db *db, const char *how)
{
	char *linked = db_meta_get(db, "linked"), *checked = db_meta_get(db, "checked");
	bool never = !linked, stale = !checked || strcmp(checked, "1");
	free(linked);
	free(checked);
	cli_db_ok(db);   /* not a missing value: a failed read */
	if (never)
		die("%s: the database has no check results; run 'lockpath check --db %s'%s",
		    db->path, db->path, how);
	if (stale)
		die("%s: the findings are out of date: the facts changed after the last check; "
		    "run 'lockpath check --db %s'%s", db->path, db->path, how);
}

int cli_report(struct lp_db *db, const struct cli_opts *o, const struct lp_rules *rules, bool text)
{
	struct rp_run run;
	rp_load(db, &run);
	rp_scope(&run, o->scope, o->nscope);
	rp_hints(db, &run, rules);   /* the fix hints are rules (hints.rules) */
	cli_db_ok(db);
	/* notices go with the text report, or to stderr without one */
	report_notices(text ? stdout : stderr, &run, true);
	if (text)
		report_text(stdout, &run);
	report_notices(text ? stdout : stderr, &run, false);
	fflush(stdout);
	struct strbuf err = {0};
	if (o->sarif && report_sarif(o->sarif, &run, &err))
		die("%s", sb_str(&err));
	sb_free(&err);
	if (o->html && report_html(o->html, db, &run))
		die("cannot write the HTML report to %s: %s", o->html, strerror(errno));
	cli_db_ok(db);   /* the HTML report reads the database too (html_data.c) */
	if (!o->quiet)
		report_summary(stderr, &run);
	int rc = run.n ? LP_EXIT_FINDINGS : LP_EXIT_CLEAN;
	rp_free(&run);
	return rc;
}
