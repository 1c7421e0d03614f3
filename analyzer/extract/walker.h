/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * walker.h - the walker's state and the functions its files share: walk.c
 * (expressions, calls, the statement dispatcher, functions), walk_flow.c
 * (if, blocks, loops, switch, labels, return), walk_scope.c (lock guards),
 * walk_macro.c (lockdep and sleep macros), walk_summary.c (what a function
 * leaves its caller).  Private to those files; walk.h is the interface.
 */
#ifndef LP_WALKER_H
#define LP_WALKER_H

#include "extract/walk.h"
#include "extract/keys.h"
#include "extract/guard.h"
#include "extract/members.h"
#include "extract/member_writes.h"
#include "extract/dead_tables.h"
#include "lib/util.h"

#include <stdbool.h>
#include <stdint.h>

#define LS_MAX 16     /* distinct locks tracked per function; past it, a limit notice
                       * (note_locks_full) */
#define MAX_FRAMES 64 /* nesting of loops and switches (push_frame); of guards (push_guard) */
#define SITE_GUARDS_MAX 6   /* guards recorded per site (site_guard) */
#define PARAM_CASTS_MAX 16  /* parameters whose casts are recorded (func.param_casts) */

/* A call on a variable that the path has not yet seen made again: the call
 * (site index) and the variable (its declaration's hash). */
#define PENDING_CALLS 8
struct pending_call { int site; unsigned var; };

/* lstate.irqs: the states a path may be in, as the caller had them, off, on. */
enum { IRQB_ENTRY = 1, IRQB_OFF = 2, IRQB_ON = 4 };

struct lstate {
	bool dead;                /* unreachable (after return, break, goto) */
	bool cdead;               /* ... because a condition is constant: the compiler drops the
				   * code (walk_cond), so it is not walked at all */
	unsigned char irqs;       /* IRQB_* bits: the interrupt states the paths here may be in */
	bool irqs_touched;        /* the function changed the irq state on some path here */
	bool irqs_saved;          /* ... saved the caller's on every path (local_irq_save) */
	bool irqs_restored;       /* ... restored flags it did not save on some path: its
				   * caller's save (func.exit_irqs) */
	uint64_t irqs_head;       /* bit D: a path here that has not changed the interrupt state
				   * since the head of the loop in frame D (walk_loop) */
	unsigned char ncalls;     /* calls on a variable not yet made again (note_repeat_call) */
	struct pending_call calls[PENDING_CALLS];
	bool last_put;            /* a reference count dropped to zero on the way here
				   * ('if (refcount_dec_and_test(&x->ref))'; walk_cond) */
	const char *last_put_obj; /* ... the count of this parameter's object ('arg#0.refcnt',
				   * interned), or NULL: another or not known */
	unsigned char n;
	bool full;                /* a lock was not tracked: LS_MAX others were (ls_get, ls_join) */
	int dom;                  /* the last direct call on every path to here (site index),
				   * -1: none (xsite.dom) */
	struct xlock e[LS_MAX];
	struct members m;         /* constants stored into struct members (members.h) */
};

/*
 * A run of code the walk is in: from the start of the innermost branch arm,
 * loop body, case or label on (or from the end of an arm with a way out),
 * every site leads to the code after it unless a return, goto, break or
 * continue left the run on the way.  A run that ends in
 * __builtin_unreachable() (BUG(), unreachable()) leads nowhere, and one that
 * ends in add_taint(.., LOCKDEP_NOW_UNRELIABLE) leads on only with lockdep
 * off: its sites are the kernel's report of a state it says cannot be
 * (walk_flow.c, region_doom).
 */
struct region {
	int start;                /* the first site of the run (an index in f->sites) */
	bool left;                /* a way out came since START */
	bool left_any;            /* ... or since the arm began (a case or label restarts
				   * START): what branch_leave passes to the run around it */
};

