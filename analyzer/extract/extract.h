/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * extract.h - the extract phase: parse every translation unit of a compile
 * database with libclang (N worker threads, one index each) and store its
 * facts (one sqlite transaction per TU, written by the calling thread).
 * An unchanged TU (same arguments, same content of every file it read) is
 * not parsed again.
 */
#ifndef LP_EXTRACT_H
#define LP_EXTRACT_H

#include "db/db.h"
#include "rules/rules.h"
#include "extract/compdb.h"
#include <clang-c/Index.h>

struct extract_opts {
	bool force;           /* parse every TU, even unchanged ones */
	int max_depth;        /* expression nesting bound (0: default) */
};

struct extract_stats {
	size_t total, parsed, skipped, with_errors, failed, pruned;
	double ms;
	/* CPU time of the parse and the walk (summed over the workers) and of
	 * the one thread that stores the facts: where an extract's time goes */
	double parse_cpu_ms, walk_cpu_ms, store_cpu_ms;
	bool interrupted;     /* SIGINT/SIGTERM: finished TUs are committed */
};

/* Check every command line of CDB before anything is written: parse the
 * source as an empty file with each distinct command line (less macros,
 * include paths and forced includes, which cannot be wrong flags) and
 * return -1, with a sentence naming the compile database, the source and
 * clang's complaint added to ERR, when clang rejects it: a flag it does not know (with the 'drop-flag' rule that would
 * drop it), an unknown target or CPU.  A command libclang cannot use at all
 * (it fails without a diagnostic) costs only its TUs: their 'unusable' is
 * set to the reason, and extract records them as not parsed.  Cheap: kernel
 * trees have a handful of distinct command lines, each a few milliseconds. */
int extract_check_commands(struct compdb *cdb, const struct lp_rules *r, struct strbuf *err);

/* The parse workers of one extract_run.  They are started before the
 * database is opened, so that a run that cannot start them (a limited
 * address space: each wants a 64 MB stack) stops before anything is
 * created or written. */
struct extract_workers;

/* Start min(JOBS, NTUS) workers (JOBS 0: one per CPU), parked until
 * extract_run hands them work.  When the system refuses one, goes on with
 * those it has, or with one on a smaller stack, and says so on stderr;
 * returns NULL, with the system's reason added to ERR, when not even that
 * one starts. */
struct extract_workers *extract_workers_start(int jobs, size_t ntus, struct strbuf *err);

/* Extract every command of CDB into DB with workers W (from
 * extract_workers_start; extract_run joins and frees them).  Prints progress
 * on stderr when lp_progress is set; prints one line per TU with parse
 * errors.  Stops parsing when a store fails, and returns -1 then (the
 * failure is db_error(DB)); else 0, interrupted or not (ST says). */
int extract_run(struct lp_db *db, const struct lp_rules *r, const struct compdb *cdb,
		 struct extract_workers *w, const struct extract_opts *o, struct extract_stats *st);

/* True when DB holds C's TU extracted with the same command line, rules
 * and lockpath version, parsed, and no file it read has changed since:
 * extracting it again would change nothing ('lockpath cc' skips it). */
bool extract_tu_current(struct lp_db *db, const struct lp_rules *rules, const struct compile_cmd *c);
/* What a TU's facts depend on besides its command and files: the lockpath
 * version and the rules' digest, into OUT (compdb_args_hash's salt). */
#define EXTRACT_SALT_SIZE 96
const char *extract_salt(const struct lp_rules *rules, char out[EXTRACT_SALT_SIZE]);

/* Parse command C exactly as extract does (flags, directory, options). */
enum CXErrorCode extract_parse_tu(CXIndex index, const struct compile_cmd *c, const struct lp_rules *r,
				  CXTranslationUnit *tu);
/* Extract one command (Kbuild's CHECK hook: 'lockpath cc'; the unit tests).
 * Returns the TU status (enum tu_status); a failed store is db_error(DB). */
int extract_one(struct lp_db *db, const struct lp_rules *r, const struct compile_cmd *c);

#endif
