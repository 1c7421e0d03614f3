/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * engine.h - the check phase's engine: loads the linked facts, walks the call
 * graph top-down from every entry point (rules' entries and registrations,
 * then functions nobody calls, in process context) carrying the set of held
 * lock classes, memoised on (function, context, held set, lock-parameter
 * bindings), and shows each check (check_list.h) every site it reaches with
 * the locks held there.  A check reports through engine_report(); the
 * engine keeps the surest (least guessed, then shortest) witness path and
 * writes the findings.  Where the search stops is engine.c's and reach.c's.
 */
#ifndef LP_ENGINE_H
#define LP_ENGINE_H

#include <stdint.h>

#include "db/db.h"
#include "rules/rules.h"
#include "check/checks.h"
#include "lib/guardkey.h"

#define CK_MAX_HELD 8           /* held classes tracked along a path */
#define CK_MAX_BIND 4           /* lock parameters bound per call */
#define CK_MAX_CONST 12         /* constant parameters and members bound per call: an
				 * object passed with its members set (XA_STATE()'s eight)
				 * and a flag beside it; as many as extract's walk tracks
				 * (MEMBERS_MAX) */
#define CK_MAX_IMPL 6           /* ops structures a path binds to a file (ops_tables.h) */
#define CK_MAX_STATES 2000000   /* bound on (function, held set) states */
#define CK_MAX_CONTEXTS 32      /* states per function: its least guessed contexts (engine.c) */
#define CK_FORWARD_DEPTH 5      /* calls a constant is passed on through parameters */
#define CK_LAST_PUT_GUESS 24     /* eighths of a bit a last-put call guesses (engine.c) */
#define CK_MAX_GUESS_BITS 16    /* a path guesses among at most 2^16 target combinations (engine.c) */

struct ck_key { const char *name; int cls; int argn; };   /* argn >= 0: 'arg#N' */
/* acq: the index in e->sites of the site that took a held lock, or -1. */
struct ck_lockref { int key; bool held; int acq; int ltype; bool is_read; };
/* idx: array element '3,2'; spath/sline/scol: where the store is, which orders
 * callees reached through one function's several stores the same in every
 * database (row ids differ between a sharded and an unsharded run) */
struct ck_index;
struct ck_callee { int func; int64_t store; const struct ck_index *idx; const char *spath; int sline, scol; };
/* An array call's index pattern or an array element's index, parsed once at
 * load ('*,arg#1' / '3,2'): per dimension a constant, a parameter of the
 * caller (its bound constant), or anything. */
#define CK_MAX_DIMS 4
enum ck_dim { DIM_ANY, DIM_CONST, DIM_PARAM };
struct ck_index { int n; enum ck_dim kind[CK_MAX_DIMS]; long long v[CK_MAX_DIMS]; };
/* A function-pointer argument of a call: the function passed (FUNC, with the
 * store that records it), or the caller's own parameter FWD passed on. */
struct ck_fnarg { int n, func, fwd; int64_t store; };
/* An argument the callee's analysis depends on (site_arg): a lock (KEY); a
 * constant (IS_CONST, VALUE); member FIELD of the struct it points to set
 * to VALUE (UNKNOWN: to something else; FIELD CK_ANY_FIELD: members not
 * tracked); or the caller's parameter FWD passed on (else -1): as it is,
 * through '& VALUE' (MASKED), as 'FWD ? VALUE : COND_ELSE' (COND), its
 * member SRC_FIELD read (FROM_FIELD: 'ab->gfp_mask'), or as the callee's
 * member FIELD (an object a call returned: check/ret_members.c).  32
 * bytes: a whole tree has a million. */
struct ck_arg {
	int n, key, field, fwd;
	bool is_const : 1, unknown : 1, masked : 1, cond : 1, from_field : 1, ctx_cond : 1;
	bool ored : 1;          /* passed on as 'FWD | VALUE' ('gfp | __GFP_ZERO'); masked: 'FWD & VALUE' */
	/* ctx_cond: 'CTX ? VALUE : COND_ELSE' over a context test, VALUE in the
	 * path states CTX_TRUE, COND_ELSE in CTX_FALSE (bits of enum
	 * guardkey_ctx), nothing known in the others.  32 bytes in all. */
	unsigned char ctx_true, ctx_false;
	union { int cond_else; int src_field; };
	long long value;
};
_Static_assert(sizeof(struct ck_arg) == 32, "ck_arg is kept per argument row of the whole tree: keep it 32 bytes");
/* A parameter its function only masks: the value passed on has at most the
 * bits of (caller's value & and_mask) | or_mask (lib/guardkey.h). */
struct ck_mask { int param; long long and_mask, or_mask; };
#define CK_NO_FIELD (-1)        /* a constant of the parameter itself */
/* What an object's address ('&dispose', site_arg.addr) is bound as: not
 * NULL, and no constant a guard compares a pointer with ('SEND_SIG_PRIV'). */
#define CK_ADDRESS_VALUE (1LL << 62)

/* A test a site runs under: the values it runs for (lib/guardkey.h) and
 * the id of the member it reads (engine_field_id), or CK_NO_FIELD. */
struct ck_guard_alt;
/* A site's guard: KEY, with FIELD the id of its member; or, where NALTS,
 * the alternatives of 'alt:' (one of them has every guard let the site
 * run), and KEY a guard on nothing. */
struct ck_guard {
	const struct guardkey *key;
	int field;
	int nalts;
	const struct ck_guard_alt *alts;
};
struct ck_guard_alt { int n; struct ck_guard *g; };
#define CK_ANY_FIELD (-2)
/* A parameter that points to a zeroed new object: the binding's value is
 * the allocation (zeroed.c), its members 0 unless written. */
#define CK_ZERO_FIELD (-3)

struct ck_site {
	int64_t id;
	int func, kind, key, irq, subclass, irqs_off, ltype;
	bool is_read;
	bool always;                /* runs on every call of its function (site.always) */
	bool last_put;              /* runs only where a reference count hit zero (site.last_put) */
	bool kept_put;              /* a call whose callee's last-put sites it never reaches: the
				     * put undoes the caller's own get (kept_puts.c) */
	bool doomed;                /* part of a BUG() or corruption report (site.doomed): not visited */
	int blocks_arg;             /* a call that may block only where this argument ... */
	long long blocks_mask;      /* ... has a bit of this mask (rules' blocks-with), or -1 */
	const char *callee_name;
	const struct ck_index *ind_index;   /* call through an array: '*,arg#1', or NULL */
	const struct ck_guard *guards;  /* the tests it runs under, all of them ('switch (param)',
					 * 'if (args->force)', each operand of 'a && b'), or NULL */
	int nguards;
	int dom;                    /* the call before it on every path of its function
				     * (site.dom), an index in e->sites, or -1 */
	int64_t file; int line, col;
	int nlocks, nargs, ncallees, nfnargs;
	int param_call;             /* a call through the function's own parameter N, or -1 */
	int ops;                    /* a call through an ops structure's member: its id
				     * (ops_tables.h), else -1 */
	int slot;                   /* a call through a table an array slot points to, with
				     * tables registered into it (slot_tables.h), else -1 */
	bool ends_context;          /* a call after which the entry's context is over
				     * (rules' context-end): no later call is followed */
	bool no_edge;               /* a call the path does not follow (engine_load.c: a
				     * deferral, a deferred work's dispatcher, a noreturn call) */
	const char *process_callback;   /* a call through a process-context 'callback' key
				     * ('ccw_driver.remove'): that key, else NULL */
	struct ck_fnarg *fnargs;
	struct ck_lockref *locks;
	struct ck_arg *args;
	struct ck_callee *callees;
};

struct ck_func {
	int64_t id;
	const char *name;
	const char *qname;          /* as keys name it: 'file.c:name' when static */
	int rank;                   /* position in the stable order (engine_load.c: load_func_order) */
	int *sites, nsites;
	bool called;
	bool below_acquire;         /* it or a function it may call acquires a lock (reach.h) */
	bool below_sleep;           /* ... may sleep */
	bool below_irqs_on;         /* ... calls a function that needs interrupts on ('irqs-on') */
	uint64_t *acq_below;        /* lock classes it or its callees acquire (bitset, reach.c) */
	bool acq_param_below;       /* ... also a lock its caller passes (any class) */
	uint32_t const_params, lock_params, fn_params;   /* parameters whose bindings it
				     * uses (engine_load.c, load_param_uses) */
	uint32_t written_params;    /* parameters it assigns itself (its 'writes:' annotations):
				     * a constant its caller passed is not passed on from them, ... */
	struct ck_mask *masks;      /* ... unless it only masks them ('gfp &= ~X; gfp |= Y') */
	int nmasks;
	struct guardkey_wif *wifs;  /* ... or each assignment is known with its tests ('wif:') */
	int nwifs;
	const char *annot;
	const char *irqs_on_why;    /* a process entry or root that runs with interrupts
				     * enabled: why lockpath believes so, else NULL */
	const char *deferred_as;    /* deferred process work: what it is registered as
				     * ('work_struct.func work', 'process-context work passed to
				     * request_threaded_irq'), else NULL */
	bool always_sleeps;         /* it sleeps, or says it may (might_sleep()), on every call
				     * with its caller's locks and interrupt state (reach.c) */
	int64_t file;               /* its file's row id */
	int64_t unit;               /* its implementation unit: its module, or its file (ops_tables.c) */
	int *impl, nimpl;           /* ops structures its file has tables of (ops_tables.h) */
};

/* A lock held at a point: its class, the key it was taken as, where (the
 * index in e->sites of the site that took it, or -1), its kind.  A path
 * state holds CK_MAX_HELD of these, and a whole tree has 800,000 states:
 * 16 bytes, not 24. */
struct ck_held { int cls; int key; int acq; signed char ltype; bool is_read; };

struct ck_state;

struct ck_visit {
	int state;                  /* index of the path state (see engine.c) */
	const struct ck_site *site;
	const struct ck_held *held; /* locks held just before the site */
	int nheld;
	int ctx;                    /* enum lp_context */
	bool irqs_off;              /* interrupts known to be disabled just before the site */
	bool irqs_on;               /* ... known to be enabled (false for both: unknown) */
	int stuck_cls;              /* the class this path already re-acquired (deadlocked on), or -1 */
	const struct ck_state *path; /* state STATE, unpacked (engine_int.h) */
};

/* A point on some path: a state and a site in its function (for two-path findings). */
struct ck_witness { int state; const struct ck_site *site; struct ck_held held; bool has_held; };

struct engine;

struct check_stats {
	size_t entries, roots, states, findings;
	bool capped;                /* max_states reached: results are partial */
	size_t max_states;          /* the bound used: check_opts.max_states, or CK_MAX_STATES */
	size_t held_full;           /* points where a held lock was not tracked: CK_MAX_HELD already were */
	size_t bind_full;           /* calls where a lock argument or a member set from a function
				     * argument was not bound: CK_MAX_BIND already were */
	size_t max_contexts;        /* the bound per function: check_opts.max_contexts, or CK_MAX_CONTEXTS */
	size_t contexts_full;       /* functions reached in more contexts than that */
	bool replay_dropped;        /* check_opts.replay_dropped */
	size_t replayed;            /* acquisitions visited again on dropped contexts (dropped.h) */
	int max_guess;              /* bound on a path's guess, in eighths of a bit (engine.c) */
	size_t guess_cut;           /* calls not followed: the path would have guessed more */
	size_t recursion_cut;       /* calls not followed: into a function already on the path */
	size_t cast_cut;            /* call edges dropped: the callee casts the call's object to a
				     * struct it is not (downcasts.c) */
	size_t kept_puts;           /* puts that are not the last (kept_puts.c) */
	double ms;
};

struct check_opts {
	size_t max_states;          /* bound on path states; 0: CK_MAX_STATES */
	size_t max_contexts;        /* bound on one function's states; 0: CK_MAX_CONTEXTS */
	int max_guess_bits;         /* bound on a path's guess in bits; 0: CK_MAX_GUESS_BITS */
	bool replay_dropped;        /* visit the acquisitions of contexts past max_contexts again on
				     * their own paths, off a kept twin (check/dropped.c) */
};

/* Run every check over the linked database; replaces previous findings.
 * Returns 0, or -1 when a statement failed: nothing was committed, and
 * db_error(DB) says why (the command layer prints it). */
int check_run(struct lp_db *db, const struct lp_rules *r, const struct check_opts *opts,
	       struct check_stats *st);

/* For checks: key and class names, resolving a site's key in a visit. */
const char *engine_key_name(const struct engine *e, int key);
const char *engine_class_name(const struct engine *e, int cls);
const struct ck_func *engine_func(const struct engine *e, int func);
const struct lp_rules *engine_rules(const struct engine *e);
/* The path of the visit being checked ends at its site: the engine follows
 * no call after it in the function (a bug that ends the path's meaning). */
void engine_end_path(struct engine *e);
/* The spinning lock held at V (which makes a sleep there a bug), or NULL. */
const struct ck_held *engine_spinning_held(const struct ck_visit *v);
/* Whether V's site may not sleep: hardirq or softirq context, a spinning
 * lock held, or interrupts disabled. */
bool engine_atomic(const struct ck_visit *v);
/* Lock-order tells the engine each dependency A -> B it has recorded: a
 * path holding A into code whose acquisitions are all recorded already
 * need not carry A (engine.c, held_live). */
void engine_order_seen(struct engine *e, int a, int b);
/* The function the path of STATE starts at (its entry or root). */
int engine_path_start(const struct engine *e, int state);
/* The outermost call on STATE's path into an allocation that may block
 * there (a 'blocks-with' call the path entered: kmalloc(.., GFP_KERNEL)),
 * or NULL. */
const struct ck_site *engine_blocking_call(struct engine *e, int state);
/* The call on STATE's path, made with H held, that the code the path is in
 * was entered through: the last call through a function pointer below the
 * function that took H (a driver's interrupt callback, a device's xmit:
 * where the path chose one implementation among several), else that
 * function's own call; NULL if the path is in that function itself, or H
 * was taken elsewhere (a callee's lock left held, a lock held at the entry). */
const struct ck_site *engine_call_under(struct engine *e, int state, const struct ck_held *h);
/* The last call through a function pointer on STATE's path (vring_interrupt()'s
 * 'vq->vq.callback(&vq->vq)'), or NULL. */
const struct ck_site *engine_last_indirect_call(struct engine *e, int state);
/* Why interrupts are on where STATE's function is entered, if lockpath
 * knows: a process-chain call on its path (blocking_notifier_call_chain()'s
 * callbacks), or its root's or entry's reason (ck_func.irqs_on_why); NULL. */
const char *engine_irqs_on_why(struct engine *e, int state);
/* Per-check scratch data, freed by the check's _done function. */
void **engine_data(struct engine *e, int check_id);
/* The key a site acts on, with lock parameters bound by the path; -1 if unknown. */
int engine_site_key(const struct engine *e, const struct ck_visit *v);
int engine_key_class(const struct engine *e, int key);

/* The held lock that V's acquisition takes again, or NULL (a trylock, a
 * '_nested' subclass, or an rwlock reader under a reader takes none). */
const struct ck_held *engine_reacquired(const struct engine *e, const struct ck_visit *v);

/* Report a finding at V's site.  HELD: the held lock involved (or NULL);
 * KEY: the key acquired at the site.  Duplicates (same rule, site and class)
 * are dropped: the first, shortest path wins. */
void engine_report(struct engine *e, const struct ck_visit *v, const char *rule,
		   const struct ck_held *held, int key, const char *message);

/* The call one finding may stand for the sites below of (engine_report_below):
 * an allocation that may block (HELD_ACQ CK_BELOW_ALLOC), a call made with a
 * lock held (HELD_ACQ: that lock's acquisition, an index in the engine's
 * sites), or the last call through a function pointer of a path atomic by
 * its context (CK_BELOW_CONTEXT); CALL NULL: none. */
struct ck_below { const struct ck_site *call; int held_acq; };
#define CK_BELOW_ALLOC (-1)
#define CK_BELOW_CONTEXT (-2)

/* Report a finding at V's site, which the path reached below BELOW.call:
 * that call is the bug (the allocation that may block; the call made with
 * the lock held; the driver's callback an interrupt made), so one finding
 * stands for every such site below it, and its message says how many
 * (engine_write.c).  No call: as engine_report(). */
void engine_report_below(struct engine *e, const struct ck_visit *v, const char *rule,
			 const struct ck_held *held, int key, const char *message, struct ck_below below);

/* Report a finding with a second path (lock-order: the other order; irq-inversion:
 * the hardirq use).  A is where it is reported; DEDUP names it for de-duplication. */
void engine_report_pair(struct engine *e, const struct ck_witness *a, const struct ck_witness *b,
			const char *rule, int key, const char *dedup, const char *message);

/* Report a finding with N >= 2 paths (lock-order: a cycle of N classes, one
 * path per dependency, W[0] where it is reported); N == 2 is
 * engine_report_pair(W, W + 1, ...).  W is copied. */
void engine_report_cycle(struct engine *e, const struct ck_witness *w, int n, const char *rule, int key,
			 const char *dedup, const char *message);

/* Each check: check_NAME(e, visit) at every site, check_NAME_done(e) at the end. */
#define CHECK(fn, ...) \
	void check_##fn(struct engine *e, const struct ck_visit *v); \
	void check_##fn##_done(struct engine *e);
#include "check/check_list.h"
#undef CHECK

#endif
