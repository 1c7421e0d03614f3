// SPDX-License-Identifier: GPL-2.0-only
/*
 * walk.c - one pass over each function body, carrying the lock state the
 * function itself has built since entry (acquired / released keys, irq
 * state), and recording a site with that state at every call and lock
 * operation.  Flow-sensitive for if/else, loops (one pass, joined with the
 * loop entry), switch, break, goto and early return; joins are "must hold"
 * (a lock is held after a join only if held on every incoming path).  It
 * deliberately does not iterate loops to a fixpoint nor follow backward
 * gotos: those only lose findings, never invent them.  The state also
 * carries the last direct call on every path (lstate.dom; a join keeps
 * the calls both paths share), which each site records: check applies the
 * lock effects of callees in other files along that chain
 * (check/callee_effects.c), and each function's exit locks are recorded
 * for it (exit_locks_text).
 */
#include "extract/walk.h"
#include "extract/keys.h"
#include "extract/wrappers.h"
#include "extract/annot.h"
#include "extract/guard.h"
#include "extract/members.h"
#include "extract/lock_path.h"
#include "extract/slot_tables.h"
#include "extract/member_tables.h"
#include "lib/keyname.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define LS_MAX 16     /* distinct locks tracked per function; past it, a limit notice
                       * (note_locks_full) */
#define MAX_FRAMES 64 /* nesting of loops and switches (push_frame); of guards (push_guard) */

struct lstate {
	bool dead;                /* unreachable (after return, break, goto) */
	bool cdead;               /* ... because a condition is constant: the compiler drops the
				   * code (walk_cond), so it is not walked at all */
	signed char irqs_off;     /* enum lp_irqs_state */
	bool last_put;            /* a reference count dropped to zero on the way here
				   * ('if (refcount_dec_and_test(&x->ref))'; walk_cond) */
	unsigned char n;
	bool full;                /* a lock was not tracked: LS_MAX others were (ls_get, ls_join) */
	int dom;                  /* the last direct call on every path to here (site index),
				   * -1: none (xsite.dom) */
	struct xlock e[LS_MAX];
	struct members m;         /* constants stored into struct members (members.h) */
};

struct frame {
	bool is_switch, has_default, has_brk;
	struct guard *guard;      /* 'switch (param)': the case values of the code here */
	struct guard out;         /* ... and of the code that leaves the switch at its end */
	struct lstate brk;        /* join of the states at 'break' */
	struct lstate entry;      /* switch: the state at each case label */
};

struct label { CXCursor stmt; struct lstate pending; };

/* The last acquire that can fail walked (CALL: 'mutex_lock_interruptible(&m)')
 * and the state before it, where it failed; SET: a local VAR holds its
 * result ('ret = mutex_lock_interruptible(&m);') for the test of it that
 * comes next (fail_test).  SITES: the TU's site count then; a call or lock
 * operation in between makes the saved state stale. */
struct fail_result { CXCursor call; bool set; CXCursor var; size_t sites; struct lstate failed; };

/* What a function leaves behind for its caller: locks still held at its
 * return, and caller's locks it released (queue_request_and_unlock()). */
struct summary {
	int n;
	struct { const char *key; bool held; } e[LS_MAX];
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
struct retlocal { CXCursor var; int site; };

/* A goto of the function walked: where it is and where its label is, by
 * offset in the file. */
struct goto_pos { unsigned from, to; };

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
	VEC(struct scoped_lock) scoped;   /* lock guard variables in scope, innermost last */
	int scope_depth;          /* blocks (and 'for' headers) around the code walked */
	int break_depth;          /* loops and switches around it: what a 'break' leaves */
	CXCursor last_call;       /* the call walked last, and its site (call_value_site) */
	int last_call_site;
	int depth;
	bool depth_noted;         /* a nesting bound was hit in this function (note_limit) */
	unsigned long long guarded;   /* parameters some site's guard depends on (bits) */
	VEC(struct guard) guarded_members;   /* ... and members through parameters ('args->force') */
	VEC(struct init_text) init_texts;    /* the init macros' locks met in this function, by text */
	const struct guard *guards[MAX_FRAMES];   /* the enclosing guards, innermost last */
	int nguards;
	unsigned ret_live;        /* path states in which a return of a value other than a
				   * constant 0 can run (summary.ret_zero) */
	bool ret_unknown;         /* an asm or computed goto: labels may be live that look dead */
	struct lstate asm_states; /* join of the states at the asm statements walked so far */
	int loop_depth;           /* loops around the code walked */
	struct guard_first_writes first_writes;   /* the function's, once a test asks (guards_at_entry) */
	bool first_writes_done;
	VEC(struct goto_pos) gotos;   /* the function's gotos, once a label asks (label_keeps_guards) */
	bool gotos_done, wild_jumps;  /* ... and whether it has a computed goto or an asm */
	int cond_depth;           /* branches, loop bodies, '?:' arms, '&&'/'||' right sides around
				   * the code walked: a site at 0 runs on every call, unless ... */
	bool left;                /* ... a return or goto came before it */
	struct guard *after_slot; /* walk_block: where the 'if' it walks puts the guard of the code
				   * after it, and whether it did (walk_if) */
	bool after_found;
	const struct kids *block_kids;   /* the statements of the block being walked */
	struct fail_result failres;      /* 'ret = mutex_lock_interruptible(..)' just walked */
};

/* An init macro's lock as written ('&wq_head->lock'), for the re-key
 * macro after it that names it the same way (lockdep-class-macro). */
struct init_text { const char *text, *key, *path; };

/* ------------------------------------------------------------ small helpers */

/*
 * Whether LOC is in the main file once macros are expanded.  A definition a
 * macro writes (DEFINE_*, DEVICE_ATTR_RW(), a generated notifier block) is
 * spelled in the macro or in scratch space, where libclang's
 * isFromMainFile says no; it belongs to the file it is expanded in.
 */
static bool in_main_file(const struct walker *w, CXSourceLocation loc)
{
	return key_loc_in_file(loc, w->main_cxfile);
}

static const char *intern(struct walker *w, const char *s)
{
	if (!s)
		return NULL;
	bool created;
	int64_t *slot = strmap_put(&w->interned, s, &created);
	if (created) {
		*slot = (int64_t)w->strs.n;
		vec_push(&w->strs, arena_strdup(&w->f->arena, s));
	}
	return w->strs.v[*slot];
}

static const char *cx_str(struct walker *w, CXString s)
{
	const char *c = clang_getCString(s);
	const char *r = arena_strdup(&w->f->arena, c ? c : "");
	clang_disposeString(s);
	return r;
}

struct kids { CXCursor *v; unsigned n, cap; CXCursor small[8]; };

static enum CXChildVisitResult kids_add(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;
	if (k->n == k->cap) {
		unsigned cap = k->cap * 2;
		CXCursor *v = xmalloc(cap * sizeof(*v));
		memcpy(v, k->v, k->n * sizeof(*v));
		if (k->v != k->small)
			free(k->v);
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = c;
	return CXChildVisit_Continue;
}

static void kids_get(struct kids *k, CXCursor c)
{
	k->v = k->small;
	k->n = 0;
	k->cap = 8;
	clang_visitChildren(c, kids_add, k);
}

static void kids_free(struct kids *k)
{
	if (k->v != k->small)
		free(k->v);
}

static void location_of(struct walker *w, CXSourceLocation loc, int *file, unsigned *line, unsigned *col)
{
	CXFile cf;
	clang_getExpansionLocation(loc, &cf, line, col, NULL);
	CXString s = clang_File_tryGetRealPathName(cf);
	const char *p = clang_getCString(s);
	if (!p || !*p) {
		clang_disposeString(s);
		s = clang_getFileName(cf);
		p = clang_getCString(s);
	}
	*file = facts_file(w->f, p ? p : "<unknown>");
	clang_disposeString(s);
}

static void location(struct walker *w, CXCursor c, int *file, unsigned *line, unsigned *col)
{
	location_of(w, clang_getCursorLocation(c), file, line, col);
}

static const char *callee_name_of(struct walker *w, CXCursor fn)
{
	return cx_str(w, clang_getCursorSpelling(fn));
}

/* ------------------------------------------------------------ lock state */

static struct xlock *ls_find(struct lstate *s, const char *key)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->e[i].key == key)
			return &s->e[i];
	return NULL;
}

/* KEY's entry in S, added when new; NULL, and S marked full, when LS_MAX
 * other locks have entries (the function then gets a limit notice). */
static struct xlock *ls_get(struct lstate *s, const char *key)
{
	struct xlock *l = ls_find(s, key);
	if (l)
		return l;
	assert(s->n <= LS_MAX);
	if (s->n == LS_MAX) {
		s->full = true;
		return NULL;
	}
	l = &s->e[s->n++];
	*l = (struct xlock){ .key = key, .acq_site = -1 };
	return l;
}

/* The last call on every path to both DOM sites A and B: their nearest
 * common ancestor in the chain of each site's dominating call (xsite.dom). */
static int dom_meet(const struct walker *w, int a, int b)
{
	const struct xsite *v = w->f->sites.v;
	while (a != b && a >= 0 && b >= 0) {
		if (v[a].dom_depth >= v[b].dom_depth)
			a = v[a].dom;
		else
			b = v[b].dom;
	}
	return a == b ? a : -1;
}

/* Join B into A: held only if held on both paths, released if on either. */
static void ls_join(const struct walker *w, struct lstate *a, const struct lstate *b)
{
	if (a->dead && b->dead) {
		a->cdead = a->cdead || b->cdead;   /* unreachable either way; a constant made it so */
		return;
	}
	if (b->dead)
		return;
	if (a->dead) {
		*a = *b;
		return;
	}
	struct lstate r = { .irqs_off = a->irqs_off == b->irqs_off ? a->irqs_off : 0,
			    .full = a->full || b->full, .last_put = a->last_put && b->last_put,
			    .dom = dom_meet(w, a->dom, b->dom) };
	for (unsigned i = 0; i < a->n; i++) {
		struct xlock la = a->e[i];
		struct xlock *lb = ls_find((struct lstate *)b, la.key);
		la.held = la.held && lb && lb->held;
		la.released = la.released || (lb && lb->released);
		la.dropped = la.dropped || (lb && lb->dropped);
		if (la.held || la.released)
			r.e[r.n++] = la;
	}
	for (unsigned i = 0; i < b->n; i++) {
		if (ls_find(a, b->e[i].key) || !b->e[i].released)
			continue;
		if (r.n == LS_MAX) {
			r.full = true;
			continue;
		}
		r.e[r.n++] = (struct xlock){ .key = b->e[i].key, .released = true,
					     .dropped = b->e[i].dropped, .acq_site = -1 };
	}
	r.m = a->m;
	members_join(&r.m, &b->m);
	*a = r;
}

static const struct lstate dead_state = { .dead = true, .dom = -1 };
static const struct lstate const_dead_state = { .dead = true, .cdead = true, .dom = -1 };

/* ------------------------------------------------------------ recording */

/* Member guard G's writes go into the function's annotations. */
static void note_guarded_member(struct walker *w, const struct guard *g)
{
	for (size_t i = 0; i < w->guarded_members.n; i++)
		if (w->guarded_members.v[i].param == g->param && !strcmp(w->guarded_members.v[i].field, g->field))
			return;
	vec_push(&w->guarded_members, *g);
}

/* The guard of the innermost 'switch (param)' or 'if (param)' around the
 * code being walked. */
static const char *site_guard(struct walker *w)
{
	for (int i = w->nguards - 1; i >= 0; i--) {
		const struct guard *g = w->guards[i];
		const char *t = guard_text(&w->f->arena, g);
		if (t && g->field[0])
			note_guarded_member(w, g);
		else if (t && g->param >= 0 && g->param < 64 && !g->at_entry)
			w->guarded |= 1ULL << g->param;   /* (a context guard has no parameter) */
		return t;
	}
	return NULL;
}

static int add_site_at(struct walker *w, int kind, CXSourceLocation at)
{
	struct xsite s = { .func = w->func, .kind = kind, .irqs_off = w->st.irqs_off };
	location_of(w, at, &s.file, &s.line, &s.col);
	s.guard = site_guard(w);
	s.always = w->cond_depth == 0 && !w->left;
	s.last_put = w->st.last_put;
	s.dom = w->st.dom;
	s.dom_depth = s.dom >= 0 ? w->f->sites.v[s.dom].dom_depth + 1 : 0;
	unsigned n = 0;
	for (unsigned i = 0; i < w->st.n; i++)
		n += w->st.e[i].held || w->st.e[i].released;
	if (n) {
		s.locks = arena_alloc(&w->f->arena, n * sizeof(*s.locks));
		for (unsigned i = 0; i < w->st.n; i++)
			if (w->st.e[i].held || w->st.e[i].released)
				s.locks[s.nlocks++] = w->st.e[i];
	}
	vec_push(&w->f->sites, s);
	return (int)w->f->sites.n - 1;
}

static int add_site(struct walker *w, int kind, CXCursor at)
{
	return add_site_at(w, kind, clang_getCursorLocation(at));
}

static void add_store(struct walker *w, CXCursor at, const char *key, CXCursor fn, const char *src_key)
{
	if (!key)
		return;
	struct xstore s = { .func = w->func, .hdr = w->hdr, .key = intern(w, key), .idx = w->init_idx,
			    .site = w->arg_site, .obj = w->store_obj ? intern(w, w->store_obj) : NULL };
	location(w, at, &s.file, &s.line, &s.col);
	if (!clang_Cursor_isNull(fn)) {
		s.src_usr = cx_str(w, clang_getCursorUSR(fn));
		s.src_name = callee_name_of(w, fn);
		/* its address is taken: a candidate for calls link resolves by type */
		const char *tkey = key_fn_type(&w->f->arena, clang_getCursorType(fn));
		if (tkey && strcmp(tkey, key)) {
			struct xstore t = s;
			t.key = intern(w, tkey);
			t.idx = NULL;
			t.site = -1;
			vec_push(&w->f->stores, t);
		}
	} else if (src_key) {
		if (!strcmp(src_key, key))
			return;
		s.src_key = intern(w, src_key);
	} else {
		return;
	}
	vec_push(&w->f->stores, s);
}

static void add_alias(struct walker *w, CXCursor at, const char *lhs, const char *rhs)
{
	if (!lhs || !rhs || !strcmp(lhs, rhs))
		return;
	struct xalias a = { .func = w->func, .hdr = w->hdr, .lhs = intern(w, lhs), .rhs = intern(w, rhs) };
	location(w, at, &a.file, &a.line, &a.col);
	a.text = key_source_text(&w->f->arena, at);
	vec_push(&w->f->aliases, a);
}

