/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * facts.h - what extract learns from one translation unit, in memory,
 * between the worker that walks the AST and the single thread that writes
 * the database (store.c).  All strings live in the TU's arena.  Indexes
 * (site, func, file) are local to the TU; store.c maps them to row ids.
 */
#ifndef LP_FACTS_H
#define LP_FACTS_H

#include <stdbool.h>
#include "lib/util.h"
#include "db/columns.h"

struct xlock {               /* one entry of a site's local lock state */
	const char *key;
	bool held;               /* acquired since entry, not released */
	bool released;           /* released since entry (a caller's lock) */
	bool dropped;            /* released while not acquired here first: surely a caller's
				  * lock (a callee's summary carries only these releases) */
	int acq_site;            /* held: the acquiring site (TU-local index) */
};

/* One argument: a lock pointer (key), a struct pointer (key, obj set), an
 * integer constant (key NULL, value), a member of the struct it points to
 * set just before the call (field, value; unknown: set to something else),
 * or the caller's parameter FWD1 - 1 passed on unchanged.  PATH: a lock's
 * container path (lock_path.h), or NULL. */
struct xarg {
	int n; const char *key; long long value; bool obj; const char *path;
	const char *field; bool unknown; int fwd1;
	long long fwd_mask;      /* fwd1: the parameter passed on through '& FWD_MASK' (0: as it is) */
	long long fwd_or;        /* fwd1: ... or as '| FWD_OR' (0: as it is) */
	bool cond;               /* fwd1: passed on as 'param ? COND_THEN : COND_ELSE'; without
				  * fwd1, 'CTX ? COND_THEN : COND_ELSE' over a context test: COND_THEN
				  * in the path states CTX_TRUE, COND_ELSE in CTX_FALSE (bits of
				  * enum guardkey_ctx; graph_trace_open()'s gfp mask) */
	long long cond_then, cond_else;
	unsigned char ctx_true, ctx_false;
	const char *src_field;   /* fwd1: the parameter's member read ('ab->gfp_mask'), or NULL */
	int ret_site1;           /* the pointer the call at TU-local site RET_SITE1 - 1 returned */
	bool ret_only;           /* ... and the local holding it was assigned nothing else (or NULL) */
	bool addr;               /* obj: the argument is the object's address ('&dispose'): not NULL */
	const char *walk;        /* a struct pointer's walk from a parameter (extract/links.c), or NULL */
};

struct xsite {
	int func;                /* TU-local function index */
	int kind;                /* enum lp_site_kind */
	int file; unsigned line, col;
	const char *callee_usr, *callee_name, *ind_key, *ind_index, *text, *lock_key;
	const char *lock_path;   /* lock op: the lock's container path (lock_path.h), or NULL */
	const char *ind_obj;     /* call through a member: the object read ('arg#0'), or NULL */
	const char *ind_member;  /* ... through a local loaded from a member: its key, or NULL */
	const char *ind_slot;    /* ... through a table read from an array slot: 'arr[arg#2]' (slot_tables.h) */
	const char *ind_table;   /* ... through a table read from a member: 'device.bus' (member_tables.h) */
	const char *ind_table_obj; /* ... and the object it is read from ('arg#0') */
	const char *ind_head;    /* ... and one of its arguments is that object, the first member
				  * of a struct the code names: 'N=CHAIN' (casts.h), or NULL */
	int irq, subclass, irqs_off;
	unsigned char irq_bits;  /* walk only: the IRQB_* bits irqs_off was made from, */
	bool irq_touched;        /* ... whether the function had switched them on some path, */
	uint64_t irq_head;       /* ... and the loops whose head state reaches here (walk_loop) */
	int ltype, is_read;       /* lock op: enum lp_locktype, read side */
	struct xlock *locks; int nlocks;
	struct xarg *args; int nargs;
	const char *guard;       /* under 'switch (param)': 'arg#N=V,..' (guard.h), or NULL */
	bool always;             /* runs on every call of the function (walk.c, cond_depth) */
	bool last_put;           /* runs only where a reference count dropped to zero (walk.c) */
	const char *last_put_obj; /* ... the count of the function's parameter 'arg#N.member' */
	const char *ref_obj;     /* a call of a refcount-get or -drop rule: the count it takes
				  * or drops, 'arg#N.member' of the caller's parameter N */
	bool doomed;             /* leads only to BUG() (walk_flow.c, region_doom) */
	int dom;                 /* the last direct call before this site on every path from
				  * the function's entry: TU-local index, or -1 (callee_effects.c
				  * applies the lock effects of the calls in this chain) */
	int dom_depth;           /* how many calls dominate it (walk.c's joins) */
	bool exit_dom;           /* this call is the function's last call on every path to
				  * its return */
	int again1;              /* 1 + the argument, a local or parameter, with which the
				  * function makes this call again on every path from it, before
				  * any write of that variable; 0: not so (walk.c) */
};

