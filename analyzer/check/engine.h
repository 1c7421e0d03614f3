/*
 * engine.h - the check phase's engine: loads the linked facts, walks the call
 * graph top-down from every entry point (rules' entries and registrations,
 * then functions nobody calls, in process context) carrying the set of held
 * lock classes, memoised on (function, context, held set, lock-parameter
 * bindings), and shows each check (check_list.h) every site it reaches with
 * the locks held there.  A check reports through engine_report(); the
 * engine keeps the shortest witness path and writes the findings.
 */
#ifndef LP_ENGINE_H
#define LP_ENGINE_H

#include "db/db.h"
#include "rules/rules.h"

#define CK_MAX_HELD 8           /* held classes tracked along a path */
#define CK_MAX_BIND 4           /* lock parameters bound per call */
#define CK_MAX_STATES 2000000   /* bound on (function, held set) states */

struct ck_key { const char *name; int cls; int argn; };   /* argn >= 0: 'arg#N' */
struct ck_lockref { int key; bool held; int64_t acq_site; };
struct ck_callee { int func; int64_t store; };

struct ck_site {
	int64_t id;
	int func, kind, key, irq, subclass, irqs_off;
	int64_t file; int line, col;
	int nlocks, nargs, ncallees;
	struct ck_lockref *locks;
	struct { int n, key; } *args;
	struct ck_callee *callees;
};

struct ck_func { int64_t id; const char *name; int *sites; int nsites; bool called; };

/* A lock held at a point: its class, the key it was taken as, where. */
struct ck_held { int cls; int key; int64_t acq_site; };

struct ck_visit {
	int state;                  /* index of the path state (see engine.c) */
	const struct ck_site *site;
	const struct ck_held *held; /* locks held just before the site */
	int nheld;
	int ctx;                    /* enum lp_context */
};

struct engine;

struct check_stats {
	size_t entries, roots, states, findings;
	bool capped;                /* CK_MAX_STATES reached: results are partial */
	double ms;
};

/* Run every check over the linked database; replaces previous findings. */
void check_run(struct lp_db *db, const struct lp_rules *r, struct check_stats *st);

/* For checks: key and class names, resolving a site's key in a visit. */
const char *engine_key_name(const struct engine *e, int key);
const char *engine_class_name(const struct engine *e, int cls);
const struct ck_func *engine_func(const struct engine *e, int func);
/* The key a site acts on, with lock parameters bound by the path; -1 if unknown. */
int engine_site_key(const struct engine *e, const struct ck_visit *v);
int engine_key_class(const struct engine *e, int key);

/* Report a finding at V's site.  HELD: the held lock involved (or NULL);
 * KEY: the key acquired at the site.  Duplicates (same rule, site and class)
 * are dropped: the first, shortest path wins. */
void engine_report(struct engine *e, const struct ck_visit *v, const char *rule,
		   const struct ck_held *held, int key, const char *message);

#define CHECK(fn, rule, summary) void check_##fn(struct engine *e, const struct ck_visit *v);
#include "check/check_list.h"
#undef CHECK

#endif