/* ------------------------------------------------------------ locals */

static const char *local_lookup(void *ctx, CXCursor var)
{
	struct walker *w = ctx;
	for (size_t i = w->locals.n; i-- > 0;)
		if (clang_equalCursors(w->locals.v[i].var, var))
			return w->locals.v[i].key;
	return NULL;
}

static void local_set(struct walker *w, CXCursor var, const char *key)
{
	if (key)
		vec_push(&w->locals, ((struct local){ var, intern(w, key) }));
}

/* Local function pointer VAR now holds what VALUE reads: a member of an
 * object, or something else (the later entry wins). */
static void fnlocal_set(struct walker *w, CXCursor var, CXCursor value)
{
	CXCursor v = key_strip(value);
	struct fnlocal l = { var, NULL, NULL };
	if (clang_getCursorKind(v) == CXCursor_MemberRefExpr) {
		const char *obj = key_member_base(&w->kenv, v), *member = key_fnptr(&w->kenv, v);
		if (obj && member) {
			l.obj = intern(w, obj);
			l.member = intern(w, member);
		}
	}
	vec_push(&w->fnlocals, l);
}

/* ------------------------------------------------------------ returned objects
 *
 * 'ab = audit_log_start(ctx, GFP_ATOMIC, ..); dump(ab);': what a local
 * pointer holds when it is the value a call returned, for the facts
 * check/ret_members.c joins across files (site_arg.ret_site, func_ret).
 * The latest assignment in source order wins: a pointer assigned in two
 * branches is taken to hold the later one's.
 */

/* Whether VAR is a variable of the function's own frame (not static). */
static bool is_frame_var(CXCursor var)
{
	return clang_getCursorKind(var) == CXCursor_VarDecl &&
	       clang_getCursorKind(clang_getCursorSemanticParent(var)) != CXCursor_TranslationUnit &&
	       clang_Cursor_getStorageClass(var) != CX_SC_Static;
}

/* The local (non-static) pointer variable E reads, or a null cursor. */
static CXCursor local_ptr_var(CXCursor e)
{
	e = key_strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	CXCursor var = clang_getCursorReferenced(e);
	if (!is_frame_var(var) || clang_getCanonicalType(clang_getCursorType(var)).kind != CXType_Pointer)
		return clang_getNullCursor();
	return var;
}

/* The site of the call VALUE is, walked just now, or -1. */
static int call_value_site(const struct walker *w, CXCursor value)
{
	CXCursor v = key_strip(value);
	return clang_getCursorKind(v) == CXCursor_CallExpr && clang_equalCursors(v, w->last_call) ?
		w->last_call_site : -1;
}

/* Local pointer VAR was assigned VALUE (walked). */
static void retlocal_set(struct walker *w, CXCursor var, CXCursor value)
{
	vec_push(&w->retlocals, ((struct retlocal){ var, call_value_site(w, value) }));
}

/* The call whose result the local pointer E reads, or -1. */
static int retlocal_site(const struct walker *w, CXCursor e)
{
	CXCursor var = local_ptr_var(e);
	for (size_t i = w->retlocals.n; !clang_Cursor_isNull(var) && i-- > 0;)
		if (clang_equalCursors(w->retlocals.v[i].var, var))
			return w->retlocals.v[i].site;
	return -1;
}

static void add_ret(struct walker *w, struct xret r)
{
	for (size_t i = w->f->rets.n; i-- > 0 && w->f->rets.v[i].func == w->func;)
		if (w->f->rets.v[i].field == r.field && w->f->rets.v[i].param == r.param &&
		    w->f->rets.v[i].site == r.site)
			return;   /* another return of the same */
	vec_push(&w->f->rets, r);
}

static const char *object_name(struct walker *w, CXCursor e, bool deref);

/* 'return ab;': the call ab came from, and the members this path set in
 * *ab to the function's parameters ('ab->gfp_mask = gfp_mask'). */
static void note_return(struct walker *w, CXCursor value)
{
	CXCursor var = local_ptr_var(value);
	if (clang_Cursor_isNull(var) || w->st.dead)
		return;
	int site = retlocal_site(w, value);
	if (site >= 0)
		add_ret(w, (struct xret){ w->func, NULL, -1, site });
	const char *obj = object_name(w, value, true);
	for (unsigned i = 0; obj && i < w->st.m.n; i++)
		if (w->st.m.e[i].obj == obj && w->st.m.e[i].param >= 0)
			add_ret(w, (struct xret){ w->func, w->st.m.e[i].field, w->st.m.e[i].param, -1 });
}

/* The object an indirect call's callee expression CALLEE was read from, into
 * S: 'req->complete(..)', or a local loaded from 'req->complete'. */
static void note_call_object(struct walker *w, struct xsite *s, CXCursor callee)
{
	CXCursor c = key_strip(callee);
	if (clang_getCursorKind(c) == CXCursor_MemberRefExpr) {
		const char *obj = key_member_base(&w->kenv, c);
		s->ind_obj = obj ? intern(w, obj) : NULL;
		return;
	}
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return;
	CXCursor var = clang_getCursorReferenced(c);
	for (size_t i = w->fnlocals.n; i-- > 0;)
		if (clang_equalCursors(w->fnlocals.v[i].var, var)) {
			s->ind_obj = w->fnlocals.v[i].obj;
			s->ind_member = w->fnlocals.v[i].member;
			return;
		}
}

/* ------------------------------------------------------------ stores */

static void walk_expr(struct walker *w, CXCursor c);
static void walk_stmt(struct walker *w, CXCursor c);
static void apply_summary(struct walker *w, CXCursor call, CXCursor callee, int site);

/*
 * An assignment or initialisation TARGET_KEY = VALUE: a function stored into
 * a key, a function pointer copied between keys, a lock pointer aliased.
 */
static void note_value_flow(struct walker *w, CXCursor at, CXType target_type,
			    const char *fn_target, const char *lock_target, CXCursor value)
{
	if (key_is_fnptr_type(target_type)) {
		CXCursor fn = key_function_ref(value);
		add_store(w, at, fn_target, fn, clang_Cursor_isNull(fn) ? key_fnptr(&w->kenv, value) : NULL);
	} else if (lock_target && key_is_lockptr_type(w->env->rules, target_type)) {
		add_alias(w, at, lock_target, key_lock_ptr(&w->kenv, value));
	}
}

struct field_list { CXCursor v[256]; unsigned n; };

/* Value of an integer constant expression (literal, enumerator, macro), or -1. */
static long long const_value(CXCursor e)
{
	e = key_strip(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr) {
		CXCursor ref = clang_getCursorReferenced(e);
		if (clang_getCursorKind(ref) == CXCursor_EnumConstantDecl)
			return clang_getEnumConstantDeclValue(ref);
		return -1;
	}
	if (k != CXCursor_IntegerLiteral && k != CXCursor_BinaryOperator && k != CXCursor_UnaryOperator)
		return -1;
	long long v;
	return guard_const_value(e, &v) ? v : -1;
}

/* The index of an array initialiser element C: its designator '[N] =', else
 * the position.  POS is the next position (updated like C does). */
static long long array_index(CXCursor c, unsigned *pos)
{
	long long at = (long long)*pos - 1;   /* walk_init already counted it */
	if (clang_getCursorKind(c) == CXCursor_UnexposedExpr) {
		CXCursor kk[2];
		if (key_children(c, kk, 2) == 2) {
			long long d = const_value(kk[0]);
			if (d >= 0) {
				at = d;
				*pos = (unsigned)d + 1;
			}
		}
	}
	return at;
}

static enum CXVisitorResult collect_field(CXCursor c, CXClientData d)
{
	struct field_list *l = d;
	if (l->n < 256)
		l->v[l->n++] = c;
	return CXVisit_Continue;
}

static void walk_init(struct walker *w, CXCursor init, CXType type, const char *key);
static void init_value_in(struct walker *w, CXCursor at, CXCursor field, CXCursor value, const char *key);

/* One initialiser value for FIELD (or an array element when FIELD is null, with KEY). */
static void init_value(struct walker *w, CXCursor at, CXCursor field, CXCursor value, const char *key)
{
	const char *outer_idx = w->init_idx;
	if (!clang_Cursor_isNull(field))
		w->init_idx = NULL;       /* a struct member: its own key, no array index */
	init_value_in(w, at, field, value, key);
	w->init_idx = outer_idx;
}

static void init_value_in(struct walker *w, CXCursor at, CXCursor field, CXCursor value, const char *key)
{
	CXType t = clang_Cursor_isNull(field) ? clang_getCursorType(value) : clang_getCursorType(field);
	const char *fkey = key;
	if (!clang_Cursor_isNull(field)) {
		const char *rec = key_record_name(&w->f->arena, field);
		fkey = arena_printf(&w->f->arena, "%s.%s", rec, cx_str(w, clang_getCursorSpelling(field)));
	}
	CXCursor v = key_strip(value);
	if (clang_getCursorKind(v) == CXCursor_InitListExpr) {
		walk_init(w, v, t, fkey);
		return;
	}
	CXCursor fn = key_function_ref(v);
	if (!clang_Cursor_isNull(fn)) {
		/* a struct member's store names its object (KEY: the variable, or
		 * 'rec.field' for a nested struct, as &var.field is named) */
		w->store_obj = clang_Cursor_isNull(field) ? NULL : key;
		add_store(w, at, fkey, fn, NULL);
		w->store_obj = NULL;
		return;
	}
	if (!clang_Cursor_isNull(field)) {
		const char *lock_target = arena_printf(&w->f->arena, "*%s", fkey);
		note_value_flow(w, at, t, fkey, lock_target, v);
	}
	if (w->func >= 0)
		walk_expr(w, value);
}

/*
 * An initialiser list of TYPE.  Struct members are keyed by field
 * ('virtio_config_ops.get'); array elements inherit KEY (the variable or
 * field that holds the array: 'device_fsm.c:dev_jumptable').
 */
static void walk_init(struct walker *w, CXCursor init, CXType type, const char *key)
{
	CXType canon = clang_getCanonicalType(type);
	bool is_struct = canon.kind == CXType_Record;
	struct field_list fields = { .n = 0 };
	if (is_struct)
		clang_Type_visitFields(canon, collect_field, &fields);
	struct kids k;
	kids_get(&k, init);
	unsigned pos = 0;
	for (unsigned i = 0; i < k.n; i++) {
		CXCursor c = k.v[i], value = c, field = clang_getNullCursor();
		bool desig = clang_getCursorKind(c) == CXCursor_UnexposedExpr &&
			     !clang_Cursor_isNull(key_designated_field(c, &value));
		if (desig)
			field = key_designated_field(c, &value);
		else if (clang_getCursorKind(c) == CXCursor_UnexposedExpr) {
			CXCursor v2;
			key_designated_field(c, &v2);   /* array designator [N] = value */
			struct kids kk;
			kids_get(&kk, c);
			bool array_desig = kk.n > 1 && const_value(kk.v[0]) >= 0;
			kids_free(&kk);
			if (array_desig)
				value = v2;
		}
		if (is_struct && !desig && pos < fields.n)
			field = fields.v[pos];
		if (!desig)
			pos++;
		if (is_struct && clang_Cursor_isNull(field))
			continue;
		if (is_struct) {
			init_value(w, c, field, value, key);
			continue;
		}
		/* an array element: extend the index path ('3' then '3,2') */
		const char *outer = w->init_idx;
		long long at = array_index(c, &pos);
		w->init_idx = at < 0 ? NULL : outer ? arena_printf(&w->f->arena, "%s,%lld", outer, at)
						    : arena_printf(&w->f->arena, "%lld", at);
		init_value(w, c, field, value, key);
		w->init_idx = outer;
	}
	kids_free(&k);
}

/* ------------------------------------------------------------ calls */

static const char *call_key_prefix(struct walker *w, CXCursor callee_fn, const char *ind_key)
{
	if (!clang_Cursor_isNull(callee_fn))
		return key_qualified_name(&w->f->arena, callee_fn);
	return ind_key;
}

static bool is_int_type(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;
	return k == CXType_Bool || (k >= CXType_Char_U && k <= CXType_LongLong) || k == CXType_Enum;
}

/* The index of each dimension of a call through an array, innermost (first
 * dimension) first: 'N' for a constant, 'arg#K' for the function's
 * parameter K, '*' otherwise.  NULL when the callee is not an array element. */
static const char *index_pattern(struct walker *w, CXCursor callee)
{
	CXCursor c = key_strip(callee), dims[8];
	int n = 0;
	while (clang_getCursorKind(c) == CXCursor_ArraySubscriptExpr && n < 8) {
		CXCursor kk[2];
		if (key_children(c, kk, 2) != 2)
			return NULL;
		dims[n++] = kk[1];
		c = key_strip(kk[0]);
	}
	if (!n)
		return NULL;
	struct strbuf sb = {0};
	for (int i = n - 1; i >= 0; i--) {
		CXCursor ix = key_strip(dims[i]);
		long long v = const_value(ix);
		int param = v < 0 ? key_param_of(w->kenv.func, ix) : -1;
		if (i != n - 1)
			sb_addc(&sb, ',');
		if (v >= 0)
			sb_addf(&sb, "%lld", v);
		else if (param >= 0)
			sb_addf(&sb, "arg#%d", param);
		else
			sb_addc(&sb, '*');
	}
	const char *r = arena_strdup(&w->f->arena, sb_str(&sb));
	sb_free(&sb);
	return r;
}

/* ------------------------------------------------------------ member constants */

/* Append to SB the name members.h gives the object E designates: a
 * variable, or members of one ('wpa->ia.ap.args'); false if E is neither. */
static bool object_text(CXCursor e, struct strbuf *sb, int depth)
{
	e = key_strip(e);
	CXCursor base[1];
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr) {
		CXCursor ref = clang_getCursorReferenced(e);
		enum CXCursorKind rk = clang_getCursorKind(ref);
		if (rk != CXCursor_VarDecl && rk != CXCursor_ParmDecl)
			return false;
	} else if (k != CXCursor_MemberRefExpr || depth > 8 || key_children(e, base, 1) != 1 ||
		   !object_text(base[0], sb, depth + 1)) {
		return false;
	} else {
		bool arrow = clang_getCanonicalType(clang_getCursorType(key_strip(base[0]))).kind == CXType_Pointer;
		sb_addf(sb, arrow ? "->" : ".");
	}
	CXString name = clang_getCursorSpelling(e);
	sb_addf(sb, "%s", clang_getCString(name));
	clang_disposeString(name);
	return true;
}

