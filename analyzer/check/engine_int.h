/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * engine_int.h - what the engine's files share and the checks do not see:
 * the engine's state (loaded facts, path states, findings) and the steps
 * check_run chains: engine_load.c loads the linked facts, engine.c searches
 * the paths, engine_write.c fingerprints and writes the findings.
 */
#ifndef LP_ENGINE_INT_H
#define LP_ENGINE_INT_H

#include "check/engine.h"

/* Parameter N of the state's function is FUNC, passed at the call STORE records;
 * N < 0: a member set on the path, -1 - its index (member_binds.c). */
struct ck_fnbind { int n, func; int64_t store; };
/* Parameter N points into container CONT (embedded.c's id): '&req->base' of an akcipher_request. */
struct ck_objbind { int n, cont; };
#define CK_MAX_OBJ 2            /* object parameters bound per state (embedded.c) */
#define CK_MAX_HEAD 2           /* parameters bound to the struct they start (downcasts.c) */
/* What the N bindings of V bind parameter PARAM to (their CONT), or -1. */
static inline int ck_objbind_get(const struct ck_objbind *v, int n, int param)
{
	for (int i = 0; param >= 0 && i < n; i++)
		if (v[i].n == param)
			return v[i].cont;
	return -1;
}

/* Parameter N (or its pointee's member FIELD, a field id, else CK_NO_FIELD)
 * holds VALUE on the path. */
struct ck_const { int n, field; long long value; };

/* A state waiting to be visited, with its guess and hops when queued (an
 * entry whose state has since been reached more surely is stale). */
struct ck_queued { int state, guess, hops; };

struct ck_state {
	int func, ctx, parent;
	signed char irqs;                 /* at entry: 1 off, -1 on, 0 unknown (a root) */
	int64_t via_site, via_store;
	int guess;                        /* how much the path guessed (engine.c, "A state's guess") */
	int hops;                         /* calls from the path's start */
	uint64_t on_path;                 /* a bit per function on the path (engine.c, path_enters) */
	bool last_put;                    /* the path called code that runs only where a reference
					   * count hit zero (site.last_put; engine.c, CK_LAST_PUT_GUESS) */
	bool kept_put;                    /* entered by a put that undoes its caller's own get: the
					   * function's last-put sites are not on the path (kept_puts.c) */
	bool visited;
	int nheld, nbind;
	struct ck_held held[CK_MAX_HELD];
	struct { int n, key; } bind[CK_MAX_BIND];
	int nconst;
	struct ck_const consts[CK_MAX_CONST];  /* constant arguments and members */
	int nfnbind;
	struct ck_fnbind fnbind[CK_MAX_BIND];   /* function-pointer arguments */
	int nobj;
	struct ck_objbind obj[CK_MAX_OBJ];      /* object arguments: the container each points
						 * into (embedded.c) */
	int nhead;
	struct ck_objbind head[CK_MAX_HEAD];    /* object arguments: the struct each starts,
						 * as a downcasts.c chain id */
	int nimpl;                        /* ops structures bound to the unit whose tables the */
	struct { int ops, unit, owner; } impl[CK_MAX_IMPL];   /* path's objects have (a unit: a file's
					   * row id or a module's -1 - index, ops_tables.c; owner: 1 +
					   * the member an object the path passed came from, when that
					   * bound it, member_owners.c; else 0) */
};

/*
 * A path state as the engine keeps it (e->states): what a walk up the path
 * reads (the function, the call it came through, its context), with the
 * held locks and bindings packed into e->bodies from word BODY on
 * (engine_state_load() unpacks the whole struct ck_state).  A whole tree
 * has 800,000 states; a struct ck_state is 456 bytes, most of them empty
 * arrays, a kept one 64 plus what its path holds and binds.
 */
struct ck_path_state {
	int func, ctx, parent;
	signed char irqs;
	bool last_put, kept_put, visited;
	unsigned char nheld, nbind, nconst, nfnbind, nobj, nhead, nimpl;
	int guess, hops;
	int64_t via_site, via_store;
	uint64_t on_path;
	size_t body;
};

