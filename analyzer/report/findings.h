/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * findings.h - findings as the report formats need them: read back from the
 * database with every location resolved to file:line:col and every hop,
 * store and alias spelled out.  Text, SARIF and HTML all start from here,
 * so they always agree.
 */
#ifndef LP_FINDINGS_H
#define LP_FINDINGS_H

#include "db/db.h"
#include "check/checks.h"

struct rp_loc { const char *file; int line, col; };

struct rp_hop {
	const char *func;
	struct rp_loc func_loc;   /* the function's definition */
	int func_end;             /* ... and the line of its closing brace */
	struct rp_loc site;       /* the call to the next hop, or the offending site on the last */
	const char *via_key;      /* indirect hop: the key called through ('css_driver.irq') */
	const char *via_text;     /* ... as written at the call ('sch->driver->irq') */
	bool has_store;
	struct rp_loc store;      /* where the callee was stored into that key */
	const char *store_key;
	const char *lock_key;     /* the last hop's site, a lock operation: its key as written */
	const char *entry;        /* the first hop: how the path starts (finding_hop.entry) */
};

/* One witness path, entry first. */
struct rp_path { struct rp_hop *hops; int n; };

struct rp_alias { struct rp_loc loc; const char *lhs, *rhs, *text; };

/* A place a caller adds to a finding, with what it says there (the gate:
 * each hunk of the patch on the path).  SARIF lists them in
 * relatedLocations after the held lock and the aliases. */
struct rp_related { struct rp_loc loc; const char *message; };

struct rp_finding {
	int64_t id;
	const char *rule, *fingerprint, *message, *context, *entry;
	int rule_id;                        /* check_find(rule): enum check_id, -1 if unknown */
	const char *lock_key, *held_key;
	struct rp_loc site;
	bool has_held;
	struct rp_loc held_site;
	const char *held_func;
	bool bytype;                        /* a hop was resolved by function type: lower confidence */
	bool held_asserted;                 /* held_site is a lockdep_assert_held(): the callers hold it */
	bool from_root;                     /* the path starts at a function nobody in the tree calls */
	bool last_put;                      /* a path needs a put to drop the last reference (finding.last_put) */
	struct rp_hop *hops; int nhops;
	struct rp_hop *hops2; int nhops2;   /* lock-order, irq-inversion: the other path */
	struct rp_path *paths; int npaths;  /* every path: [0] hops, [1] hops2 (if any), then a
					     * lock-order cycle's further dependencies: path K
					     * acquires the lock after path K - 1's, path 0's after
					     * the last one's */
	struct rp_alias *aliases; int naliases;
	struct rp_related *related; int nrelated;   /* none when read from the database */
	bool only_note;                     /* SARIF level "note": listed, not failing (gate --patch-only) */
	/* How such code is usually fixed (rp_hints; NULL before it or when the
	 * rules have no hint for the case), and the tree's example it names,
	 * if any: its place and what it shows there. */
	const char *hint;
	const char *hint_situation;         /* the rules' situation it fills ('defer-example') */
	bool has_hint_example;
	struct rp_loc hint_example;
	const char *hint_example_msg;
	/* Which findings come first (rp_load; docs/rules.md "Which findings come
	 * first"): RANK (SARIF's 0-100, higher first) from its parts. */
	double rank;
	int rank_ctx;                       /* 0 hardirq, 1 softirq, 2 process */
	int guess8;                         /* bits the path guessed at indirect calls, in eighths */
};

struct rp_tu { const char *file; int status, n_errors; const char *first_error, *directory; };

/* What a reader must know to trust the findings, in every format:
 *   "stale"          the findings are older than the facts (or there are none yet)
 *   "incomplete-tu"  a TU parsed with errors, or not at all
 *   "limit"          a bound of the analysis was hit (nesting depth, call
 *                    targets per key, check states); results may be missing */
struct rp_notice {
	const char *kind;
	struct rp_loc loc;        /* file NULL: no place in the source */
	const char *message;
};

struct rp_run {
	struct arena arena;
	struct rp_finding *f; int n;
	struct rp_tu *tus; int ntus;
	int tus_with_errors;             /* parsed with errors or not at all (status != 0) */
	int tus_failed;                  /* ... of them not parsed at all: lost (status 2) */
	struct rp_notice *notices; int nnotices;
	const char *compdb, *version;
	const char *scope;               /* --scope paths, ' ' between, or NULL: everything */
	int n_out_of_scope;              /* findings rp_scope left out */
};

/* The check that reported F (its rule's entry in check_list.h). */
static inline const struct check_info *rp_check(const struct rp_finding *f)
{
	return check_get(f->rule_id);
}

/* The lock path K of F acquires at its end, as written there (path 0: the
 * finding's lock_key); NULL if unknown. */
static inline const char *rp_path_lock(const struct rp_finding *f, int k)
{
	if (k == 0)
		return f->lock_key;
	if (k >= f->npaths || !f->paths[k].n)
		return NULL;
	return f->paths[k].hops[f->paths[k].n - 1].lock_key;
}

/* A lock-order cycle's class K (0 <= K < f->npaths), named as path K - 1
 * acquires it; class 0 is the held lock, path K takes class K + 1 while
 * holding class K.  "?" if unknown. */
static inline const char *rp_cycle_lock(const struct rp_finding *f, int k)
{
	const char *l = k == 0 ? f->held_key : rp_path_lock(f, k - 1);
	return l ? l : "?";
}

/* Load every finding, likeliest and worst first (its rank; equal ranks by
 * file, line, col, then the rules' line_rank), and the TU summary. */
void rp_load(struct lp_db *db, struct rp_run *run);
void rp_free(struct rp_run *run);
/*
 * Keep only the findings whose path touches a file under one of the N
 * PATHS: its offending site, the held lock's site, a hop's call or the
 * store behind it.  A path that exists is compared as a directory prefix
 * of the absolute file names; one that does not (a tree-relative
 * 'drivers/virtio' given elsewhere) as a run of whole components in them.
 */
void rp_scope(struct rp_run *run, const char *const *paths, int n);

struct lp_rules;
/*
 * Give each finding of RUN its fix hint (hints.c): the rules' 'hint' text
 * for the finding's rule and situation, its placeholders filled, with an
 * example from DB's tree where the situation has one (another callback of
 * the same key that only queues work; an irqsave acquisition of the same
 * lock class; the order most functions take two locks in).  Reads only
 * DB; without an example it falls back to the situation's generic text,
 * and without a rule for that, to no hint.  Call after rp_load (and
 * rp_scope: fewer findings, less work).
 */
void rp_hints(struct lp_db *db, struct rp_run *run, const struct lp_rules *r);
/* The longest directory all TUs were compiled from, as a real path, or NULL
 * when they share none but '/'.  Caller frees.  (SARIF's SRCROOT; the
 * hints name their examples relative to it.) */
char *rp_source_root(const struct rp_run *run);

#endif