/* The interned name of the object E designates, or of what it points to
 * when DEREF ('*args'); NULL when it has none. */
static const char *object_name(struct walker *w, CXCursor e, bool deref)
{
	struct strbuf sb = {0};
	if (deref)
		sb_addc(&sb, '*');
	const char *r = object_text(e, &sb, 0) ? intern(w, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return r;
}

/* A store into an integer member ('args->force = true', '.. |= x' when not
 * CONSTANT_OK): what the member holds on this path from here on. */
static void note_member_store(struct walker *w, CXCursor lhs, CXCursor rhs, bool constant_ok)
{
	CXCursor m = key_strip(lhs), base[1];
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || !is_int_type(clang_getCursorType(m)) ||
	    key_children(m, base, 1) != 1)
		return;
	bool arrow = clang_getCanonicalType(clang_getCursorType(key_strip(base[0]))).kind == CXType_Pointer;
	const char *obj = object_name(w, base[0], arrow);
	if (!obj)
		return;
	long long v = 0;
	bool known = constant_ok && guard_const_value(rhs, &v);
	int param = constant_ok ? key_param_of(w->kenv.func, rhs) : -1;
	members_set(&w->st.m, obj, intern(w, cx_str(w, clang_getCursorSpelling(m))), v, known, param);
}

/* The object a pointer argument A points to ('&args' -> 'args', 'args' ->
 * '*args'), interned, or NULL. */
static const char *pointee_object(struct walker *w, CXCursor a)
{
	CXCursor c = key_strip(a), k[1];
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf && key_children(c, k, 1) == 1)
		return object_name(w, k[0], false);
	return object_name(w, c, true);
}

struct xargs { struct xarg *v; size_t n, cap; };

/* The members this path set in the struct pointer argument A (argument N)
 * points to (a constant, or the caller's own parameter: '.report = report'
 * in nf_ct_expect_event_report()'s event item, so that the 0 its caller
 * passed reaches nlmsg_notify()'s 'if (report)' through the notifier), and
 * the caller's parameter it passes on ('args' forwarded: the constants its
 * own caller set reach the callee too). */
static void member_args(struct walker *w, CXCursor a, int n, struct xargs *args)
{
	int p = key_param_of(w->kenv.func, a);
	if (p >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1 }));
	const char *obj = pointee_object(w, a);
	if (!obj)
		return;
	if (w->st.m.lost)   /* members set that the walker did not track: none is known */
		vec_push(args, ((struct xarg){ .n = n, .field = "*", .unknown = true }));
	for (unsigned i = 0; i < w->st.m.n; i++) {
		const struct member_value *m = &w->st.m.e[i];
		if (m->obj != obj)
			continue;
		if (m->param >= 0)   /* 'item.report = report': whatever the caller got */
			vec_push(args, ((struct xarg){ .n = n, .field = m->field, .fwd1 = m->param + 1 }));
		else
			vec_push(args, ((struct xarg){ .n = n, .field = m->field, .value = m->value,
						      .unknown = !m->known }));
	}
}

/* The parameter A passes on through a constant mask ('flags & MSG_DONTWAIT',
 * the mask into *MASK), or -1. */
static int masked_param(struct walker *w, CXCursor a, long long *mask)
{
	CXCursor c = key_strip(a), k[2];
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_And || key_children(c, k, 2) != 2)
		return -1;
	for (int side = 0; side < 2; side++) {
		int p = key_param_of(w->kenv.func, k[side]);
		if (p >= 0 && guard_const_value(k[1 - side], mask) && *mask)
			return p;
	}
	return -1;
}

/* Argument A (argument N) 'p ? X : Y' over the caller's parameter p, X and
 * Y constants ('!p' swaps them): the signal code's __si_special(priv)
 * passes SEND_SIG_PRIV for priv != 0.  The callee gets X or Y by the
 * constant the caller's caller passed.  Returns p, or -1. */
static int cond_arg(struct walker *w, CXCursor a, int n, struct xargs *args)
{
	CXCursor c = key_strip(a), k[3];
	long long then_v, else_v;
	if (clang_getCursorKind(c) != CXCursor_ConditionalOperator || key_children(c, k, 3) != 3 ||
	    !guard_const_value(k[1], &then_v) || !guard_const_value(k[2], &else_v))
		return -1;
	bool neg = false;
	CXCursor test = key_strip_not(k[0], &neg);
	int p = key_param_of(w->kenv.func, test);
	if (p >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1, .cond = true,
					      .cond_then = neg ? else_v : then_v, .cond_else = neg ? then_v : else_v }));
	return p;
}

/* Argument A 'p->m' over the caller's pointer parameter p: 'ab->gfp_mask'
 * passed to kmalloc() is whatever the path set in the object (check/
 * ret_members.c).  Returns p, and the member into *FIELD, or -1. */
static int member_of_param(struct walker *w, CXCursor a, const char **field)
{
	char name[GUARD_FIELD_MAX];
	int p = is_int_type(clang_getCursorType(key_strip(a))) ? guard_param_member(w->kenv.func, a, name) : -1;
	if (p >= 0)   /* the member a guard would name: 'arg#N.F' */
		*field = intern(w, name);
	return p;
}

/* Argument A (argument N) as a constant for the callee's guards: an
 * integer (an event number indexes a jump table; an error code picks a
 * case), or a function pointer (NULL in 'rhashtable_destroy(ht)', which
 * passes no free function: the callee's 'if (free_fn)' sees it).  The
 * caller's own parameter passed on forwards whatever constant its own
 * caller gave ('async' to __blk_mq_delay_run_hw_queue(), rhltable's
 * inlines), or some bits of it ('flags & MSG_DONTWAIT' as the callee's
 * 'noblock').  Returns that parameter's index, or -1. */
static int const_arg(struct walker *w, CXCursor a, int n, struct xargs *args)
{
	long long v, mask = 0;
	const char *field = NULL;
	int p = key_param_of(w->kenv.func, a);
	if (guard_const_value(a, &v))
		vec_push(args, ((struct xarg){ n, NULL, v, false }));
	else if (p < 0 && (p = cond_arg(w, a, n, args)) >= 0)
		return p;
	else if (p >= 0 || (p = masked_param(w, a, &mask)) >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1, .fwd_mask = mask }));
	else if ((p = member_of_param(w, a, &field)) >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1, .src_field = field }));
	return p < 0 || field ? -1 : p;   /* the member read is no write of p to note */
}

/* Function (pointer) arguments become stores into 'arg:CALLEE#N'; lock
 * pointer arguments are recorded for the callee's 'arg#N' lock keys. */
static void call_args(struct walker *w, CXCursor call, CXCursor callee_fn, const char *ind_key, int site)
{
	int n = clang_Cursor_getNumArguments(call);
	const char *callee = call_key_prefix(w, callee_fn, ind_key);
	struct xargs args = {0};
	for (int i = 0; i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
		CXType t = clang_getCursorType(a);
		if (callee && (key_is_fnptr_type(t) || key_holds_fnptr_type(t))) {
			CXCursor fn = key_function_ref(a);
			const char *key = arena_printf(&w->f->arena, "arg:%s#%d", callee, i);
			w->arg_site = site;   /* the engine binds the callee's parameter per call */
			add_store(w, a, key, fn, clang_Cursor_isNull(fn) ? key_fnptr(&w->kenv, a) : NULL);
			w->arg_site = -1;
			if (site >= 0 && key_is_fnptr_type(t))
				const_arg(w, a, i, &args);
		} else if (site >= 0 && key_is_lockptr_type(w->env->rules, t)) {
			const char *k = key_lock_ptr(&w->kenv, a);
			if (k)
				vec_push(&args, ((struct xarg){ i, intern(w, k), 0, false, lock_path_of(&w->kenv, a, k) }));
		} else if (site >= 0 && callee && is_int_type(t)) {
			int p = const_arg(w, a, i, &args);
			if (p >= 0 && p < 64)
				w->guarded |= 1ULL << p;   /* its own writes, for check to see */
		} else if (site >= 0) {
			/* a constant pointer other than NULL ('SEND_SIG_PRIV'), or one of two */
			long long v;
			int p = -1;
			if (callee && guard_const_value(a, &v) && v != 0)
				vec_push(&args, ((struct xarg){ i, NULL, v, false }));
			else if (callee)
				p = cond_arg(w, a, i, &args);
			if (p >= 0 && p < 64)
				w->guarded |= 1ULL << p;
			/* a struct pointer: a registration's container or entry (link/chains.c) */
			const char *k = key_object_ptr(&w->kenv, a);
			if (k)
				vec_push(&args, ((struct xarg){ i, intern(w, k), 0, true, lock_path_of_map(&w->kenv, a, k) }));
			if (callee && clang_getCanonicalType(t).kind == CXType_Pointer)
				member_args(w, a, i, &args);
			int rs = callee ? retlocal_site(w, a) : -1;
			if (rs >= 0)   /* 'ab' from 'ab = audit_log_start(..)' */
				vec_push(&args, ((struct xarg){ .n = i, .ret_site1 = rs + 1 }));
		}
	}
	if (args.n) {
		struct xsite *s = &w->f->sites.v[site];
		s->args = arena_alloc(&w->f->arena, args.n * sizeof(*args.v));
		memcpy(s->args, args.v, args.n * sizeof(*args.v));
		s->nargs = (int)args.n;
	}
	vec_free(&args);
}

static void apply_irq(struct walker *w, enum lp_irq irq)
{
	switch (irq) {
	case IRQ_SAVE: case IRQ_DISABLE: w->st.irqs_off = IRQS_OFF; break;
	case IRQ_RESTORE: w->st.irqs_off = IRQS_AS_AT_ENTRY; break;
	case IRQ_ENABLE: w->st.irqs_off = IRQS_ON; break;
	default: break;
	}
}

/* The lockdep subclass of lock primitive P's call CALL: its argument
 * (a constant, else not known: 'mutex_lock_nested(&ep->mtx, depth)' nests
 * by depth).  Without CONFIG_DEBUG_LOCK_ALLOC 'mutex_lock_nested(l, s)' is
 * a macro for 'mutex_lock(l)' and the subclass is gone from the AST: where
 * the name written at the call has a '_nested' rule of its own, its
 * argument is read as written ('0', or another instance). */
static int subclass_of(struct walker *w, CXCursor call, const struct lp_lockprim *p)
{
	long long v;
	if (p->nested_arg >= 0) {
		if (p->nested_arg >= clang_Cursor_getNumArguments(call))
			return 0;
		return guard_const_value(clang_Cursor_getArgument(call, (unsigned)p->nested_arg), &v) ?
		       (int)v : LP_SUBCLASS_UNKNOWN;
	}
	CXFile file;
	unsigned offset;
	clang_getExpansionLocation(clang_getCursorLocation(call), &file, NULL, NULL, &offset);
	char name[64], arg[32];
	if (!file || !guard_name_at(w->tu, file, offset, name) || !strcmp(name, p->name))
		return 0;   /* written as itself */
	const struct lp_lockprim *written = rules_lockprim(w->env->rules, name);
	if (!written || written->nested_arg < 0 || !guard_arg_at(w->tu, file, offset, written->nested_arg, arg, sizeof(arg)))
		return 0;
	return strcmp(arg, "0") ? LP_SUBCLASS_UNKNOWN : 0;
}

/* The site of lock primitive P at AT on the lock LOCK names (a null
 * cursor: unknown); its lock key, or "?". */
static const char *lock_site(struct walker *w, CXCursor at, const struct lp_lockprim *p, CXCursor lock, int *site)
{
	const char *key = p->lock ? p->lock : clang_Cursor_isNull(lock) ? NULL : key_lock_ptr(&w->kenv, lock);
	key = intern(w, key ? key : "?");
	*site = add_site(w, p->kind, at);
	struct xsite *s = &w->f->sites.v[*site];
	s->callee_name = arena_strdup(&w->f->arena, p->name);
	s->lock_key = key;
	s->irq = p->irq;
	s->ltype = p->type;
	s->is_read = p->read;
	if (!clang_Cursor_isNull(lock))   /* lockdep may tell '&d->tx.lock' from '&d->rx.lock' */
		s->lock_path = lock_path_of(&w->kenv, lock, key);
	return key;
}

/* A lock primitive.  TRY_OK: the caller knows the trylock succeeded. */
static void lock_op(struct walker *w, CXCursor call, const struct lp_lockprim *p, bool try_ok)
{
	int site;
	CXCursor lock = p->arg >= 0 && p->arg < clang_Cursor_getNumArguments(call) ?
			clang_Cursor_getArgument(call, (unsigned)p->arg) : clang_getNullCursor();
	const char *key = lock_site(w, call, p, lock, &site);
	w->f->sites.v[site].subclass = subclass_of(w, call, p);
	if (!strcmp(key, "?"))
		return;
	if (p->kind == SITE_ACQUIRE && p->fails)
		w->failres = (struct fail_result){ .call = call, .failed = w->st };
	if (p->kind == SITE_ACQUIRE || (p->kind == SITE_TRYLOCK && try_ok)) {
		struct xlock *l = ls_get(&w->st, key);
		if (l) {
			l->held = true;
			l->acq_site = site;
		}
		apply_irq(w, p->irq);
	} else if (p->kind == SITE_RELEASE) {
		struct xlock *l = ls_get(&w->st, key);
		if (l) {
			/* releasing what this function took undoes it; releasing
			 * what it did not take drops the caller's lock */
			l->released = l->released || !l->held;
			l->dropped = l->dropped || !l->held;
			l->held = false;
		}
		apply_irq(w, p->irq);
	}
}

/* ------------------------------------------------------------ scoped lock guards */

/* Whether VAR has a cleanup attribute ('__attribute__((__cleanup__(f)))',
 * cleanup.h's '__cleanup(f)'): libclang shows it as an unexposed
 * attribute, read here by its spelling (in the macro that writes it). */
static bool has_cleanup_attr(struct walker *w, CXCursor var)
{
	CXCursor k[8];
	unsigned n = key_children(var, k, 8);
	for (unsigned i = 0; i < n; i++) {
		if (!clang_isAttribute(clang_getCursorKind(k[i])))
			continue;
		CXFile file;
		unsigned offset;
		size_t size;
		clang_getSpellingLocation(clang_getCursorLocation(k[i]), &file, NULL, NULL, &offset);
		const char *text = guard_file_text(w->tu, file, &size);
		if (text && offset < size && (!strncmp(text + offset, "__cleanup__", 11) ||
					      !strncmp(text + offset, "cleanup", 7)))
			return true;
	}
	return false;
}