struct frame {
	bool is_switch, has_default, has_brk;
	struct guard *guard;      /* 'switch (param)': the case values of the code here */
	struct guard out;         /* ... and of the code that leaves the switch at its end */
	struct lstate brk;        /* join of the states at 'break' */
	struct lstate entry;      /* switch: the state at each case label */
	struct lstate cont;       /* loop: join of the states at 'continue' */
};

struct label { CXCursor stmt; struct lstate pending; };

/* The last acquire that can fail walked (CALL: 'mutex_lock_interruptible(&m)')
 * and the state before it, where it failed; SET: a local VAR holds its
 * result ('ret = mutex_lock_interruptible(&m);') for the test of it that
 * comes next (fail_test).  SITES: the TU's site count then; a call or lock
 * operation in between makes the saved state stale. */
struct fail_result { CXCursor call; bool set; CXCursor var; size_t sites; struct lstate failed; };

/* What a function leaves behind for its caller: locks still held at its
 * return, and caller's locks it released (queue_request_and_unlock()); the
 * members of what a pointer parameter points to that it set on every path
 * (trace_init_global_iter()'s 'iter->temp = static_temp_buf'), or set to
 * something else (KNOWN false). */
struct summary {
	int n;
	struct { const char *key; bool held; } e[LS_MAX];
	int nm;
	struct { int param; const char *field; long long value; bool known; } m[MEMBERS_MAX];
	unsigned ret_zero;   /* path states in which the function can only return 0
			      * (bits of enum guardkey_ctx): a predicate that says no
			      * in interrupt context ('if (!in_task()) return false;'),
			      * or in every state (a stub the config left: 'return false;') */
};
struct summaries {
	struct strmap index;      /* USR -> index in v + 1; 0 while being computed */
	VEC(struct summary) v;
	struct arena arena;
	int depth;
};
struct local { CXCursor var; const char *key; };
/* A local function pointer loaded from a member ('complete = req->complete'):
 * the object read and the member's key, for the call through it. */
struct fnlocal { CXCursor var; const char *obj, *member; };
/* A local pointer that holds what the call at SITE returned (-1: something else). */
struct retlocal { CXCursor var; int site; };   /* site -2: NULL (walk.c, RETLOCAL_NULL) */

/* A goto of the function walked: where it is and where its label is, by
 * offset in the file. */
struct goto_pos { unsigned from, to; };

/* A guard entered (guards[]): the code it holds for, by offset in the file
 * (a switch's: from the case being walked; CASES is its body), when it was
 * entered (SERIAL, counted per function), and whether a label inside it is
 * the target of a goto from outside, past which the code does not run under
 * it (guards_at_label). */
struct guard_frame {
	unsigned start, end, serial;
	bool broken, is_switch;
	CXCursor cases;
};

/* walk_writes.c: the labels met, the gotos walked and the assignments of
 * parameters, for the tests each assignment runs under ('wif:'). */
#define WRITE_GUARDS_MAX 8
struct label_met { unsigned at, serial; };
struct write_guard {
	int param;
	bool plain;               /* a test of the parameter itself (no member, no context) */
	unsigned serial;
	const char *text;
};
struct goto_seen { unsigned to; bool dead; int n; struct write_guard g[WRITE_GUARDS_MAX]; };
/* A site past a label that broke a guard around it: its guards then, for
 * the alternatives (walk_writes.c, writes_resolve_sites). */
struct pending_site { size_t site, nlabels; int n; struct write_guard g[WRITE_GUARDS_MAX]; };
struct param_write {
	int param;
	bool any;                 /* not a constant */
	long long value;
	size_t nlabels;           /* the labels met before it (labels_met[0..nlabels)) */
	int n;                    /* the guards on the parameter it runs under */
	struct write_guard g[WRITE_GUARDS_MAX];
};

/* A variable with a cleanup attribute whose initialiser took a lock
 * (cleanup.h's 'guard(mutex)(&l)', 'scoped_guard(spinlock_irqsave, &l)'):
 * its destructor releases the lock wherever its scope is left. */