struct ck_finding {
	const char *rule;
	char *message;
	int state;
	const struct ck_site *site;
	struct ck_held held;
	bool has_held;
	int key;
	bool has_other;                   /* a second path (lock-order, irq-inversion) */
	struct ck_witness other;
	const struct ck_witness *more;    /* paths 2..: a lock-order cycle's further dependencies (in e->arena) */
	int nmore;
	struct ck_below below;            /* the call it was found below, which it stands for
					   * (engine_report_below), or none ... */
	int nbelow;                       /* ... and the sites below that call it stands for */
};

struct ck_alias { int64_t id; int lhs, rhs; };

struct engine {
	struct lp_db *db;
	const struct lp_rules *rules;
	struct check_stats *st;
	VEC(struct ck_key) keys;
	VEC(char *) class_names;          /* class id - 1 -> name */
	struct strmap key_index;
	VEC(struct ck_func) funcs;        /* sorted by id */
	VEC(struct ck_site) sites;        /* sorted by id */
	VEC(struct ck_alias) aliases;
	VEC(struct ck_path_state) states;
	VEC(uint64_t) bodies;             /* the states' held locks and bindings, packed */
	VEC(struct ck_queued) queue;      /* states to visit, least guessed first (a binary heap) */
	struct strmap memo;               /* state signature -> index */
	VEC(struct ck_finding) findings;
	struct strmap reported;           /* rule/site/class -> 1 */
	struct strmap store_paths;        /* a store's file path -> its arena copy (engine_load.c) */
	struct strmap field_ids;          /* a member name in guards and site_arg -> its id */
	size_t first_root;                /* states from here on start at roots */
	int *order;                       /* function indexes in load_func_order's order */
	int *func_states;                 /* per function: states visited in it, then also those
					   * dropped (max_contexts: engine.c, function_full()) */
	size_t class_words;               /* words of a class bitset (reach.c) */
	uint64_t **order_seen;            /* per class A: the classes acquired while A was held */
	int *class_ltypes;                /* per class: its lock type (engine_class_ltype), or NULL */
	bool path_ended;                  /* a check ended the path at the site visited (engine_end_path) */
	struct ops_index *ops;            /* ops_tables.c */
	struct embedded_index *embedded;  /* embedded.c */
	struct downcast_index *downcasts; /* downcasts.c */
	struct member_index *members;     /* member_binds.c */
	struct lockdep_info *lockdep;     /* lockdep.c: lockdep's class rules, or NULL (none) */
	struct init_modes *modes;         /* init_modes.c: callbacks whose object's mode defers them */
	struct slot_index *slot_tables;   /* slot_tables.c: ops tables in arrays indexed by a type */
	struct owner_index *owners;       /* member_owners.c */
	struct registrar_index *registrars;   /* registrars.c: who stores and who calls each function */
	struct dropped *dropped;          /* dropped.c: the contexts past the per-function bound */
	struct zeroed_index *zeroed;      /* zeroed.c: zeroed allocations and what is written in them */
	struct arena arena;
	void *check_data[CHECK_COUNT];
};

/* engine_load.c: every linked fact the search needs, into E. */
void engine_load(struct engine *e);
/* Index in e->funcs of function row ID, or -1; the key index of NAME (added
 * when new), -1 for NULL or "". */
int engine_func_index(const struct engine *e, int64_t id);
int engine_key_get(struct engine *e, const char *name);
/* The kind of lock (enum lp_locktype) class CLS's acquisitions in the tree
 * are, or -1 when they differ or there are none (engine.c). */
int engine_class_ltype(struct engine *e, int cls);
/* A held lockref whose kind is its class's, resolved at the end of
 * engine_load (a lock a callee left held). */
#define LT_FROM_CALL (-3)
/* Function F's assignments of parameter PARAM with their tests ('wif:'), or NULL. */
const struct guardkey_wif *engine_func_wif(const struct ck_func *f, int param);
/* Whether parameter N is in MASK (engine_load.c, load_param_uses: bit 31
 * stands for every parameter past the 31st). */