/* Guard variable VAR's initialiser was walked from site FIRST on: each
 * lock it took (its constructor is a lock wrapper, wrappers.h) is held
 * until the scope ends. */
static void note_scoped_locks(struct walker *w, int first)
{
	for (size_t i = (size_t)first; i < w->f->sites.n; i++) {
		const struct xsite *s = &w->f->sites.v[i];
		if (s->func != w->func || s->kind != SITE_ACQUIRE || !strcmp(s->lock_key, "?"))
			continue;
		struct xlock *l = ls_find(&w->st, s->lock_key);
		if (l && l->held)
			vec_push(&w->scoped, ((struct scoped_lock){ (int)i, w->scope_depth, w->break_depth }));
	}
}

static int undo_irq(int irq)
{
	switch (irq) {
	case IRQ_SAVE: return IRQ_RESTORE;
	case IRQ_DISABLE: return IRQ_ENABLE;
	case IRQ_BH_OFF: return IRQ_BH_ON;
	default: return irq;
	}
}

/* 'class_mutex_destructor' for 'class_mutex_constructor' (cleanup.h's
 * names), else the constructor's own name. */
static const char *destructor_name(struct walker *w, const char *ctor)
{
	size_t n = strlen(ctor), k = strlen("_constructor");
	if (n <= k || strcmp(ctor + n - k, "_constructor"))
		return ctor;
	return intern(w, arena_printf(&w->f->arena, "%.*s_destructor", (int)(n - k), ctor));
}

/* The destructor of guard G runs at AT: a release of the lock its
 * constructor took, like the unlock it calls. */
static void release_scoped(struct walker *w, const struct scoped_lock *g, CXSourceLocation at)
{
	if (w->st.dead)
		return;
	const struct xsite acq = w->f->sites.v[g->acq_site];
	int site = add_site_at(w, SITE_RELEASE, at);
	struct xsite *s = &w->f->sites.v[site];
	s->callee_name = destructor_name(w, acq.callee_name);
	s->lock_key = acq.lock_key;
	s->lock_path = acq.lock_path;
	s->ltype = acq.ltype;
	s->is_read = acq.is_read;
	s->irq = undo_irq(acq.irq);
	struct xlock *l = ls_find(&w->st, acq.lock_key);
	if (l)
		l->held = false;
	apply_irq(w, s->irq);
}

/* Leaving the scopes deeper than SCOPE (a block's end: the one it closes;
 * a return: all of them) releases their guards' locks at AT, innermost
 * first.  POP: the guards are gone (the walk leaves the scope), not only
 * released on the path that jumps out. */
static void leave_scopes(struct walker *w, int scope, CXSourceLocation at, bool pop)
{
	for (size_t i = w->scoped.n; i-- > 0 && w->scoped.v[i].scope > scope;)
		release_scoped(w, &w->scoped.v[i], at);
	while (pop && w->scoped.n && w->scoped.v[w->scoped.n - 1].scope > scope)
		w->scoped.n--;
}

/* A 'break' leaves the guards declared inside the loop or switch it ends. */
static void break_scopes(struct walker *w, CXCursor at)
{
	for (size_t i = w->scoped.n; i-- > 0 && w->scoped.v[i].breaks >= w->break_depth;)
		release_scoped(w, &w->scoped.v[i], clang_getCursorLocation(at));
}

static void walk_children(struct walker *w, CXCursor c)
{
	struct kids k;
	kids_get(&k, c);
	for (unsigned i = 0; i < k.n; i++)
		walk_expr(w, k.v[i]);
	kids_free(&k);
}

/* The lock primitive or wrapper FN is, or NULL.  For a header's function
 * (a call in one, or whether it is one), not a wrapper that is one only
 * through the main file's code (wrappers_prim_in_header): the header's
 * facts must not depend on the TU that walked it. */
static const struct lp_lockprim *lock_prim_of(struct walker *w, CXCursor fn, bool in_header)
{
	return in_header ? wrappers_prim_in_header(w->wraps, fn) : wrappers_prim(w->wraps, fn);
}

/* The lock primitive or wrapper a call to REF in the function walked is. */
static const struct lp_lockprim *lock_prim(struct walker *w, CXCursor ref)
{
	return lock_prim_of(w, ref, w->hdr >= 0);
}

static bool macro_arg_text(struct walker *w, CXFile file, unsigned offset, int n, char out[128]);

/* A lockdep-init call's lock as written where it was expanded
 * ('mutex_init(&b->write_lock)': '&b->write_lock'), for a re-key macro
 * after it (class_macro). */
static void note_init_call(struct walker *w, CXCursor call, const char *name, int site)
{
	const struct lp_lockdep *ld = rules_lockdep(w->env->rules, name);
	const struct xsite *x = &w->f->sites.v[site];
	if (!ld || !ld->init || ld->macro)
		return;
	for (int i = 0; i < x->nargs; i++) {
		CXFile file;
		unsigned offset;
		char text[128];
		if (x->args[i].n != ld->lock || x->args[i].obj || !x->args[i].key)
			continue;
		clang_getExpansionLocation(clang_getCursorLocation(call), &file, NULL, NULL, &offset);
		if (file && macro_arg_text(w, file, offset, 0, text))
			vec_push(&w->init_texts, ((struct init_text){ intern(w, text), x->args[i].key, x->args[i].path }));
		return;
	}
}

static void walk_call(struct walker *w, CXCursor call, bool try_ok)
{
	walk_children(w, call);   /* callee expression and arguments first */
	CXCursor ref = clang_getCursorReferenced(call);
	const struct lp_rules *r = w->env->rules;
	if (clang_getCursorKind(ref) == CXCursor_FunctionDecl) {
		const char *name = callee_name_of(w, ref);
		const struct lp_lockprim *p = lock_prim(w, ref);
		if (p) {
			lock_op(w, call, p, try_ok);
			return;
		}
		const struct lp_irqop *io = rules_irqop(r, name);
		if (io) {
			apply_irq(w, io->irq);
			return;
		}
		if (rules_passthrough_arg(r, name) >= 0 || !strncmp(name, "__builtin", 9))
			return;
		int site = add_site(w, SITE_CALL, call);
		w->f->sites.v[site].callee_usr = cx_str(w, clang_getCursorUSR(ref));
		w->f->sites.v[site].callee_name = name;
		call_args(w, call, ref, NULL, site);
		note_init_call(w, call, name, site);
		apply_summary(w, call, ref, site);
		if (!w->st.dead)   /* check applies the callee's whole effect (callee_effects.c): */
			w->st.dom = site;   /* a summary here cannot see into other files */
		w->last_call = call;
		w->last_call_site = site;
		return;
	}
	/* Indirect: the callee is the first child (a field, variable, array element). */
	CXCursor kids[1];
	if (!key_children(call, kids, 1))
		return;
	const char *key = key_fnptr(&w->kenv, kids[0]);
	int site = add_site(w, SITE_CALL, call);
	struct xsite *s = &w->f->sites.v[site];
	s->ind_key = intern(w, key ? key : "?");
	s->ind_index = index_pattern(w, kids[0]);
	s->text = key_source_text(&w->f->arena, kids[0]);
	note_call_object(w, s, kids[0]);
	s->ind_slot = slot_of_call(&w->kenv, kids[0]);
	if (!table_of_call(&w->kenv, kids[0], &s->ind_table, &s->ind_table_obj))
		s->ind_table = s->ind_table_obj = NULL;
	/* the call's function type: link's fallback when the key resolves to nothing */
	if (key)
		add_store(w, call, key, clang_getNullCursor(), key_fn_type(&w->f->arena, clang_getCursorType(kids[0])));
	call_args(w, call, clang_getNullCursor(), key, site);
	w->last_call = call;
	w->last_call_site = site;
}

/* ------------------------------------------------------------ expressions */

static CXCursor strip_cond(CXCursor c, bool *negated)
{
	for (;;) {
		c = key_strip(c);
		CXCursor k[2];
		if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
		    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot &&
		    key_children(c, k, 1) == 1) {
			*negated = !*negated;
			c = k[0];
			continue;
		}
		if (clang_getCursorKind(c) == CXCursor_CallExpr) {   /* likely(), unlikely() */
			CXCursor ref = clang_getCursorReferenced(c);
			CXString s = clang_getCursorSpelling(ref);
			bool expect = !strcmp(clang_getCString(s), "__builtin_expect");
			clang_disposeString(s);
			if (expect && clang_Cursor_getNumArguments(c) >= 1) {
				c = clang_Cursor_getArgument(c, 0);
				continue;
			}
		}
		return c;
	}
}

/* Evaluate a condition into the states where it is true and false. */

/* Whether CALL is a reference-count drop that says whether the count hit
 * zero (rules: refcount-drop; refcount_dec_and_test(), kref_put()). */
static bool is_refcount_drop(const struct walker *w, CXCursor call)
{
	CXCursor ref = clang_getCursorReferenced(call);
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return false;
	CXString s = clang_getCursorSpelling(ref);
	bool drop = rules_refcount_drop(w->env->rules, clang_getCString(s));
	clang_disposeString(s);
	return drop;
}

/* Whether expression E is the acquire that can fail walked last (lock_op). */
static bool failing_acquire(const struct walker *w, CXCursor e)
{
	return !clang_Cursor_isNull(w->failres.call) && clang_equalCursors(key_strip(e), w->failres.call);
}

/* VAR was just assigned VALUE: the result of an acquire that can fail, or
 * something else. */
static void fail_result_note(struct walker *w, CXCursor var, CXCursor value)
{
	if (failing_acquire(w, value) && is_frame_var(var)) {
		w->failres.set = true;
		w->failres.var = var;
		w->failres.sites = w->f->sites.n;
	} else if (w->failres.set && clang_equalCursors(var, w->failres.var)) {
		w->failres.set = false;
	}
}

static bool refers_to(CXCursor e, CXCursor var)
{
	e = key_strip(e);
	return clang_getCursorKind(e) == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(e), var);
}

/*
 * Whether condition S tests the local a failing acquire's result is in,
 * with nothing walked since: 'ret', 'ret != 0', 'ret < 0', 'ret == -EINTR'
 * (true where it failed) or 'ret == 0', 'ret >= 0' (true where it took the
 * lock), into *TRUE_FAILS.  The acquire gives up with one error, so a
 * nonzero constant it equals is that error.
 */
static bool fail_test(struct walker *w, CXCursor s, bool *true_fails)
{
	if (!w->failres.set || w->failres.sites != w->f->sites.n)
		return false;
	if (refers_to(s, w->failres.var)) {
		*true_fails = true;
		return true;
	}
	CXCursor kk[2];
	long long v;
	if (clang_getCursorKind(s) != CXCursor_BinaryOperator || key_children(s, kk, 2) != 2 ||
	    !refers_to(kk[0], w->failres.var) || !guard_const_value(kk[1], &v))
		return false;
	switch (clang_getCursorBinaryOperatorKind(s)) {
	case CXBinaryOperator_NE: *true_fails = true; return v == 0;
	case CXBinaryOperator_EQ: *true_fails = v != 0; return true;
	case CXBinaryOperator_LT: *true_fails = true; return v == 0;
	case CXBinaryOperator_GE: *true_fails = false; return v == 0;
	default: return false;
	}
}

/* Split at the acquire that can fail (w->failres): where the condition is
 * true (if TRUE_FAILS; else where it is false) the acquire gave up and
 * holds nothing new (failres.failed); elsewhere it holds the lock (the
 * state now). */
static void fail_split(struct walker *w, bool true_fails, struct lstate *t, struct lstate *f)
{
	struct lstate took = w->st, failed = w->failres.failed;
	*t = true_fails ? failed : took;
	*f = true_fails ? took : failed;
	w->st = *t;
	w->failres.set = false;
}

static void walk_cond(struct walker *w, CXCursor c, struct lstate *t, struct lstate *f)
{
	bool neg = false;
	CXCursor s = strip_cond(c, &neg);
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k == CXCursor_CallExpr && is_refcount_drop(w, s)) {
		/* the branch where the count hit zero runs the release: code
		 * that runs only where this put was the last one */
		walk_expr(w, s);
		struct lstate last = w->st, other = w->st;
		last.last_put = true;
		*t = neg ? other : last;
		*f = neg ? last : other;
		w->st = *t;
		return;
	}
	if (k == CXCursor_CallExpr) {
		CXCursor ref = clang_getCursorReferenced(s);
		const struct lp_lockprim *p = NULL;
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			p = lock_prim(w, ref);
		if (p && p->kind == SITE_TRYLOCK) {
			struct lstate before = w->st;
			walk_call(w, s, true);
			struct lstate ok = w->st;
			w->st = before;
			/* the failed path: the site exists already; just no lock */
			struct lstate fail = before;
			*t = neg ? fail : ok;
			*f = neg ? ok : fail;
			w->st = *t;
			return;
		}
	}
	bool true_fails;
	if (fail_test(w, s, &true_fails)) {
		/* 'ret = mutex_lock_interruptible(&m); if (ret) goto out;' */
		fail_split(w, true_fails != neg, t, f);
		return;
	}
	CXCursor kk[2];
	if (k == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Assign &&
	    key_children(s, kk, 2) == 2) {
		/* 'if ((ret = mutex_lock_killable(&m)))': the value is ret's */
		walk_expr(w, c);
		*t = *f = w->st;
		long long value;
		if (fail_test(w, kk[0], &true_fails)) {
			fail_split(w, true_fails != neg, t, f);
		} else if (!w->st.dead && guard_const_value(c, &value)) {
			*(value ? f : t) = const_dead_state;   /* as below */
		}
		return;
	}
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
		if ((op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) && key_children(s, kk, 2) == 2) {
			struct lstate t1, f1, t2, f2;
			walk_cond(w, kk[0], &t1, &f1);
			w->st = op == CXBinaryOperator_LAnd ? t1 : f1;
			if (w->st.cdead) {
				/* '0 && (c)' (RCU_LOCKDEP_WARN without PROVE_RCU, around
				 * rcu_dereference_protected's lockdep_is_held()): the
				 * compiler drops the right side, so it has no sites */
				t2 = f2 = w->st;
			} else {
				w->cond_depth++;
				walk_cond(w, kk[1], &t2, &f2);
				w->cond_depth--;
			}
			if (op == CXBinaryOperator_LAnd) {
				*t = t2;
				*f = f1;
				ls_join(w, f, &f2);
			} else {
				*t = t1;
				ls_join(w, t, &t2);
				*f = f2;
			}
			if (neg) {
				struct lstate tmp = *t;
				*t = *f;
				*f = tmp;
			}
			return;
		}
	}
	walk_expr(w, c);
	*t = *f = w->st;
	if (k == CXCursor_CallExpr && failing_acquire(w, s)) {
		/* 'if (mutex_lock_interruptible(&m)) return -ERESTARTSYS;' */
		fail_split(w, !neg, t, f);
		return;
	}
	/* A constant condition (IS_ENABLED(CONFIG_...), a config macro defined
	 * as (false)): the branch it never takes is code the compiler drops,
	 * like everything after s390's 'if (!force_irqthreads()) return 0;',
	 * whose store of every handler into irqaction.thread_fn would make each
	 * interrupt handler a process-context entry as well. */
	long long value;
	if (!w->st.dead && guard_const_value(c, &value))
		*(value ? f : t) = const_dead_state;
}