struct scoped_lock { int acq_site, scope, breaks; };

struct walker {
	const struct walk_env *env;
	struct tu_facts *f;
	struct key_env kenv;
	struct strmap interned;   /* key string -> index in strs */
	VEC(const char *) strs;
	struct strmap hdr_hash;   /* header path -> its hash (from f->includes) */
	struct wrappers *wraps;   /* lock wrappers seen in this TU */
	struct links *links;      /* this TU's return walks (links.c) */
	/* the function being walked */
	int func, hdr;
	bool returns_lockptr;
	const char *init_idx;     /* array initialiser element being walked: '3,2' */
	int arg_site;             /* the call whose argument is being stored, or -1 */
	const char *store_obj;    /* the object whose member is being stored, or NULL */
	CXFile main_cxfile;       /* the TU's main file */
	CXTranslationUnit tu;
	CXFile annot_file;        /* the sleep annotation last made a site (note_annotation) */
	unsigned annot_offset;
	struct lstate exit;       /* join of the states at every return */
	struct summaries *sums;   /* of this TU's main-file functions, shared with nested walkers */
	struct lstate st;
	struct frame frames[MAX_FRAMES];
	int nframes;
	VEC(struct label) labels;
	VEC(struct local) locals;
	VEC(struct fnlocal) fnlocals;
	VEC(struct retlocal) retlocals;
	VEC(int) calls_unrepeated;   /* calls a path left the function without making again */
	struct member_writes mwrites;   /* the member names the function writes (member_writes.h) */
	VEC(struct scoped_lock) scoped;   /* lock guard variables in scope, innermost last */
	int scope_depth;          /* blocks (and 'for' headers) around the code walked */
	int break_depth;          /* loops and switches around it: what a 'break' leaves */
	CXCursor last_call;       /* the call walked last, and its site (call_value_site) */
	int last_call_site;
	int depth;
	bool depth_noted;         /* a nesting bound was hit in this function (note_limit) */
	unsigned long long guarded;   /* parameters a guard tests or a call passes on, whose
				       * writes the annotations record (bits; note_param_writes) */
	VEC(struct guard) guarded_members;   /* ... and members through parameters ('args->force') */
	VEC(struct init_text) init_texts;    /* the init macros' locks met in this function, by text */
	VEC(struct ptr_arg) ptr_args;        /* the struct pointers its calls were given (class_macro) */
	const struct guard *guards[MAX_FRAMES];   /* the enclosing guards, innermost last */
	struct guard_frame gframes[MAX_FRAMES];   /* ... where each holds */
	int nguards;
	unsigned guard_serial;    /* guards entered in the function so far */
	VEC(struct label_met) labels_met;   /* walk_writes.c */
	VEC(struct goto_seen) gotos_seen;
	VEC(struct param_write) pwrites;
	VEC(struct pending_site) psites;
	unsigned ret_live;        /* path states in which a return of a value other than a
				   * constant 0 can run (summary.ret_zero) */
	bool ret_unknown;         /* an asm or computed goto: labels may be live that look dead */
	struct lstate asm_states; /* join of the states at the asm statements walked so far */
	int loop_depth;           /* loops around the code walked */
	struct guard_first_writes first_writes;   /* the function's, once a test asks (guards_at_entry) */
	bool first_writes_done;
	VEC(struct goto_pos) gotos;   /* the function's gotos, once a label asks (label_keeps_guards) */
	VEC(unsigned) label_offs;     /* ... and where its labels are */
	bool gotos_done, wild_jumps;  /* ... and whether it has a computed goto or an asm */
	bool computed_goto;       /* ... a computed goto ('goto *p') */
	int cond_depth;           /* branches, loop bodies, '?:' arms, '&&'/'||' right sides around
				   * the code walked: a site at 0 runs on every call, unless ... */
	bool left;                /* ... a return or goto came before it */
	struct region region;     /* the run of code being walked */
	struct dead_tables dead;  /* static tables and cut-off code of the TU (dead_tables.h) */
	struct guard_set *after_slot; /* walk_block: where the 'if' it walks puts the guards of the code
				   * after it, and whether it did (walk_if) */
	bool after_found;
	const struct kids *block_kids;   /* the statements of the block being walked */
	struct fail_result failres;      /* 'ret = mutex_lock_interruptible(..)' just walked */
	const char *param_casts[PARAM_CASTS_MAX];  /* per parameter: the struct chain it is cast to
				   * on every call, or NULL (casts.h) */
	uint32_t params_written;  /* parameters the function assigns: their casts say nothing
				   * of what its callers passed */
};