struct xfunc {
	const char *usr, *name;
	int file; unsigned line, col, end_line;
	bool is_static;
	int nparams;
	int hdr;                 /* -1: owned by the TU; else the header's TU-local file index */
	const char *annot;
	const char *param_casts; /* its parameters cast to another struct on every call:
				  * 'N=CHAIN', ';' separated (casts.h), or NULL */
	const char *member_writes; /* the member names it writes, 'a,b' sorted (member_writes.h), or NULL */
	const char *exit_locks;  /* locks it leaves held ('+key') or released ('-key') for its
				  * caller, ';' separated, or NULL (walk.c, exit_locks_text) */
	int exit_irqs;           /* enum lp_exit_irqs (walk.c, exit_irqs) */
};

struct xstore {              /* a function (or key) stored into a key */
	int func;                /* enclosing function, -1 for a global initialiser */
	int hdr;                 /* as xfunc.hdr */
	int file; unsigned line, col;
	const char *key, *src_usr, *src_name, *src_key;
	const char *idx;         /* array initialiser element: '3,2' */
	int site;                /* an argument of a call: the call's TU-local site index, else -1 */
	const char *obj;         /* a member store: the object's key, else NULL */
};

struct xalias {              /* two lock keys are one lock */
	int func, hdr;
	int file; unsigned line, col;
	const char *lhs, *rhs, *text;
};

struct xret {                /* what a function returns a pointer to (schema.sql, func_ret) */
	int func;                /* TU-local function index */
	const char *field;       /* an object whose member FIELD holds parameter PARAM, or NULL */
	int param;
	int site;                /* ... or what the call at TU-local site SITE returned, or -1 */
	const char *obj;         /* with SITE: the object the returned local points to, named as
				  * table_store names it ('*local:F:reporter'), or NULL */
};

struct xslot {               /* a struct pointer stored into an array slot (schema.sql, slot_store) */
	int func;                /* TU-local function index */
	const char *slot, *idx, *value;
};

struct xtable {              /* a table pointer stored into a member (schema.sql, table_store) */
	int func;                /* TU-local function index */
	const char *member, *obj, *value, *src;
};

struct xresult {             /* a pointer a call returned stored into a member (schema.sql, result_store) */
	int func;                /* TU-local function index */
	const char *member;
	int site;                /* the TU-local call site, or -1: something else was stored */
};

struct xlink {               /* a walk stored into a member walk (schema.sql, link_store) */
	int func;                /* TU-local function index */
	const char *dst, *src;
};

struct xdiag { int severity; int file; unsigned line, col; const char *message; };
struct xinclude { const char *path; char hash[33]; };

struct tu_facts {
	struct arena arena;
	const char *main_file, *directory, *args, *args_hash;
	enum tu_status status;
	int n_errors;
	double parse_ms, walk_ms;        /* wall time */
	double parse_cpu_ms, walk_cpu_ms; /* the worker thread's CPU time */
	VEC(const char *) files;         /* TU-local file table: index -> path */
	struct strmap file_index;        /* path -> index */
	VEC(struct xinclude) includes;   /* every file read, main file first */
	VEC(struct xfunc) funcs;
	VEC(struct xsite) sites;
	VEC(struct xstore) stores;
	VEC(struct xalias) aliases;
	VEC(struct xret) rets;
	VEC(struct xslot) slots;
	VEC(struct xtable) tables;
	VEC(struct xresult) results;
	VEC(struct xlink) links;
	VEC(struct xdiag) diags;
};

struct tu_facts *facts_new(void);
void facts_free(struct tu_facts *f);
/* Intern PATH into the TU's file table. */
int facts_file(struct tu_facts *f, const char *path);

#endif