/* '*(&x)' is x: pte_offset_map_lock(mm, pmd, addr, &ptl) stores the lock
 * it took through '*(ptlp) = __ptl', and pte_unmap_unlock(pte, ptl)
 * releases what the local holds. */
static CXCursor deref_addr(CXCursor c)
{
	CXCursor k[1];
	if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Deref || key_children(c, k, 1) != 1)
		return c;
	CXCursor a = key_strip(k[0]);
	if (clang_getCursorKind(a) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(a) != CXUnaryOperator_AddrOf || key_children(a, k, 1) != 1)
		return c;
	return key_strip(k[0]);
}

static void walk_assign(struct walker *w, CXCursor c)
{
	CXCursor kk[2];
	if (key_children(c, kk, 2) != 2)
		return;
	walk_expr(w, kk[1]);
	walk_expr(w, kk[0]);
	CXCursor lhs = deref_addr(key_strip(kk[0]));
	CXType t = clang_getCursorType(lhs);
	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr)
		fail_result_note(w, clang_getCursorReferenced(lhs), kk[1]);
	if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr)
		note_member_store(w, lhs, kk[1], true);
	struct table_store ts;
	if (w->func >= 0 && table_store_of(&w->kenv, lhs, kk[1], &ts))
		vec_push(&w->f->tables, ((struct xtable){ w->func, ts.member, ts.obj, ts.value }));
	struct slot_store ss;
	if (w->func >= 0 && slot_store_of(&w->kenv, lhs, kk[1], &ss))
		vec_push(&w->f->slots, ((struct xslot){ w->func, ss.slot, ss.idx, ss.value }));
	else if (w->st.m.n && clang_getCursorKind(lhs) == CXCursor_DeclRefExpr)   /* another object now */
		members_forget(&w->st.m, intern(w, cx_str(w, clang_getCursorSpelling(lhs))));
	/* a local variable: remember what it holds for later calls/locks */
	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
		CXCursor var = clang_getCursorReferenced(lhs);
		if (!clang_Cursor_isNull(local_ptr_var(lhs)))
			retlocal_set(w, var, kk[1]);
		if (is_frame_var(var)) {
			if (key_is_lockptr_type(w->env->rules, t)) {
				local_set(w, var, key_lock_ptr(&w->kenv, kk[1]));
				return;
			}
			if (key_is_fnptr_type(t))
				fnlocal_set(w, var, kk[1]);
		}
	}
	const char *fn_target = key_fnptr(&w->kenv, lhs);
	const char *lock_target = key_is_lockptr_type(w->env->rules, t) ? key_lock_ptr(&w->kenv, lhs) : NULL;
	if (key_is_fnptr_type(t))
		w->store_obj = key_member_base(&w->kenv, lhs);
	note_value_flow(w, c, t, fn_target, lock_target, kk[1]);
	w->store_obj = NULL;
}

/*
 * 'struct iomap_iter iter = { .inode = inode, .flags = IOMAP_REPORT };': the
 * members a local struct's designated initialiser sets to constants hold
 * them on this path, like stores ('iter.flags = IOMAP_REPORT'), for the
 * calls the struct is passed to (members.h); so do the members it sets to
 * the function's own parameters ('.report = report'), for its callers'
 * constants.  Only while there is room:
 * an initialiser never makes the path lose the members it tracks already.
 * Members the initialiser leaves out are zero, but not recorded.
 */
static void note_init_members(struct walker *w, CXCursor var, CXCursor init)
{
	const char *obj = intern(w, cx_str(w, clang_getCursorSpelling(var)));
	struct kids k;
	kids_get(&k, init);
	for (unsigned i = 0; i < k.n && w->st.m.n < MEMBERS_MAX; i++) {
		CXCursor value, field;
		long long v = 0;
		if (clang_getCursorKind(k.v[i]) != CXCursor_UnexposedExpr ||
		    clang_Cursor_isNull(field = key_designated_field(k.v[i], &value)) ||
		    !is_int_type(clang_getCursorType(field)))
			continue;
		bool known = guard_const_value(value, &v);
		int param = known ? -1 : key_param_of(w->kenv.func, value);
		if (known || param >= 0)
			members_set(&w->st.m, obj, intern(w, cx_str(w, clang_getCursorSpelling(field))), v, known,
				    param);
	}
	kids_free(&k);
}

/* '.target = m->u.kernel.target' in a local struct's designated
 * initialiser is a store into its member like 'par.target = ..'
 * (member_tables.h): without it the local would look like an object no
 * table was ever stored into. */
static void note_init_tables(struct walker *w, CXCursor var, CXCursor init)
{
	if (w->func < 0)
		return;
	struct kids k;
	kids_get(&k, init);
	for (unsigned i = 0; i < k.n; i++) {
		CXCursor value, field;
		struct table_store ts;
		if (clang_getCursorKind(k.v[i]) == CXCursor_UnexposedExpr &&
		    !clang_Cursor_isNull(field = key_designated_field(k.v[i], &value)) &&
		    table_init_store_of(&w->kenv, var, field, value, &ts))
			vec_push(&w->f->tables, ((struct xtable){ w->func, ts.member, ts.obj, ts.value }));
	}
	kids_free(&k);
}

static void walk_vardecl(struct walker *w, CXCursor var)
{
	struct kids k;
	kids_get(&k, var);
	CXCursor init = clang_getNullCursor();
	for (unsigned i = 0; i < k.n; i++) {
		enum CXCursorKind kind = clang_getCursorKind(k.v[i]);
		if (clang_isExpression(kind))
			init = k.v[i];
	}
	kids_free(&k);
	if (clang_Cursor_isNull(init))
		return;
	CXType t = clang_getCursorType(var);
	CXCursor v = key_strip(init);
	if (clang_getCursorKind(v) == CXCursor_InitListExpr) {
		const char *key = key_fnptr(&w->kenv, var);
		/* 'vq_callback_t *callbacks[] = { f, g }': the array's elements */
		if (!key && key_holds_fnptr_type(t))
			key = arena_printf(&w->f->arena, "local:%s:%s", w->kenv.func_qname,
					   cx_str(w, clang_getCursorSpelling(var)));
		walk_init(w, v, t, key);
		if (clang_getCanonicalType(t).kind == CXType_Record && clang_Cursor_getStorageClass(var) != CX_SC_Static) {
			note_init_members(w, var, v);
			note_init_tables(w, var, v);
		}
		return;
	}
	int first = (int)w->f->sites.n;
	walk_expr(w, init);
	if (has_cleanup_attr(w, var))   /* 'guard(mutex)(&l);' */
		note_scoped_locks(w, first);
	fail_result_note(w, var, init);   /* 'int ret = mutex_lock_interruptible(&m);' */
	if (clang_getCanonicalType(t).kind == CXType_Pointer)
		retlocal_set(w, var, init);
	if (key_is_lockptr_type(w->env->rules, t)) {
		local_set(w, var, key_lock_ptr(&w->kenv, init));
		return;
	}
	if (key_is_fnptr_type(t)) {
		fnlocal_set(w, var, init);
		const char *self = arena_printf(&w->f->arena, "local:%s:%s", w->kenv.func_qname,
						cx_str(w, clang_getCursorSpelling(var)));
		CXCursor fn = key_function_ref(init);
		add_store(w, var, self, fn, clang_Cursor_isNull(fn) ? key_fnptr(&w->kenv, init) : NULL);
	}
}

/*
 * A nesting bound hit at C, WHAT nested deeper than BOUND levels: the code
 * below C is not walked, and the TU records it once per function as a
 * severity-2 diagnostic, which every report shows as a "limit" notice at C.
 */
static void note_limit(struct walker *w, CXCursor c, const char *what, int bound)
{
	if (w->depth_noted || w->func < 0)
		return;
	w->depth_noted = true;
	struct xdiag d = { .severity = DIAG_LIMIT };
	location(w, c, &d.file, &d.line, &d.col);
	d.message = arena_printf(&w->f->arena, "in %s, %s are nested deeper than %d levels; the code below "
				 "this point was not analysed", w->f->funcs.v[w->func].name, what, bound);
	vec_push(&w->f->diags, d);
}

/* More than LS_MAX distinct locks in function FN: the others were not
 * tracked, which every report shows once as a "limit" notice at FN. */
static void note_locks_full(struct walker *w, CXCursor fn)
{
	struct xdiag d = { .severity = DIAG_LIMIT };
	location(w, fn, &d.file, &d.line, &d.col);
	d.message = arena_printf(&w->f->arena, "in %s, more than %d distinct locks are taken or released; "
				 "the others were not tracked, so findings on them may be missing",
				 w->f->funcs.v[w->func].name, LS_MAX);
	vec_push(&w->f->diags, d);
}

/* The nesting bound of statements and expressions (walk_env.max_depth). */
static bool too_deep(struct walker *w, CXCursor c)
{
	if (++w->depth <= w->env->max_depth)
		return false;
	w->depth--;
	note_limit(w, c, "statements or expressions", w->env->max_depth);
	return true;
}

/* '+=' and friends, '++', '--': C updates its first operand. */
static bool is_member_update(CXCursor c)
{
	if (clang_getCursorKind(c) == CXCursor_CompoundAssignOperator)
		return true;
	switch (clang_getCursorUnaryOperatorKind(c)) {
	case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec:
		return true;
	default:
		return false;
	}
}

static bool push_guard(struct walker *w, const struct guard *g);
static const struct summary *summary_of(struct walker *w, CXCursor def);

/* guard_call_zero_fn: the states in which CALL's callee, a function whose
 * body this TU has, can only return 0.  A header's function, whose facts
 * are recorded in whichever TU walks it first, asks only about functions
 * of headers: the main file's are that TU's alone. */
static unsigned call_zero(void *ctx, CXCursor call)
{
	struct walker *w = ctx;
	CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
	if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl ||
	    (w->hdr >= 0 && in_main_file(w, clang_getCursorLocation(def))))
		return 0;
	const struct summary *sm = summary_of(w, def);
	return sm ? sm->ret_zero : 0;
}

/* A guard whose test reads the parameter as passed, outside any loop and
 * before any write of it or label (guard_sees_entry), holds whatever the
 * function writes to the parameter after the test: drbd's
 * _conn_request_state() tests 'flags & CS_HARD' and only later does
 * 'flags |= CS_DC_SUSP', which made every guard on flags unknown. */
static void guards_at_entry(struct walker *w, CXCursor cond, struct guard *g, int n)
{
	if (w->loop_depth)
		return;
	for (int i = 0; i < n; i++) {
		if (g[i].param < 0 || g[i].field[0] || g[i].at_entry)
			continue;
		if (!w->first_writes_done) {
			guard_first_writes_scan(&w->first_writes, w->kenv.func);
			w->first_writes_done = true;
		}
		g[i].at_entry = guard_sees_entry(&w->first_writes, g[i].param, cond);
	}
}

/* The guards of the branches of 'if (COND)' or 'COND ? a : b': a test of a
 * parameter (guard_if), else of the context (guard_context_if).  A branch
 * the parameter test says nothing about ('(res == -EAGAIN) && pred(req)':
 * the else branch) takes the context's guard where there is one. */
static bool branch_guards(struct walker *w, CXCursor cond, struct guard *then_g, struct guard *else_g)
{
	if (!guard_if(w->kenv.func, cond, then_g, else_g))
		return guard_context_if(w->tu, w->env->rules, call_zero, w, cond, then_g, else_g);
	struct guard both[2] = { *then_g, *else_g };
	guards_at_entry(w, cond, both, 2);
	*then_g = both[0];
	*else_g = both[1];
	struct guard ct, ce;   /* asked only where a branch is left open: it may walk a callee */
	if ((then_g->any || else_g->any) && guard_context_if(w->tu, w->env->rules, call_zero, w, cond, &ct, &ce)) {
		if (then_g->any)
			*then_g = ct;
		if (else_g->any)
			*else_g = ce;
	}
	return true;
}

/* The states in which the guards around the code walked rule it out. */
static unsigned guards_ctx_dead(const struct walker *w)
{
	unsigned dead = 0;
	for (int i = 0; i < w->nguards; i++)
		dead |= w->guards[i]->ctx_dead;
	return dead;
}
static void walk_expr(struct walker *w, CXCursor c);

/* Walk expression E under guard G (NULL: none): an arm of '?:'. */
static void walk_expr_guarded(struct walker *w, CXCursor e, const struct guard *g)
{
	bool pushed = g && push_guard(w, g);
	w->cond_depth++;   /* an arm of '?:' */
	walk_expr(w, e);
	w->cond_depth--;
	if (pushed)
		w->nguards--;
}