static inline bool engine_param_used(uint32_t mask, int n)
{
	return n >= 0 && n < 31 ? mask >> n & 1 : mask >> 31 & 1;
}
/* Add parameter N to MASK (bit 31: every parameter past the 31st). */
static inline void engine_use_param(uint32_t *mask, int n)
{
	*mask |= n >= 0 && n < 31 ? (uint32_t)1 << n : (uint32_t)1 << 31;
}
/* The index of site S in e->sites. */
static inline int engine_site_index(const struct engine *e, const struct ck_site *s)
{
	return (int)(s - e->sites.v);
}
/* The loaded site of row ID, or NULL (e->sites is sorted by id). */
struct ck_site *engine_site_by_id(struct engine *e, int64_t id);
/* Append argument A to site S's (in the engine's arena). */
void engine_site_add_arg(struct engine *e, struct ck_site *s, struct ck_arg a);
/* The id of member name NAME in guards and site_arg (added when new). */
int engine_field_id(struct engine *e, const char *name);
/* The held-set operations (engine.c): a set of at most CK_MAX_HELD locks,
 * sorted by class, one entry per class.  Adding X's class when it is in
 * already changes nothing; adding to a full set drops X and counts it in
 * ST->held_full (a limit the report names).  Removing a class not in the
 * set changes nothing. */
void engine_held_add(struct check_stats *st, struct ck_held *h, int *n, struct ck_held x);
void engine_held_remove(struct ck_held *h, int *n, int cls);
/* The memo key of state S into SB (reset first): two states with the same
 * key are one state of the search.  It names the function, context, irq
 * state at entry, held classes, lock parameters by the class
 * bound, constants, function-pointer bindings, ops-table bindings and
 * the objects' containers and structs (embedded.c, downcasts.c); not the
 * path (parent, guess, hops). */
void engine_state_signature(const struct engine *e, const struct ck_state *s, struct strbuf *sb);
/* The locks held at SITE on the path of S, into OUT (CK_MAX_HELD); their number. */
int engine_held_at(const struct engine *e, const struct ck_state *s, const struct ck_site *site,
		   struct ck_held *out);
/* Whether the path of state STATE is in function FUNC already (a call into
 * it would be recursion, which the search does not follow). */
bool engine_path_enters(const struct engine *e, int state, int func);
/* Append S as a visited state outside the search (no memo entry, never
 * queued): a path made for a finding (dropped.c); its index. */
int engine_add_state(struct engine *e, const struct ck_state *s);
/* Whether some path acquired class B while holding A (engine_order_seen). */
bool engine_order_known(const struct engine *e, int a, int b);
void engine_state_load(const struct engine *e, int state, struct ck_state *out);
/* The value dimension D of index pattern P asks for in state S (a constant,
 * or the constant S bound to the parameter), or -1: anything. */
/* An index pattern or element ('*,arg#1', '3,2'; text past a dimension's
 * number is ignored), parsed into E's arena. */
const struct ck_index *engine_parse_index(struct engine *e, const char *text);
long long engine_index_value(const struct ck_state *s, const struct ck_index *p, int d);
/* engine_write.c: replace the database's findings with E's. */
void engine_write_findings(struct engine *e);

/* The interrupt state at SITE on a path that entered its function with
 * ENTRY (1 off, -1 on, 0 not known): what the function set itself, else
 * the caller's (also after the function's own save and restore); where
 * the function's paths to it disagree, what they all say, or not known. */
static inline int engine_site_irqs(const struct ck_site *site, int entry)
{
	switch (site->irqs_off) {
	case IRQS_OFF: return 1;
	case IRQS_ON: return -1;
	case IRQS_AS_AT_ENTRY: case IRQS_RESTORED: return entry;
	case IRQS_OFF_OR_ENTRY: return entry > 0 ? 1 : 0;
	case IRQS_ON_OR_ENTRY: return entry < 0 ? -1 : 0;
	default: return 0;
	}
}

#endif