/* An init macro's lock as written ('&wq_head->lock'), for the re-key
 * macro after it that names it the same way (lockdep-class-macro). */
struct init_text { const char *text, *key, *path; };
/* Argument N of the call written at OFFSET of FILE, a struct pointer. */
struct ptr_arg { CXFile file; unsigned offset; int n; CXCursor arg; };


/* The children of a cursor, in order (kids_get/kids_free). */
struct kids { CXCursor *v; unsigned n, cap; CXCursor small[8]; };

static const struct lstate dead_state = { .dead = true, .dom = -1 };
static const struct lstate const_dead_state = { .dead = true, .cdead = true, .dom = -1 };

/* walk.c: helpers, lock state, sites, expressions, statements, functions */
bool in_main_file(const struct walker *w, CXSourceLocation loc);
const char *intern(struct walker *w, const char *s);
void kids_get(struct kids *k, CXCursor c);
void kids_free(struct kids *k);
struct xlock *ls_find(struct lstate *s, const char *key);
struct xlock *ls_get(struct lstate *s, const char *key);
void ls_join(struct walker *w, struct lstate *a, const struct lstate *b);
int add_site_at(struct walker *w, int kind, CXSourceLocation at);
int add_site(struct walker *w, int kind, CXCursor at);
void add_alias(struct walker *w, CXCursor at, const char *lhs, const char *rhs);
const char *local_lookup(void *ctx, CXCursor var);
void note_return(struct walker *w, CXCursor value);
void apply_irq(struct walker *w, enum lp_irq irq);
/* site.irqs_off of the IRQB_* bits a path may be in (TOUCHED: the function
 * switched the interrupts on some path to it). */
int irqs_state(unsigned char bits, bool touched);
const char *lock_site(struct walker *w, CXCursor at, const struct lp_lockprim *p, CXCursor lock, int *site);
void walk_cond(struct walker *w, CXCursor c, struct lstate *t, struct lstate *f);
void note_limit(struct walker *w, CXCursor c, const char *what, int bound);
unsigned call_zero(void *ctx, CXCursor call);
void guards_at_entry(struct walker *w, CXCursor cond, struct guard *g, int n);
void branch_guards(struct walker *w, CXCursor cond, struct guard_set *then_s, struct guard_set *else_s);
unsigned guards_ctx_dead(const struct walker *w);
/* The object a pointer argument A points to ('&args' -> 'args', 'args' ->
 * '*args'), interned (members.h), or NULL. */
const char *pointee_object(struct walker *w, CXCursor a);
void walk_expr(struct walker *w, CXCursor c);
void walk_stmt(struct walker *w, CXCursor c);
void walk_function(struct walker *w, CXCursor fn, int hdr);
void walker_free_buffers(struct walker *w);

/* walk_flow.c: control flow */
struct frame *top_frame(struct walker *w, bool want_loop);
struct label *label_of(struct walker *w, CXCursor stmt);
/* Enter a branch arm, loop body, '?:' arm or '&&'/'||' right side: code that
 * may not run (cond_depth), and a new run of code (struct region); the run
 * around it, for branch_leave. */
struct region branch_enter(struct walker *w);
void branch_leave(struct walker *w, struct region outer);
/* A case or label: jumps come in, so a new run of code starts here, unless
 * the code before falls in (it reaches the end of the run as well). */