static void walk_expr(struct walker *w, CXCursor c)
{
	if (too_deep(w, c))
		return;
	enum CXCursorKind k = clang_getCursorKind(c);
	switch (k) {
	case CXCursor_CallExpr:
		walk_call(w, c, false);
		break;
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		if (op == CXBinaryOperator_Assign) {
			walk_assign(w, c);
		} else if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			struct lstate t, f;
			walk_cond(w, c, &t, &f);
			w->st = t;
			ls_join(w, &w->st, &f);
		} else {
			walk_children(w, c);
		}
		break;
	}
	case CXCursor_CompoundAssignOperator:
	case CXCursor_UnaryOperator: {
		walk_children(w, c);
		CXCursor kk[1];
		if (key_children(c, kk, 1) == 1 && is_member_update(c))
			note_member_store(w, kk[0], kk[0], false);
		break;
	}
	case CXCursor_ConditionalOperator: {
		CXCursor kk[3];
		unsigned n = key_children(c, kk, 3);
		if (n == 3) {
			struct lstate t, f;
			struct guard then_g, else_g;   /* 'args->force ? a() : b()' */
			bool guarded = branch_guards(w, kk[0], &then_g, &else_g);
			walk_cond(w, kk[0], &t, &f);
			w->st = t;
			walk_expr_guarded(w, kk[1], guarded ? &then_g : NULL);
			struct lstate after_t = w->st;
			w->st = f;
			walk_expr_guarded(w, kk[2], guarded ? &else_g : NULL);
			ls_join(w, &w->st, &after_t);
		} else {
			walk_children(w, c);
		}
		break;
	}
	case CXCursor_StmtExpr:
	case CXCursor_CompoundStmt:
		walk_stmt(w, c);
		break;
	case CXCursor_UnaryExpr:          /* sizeof, alignof: not evaluated */
	case CXCursor_TypeRef:
	case CXCursor_DeclRefExpr:
	case CXCursor_IntegerLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_FloatingLiteral:
		break;
	case CXCursor_InitListExpr:
		walk_init(w, c, clang_getCursorType(c), NULL);
		break;
	default:
		if (clang_isStatement(k))
			walk_stmt(w, c);
		else
			walk_children(w, c);
	}
	w->depth--;
}

/* ------------------------------------------------------------ statements */

/* Enter the loop or switch C; false, past MAX_FRAMES nested ones (no
 * kernel function comes near), after recording the limit: its caller then
 * does not walk C's body, so frames[] never overflows and reads need no
 * bound. */
static bool push_frame(struct walker *w, bool is_switch, CXCursor c)
{
	if (w->nframes == MAX_FRAMES) {
		note_limit(w, c, "loops and switches", MAX_FRAMES);
		return false;
	}
	w->frames[w->nframes++] = (struct frame){ .is_switch = is_switch, .brk = dead_state, .entry = w->st };
	return true;
}

static struct frame *top_frame(struct walker *w, bool want_loop)
{
	for (int i = w->nframes - 1; i >= 0; i--)
		if (!want_loop || !w->frames[i].is_switch)
			return &w->frames[i];
	return NULL;
}

static struct frame pop_frame(struct walker *w)
{
	assert(w->nframes > 0);
	return w->frames[--w->nframes];
}

/* A label by its statement: a goto's clang_getCursorReferenced() is not
 * clang_equalCursors() to the LabelStmt met in the body (another parent),
 * so labels are compared by where they are. */
static struct label *label_of(struct walker *w, CXCursor stmt)
{
	CXSourceLocation at = clang_getCursorLocation(stmt);
	for (size_t i = 0; i < w->labels.n; i++)
		if (clang_equalLocations(clang_getCursorLocation(w->labels.v[i].stmt), at))
			return &w->labels.v[i];
	vec_push(&w->labels, ((struct label){ .stmt = stmt, .pending = dead_state }));
	return &w->labels.v[w->labels.n - 1];
}

/* Enter guard G; false when the nesting bound is reached (the site then
 * keeps the enclosing guard, which is no less true). */
static bool push_guard(struct walker *w, const struct guard *g)
{
	if (w->nguards >= MAX_FRAMES)
		return false;
	w->guards[w->nguards++] = g;
	return true;
}

/* Walk branch S under guard G (NULL: none). */
static void walk_guarded(struct walker *w, CXCursor s, const struct guard *g)
{
	bool pushed = g && push_guard(w, g);
	w->cond_depth++;   /* a branch of 'if' */
	walk_stmt(w, s);
	w->cond_depth--;
	if (pushed)
		w->nguards--;
}

struct goto_scan { const struct kids *block; bool stays; };

/* Whether AT is outside the statements of BLOCK: a label of an enclosing
 * block, past the end of this one, where its guards are gone. */
static bool outside_block(const struct kids *block, CXSourceLocation at)
{
	if (!block || !block->n)
		return false;
	unsigned first, last, off;
	CXFile ff, lf, af;
	clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(block->v[0])), &ff, NULL, NULL, &first);
	clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(block->v[block->n - 1])), &lf, NULL, NULL,
				   &last);
	clang_getExpansionLocation(at, &af, NULL, NULL, &off);
	return ff && af && clang_File_isEqual(ff, af) && clang_File_isEqual(lf, af) && (off < first || off > last);
}

static enum CXChildVisitResult goto_in_block(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct goto_scan *g = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor ref[1];
	if (k == CXCursor_IndirectGotoStmt) {
		g->stays = false;
	} else if (k == CXCursor_GotoStmt) {
		bool found = false;
		CXCursor target = key_children(c, ref, 1) ? clang_getCursorReferenced(ref[0]) : clang_getNullCursor();
		/* by place: the cursor a label reference gives is not equal to the
		 * block's own cursor of the same label */
		CXSourceLocation at = clang_getCursorLocation(target);
		for (unsigned i = 0; g->block && i < g->block->n && !found; i++)
			found = clang_getCursorKind(g->block->v[i]) == CXCursor_LabelStmt &&
				clang_equalLocations(clang_getCursorLocation(g->block->v[i]), at);
		g->stays = found || outside_block(g->block, at);
	}
	return g->stays ? CXChildVisit_Recurse : CXChildVisit_Break;
}

/* Whether every goto in BODY jumps to a label of the block being walked,
 * where walk_block drops the guards after a statement ('default: goto
 * out;'), or out of the block, where they are gone: a label deeper in
 * would run under a guard its gotos ignore. */
static bool gotos_stay_in_block(const struct walker *w, CXCursor body)
{
	struct goto_scan g = { w->block_kids, true };
	clang_visitChildren(body, goto_in_block, &g);
	return g.stays;
}

/* Walk 'if' statement C.  AFTER (may be NULL): for an 'if' without 'else'
 * whose branch always leaves ('if (in_interrupt()) { defer(); return; }'),
 * the guard of the code after it, which runs only where the condition was
 * false; returns whether there is one.  A branch with a goto counts only
 * where every goto jumps to a label of the block being walked, or out of
 * it (gotos_stay_in_block): a label nested further down would be code the
 * guard does not hold for ('if (!(flags & CREATE)) { ..; goto cleanup; }'
 * is how most error exits are written). */
static bool walk_if(struct walker *w, CXCursor c, struct guard *after)
{
	struct kids k;
	bool guards_after = false;
	kids_get(&k, c);
	if (k.n >= 2) {
		struct lstate t, f;
		struct guard then_g, else_g;
		bool guarded = branch_guards(w, k.v[0], &then_g, &else_g);
		walk_cond(w, k.v[0], &t, &f);
		w->st = t;
		walk_guarded(w, k.v[1], guarded ? &then_g : NULL);
		struct lstate after_then = w->st;
		w->st = f;
		if (k.n >= 3)
			walk_guarded(w, k.v[2], guarded ? &else_g : NULL);
		if (after && k.n == 2 && guarded && !else_g.any && after_then.dead && !w->st.dead) {
			*after = else_g;
			guards_after = gotos_stay_in_block(w, k.v[1]);
		}
		ls_join(w, &w->st, &after_then);
	}
	kids_free(&k);
	return guards_after;
}

static enum CXChildVisitResult collect_gotos(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct walker *w = d;
	CXCursor ref[1];
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_IndirectGotoStmt || k == CXCursor_AsmStmt)
		w->wild_jumps = true;
	else if (k == CXCursor_GotoStmt && key_children(c, ref, 1))
		vec_push(&w->gotos, ((struct goto_pos){ key_offset(clang_getCursorLocation(c)),
			key_offset(clang_getCursorLocation(clang_getCursorReferenced(ref[0]))) }));
	return CXChildVisit_Recurse;
}

/* How many of the guards that hold after the statements ending at
 * START[0..N), the first ones, still hold at the label at LABEL: those for
 * which every goto to a label between them and it (LABEL included) comes
 * from code between them and it, which they hold for.  ext4's allocation
 * jumps to 'got_allocated_blocks:' only from code past 'if ((flags &
 * CREATE) == 0) { ..; goto out; }'. */
static int label_keeps_guards(struct walker *w, const unsigned *start, int n, unsigned label)
{
	if (!w->gotos_done) {
		w->wild_jumps = false;
		clang_visitChildren(w->kenv.func, collect_gotos, w);
		w->gotos_done = true;
	}
	if (w->wild_jumps)
		return 0;
	for (int i = 0; i < n; i++)
		for (size_t g = 0; g < w->gotos.n; g++) {
			const struct goto_pos *p = &w->gotos.v[g];
			if (p->to > start[i] && p->to <= label && !(p->from > start[i] && p->from < label))
				return i;
		}
	return n;
}

/* Walk the statements of block C.  The code after an 'if' whose branch
 * always leaves is under that 'if''s other guard, up to the next label
 * that a goto from elsewhere jumps to (walk_if, label_keeps_guards). */
static void walk_block(struct walker *w, CXCursor c)
{
	enum { MAX_AFTER = 4 };
	struct guard after[MAX_AFTER];
	unsigned after_start[MAX_AFTER];   /* where each guard begins: its statement's end */
	int nafter = 0;
	struct kids kk;
	kids_get(&kk, c);
	const struct kids *outer = w->block_kids;
	w->block_kids = &kk;
	w->scope_depth++;
	for (unsigned i = 0; i < kk.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(kk.v[i]);
		if (k == CXCursor_LabelStmt || k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
			/* jumped to from elsewhere: the guards that hold there stay */
			int keep = k == CXCursor_LabelStmt && nafter ?
				   label_keeps_guards(w, after_start, nafter, key_offset(clang_getCursorLocation(kk.v[i]))) : 0;
			w->nguards -= nafter - keep;
			nafter = keep;
		}
		bool may_guard = k == CXCursor_IfStmt || k == CXCursor_SwitchStmt;
		w->after_slot = may_guard && nafter < MAX_AFTER ? &after[nafter] : NULL;
		w->after_found = false;
		walk_stmt(w, kk.v[i]);
		if (may_guard && w->after_slot == NULL && w->after_found &&
		    push_guard(w, &after[nafter])) {
			after_start[nafter] = key_offset(clang_getRangeEnd(clang_getCursorExtent(kk.v[i])));
			nafter++;
		}
		w->after_slot = NULL;
	}
	w->nguards -= nafter;
	leave_scopes(w, --w->scope_depth, clang_getRangeEnd(clang_getCursorExtent(c)), true);
	w->block_kids = outer;
	kids_free(&kk);
}

static void walk_loop(struct walker *w, CXCursor c, enum CXCursorKind kind)
{
	struct kids k;
	kids_get(&k, c);
	if (!k.n) {
		kids_free(&k);
		return;
	}
	struct lstate exit_state = dead_state;
	if (!push_frame(w, false, c)) {
		kids_free(&k);
		return;
	}
	if (kind == CXCursor_DoStmt) {
		walk_stmt(w, k.v[0]);
		if (k.n > 1) {
			struct lstate t, f;
			walk_cond(w, k.v[1], &t, &f);
			exit_state = f;
		}
	} else if (kind == CXCursor_WhileStmt && k.n == 2) {
		struct lstate t, f;
		walk_cond(w, k.v[0], &t, &f);
		exit_state = f;
		w->st = t;
		w->cond_depth++;   /* the body may not run */
		walk_stmt(w, k.v[1]);
		w->cond_depth--;
		ls_join(w, &exit_state, &w->st);
	} else {   /* for: header parts in order, then the body */
		for (unsigned i = 0; i + 1 < k.n; i++)
			walk_stmt(w, k.v[i]);
		exit_state = w->st;
		w->cond_depth++;
		walk_stmt(w, k.v[k.n - 1]);
		w->cond_depth--;
		ls_join(w, &exit_state, &w->st);
	}
	struct frame fr = pop_frame(w);
	w->st = exit_state;
	ls_join(w, &w->st, &fr.brk);
	kids_free(&k);
}

/* The code at a 'break' of switch frame FR (or at its end) runs for the
 * case values of FR's guard now: the code after the switch runs for them. */
static void switch_exit(struct frame *fr)
{
	const struct guard *g = fr->guard;
	if (!g || g->any) {
		fr->out.any = true;
		return;
	}
	for (int i = 0; i < g->n && !fr->out.any; i++) {
		bool seen = false;
		for (int j = 0; j < fr->out.n; j++)
			seen |= fr->out.v[j] == g->v[i];
		if (seen)
			continue;
		if (fr->out.n == GUARD_MAX_VALUES)
			fr->out.any = true;
		else
			fr->out.v[fr->out.n++] = g->v[i];
	}
}

/*
 * 'switch (param)': each case's code is under the case's values.  The code
 * after the switch is under the values of the cases that leave it by
 * 'break' or by its end, when the default (there must be one) does not:
 * gfs2's iomap_begin goes on to its write path after 'switch (flags &
 * (IOMAP_WRITE | IOMAP_ZERO))' only for those two, since 'default: goto
 * out;'.  Returns whether *AFTER (if not NULL) holds that guard.
 */
static bool walk_switch(struct walker *w, CXCursor c, struct guard *after)
{
	bool guards_after = false;
	struct kids k;
	kids_get(&k, c);
	if (k.n >= 2) {
		walk_expr(w, k.v[0]);
		long long mask;
		struct guard g = { .param = guard_switch_param(w->kenv.func, k.v[0], &mask), .any = true };
		g.mask = mask;
		guards_at_entry(w, k.v[0], &g, 1);
		if (!push_frame(w, true, c)) {
			kids_free(&k);
			return false;
		}
		if (g.param >= 0)
			w->frames[w->nframes - 1].guard = &g;
		bool guarded = g.param >= 0 && push_guard(w, &g);
		w->st = dead_state;   /* code before the first case label is unreachable */
		w->cond_depth++;
		walk_stmt(w, k.v[k.n - 1]);
		w->cond_depth--;
		if (guarded)
			w->nguards--;
		if (!w->st.dead)
			switch_exit(&w->frames[w->nframes - 1]);
		struct frame fr = pop_frame(w);
		if (after && g.param >= 0 && fr.has_default && !fr.out.any && fr.out.n > 0 &&
		    gotos_stay_in_block(w, k.v[k.n - 1])) {
			*after = fr.out;
			after->param = g.param;
			after->mask = g.mask;
			guards_after = true;
		}
		ls_join(w, &w->st, &fr.brk);
		if (!fr.has_default)
			ls_join(w, &w->st, &fr.entry);
	}
	kids_free(&k);
	return guards_after;
}

static void walk_case(struct walker *w, CXCursor c, bool is_default)
{
	struct frame *fr = NULL;
	for (int i = w->nframes - 1; i >= 0 && !fr; i--)
		if (w->frames[i].is_switch)
			fr = &w->frames[i];
	if (fr) {
		if (fr->guard)   /* before the join: did anything fall through to here? */
			guard_case(fr->guard, c, is_default, w->st.dead);
		ls_join(w, &w->st, &fr->entry);
		fr->has_default |= is_default;
	}
	struct kids k;
	kids_get(&k, c);
	if (k.n)
		walk_stmt(w, k.v[k.n - 1]);   /* the labelled statement; the rest is the case value */
	kids_free(&k);
}

static void walk_return(struct walker *w, CXCursor c)
{
	CXCursor kk[1];
	if (key_children(c, kk, 1)) {
		long long v;
		if (!w->st.dead && !(guard_const_value(kk[0], &v) && v == 0))
			w->ret_live |= GK_ALL_STATES & ~guards_ctx_dead(w) &
				       ~guard_context_false(w->tu, w->env->rules, call_zero, w, kk[0]);
		walk_expr(w, kk[0]);
		note_return(w, kk[0]);
		if (w->returns_lockptr) {
			const char *self = arena_printf(&w->f->arena, "ret:%s", w->kenv.func_qname);
			add_alias(w, c, self, key_lock_ptr(&w->kenv, kk[0]));
		}
	}
	leave_scopes(w, 0, clang_getCursorLocation(c), false);   /* after the value: 'return f();' runs locked */
	ls_join(w, &w->exit, &w->st);
	w->st = dead_state;
	w->left = true;
}

/* An assertion rule P met at statement C: lockdep_assert_held(l) without
 * CONFIG_LOCKDEP is 'do { (void)(l); } while (0)', its lock the operand of
 * the body's first statement, a cast to void (key_strip looks through it);
 * ASSERT_RTNL() names its lock in its rule ('assert-lock'). */
static void assertion(struct walker *w, CXCursor do_stmt, const struct lp_lockprim *p)
{
	CXCursor kids[2], body[1];
	CXCursor lock = clang_getNullCursor();
	if (!p->lock && clang_getCursorKind(do_stmt) == CXCursor_DoStmt && key_children(do_stmt, kids, 2) >= 1 &&
	    clang_getCursorKind(kids[0]) == CXCursor_CompoundStmt &&
	    key_children(kids[0], body, 1) == 1 && clang_getCursorKind(body[0]) == CXCursor_CStyleCastExpr)
		lock = key_strip(body[0]);
	int site;
	lock_site(w, do_stmt, p, lock, &site);
}

/* The lock an init macro's expansion stores to: the operand of '*(l) = ...'. */
static bool is_lock_store(const struct lp_rules *r, CXCursor c, CXCursor *lock)
{
	CXCursor kk[2], op[1];
	if (clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign || key_children(c, kk, 2) != 2)
		return false;
	CXCursor lhs = key_strip(kk[0]);
	if (clang_getCursorKind(lhs) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(lhs) != CXUnaryOperator_Deref || key_children(lhs, op, 1) != 1 ||
	    !key_is_lockptr_type(r, clang_getCursorType(op[0])))
		return false;
	*lock = op[0];
	return true;
}

struct init_scan { const struct lp_rules *rules; CXCursor lock; };

static enum CXChildVisitResult scan_init(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct init_scan *s = d;
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator && is_lock_store(s->rules, c, &s->lock))
		return CXChildVisit_Break;
	return CXChildVisit_Recurse;
}

/*
 * An init macro that leaves no call ('lockdep-init-macro'): without
 * CONFIG_DEBUG_SPINLOCK, spin_lock_init(l) is 'do { spinlock_check(l);
 * *(l) = __SPIN_LOCK_UNLOCKED(l); } while (0)', yet with lockdep each
 * expansion is a class of its own (two tables of one bucket type
 * initialised at two sites nest without a report).  Its expansion becomes
 * a call site of the macro's name, the stored-to lock its argument 0.
 * With CONFIG_DEBUG_SPINLOCK the expansion stores nothing: it calls
 * __raw_spin_lock_init() with its key, and that call is the init site
 * (corpus inet-bind-one-init-site-debug).
 */
/* A call site of macro NAME at statement C (no body: link counts it a leaf). */
static struct xsite *macro_site(struct walker *w, CXCursor c, const char *name, int nargs)
{
	int site = add_site(w, SITE_CALL, c);
	struct xsite *x = &w->f->sites.v[site];
	char usr[80];
	snprintf(usr, sizeof(usr), "c:@F@%s", name);
	x->callee_name = intern(w, name);
	x->callee_usr = intern(w, usr);
	x->args = arena_alloc(&w->f->arena, (size_t)nargs * sizeof(*x->args));
	x->nargs = 0;
	return x;
}

/* An argument as text, without blanks or the parentheses around it all
 * ('( &(sk)->lock )' -> '&(sk)->lock'), into OUT; false if unreadable. */