void region_restart(struct walker *w);
/* A return, goto, break or continue leaves the run. */
void region_exit(struct walker *w);
/* __builtin_unreachable(), or a call that declares the kernel's state
 * corrupt ('corruption-report'): the run's sites lead only here (xsite.doomed). */
void region_doom(struct walker *w);
/* Enter guard G (every guard of S), which holds for the code from offset
 * START to END; false (how many) when the nesting bound stops it. */
bool push_guard(struct walker *w, const struct guard *g, unsigned start, unsigned end);
int push_guards(struct walker *w, const struct guard_set *s, unsigned start, unsigned end);
/* ... for the code of cursor C. */
int push_guards_for(struct walker *w, const struct guard_set *s, CXCursor c);
/* Whether the guard entered at depth I still holds (guards_at_label). */
static inline bool guard_holds(const struct walker *w, int i)
{
	return !w->gframes[i].broken;
}
/* Label C: the guards around it that a goto from outside jumps past. */
void guards_at_label(struct walker *w, CXCursor c);
/* The function's gotos (w->gotos) and labels (w->label_offs), and whether
 * it has a computed goto or an asm (w->wild_jumps), collected once. */
void gotos_collect(struct walker *w);
/* Whether the label at AT may be jumped to other than by the function's
 * gotos: a computed goto may jump to any label, and an 'asm goto' (which
 * libclang does not tell from a plain asm, nor its labels) to the labels
 * that no goto names (static_branch()'s 'l_yes:', unsafe_get_user()'s
 * error label; s390's WARN_ON() is an asm too, and jumps nowhere). */
bool label_asm_target(struct walker *w, unsigned at);
bool walk_if(struct walker *w, CXCursor c, struct guard_set *after);
void walk_block(struct walker *w, CXCursor c);
void walk_loop(struct walker *w, CXCursor c, enum CXCursorKind kind);
void switch_exit(struct frame *fr);
bool walk_switch(struct walker *w, CXCursor c, struct guard_set *after);
void walk_case(struct walker *w, CXCursor c, bool is_default);
void walk_return(struct walker *w, CXCursor c);

/* walk_writes.c: a parameter's assignments and the tests each runs under */
void writes_note_label(struct walker *w, unsigned at);
void writes_note_goto(struct walker *w, unsigned to);
void writes_note_assign(struct walker *w, CXCursor lhs, CXCursor rhs);
void writes_note_site(struct walker *w, size_t site);
/* The guards of the sites past a label that broke one: 'alt:' (guardkey.h). */
void writes_resolve_sites(struct walker *w);
/* Guard G is some site's: what the function writes to its subject counts
 * (w->guarded, w->guarded_members). */
void guard_mark_used(struct walker *w, const struct guard *g);
/* Whether TEXT is one of the N guard texts in SEEN. */
bool guard_seen(const char *const *seen, int n, const char *text);
/* 'wif:' annotations of the function walked (guard.h), or NULL. */
const char *writes_conditions(struct walker *w);

/* walk_scope.c: lock guards */
bool has_cleanup_attr(struct walker *w, CXCursor var);
void note_scoped_locks(struct walker *w, int first);
void leave_scopes(struct walker *w, int scope, CXSourceLocation at, bool pop);
void break_scopes(struct walker *w, CXCursor at);

/* walk_macro.c: macros and annotations */
bool macro_arg_text(struct walker *w, CXFile file, unsigned offset, int n, char out[128]);
void note_annotation(struct walker *w, CXCursor c);

/* walk_summary.c: summaries */
void annot_apply(struct walker *w, const char *annot);
const char *exit_locks_text(struct walker *w);
void summary_save(struct walker *w, const char *usr);
const struct summary *summary_of(struct walker *w, CXCursor def);
void apply_summary(struct walker *w, CXCursor call, CXCursor callee, int site);

#endif