static bool macro_arg_text(struct walker *w, CXFile file, unsigned offset, int n, char out[128])
{
	char raw[128];
	if (!guard_arg_at(w->tu, file, offset, n, raw, sizeof(raw)))
		return false;
	size_t k = 0;
	for (const char *p = raw; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n')
			out[k++] = *p;
	out[k] = '\0';
	while (k >= 2 && out[0] == '(' && out[k - 1] == ')') {
		memmove(out, out + 1, k - 2);
		out[k -= 2] = '\0';
	}
	return k > 0;
}

static void init_macro(struct walker *w, CXCursor do_stmt, const char *name, CXFile file, unsigned offset)
{
	struct init_scan s = { w->env->rules, clang_getNullCursor() };
	clang_visitChildren(do_stmt, scan_init, &s);
	if (clang_Cursor_isNull(s.lock))
		return;
	const char *k = key_lock_ptr(&w->kenv, s.lock);
	if (!k)
		return;
	struct xsite *x = macro_site(w, do_stmt, name, 1);
	x->args[x->nargs++] = (struct xarg){ 0, intern(w, k), 0, false, lock_path_of(&w->kenv, s.lock, k) };
	char text[128];
	if (macro_arg_text(w, file, offset, 0, text))
		vec_push(&w->init_texts, ((struct init_text){ intern(w, text), x->args[0].key, x->args[0].path }));
}

/* The operand of a '(void)(x)' in the expansion written in FILE between
 * offsets START and END: the macro argument the re-key macro evaluates. */
struct void_scan { CXFile file; unsigned start, end; CXCursor found; };

static enum CXChildVisitResult scan_void(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct void_scan *s = d;
	CXCursor k[2];
	if (clang_getCursorKind(c) != CXCursor_CStyleCastExpr ||
	    clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Void || key_children(c, k, 2) < 1)
		return CXChildVisit_Recurse;
	CXCursor op = key_strip(k[key_children(c, k, 2) - 1]);
	CXFile f;
	unsigned off;
	clang_getSpellingLocation(clang_getCursorLocation(op), &f, NULL, NULL, &off);
	if (f && clang_File_isEqual(f, s->file) && off >= s->start && off < s->end) {
		s->found = op;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/*
 * A re-key macro the configuration compiled away ('lockdep-class-macro'):
 * without CONFIG_LOCKDEP, lockdep_set_class_and_name(l, key, name) is 'do {
 * (void)(key); (void)(name); } while (0)'.  The lock is not in the AST, so
 * it is the lock of an init macro earlier in this function written the
 * same way (__init_waitqueue_head(): spin_lock_init(&wq_head->lock), then
 * the re-key of '&wq_head->lock' to the caller's key); the key is the
 * '(void)' operand written where the key argument is.  Another re-key
 * (one of a lock initialised elsewhere) names nothing lockpath can see.
 */
static void class_macro(struct walker *w, CXCursor do_stmt, const struct lp_lockdep *ld, CXFile file,
			unsigned offset)
{
	char text[128];
	if (!macro_arg_text(w, file, offset, ld->lock, text))
		return;
	const struct init_text *it = NULL;
	for (size_t i = w->init_texts.n; i-- > 0 && !it;)
		if (!strcmp(w->init_texts.v[i].text, text))
			it = &w->init_texts.v[i];
	if (!it)
		return;
	const char *key = ld->key == LP_LOCKDEP_MACRO_NOVALIDATE ? "__lockdep_no_validate__"
			  : ld->key == LP_LOCKDEP_MACRO_KEEP ? "*lockdep_map.key" : NULL;
	struct void_scan vs = { file, 0, 0, clang_getNullCursor() };
	if (ld->key >= 0 && guard_arg_span(w->tu, file, offset, ld->key, &vs.start, &vs.end)) {
		clang_visitChildren(do_stmt, scan_void, &vs);
		key = clang_Cursor_isNull(vs.found) ? NULL : key_object_ptr(&w->kenv, vs.found);
	}
	long long sub = 0;
	char stext[32], *end;
	bool has_sub = ld->subclass >= 0 && guard_arg_at(w->tu, file, offset, ld->subclass, stext, sizeof(stext)) &&
		       (sub = strtoll(stext, &end, 0), end != stext && !*end);
	struct xsite *x = macro_site(w, do_stmt, ld->func, 3);
	x->args[x->nargs++] = (struct xarg){ 0, it->key, 0, false, it->path };
	if (key)
		x->args[x->nargs++] = (struct xarg){ 1, intern(w, key), 0, true };
	if (has_sub)
		x->args[x->nargs++] = (struct xarg){ 2, NULL, sub, false };
}

/*
 * An annotation the configuration compiled away.  'might_sleep();' is
 * 'do { do { } while (0); } while (0)' in a kernel without
 * CONFIG_DEBUG_ATOMIC_SLEEP and with PREEMPT_NONE: no call is left of it,
 * yet it is the kernel's own word that the function may sleep (folio_lock()
 * sleeps only when the folio is locked, and says so first).  Likewise
 * lockdep_assert_held() without CONFIG_LOCKDEP, and ASSERT_RTNL(), a
 * statement expression around a test.  The name written where statement C
 * (a do-while or a statement expression) was expanded tells: a macro with
 * a 'sleep' rule (might_sleep) becomes a call site of that name, one with
 * an assertion rule an assertion site; once per expansion (its nested
 * statements share the point).
 */
static void note_annotation(struct walker *w, CXCursor c)
{
	CXFile file;
	unsigned offset;
	clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, &offset);
	if (!file || (clang_File_isEqual(file, w->annot_file) && offset == w->annot_offset))
		return;
	char name[64];
	if (guard_name_at(w->tu, file, offset, name) < 3)
		return;   /* 'do' written out */
	const struct lp_lockdep *ld = rules_lockdep(w->env->rules, name);
	if (ld && ld->macro) {
		w->annot_file = file;
		w->annot_offset = offset;
		if (clang_getCursorKind(c) == CXCursor_DoStmt && ld->init)
			init_macro(w, c, name, file, offset);
		else if (clang_getCursorKind(c) == CXCursor_DoStmt)
			class_macro(w, c, ld, file, offset);
		return;
	}
	const struct lp_lockprim *p = rules_lockprim(w->env->rules, name);
	if (p && p->kind == SITE_ASSERT) {
		w->annot_file = file;
		w->annot_offset = offset;
		assertion(w, c, p);
		return;
	}
	if (!rules_sleep_reason(w->env->rules, name))
		return;
	w->annot_file = file;
	w->annot_offset = offset;
	int site = add_site(w, SITE_CALL, c);
	char usr[80];
	snprintf(usr, sizeof(usr), "c:@F@%s", name);   /* no body: link counts it a leaf */
	w->f->sites.v[site].callee_name = intern(w, name);
	w->f->sites.v[site].callee_usr = intern(w, usr);
}

static void walk_stmt(struct walker *w, CXCursor c)
{
	if (too_deep(w, c))
		return;
	enum CXCursorKind k = clang_getCursorKind(c);
	/* code a constant condition cut off is not there (a label or case in
	 * it may still be jumped to, and revives the state) */
	if (w->st.dead && w->st.cdead && k != CXCursor_LabelStmt && k != CXCursor_CaseStmt &&
	    k != CXCursor_DefaultStmt && k != CXCursor_CompoundStmt)
		return;
	switch (k) {
	case CXCursor_StmtExpr:   /* 'ASSERT_RTNL();': a statement of its own */
		note_annotation(w, c);
		walk_block(w, c);
		break;
	case CXCursor_CompoundStmt:
		walk_block(w, c);
		break;
	case CXCursor_IfStmt: {
		struct guard *slot = w->after_slot;   /* a block's own statement (walk_block) */
		w->after_slot = NULL;
		bool found = walk_if(w, c, slot);
		w->after_found = found;
		break;
	}
	case CXCursor_DoStmt:
		note_annotation(w, c);
		/* fall through */
	case CXCursor_WhileStmt:
	case CXCursor_ForStmt:
		w->loop_depth++;
		w->break_depth++;
		w->scope_depth++;   /* a 'for' header's declarations: scoped_guard's guard */
		walk_loop(w, c, k);
		leave_scopes(w, --w->scope_depth, clang_getRangeEnd(clang_getCursorExtent(c)), true);
		w->break_depth--;
		w->loop_depth--;
		break;
	case CXCursor_SwitchStmt: {
		struct guard *after = w->after_slot;
		w->after_slot = NULL;   /* for this switch only, not the ones inside it */
		w->break_depth++;
		w->after_found = walk_switch(w, c, after);
		w->break_depth--;
		break;
	}
	case CXCursor_CaseStmt: walk_case(w, c, false); break;
	case CXCursor_DefaultStmt: walk_case(w, c, true); break;
	case CXCursor_BreakStmt: {
		break_scopes(w, c);
		struct frame *fr = top_frame(w, false);
		if (fr && fr->is_switch && !w->st.dead)
			switch_exit(fr);
		if (fr)
			ls_join(w, &fr->brk, &w->st);
		w->st = dead_state;
		break;
	}
	case CXCursor_ContinueStmt:
		w->st = dead_state;
		break;
	case CXCursor_ReturnStmt: walk_return(w, c); break;
	case CXCursor_GotoStmt: {
		CXCursor kk[1];
		if (key_children(c, kk, 1)) {
			CXCursor target = clang_getCursorReferenced(kk[0]);
			/* to a label of the function's body ('out:'), out of the blocks inside it */
			leave_scopes(w, 1, clang_getCursorLocation(c), false);
			if (!clang_Cursor_isNull(target))
				ls_join(w, &label_of(w, target)->pending, &w->st);
		}
		w->st = dead_state;
		w->left = true;
		break;
	}
	case CXCursor_LabelStmt: {
		struct label *l = label_of(w, c);
		/* no goto reaches it and the code before leaves: an 'asm goto'
		 * does (static_branch_unlikely()'s 'l_yes:', unsafe_get_user()'s
		 * 'Efault:'), with the state of an asm before it */
		if (w->st.dead && l->pending.dead)
			ls_join(w, &w->st, &w->asm_states);
		ls_join(w, &w->st, &l->pending);
		CXCursor kk[1];
		if (key_children(c, kk, 1))
			walk_stmt(w, kk[0]);
		break;
	}
	case CXCursor_DeclStmt: {
		struct kids kk;
		kids_get(&kk, c);
		for (unsigned i = 0; i < kk.n; i++)
			if (clang_getCursorKind(kk.v[i]) == CXCursor_VarDecl)
				walk_vardecl(w, kk.v[i]);
		kids_free(&kk);
		break;
	}
	/* 'asm goto' (static_branch_unlikely(): 'return false; l_yes: return
	 * true;') and 'goto *p' jump to labels no goto here names, which the
	 * walk then takes for dead code */
	case CXCursor_AsmStmt:
		ls_join(w, &w->asm_states, &w->st);
		w->ret_unknown = true;
		break;
	case CXCursor_IndirectGotoStmt:
		w->ret_unknown = true;
		walk_children(w, c);   /* as before: the target expression's calls */
		break;
	case CXCursor_NullStmt:
		break;
	default:
		if (clang_isExpression(k))
			walk_expr(w, c);
		else
			walk_children(w, c);
	}
	w->depth--;
}

/* ------------------------------------------------------------ functions */

static void walk_function(struct walker *w, CXCursor fn, int hdr);

/* __acquires/__releases state what the function leaves behind, whatever
 * its body shows (the unlock may happen through a function pointer). */
static void annot_apply(struct walker *w, const char *annot)
{
	enum keyname_annot kind;
	const char *k;
	size_t len;
	for (const char *p = annot; keyname_next_annot(&p, &kind, &k, &len);) {
		bool acq = kind == KEYNAME_ACQUIRES, rel = kind == KEYNAME_RELEASES;
		if ((acq || rel) && !w->exit.dead) {
			char *key = xstrndup(k, len);
			struct xlock *l = ls_get(&w->exit, intern(w, key));
			free(key);
			if (l) {
				l->held = acq;
				l->released = rel;
				l->dropped = rel;
			}
		}
	}
}

/* Whether the lock L at a function's exit is its caller's business: a lock
 * it leaves held, or a caller's it released; not one taken and released
 * here, nor one of its locals. */
static bool exit_lock_matters(const struct xlock *l)
{
	return keyname_kind(l->key) != KEYNAME_LOCAL && (l->held || l->dropped);
}

/* The function's effect on its caller's locks, for callers in other TUs
 * (func.exit_locks): '+key' held at every return, '-key' a caller's lock
 * released.  A lock named by a parameter ('arg#0') is left out: link has
 * no argument's lock to put in its place. */
static const char *exit_locks_text(struct walker *w)
{
	if (w->exit.dead)
		return NULL;
	struct strbuf sb = {0};
	for (unsigned i = 0; i < w->exit.n; i++) {
		const struct xlock *l = &w->exit.e[i];
		if (exit_lock_matters(l) && keyname_lock_param(l->key) < 0)
			sb_addf(&sb, "%s%c%s", sb.len ? ";" : "", l->held ? '+' : '-', l->key);
	}
	const char *t = sb.len ? arena_strdup(&w->f->arena, sb.buf) : NULL;
	sb_free(&sb);
	return t;
}

static void summary_save(struct walker *w, const char *usr)
{
	struct summary sm = { .ret_zero = w->ret_unknown ? 0 : GK_ALL_STATES & ~w->ret_live };
	for (unsigned i = 0; i < w->exit.n && !w->exit.dead; i++) {
		const struct xlock *l = &w->exit.e[i];
		if (!exit_lock_matters(l))   /* a lock taken and released here, or a local's */
			continue;
		sm.e[sm.n].key = arena_strdup(&w->sums->arena, l->key);
		sm.e[sm.n++].held = l->held;
	}
	vec_push(&w->sums->v, sm);
	*strmap_put(&w->sums->index, usr, NULL) = (int64_t)w->sums->v.n;
}

/* The summary of DEF, a function of the main file; walked now (into scratch
 * facts) if it comes later in the file.  NULL while being computed (recursion). */
static const struct summary *summary_of(struct walker *w, CXCursor def)
{
	CXString usr = clang_getCursorUSR(def);
	bool created;
	int64_t *slot = strmap_put(&w->sums->index, clang_getCString(usr), &created);
	clang_disposeString(usr);
	if (!created)
		return *slot ? &w->sums->v.v[*slot - 1] : NULL;
	if (w->sums->depth >= 8)
		return NULL;
	struct walker nw = { .env = w->env, .f = facts_new(), .sums = w->sums, .wraps = w->wraps,
			     .hdr_hash = w->hdr_hash, .arg_site = -1, .main_cxfile = w->main_cxfile,
			     .tu = w->tu };
	nw.kenv = (struct key_env){ .rules = w->env->rules, .arena = &nw.f->arena,
				    .local_key = local_lookup, .ctx = &nw };
	w->sums->depth++;
	walk_function(&nw, def, -1);
	w->sums->depth--;
	strmap_free(&nw.interned);
	vec_free(&nw.strs);
	vec_free(&nw.labels);
	vec_free(&nw.locals);
	vec_free(&nw.scoped);
	vec_free(&nw.gotos);
	vec_free(&nw.fnlocals);
	vec_free(&nw.retlocals);
	vec_free(&nw.guarded_members);
	vec_free(&nw.init_texts);
	facts_free(nw.f);
	CXString u2 = clang_getCursorUSR(def);
	int64_t *s2 = strmap_get(&w->sums->index, clang_getCString(u2));
	clang_disposeString(u2);
	return s2 && *s2 ? &w->sums->v.v[*s2 - 1] : NULL;
}

/* After a call to a function of this file: its summary changes our lock state.
 * Its 'arg#N' keys are our argument N's lock.  Not in a header's function:
 * it is walked in whichever TU includes the header first, and only the TU
 * that defines the callee has its summary (the findings moved with the
 * order of the compile database, and at -j 2 with the workers' race). */
static void apply_summary(struct walker *w, CXCursor call, CXCursor callee, int site)
{
	if (w->hdr >= 0)
		return;
	CXCursor def = clang_getCursorDefinition(callee);
	if (clang_Cursor_isNull(def) || !in_main_file(w, clang_getCursorLocation(def)))
		return;
	const struct summary *sm = summary_of(w, def);
	for (int i = 0; sm && i < sm->n; i++) {
		const char *key = sm->e[i].key;
		int n = keyname_lock_param(key);
		if (n >= 0) {
			key = n < clang_Cursor_getNumArguments(call)
			      ? key_lock_ptr(&w->kenv, clang_Cursor_getArgument(call, (unsigned)n)) : NULL;
		}
		struct xlock *l = key ? ls_get(&w->st, intern(w, key)) : NULL;
		if (!l)
			continue;
		l->held = sm->e[i].held;
		l->released = !sm->e[i].held;
		l->dropped = !sm->e[i].held;
		l->acq_site = sm->e[i].held ? site : -1;
	}
}

/* Whether FN is a lock primitive, a wrapper (lock_prim_of), an irq
 * operation or a pass-through. */
static bool is_primitive(struct walker *w, CXCursor fn, const char *name, bool main_file)
{
	const struct lp_rules *r = w->env->rules;
	return lock_prim_of(w, fn, !main_file) || rules_irqop(r, name) || rules_passthrough_arg(r, name) >= 0;
}

static void walk_function(struct walker *w, CXCursor fn, int hdr)
{
	struct xfunc xf = { .hdr = hdr };
	xf.usr = cx_str(w, clang_getCursorUSR(fn));
	xf.name = cx_str(w, clang_getCursorSpelling(fn));
	location(w, fn, &xf.file, &xf.line, &xf.col);
	CXSourceRange ext = clang_getCursorExtent(fn);
	clang_getExpansionLocation(clang_getRangeEnd(ext), NULL, &xf.end_line, NULL, NULL);
	xf.is_static = clang_getCursorLinkage(fn) == CXLinkage_Internal;
	xf.nparams = clang_Cursor_getNumArguments(fn);
	xf.annot = annot_of(&w->f->arena, w->env->rules, fn);
	vec_push(&w->f->funcs, xf);

	w->func = (int)w->f->funcs.n - 1;
	w->hdr = hdr;
	w->st = (struct lstate){ .dead = false, .dom = -1 };
	w->exit = dead_state;
	w->nframes = 0;
	w->labels.n = 0;
	w->locals.n = 0;
	w->fnlocals.n = 0;
	w->retlocals.n = 0;
	w->block_kids = NULL;
	w->failres = (struct fail_result){ .call = clang_getNullCursor() };
	w->last_call = clang_getNullCursor();
	w->last_call_site = -1;
	w->depth = 0;
	w->depth_noted = false;
	w->guarded = 0;
	w->first_writes_done = false;
	w->gotos_done = false;
	w->gotos.n = 0;
	w->loop_depth = 0;
	w->scoped.n = 0;
	w->scope_depth = 0;
	w->break_depth = 0;
	w->guarded_members.n = 0;
	w->init_texts.n = 0;
	w->nguards = 0;
	w->ret_live = 0;
	w->ret_unknown = false;
	w->asm_states = dead_state;
	w->cond_depth = 0;
	w->left = false;
	w->kenv.func = fn;
	w->kenv.func_qname = key_qualified_name(&w->f->arena, fn);
	w->returns_lockptr = key_is_lockptr_type(w->env->rules, clang_getCursorResultType(fn));

	struct kids k;
	kids_get(&k, fn);
	for (unsigned i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_CompoundStmt)
			walk_stmt(w, k.v[i]);
	kids_free(&k);
	ls_join(w, &w->exit, &w->st);
	const char *writes = guard_param_writes(&w->f->arena, fn, w->guarded, w->guarded_members.v,
						(int)w->guarded_members.n);
	if (writes) {   /* the guards hold only with what the function itself assigns */
		const char *a = xf.annot ? xf.annot : "";
		size_t n = strlen(a);
		w->f->funcs.v[w->func].annot = arena_printf(&w->f->arena, "%s%s%s", a, n && a[n - 1] != ';' ? ";" : "", writes);
	}
	annot_apply(w, xf.annot);
	if (w->exit.full || w->st.full)
		note_locks_full(w, fn);
	if (!w->exit.dead && w->exit.dom >= 0)
		w->f->sites.v[w->exit.dom].exit_dom = true;
	w->f->funcs.v[w->func].exit_locks = exit_locks_text(w);
	if (hdr < 0)
		summary_save(w, xf.usr);
}

static void walk_global_var(struct walker *w, CXCursor var)
{
	w->func = -1;
	w->hdr = -1;
	w->kenv.func = clang_getNullCursor();
	w->kenv.func_qname = NULL;
	struct kids k;
	kids_get(&k, var);
	for (unsigned i = 0; i < k.n; i++) {
		CXCursor v = key_strip(k.v[i]);
		if (clang_getCursorKind(v) == CXCursor_InitListExpr)
			walk_init(w, v, clang_getCursorType(var), key_qualified_name(&w->f->arena, var));
		else if (clang_isExpression(clang_getCursorKind(v))) {
			CXCursor fn = key_function_ref(v);
			if (!clang_Cursor_isNull(fn))
				add_store(w, var, key_qualified_name(&w->f->arena, var), fn, NULL);
		}
	}
	kids_free(&k);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData d)
{
	struct walker *w = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	if (!clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	CXSourceLocation loc = clang_getCursorLocation(c);
	bool main_file = in_main_file(w, loc);
	if (k == CXCursor_VarDecl) {
		if (main_file)
			walk_global_var(w, c);
		return CXChildVisit_Continue;
	}
	/* A header's inline function: walked once per run and header version,
	 * by the TU that claims it first.  Claimed before it is asked whether
	 * it is a lock primitive or wrapper: that question scans its body, and
	 * each TU includes thousands of inline functions others walked. */
	int file = -1;
	if (!main_file) {
		unsigned line, col;
		location(w, c, &file, &line, &col);
		int64_t *h = strmap_get(&w->hdr_hash, w->f->files.v[file]);
		if (!h)
			return CXChildVisit_Continue;
		const char *hash = w->f->includes.v[*h].hash;
		CXString usr = clang_getCursorUSR(c);
		bool mine = hdr_claim(w->env->claims, clang_getCString(usr), hash, w->f->files.v[file]);
		clang_disposeString(usr);
		if (!mine)
			return CXChildVisit_Continue;
	}
	CXString name = clang_getCursorSpelling(c);
	bool prim = is_primitive(w, c, clang_getCString(name), main_file);
	clang_disposeString(name);
	if (!prim)
		walk_function(w, c, file);
	return CXChildVisit_Continue;
}

void walk_tu(const struct walk_env *env, CXTranslationUnit tu, struct tu_facts *f)
{
	struct walker w = { .env = env, .f = f, .arg_site = -1, .tu = tu };
	guard_file_text_forget();   /* a new TU may reuse the last one's addresses */
	CXString spelling = clang_getTranslationUnitSpelling(tu);
	w.main_cxfile = clang_getFile(tu, clang_getCString(spelling));
	clang_disposeString(spelling);
	w.kenv = (struct key_env){ .rules = env->rules, .arena = &f->arena,
				   .local_key = local_lookup, .ctx = &w };
	w.wraps = wrappers_new(env->rules, w.main_cxfile);
	struct summaries sums = {0};
	w.sums = &sums;
	for (size_t i = 0; i < f->includes.n; i++)
		*strmap_put(&w.hdr_hash, f->includes.v[i].path, NULL) = (int64_t)i;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &w);
	wrappers_free(w.wraps);
	strmap_free(&sums.index);
	vec_free(&sums.v);
	arena_free(&sums.arena);
	strmap_free(&w.interned);
	strmap_free(&w.hdr_hash);
	vec_free(&w.strs);
	vec_free(&w.labels);
	vec_free(&w.locals);
	vec_free(&w.scoped);
	vec_free(&w.gotos);
	vec_free(&w.fnlocals);
	vec_free(&w.retlocals);
	vec_free(&w.guarded_members);
	vec_free(&w.init_texts);
}
