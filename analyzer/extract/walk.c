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
 *
 * This file holds the walker's core: lock state, sites, stores, calls,
 * conditions, expressions, the statement dispatcher and the TU loop.
 * The statements that move control are in walk_flow.c, lock guards in
 * walk_scope.c, lockdep and sleep macros in walk_macro.c, summaries in
 * walk_summary.c; walker.h is the state they share.
 */
#include "extract/walker.h"
#include "extract/const_calls.h"
#include "extract/keys.h"
#include "extract/links.h"
#include "extract/wrappers.h"
#include "extract/annot.h"
#include "extract/casts.h"
#include "extract/guard.h"
#include "extract/members.h"
#include "extract/lock_path.h"
#include "extract/slot_tables.h"
#include "extract/member_tables.h"
#include "lib/keyname.h"
#include "lib/format.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ small helpers */

/*
 * Whether LOC is in the main file once macros are expanded.  A definition a
 * macro writes (DEFINE_*, DEVICE_ATTR_RW(), a generated notifier block) is
 * spelled in the macro or in scratch space, where libclang's
 * isFromMainFile says no; it belongs to the file it is expanded in.
 */
bool in_main_file(const struct walker *w, CXSourceLocation loc)
{
	return key_loc_in_file(loc, w->main_cxfile);
}

const char *intern(struct walker *w, const char *s)
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

void kids_get(struct kids *k, CXCursor c)
{
	k->v = k->small;
	k->n = 0;
	k->cap = 8;
	clang_visitChildren(c, kids_add, k);
}

void kids_free(struct kids *k)
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

struct xlock *ls_find(struct lstate *s, const char *key)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->e[i].key == key)
			return &s->e[i];
	return NULL;
}

/* KEY's entry in S, added when new; NULL, and S marked full, when LS_MAX
 * other locks have entries (the function then gets a limit notice). */
struct xlock *ls_get(struct lstate *s, const char *key)
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
/* site.irqs_off (enum lp_irqs_state) of the interrupt states BITS a path
 * may be in; TOUCHED: the function switched them on some path. */
int irqs_state(unsigned char bits, bool touched)
{
	switch (bits) {
	case IRQB_OFF: return IRQS_OFF;
	case IRQB_ON: return IRQS_ON;
	case IRQB_OFF | IRQB_ENTRY: return IRQS_OFF_OR_ENTRY;
	case IRQB_ON | IRQB_ENTRY: return IRQS_ON_OR_ENTRY;
	case IRQB_ENTRY: return touched ? IRQS_RESTORED : IRQS_AS_AT_ENTRY;
	default: return IRQS_UNKNOWN;
	}
}

/* R's calls not yet made again: those of either path (one that does not
 * fit is not made again, as far as the walk knows). */
static void join_calls(struct walker *w, struct lstate *r, const struct lstate *a, const struct lstate *b)
{
	r->ncalls = a->ncalls;
	memcpy(r->calls, a->calls, sizeof(r->calls));
	for (int i = 0; i < b->ncalls; i++) {
		bool seen = false;
		for (int j = 0; j < a->ncalls && !seen; j++)
			seen = a->calls[j].site == b->calls[i].site;
		if (seen)
			continue;
		if (r->ncalls == PENDING_CALLS)
			vec_push(&w->calls_unrepeated, b->calls[i].site);
		else
			r->calls[r->ncalls++] = b->calls[i];
	}
}

/* Two paths' last-put objects: the one both name, else NULL. */
static const char *same_ref_obj(const char *a, const char *b)
{
	return a && b && !strcmp(a, b) ? a : NULL;
}

void ls_join(struct walker *w, struct lstate *a, const struct lstate *b)
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
	struct lstate r = { .irqs = a->irqs | b->irqs, .irqs_head = a->irqs_head | b->irqs_head,
			    .irqs_touched = a->irqs_touched || b->irqs_touched,
			    .irqs_saved = a->irqs_saved && b->irqs_saved,
			    .irqs_restored = a->irqs_restored || b->irqs_restored,
			    .full = a->full || b->full, .last_put = a->last_put && b->last_put,
			    .last_put_obj = a->last_put && b->last_put ? same_ref_obj(a->last_put_obj, b->last_put_obj)
								       : NULL,
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
	join_calls(w, &r, a, b);
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


/* ------------------------------------------------------------ recording */

/* Member guard G's writes go into the function's annotations. */
static void note_guarded_member(struct walker *w, const struct guard *g)
{
	for (size_t i = 0; i < w->guarded_members.n; i++)
		if (w->guarded_members.v[i].param == g->param && !strcmp(w->guarded_members.v[i].field, g->field))
			return;
	vec_push(&w->guarded_members, *g);
}

/* Parameter P's own writes go into the function's annotations, for check
 * to see (a value it passed on, or tested, is not the caller's after
 * them); P < 0 is none, and parameters past the 64th are not noted. */
static void note_param_writes(struct walker *w, int p)
{
	if (p >= 0 && p < 64)
		w->guarded |= 1ULL << p;
}

void guard_mark_used(struct walker *w, const struct guard *g)
{
	if (g->field[0])
		note_guarded_member(w, g);
	else if (!g->at_entry)
		note_param_writes(w, g->param);   /* (a context guard has no parameter) */
}

bool guard_seen(const char *const *seen, int n, const char *text)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(seen[i], text))
			return true;
	return false;
}

/* The guards around the code being walked, innermost first, ';' separated
 * (lib/guardkey.h): the site runs only where every one of them lets it.
 * Past SITE_GUARDS_MAX the outer ones are left out, which restricts less. */
static const char *site_guard(struct walker *w)
{
	struct strbuf sb = {0};
	const char *seen[SITE_GUARDS_MAX];
	int n = 0;
	for (int i = w->nguards - 1; i >= 0 && n < SITE_GUARDS_MAX; i--) {
		const struct guard *g = w->guards[i];
		const char *t = guard_holds(w, i) ? guard_text(&w->f->arena, g) : NULL;
		if (!t || guard_seen(seen, n, t))
			continue;
		guard_mark_used(w, g);
		sb_addf(&sb, "%s%s", n ? ";" : "", t);
		seen[n++] = t;
	}
	const char *text = n ? intern(w, sb.buf) : NULL;
	sb_free(&sb);
	return text;
}

int add_site_at(struct walker *w, int kind, CXSourceLocation at)
{
	struct xsite s = { .func = w->func, .kind = kind, .irq_bits = w->st.irqs,
			   .irq_touched = w->st.irqs_touched, .irq_head = w->st.irqs_head };
	s.irqs_off = irqs_state(s.irq_bits, s.irq_touched);
	location_of(w, at, &s.file, &s.line, &s.col);
	s.guard = site_guard(w);
	s.always = w->cond_depth == 0 && !w->left;
	s.last_put = w->st.last_put;
	s.last_put_obj = w->st.last_put ? w->st.last_put_obj : NULL;
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
	writes_note_site(w, w->f->sites.n - 1);
	return (int)w->f->sites.n - 1;
}

int add_site(struct walker *w, int kind, CXCursor at)
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

void add_alias(struct walker *w, CXCursor at, const char *lhs, const char *rhs)
{
	if (!lhs || !rhs || !strcmp(lhs, rhs))
		return;
	struct xalias a = { .func = w->func, .hdr = w->hdr, .lhs = intern(w, lhs), .rhs = intern(w, rhs) };
	location(w, at, &a.file, &a.line, &a.col);
	a.text = key_source_text(&w->f->arena, at);
	vec_push(&w->f->aliases, a);
}

/* ------------------------------------------------------------ locals */

const char *local_lookup(void *ctx, CXCursor var)
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

/* struct retlocal's site for NULL ('struct device *dev = NULL;'). */
#define RETLOCAL_NULL (-2)

/* Local pointer VAR was assigned VALUE (walked). */
static void retlocal_set(struct walker *w, CXCursor var, CXCursor value)
{
	long long v;
	int site = call_value_site(w, value);
	if (site < 0 && guard_const_value(value, &v) && v == 0)
		site = RETLOCAL_NULL;
	vec_push(&w->retlocals, ((struct retlocal){ var, site }));
}

/* The call whose result the local pointer E reads, or -1. */
static int retlocal_site(const struct walker *w, CXCursor e)
{
	CXCursor var = local_ptr_var(e);
	for (size_t i = w->retlocals.n; !clang_Cursor_isNull(var) && i-- > 0;)
		if (clang_equalCursors(w->retlocals.v[i].var, var))
			return w->retlocals.v[i].site >= 0 ? w->retlocals.v[i].site : -1;
	return -1;
}

/* Whether the local pointer E was assigned nothing but the result of the
 * call at SITE, or NULL, so far: whatever path led here, it holds that
 * call's object (site_arg.ret_only; check/zeroed.c).  A pointer assigned
 * another object in one branch ('p = old; if (!p) p = kzalloc(..)') is not. */
static bool retlocal_only(const struct walker *w, CXCursor e, int site)
{
	CXCursor var = local_ptr_var(e);
	for (size_t i = 0; !clang_Cursor_isNull(var) && i < w->retlocals.n; i++)
		if (clang_equalCursors(w->retlocals.v[i].var, var) && w->retlocals.v[i].site != site &&
		    w->retlocals.v[i].site != RETLOCAL_NULL)
			return false;
	return !clang_Cursor_isNull(var);
}

static void add_ret(struct walker *w, struct xret r)
{
	for (size_t i = w->f->rets.n; i-- > 0 && w->f->rets.v[i].func == w->func;)
		if (w->f->rets.v[i].field == r.field && w->f->rets.v[i].param == r.param &&
		    w->f->rets.v[i].site == r.site && w->f->rets.v[i].obj == r.obj)
			return;   /* another return of the same */
	vec_push(&w->f->rets, r);
}

static const char *object_name(struct walker *w, CXCursor e, bool deref);

/* 'return ab;': the call ab came from, and the members this path set in
 * *ab to the function's parameters ('ab->gfp_mask = gfp_mask'). */
void note_return(struct walker *w, CXCursor value)
{
	CXCursor var = local_ptr_var(value);
	if (clang_Cursor_isNull(var) || w->st.dead)
		return;
	int site = retlocal_site(w, value);
	if (site >= 0) {
		const char *pointee = key_object_ptr(&w->kenv, value);
		add_ret(w, (struct xret){ w->func, NULL, -1, site, pointee ? intern(w, pointee) : NULL });
	}
	const char *obj = object_name(w, value, true);
	for (unsigned i = 0; obj && i < w->st.m.n; i++)
		if (w->st.m.e[i].obj == obj && w->st.m.e[i].param >= 0)
			add_ret(w, (struct xret){ w->func, w->st.m.e[i].field, w->st.m.e[i].param, -1, NULL });
}

/* 'priv->rx_reporter = reporter' (holder_store_of): the call whose result
 * is stored, straight or through a local that held nothing else (or
 * NULL) so far; anything else is stored as site -1. */
static void note_result_store(struct walker *w, const char *member, CXCursor value)
{
	int site = call_value_site(w, value);
	if (site < 0) {
		site = retlocal_site(w, value);
		if (site >= 0 && !retlocal_only(w, value, site))
			site = -1;
	}
	vec_push(&w->f->results, ((struct xresult){ w->func, intern(w, member), site }));
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
	CXCursor v = key_strip(value), lit = key_compound_literal_list(v);
	if (!clang_Cursor_isNull(lit))   /* '.csd = CSD_INIT(fn, NULL)': a struct's members as well */
		v = lit;
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

/* What a store of RHS leaves in a member, into *V: an integer constant, and
 * for a pointer member (PTR) only NULL or a global's address. */
static bool member_value(CXCursor rhs, bool ptr, long long *v)
{
	bool known = guard_const_value(rhs, v);
	if (!ptr || (known && *v == 0))
		return known;
	return guard_global_address(rhs, v);
}

/* A store into an integer member ('args->force = true', '.. |= x' when not
 * CONSTANT_OK): what the member holds on this path from here on.  A
 * pointer member is a constant only when set to NULL ('dev->driver =
 * NULL' before device_add()'s unwind calls bus_remove_device(): the
 * driver's remove below 'if (drv)' is not reached) or to a global's
 * address ('iter->temp = static_temp_buf' for ftrace_dump(), whose copy
 * never grows that buffer: guard_global_address()); another store of it
 * makes what a NULL store said unknown, and for an object reached through
 * a parameter stops what the caller's caller set from being passed on,
 * while a slot is free (no pointer store makes the path's members lost). */
static void note_member_store(struct walker *w, CXCursor lhs, CXCursor rhs, bool constant_ok)
{
	CXCursor m = key_strip(lhs), base[1];
	CXType mt = clang_getCursorType(m);
	bool ptr = clang_getCanonicalType(mt).kind == CXType_Pointer;
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || (!is_int_type(mt) && !ptr) ||
	    key_children(m, base, 1) != 1)
		return;
	bool arrow = clang_getCanonicalType(clang_getCursorType(key_strip(base[0]))).kind == CXType_Pointer;
	const char *obj = object_name(w, base[0], arrow);
	if (!obj)
		return;
	long long v = 0;
	bool known = constant_ok && member_value(rhs, ptr, &v);
	const char *field = intern(w, cx_str(w, clang_getCursorSpelling(m)));
	if (ptr && !known) {
		members_unknown(&w->st.m, obj, field, key_param_of(w->kenv.func, base[0]) >= 0);
		return;
	}
	int param = constant_ok && !ptr ? key_param_of(w->kenv.func, rhs) : -1;
	members_set(&w->st.m, obj, field, v, known, param);
}

/* LHS is written (func.member_writes, member_writes.h). */
static void note_member_write(struct walker *w, CXCursor lhs)
{
	char buf[128];
	const char *name = w->func >= 0 ? member_write_name(lhs, buf, sizeof(buf)) : NULL;
	if (name)
		member_writes_add(&w->mwrites, intern(w, name));
}

/* The reference count argument A names, as the function's parameter or a
 * member of what it points to: 'arg#0' for 'skb', 'arg#0.refcnt' for
 * '&lnk->refcnt', 'arg#0.__sk_common.skc_refcnt' for sock.h's
 * '&sk->sk_refcnt' (a member of an embedded struct; interned); NULL for
 * anything else (a local, a global, a member reached through another
 * pointer: another object, or one lockpath cannot name). */
static const char *ref_object(struct walker *w, CXCursor a)
{
	CXCursor obj = key_addr_operand(a);
	if (clang_Cursor_isNull(obj)) {
		int p = key_param_of(w->kenv.func, a);
		return p >= 0 ? arena_printf(&w->f->arena, "arg#%d", p) : NULL;
	}
	char path[128] = "";
	for (CXCursor m = key_strip(obj), base[1];; m = key_strip(base[0])) {
		if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || key_children(m, base, 1) != 1)
			return NULL;
		CXString s = clang_getCursorSpelling(m);
		char tail[128];
		int n = snprintf(tail, sizeof(tail), "%s%s%s", clang_getCString(s), path[0] ? "." : "", path);
		clang_disposeString(s);
		if (n <= 0 || n >= (int)sizeof(tail))
			return NULL;
		memcpy(path, tail, (size_t)n + 1);
		if (clang_getCanonicalType(clang_getCursorType(key_strip(base[0]))).kind == CXType_Pointer) {
			int p = key_param_of(w->kenv.func, base[0]);   /* 'sk->': the object's own */
			return p >= 0 ? arena_printf(&w->f->arena, "arg#%d.%s", p, path) : NULL;
		}
	}
}

/* Argument A is an object's address ('&dispose', '&p->rcu'): never NULL,
 * so the callee's 'if (!dispose)' does not run on this path. */
static bool address_arg(CXCursor a)
{
	return !clang_Cursor_isNull(key_addr_operand(a));
}

const char *pointee_object(struct walker *w, CXCursor a)
{
	CXCursor obj = key_addr_operand(a);
	if (!clang_Cursor_isNull(obj))
		return object_name(w, obj, false);
	return object_name(w, key_strip(a), true);
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
	if (p >= 0) {
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1 }));
		/* or check would pass on what the caller gave: slow_avc_audit()'s
		 * 'if (!a) a = &stack_data;' before common_lsm_audit(a) */
		note_param_writes(w, p);
	}
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
 * the mask into *MASK) or with constant bits added ('gfp | __GFP_ZERO',
 * the bits into *BITS), or -1. */
static int masked_param(struct walker *w, CXCursor a, long long *mask, long long *bits)
{
	CXCursor c = key_strip(a), k[2];
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator || key_children(c, k, 2) != 2)
		return -1;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	if (op != CXBinaryOperator_And && op != CXBinaryOperator_Or)
		return -1;
	for (int side = 0; side < 2; side++) {
		long long v;
		int p = key_param_of(w->kenv.func, k[side]);
		if (p >= 0 && guard_const_value(k[1 - side], &v) && v) {
			*(op == CXBinaryOperator_And ? mask : bits) = v;
			return p;
		}
	}
	return -1;
}

/* Argument A (argument N) 'p ? X : Y' over the caller's parameter p, X and
 * Y constants ('!p' swaps them): the signal code's __si_special(priv)
 * passes SEND_SIG_PRIV for priv != 0.  The callee gets X or Y by the
 * constant the caller's caller passed.  A bare '!p' is 'p ? 0 : 1' (and
 * '!!p' is 'p ? 1 : 0'): kvfree_call_rcu(head, ..) lets its batcher
 * allocate only for a caller without a head, passing '!head'.  Returns p,
 * or -1. */
static int cond_arg(struct walker *w, CXCursor a, int n, struct xargs *args)
{
	CXCursor c = key_strip(a), k[3];
	long long then_v, else_v;
	bool neg = false;
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
		c = key_strip_not(c, &neg);
		then_v = 1, else_v = 0;
	} else if (clang_getCursorKind(c) != CXCursor_ConditionalOperator || key_children(c, k, 3) != 3 ||
		   !guard_const_value(k[1], &then_v) || !guard_const_value(k[2], &else_v)) {
		return -1;
	} else {
		c = key_strip_not(k[0], &neg);
	}
	int p = key_param_of(w->kenv.func, c);
	if (p >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1, .cond = true,
					      .cond_then = neg ? else_v : then_v, .cond_else = neg ? then_v : else_v }));
	return p;
}

/* Argument A (argument N) 'CTX ? X : Y', X and Y constants, over a test
 * of the context (guard_context_if(): 'in_atomic() || irqs_disabled()'):
 * the callee gets X in the path states where the test surely holds, Y
 * where it surely does not.  graph_trace_open(), which ftrace_dump() runs
 * in an interrupt, allocates with 'gfpflags = (in_atomic() ||
 * irqs_disabled()) ? GFP_ATOMIC : GFP_KERNEL'.  A local set once to such
 * a choice (LOCAL_ARG) counts only where no irq state change on the path
 * could lie between it and the call: the call's state must be the one at
 * entry, untouched. */
static bool ctx_cond_arg(struct walker *w, CXCursor a, int n, struct xargs *args, bool local_arg)
{
	CXCursor c = key_strip(a), k[3];
	long long then_v, else_v;
	struct guard t, e;
	if (clang_getCursorKind(c) != CXCursor_ConditionalOperator || key_children(c, k, 3) != 3 ||
	    !guard_const_value(k[1], &then_v) || !guard_const_value(k[2], &else_v) ||
	    (local_arg && (w->st.irqs != IRQB_ENTRY || w->st.irqs_touched)) ||
	    !guard_context_if(w->tu, w->kenv.func, w->env->rules, call_zero, w, k[0], &t, &e) ||
	    (e.ctx_dead | t.ctx_dead) > 0xff)
		return false;
	vec_push(args, ((struct xarg){ .n = n, .cond = true, .cond_then = then_v, .cond_else = else_v,
				      .ctx_true = (unsigned char)e.ctx_dead, .ctx_false = (unsigned char)t.ctx_dead }));
	return true;
}

/* Argument A 'p->m' over the caller's pointer parameter p: 'ab->gfp_mask'
 * passed to kmalloc() is whatever the path set in the object (check/
 * ret_members.c).  Returns p, and the member into *FIELD, or -1. */
static int member_of_param(struct walker *w, CXCursor a, const char **field)
{
	char name[GUARD_FIELD_MAX];
	CXType t = clang_getCursorType(key_strip(a));
	int p = is_int_type(t) || clang_getCanonicalType(t).kind == CXType_Pointer
		? guard_param_member(w->kenv.func, a, name) : -1;
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
 * inlines), some bits of it ('flags & MSG_DONTWAIT' as the callee's
 * 'noblock') or it with bits added ('gfp | __GFP_ZERO': GFP_ATOMIC stays
 * atomic).  A local written once is read as the value written
 * (guard_local_value; LOCAL_ARG: A is that value already, not looked
 * through again).  Returns that parameter's index, or -1. */
static int const_arg_of(struct walker *w, CXCursor a, int n, struct xargs *args, bool local_arg)
{
	CXCursor value;
	long long v, mask = 0, bits = 0;
	const char *field = NULL;
	int p = key_param_of(w->kenv.func, a);
	if (guard_folded_value(w->kenv.func, a, &v))   /* 'flags | __GFP_ZERO', flags a constant local */
		vec_push(args, ((struct xarg){ n, NULL, v, false }));
	else if (p < 0 && (p = cond_arg(w, a, n, args)) >= 0)
		return p;
	else if (ctx_cond_arg(w, a, n, args, local_arg))
		return -1;
	else if (p >= 0 || (p = masked_param(w, a, &mask, &bits)) >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1, .fwd_mask = mask, .fwd_or = bits }));
	else if ((p = member_of_param(w, a, &field)) >= 0)
		vec_push(args, ((struct xarg){ .n = n, .fwd1 = p + 1, .src_field = field }));
	else if (!local_arg && !clang_Cursor_isNull(value = guard_local_value(w->kenv.func, a)))
		return const_arg_of(w, value, n, args, true);   /* 'type = adding ? A : B; call(type)' */
	return p < 0 || field ? -1 : p;   /* the member read is no write of p to note */
}

static int const_arg(struct walker *w, CXCursor a, int n, struct xargs *args)
{
	return const_arg_of(w, a, n, args, false);
}

/* Argument A (argument N), a string literal: the conversions it has as a
 * printf format (lib/format.h), bound as its member FORMAT_FIELD.  A
 * 'format-call' rule reads them where a formatter dispatches on its format
 * (vsnprintf() calls pointer() only for a '%p'); any other callee's
 * analysis ignores them. */
static void format_arg(CXCursor a, int n, struct xargs *args)
{
	/* libclang evaluates the cast that decays the literal to a pointer,
	 * not the literal itself (an array) */
	CXCursor c = a, kid[2];
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if ((k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr) || key_children(c, kid, 2) != 1)
			return;
		if (clang_getCursorKind(kid[0]) == CXCursor_StringLiteral)
			break;
		c = kid[0];
	}
	CXEvalResult r = clang_Cursor_Evaluate(c);
	if (!r)
		return;
	if (clang_EvalResult_getKind(r) == CXEval_StrLiteral)
		vec_push(args, ((struct xarg){ .n = n, .field = FORMAT_FIELD,
					      .value = format_conversions(clang_EvalResult_getAsStr(r)) }));
	clang_EvalResult_dispose(r);
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
			note_param_writes(w, const_arg(w, a, i, &args));
		} else if (site >= 0) {
			/* a constant pointer ('SEND_SIG_PRIV', NULL: the tcon that
			 * smb2_reconnect()'s 'if (tcon == NULL) return 0;' sees), or
			 * one of two */
			long long v;
			int p = -1;
			const char *field = NULL;
			if (callee && guard_const_value(a, &v))
				vec_push(&args, ((struct xarg){ i, NULL, v, false }));
			else if (callee && (p = cond_arg(w, a, i, &args)) < 0 &&
				 (p = member_of_param(w, a, &field)) >= 0)
				/* 'xas->xa_lru': a pointer member of a parameter, passed
				 * as a value (the NULL XA_STATE() gave it, down to
				 * memcg_slab_pre_alloc_hook()'s 'if (lru)') */
				vec_push(&args, ((struct xarg){ .n = i, .fwd1 = p + 1, .src_field = field }));
			note_param_writes(w, field ? -1 : p);
			/* a struct pointer: a registration's container or entry (link/chains.c) */
			const char *k = key_object_ptr(&w->kenv, a);
			if (k)
				vec_push(&args, ((struct xarg){ i, intern(w, k), 0, true, lock_path_of_map(&w->kenv, a, k),
								.addr = callee && address_arg(a) }));
			if (callee && clang_getCanonicalType(t).kind == CXType_Pointer)
				member_args(w, a, i, &args);
			/* 'to_subchannel(cdev->dev.parent)'; a bare 'arg#N' unless obj_key says it */
			const char *walk = callee ? links_walk(w->links, &w->f->arena, w->kenv.func, a) : NULL;
			if (walk && (strchr(walk, '/') || !k || strcmp(k, walk)))
				vec_push(&args, ((struct xarg){ .n = i, .walk = intern(w, walk) }));
			if (callee)
				format_arg(a, i, &args);
			int rs = callee ? retlocal_site(w, a) : -1;
			if (rs >= 0)   /* 'ab' from 'ab = audit_log_start(..)' */
				vec_push(&args, ((struct xarg){ .n = i, .ret_site1 = rs + 1,
								.ret_only = retlocal_only(w, a, rs) }));
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

void apply_irq(struct walker *w, enum lp_irq irq)
{
	switch (irq) {
	case IRQ_SAVE:
		w->st.irqs_saved = true;
		/* fall through */
	case IRQ_DISABLE:
		w->st.irqs = IRQB_OFF;
		break;
	case IRQ_RESTORE:
		w->st.irqs = IRQB_ENTRY;
		w->st.irqs_restored = w->st.irqs_restored || !w->st.irqs_saved;
		break;
	case IRQ_ENABLE:
		w->st.irqs = IRQB_ON;
		break;
	default:
		return;
	}
	w->st.irqs_touched = true;
	w->st.irqs_head = 0;
}

/* What the function leaves its caller's interrupt state as (func.exit_irqs),
 * from its state at every return. */
static int exit_irqs(const struct lstate *exit)
{
	if (exit->dead)
		return EXIT_IRQS_NONE;
	if (exit->irqs == IRQB_OFF || exit->irqs == IRQB_ON)
		return exit->irqs == IRQB_OFF ? EXIT_IRQS_OFF : EXIT_IRQS_ON;
	return exit->irqs == IRQB_ENTRY && exit->irqs_restored ? EXIT_IRQS_RESTORE : EXIT_IRQS_NONE;
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
const char *lock_site(struct walker *w, CXCursor at, const struct lp_lockprim *p, CXCursor lock, int *site)
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

/* The struct pointers CALL is given ('__perf_event_init_context(&cpuctx->ctx)'),
 * for a compiled-away re-key of a lock inside one of them after it
 * (class_macro: 'lockdep_set_class(&cpuctx->ctx.lock, ..)'). */
static void note_ptr_args(struct walker *w, CXCursor call)
{
	CXFile file = NULL;
	unsigned offset = 0;
	for (int i = 0, n = clang_Cursor_getNumArguments(call); i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
		CXType t = clang_getCanonicalType(clang_getCursorType(a));
		if (t.kind != CXType_Pointer ||
		    clang_getCanonicalType(clang_getPointeeType(t)).kind != CXType_Record)
			continue;
		if (!file)
			clang_getExpansionLocation(clang_getCursorLocation(call), &file, NULL, NULL, &offset);
		if (file)
			vec_push(&w->ptr_args, ((struct ptr_arg){ file, offset, i, a }));
	}
}

/* Whether CALL declares the kernel's own state corrupt: a 'corruption-report'
 * function with its constant ('add_taint(TAINT_BAD_PAGE, LOCKDEP_NOW_UNRELIABLE)',
 * the end of slub's and the page allocator's reports of a corrupted object). */
static bool declares_corruption(struct walker *w, CXCursor call, const char *name)
{
	const struct lp_corruption *c = rules_corruption_report(w->env->rules, name);
	long long v;
	return c && c->arg < clang_Cursor_getNumArguments(call) &&
	       guard_const_value(clang_Cursor_getArgument(call, (unsigned)c->arg), &v) && v == c->value;
}

/* The first argument of CALL that is a pointer local (local_ptr_var) or
 * pointer parameter of FUNC, named bare, into *N; its declaration's hash
 * (never 0), or 0. */
static unsigned variable_arg(CXCursor func, CXCursor call, int *n)
{
	for (int i = 0, na = clang_Cursor_getNumArguments(call); i < na; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i), d = local_ptr_var(a);
		if (clang_Cursor_isNull(d) && key_param_of(func, a) >= 0) {
			d = clang_getCursorReferenced(key_strip(a));
			if (clang_getCanonicalType(clang_getCursorType(d)).kind != CXType_Pointer)
				d = clang_getNullCursor();
		}
		if (!clang_Cursor_isNull(d)) {
			*n = i;
			return clang_hashCursor(d) | 1;
		}
	}
	return 0;
}

/*
 * s390's pfault interrupt takes a reference on the task it looks up and
 * drops it at 'out:'; on the way, the completion case also drops the
 * reference the wait list held: 'put_task_struct(tsk); .. out:
 * put_task_struct(tsk);'.  That first put is not the last, since the
 * function puts the same task again on every path after it (kept_puts.c).
 * So a direct call with a local or parameter argument is pending on the
 * path until the path makes the same call on the same variable again; a
 * path that leaves the function with it pending, or writes the variable
 * first, makes it no such call (walk_function, site.again_arg).
 */
static void note_repeat_call(struct walker *w, CXCursor call, int site)
{
	int n;
	unsigned var = variable_arg(w->kenv.func, call, &n);
	if (!var || w->st.dead)
		return;
	const char *callee = w->f->sites.v[site].callee_name;
	int kept = 0;
	for (int i = 0; i < w->st.ncalls; i++) {
		const struct pending_call *p = &w->st.calls[i];
		if (p->var == var && !strcmp(w->f->sites.v[p->site].callee_name, callee))
			continue;   /* made again on this path */
		w->st.calls[kept++] = *p;
	}
	w->st.ncalls = (unsigned char)kept;
	if (kept == PENDING_CALLS) {
		vec_push(&w->calls_unrepeated, site);
		return;
	}
	w->st.calls[w->st.ncalls++] = (struct pending_call){ site, var };
	w->f->sites.v[site].again1 = n + 1;
}

/* The calls of the function just walked (its sites from FIRST on) that a
 * path left it without making again, made again after a write of their
 * variable, or did not keep (more than PENDING_CALLS at once): not made
 * again on every path (site.again_arg). */
static void unmark_unrepeated(struct walker *w)
{
	for (size_t i = 0; i < w->calls_unrepeated.n; i++)
		w->f->sites.v[w->calls_unrepeated.v[i]].again1 = 0;
	for (int i = 0; i < w->exit.ncalls; i++)
		w->f->sites.v[w->exit.calls[i].site].again1 = 0;
}

/* VAR (a declaration) was written: the calls on it are no longer made again. */
static void forget_calls_on(struct walker *w, CXCursor var)
{
	unsigned h = clang_hashCursor(var) | 1;
	int kept = 0;
	for (int i = 0; i < w->st.ncalls; i++) {
		if (w->st.calls[i].var == h)
			vec_push(&w->calls_unrepeated, w->st.calls[i].site);
		else
			w->st.calls[kept++] = w->st.calls[i];
	}
	w->st.ncalls = (unsigned char)kept;
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
		if (!strcmp(name, "__builtin_unreachable")) {   /* BUG(), unreachable() */
			region_doom(w);
			w->st = dead_state;
			return;
		}
		if (rules_passthrough_arg(r, name) >= 0 || !strncmp(name, "__builtin", 9))
			return;
		int site = add_site(w, SITE_CALL, call);
		w->f->sites.v[site].callee_usr = cx_str(w, clang_getCursorUSR(ref));
		w->f->sites.v[site].callee_name = name;
		call_args(w, call, ref, NULL, site);
		if ((rules_refcount_get(r, name) || rules_refcount_drop(r, name)) && clang_Cursor_getNumArguments(call) > 0)
			w->f->sites.v[site].ref_obj = ref_object(w, clang_Cursor_getArgument(call, 0));
		note_init_call(w, call, name, site);
		note_repeat_call(w, call, site);
		note_ptr_args(w, call);
		apply_summary(w, call, ref, site);
		if (!w->st.dead)   /* check applies the callee's whole effect (callee_effects.c): */
			w->st.dom = site;   /* a summary here cannot see into other files */
		w->last_call = call;
		w->last_call_site = site;
		if (declares_corruption(w, call, name))
			region_doom(w);
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
	s->ind_head = casts_call_head(&w->f->arena, w->kenv.func, call, kids[0]);
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
	if (key_names_var(s, w->failres.var)) {
		*true_fails = true;
		return true;
	}
	CXCursor kk[2];
	long long v;
	if (clang_getCursorKind(s) != CXCursor_BinaryOperator || key_children(s, kk, 2) != 2 ||
	    !key_names_var(kk[0], w->failres.var) || !guard_const_value(kk[1], &v))
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

void walk_cond(struct walker *w, CXCursor c, struct lstate *t, struct lstate *f)
{
	bool neg = false;
	CXCursor s = key_strip_test(c, &neg);
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k == CXCursor_CallExpr && is_refcount_drop(w, s)) {
		/* the branch where the count hit zero runs the release: code
		 * that runs only where this put was the last one */
		walk_expr(w, s);
		struct lstate last = w->st, other = w->st;
		last.last_put = true;
		last.last_put_obj = clang_Cursor_getNumArguments(s) > 0
				    ? ref_object(w, clang_Cursor_getArgument(s, 0)) : NULL;
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
				/* the right side runs where the left let it: 'if ((verdict ==
				 * NF_ACCEPT || ..) && nf_conntrack_update(..) < 0)' */
				struct guard_set lt, lf;
				branch_guards(w, kk[0], &lt, &lf);
				int pushed = push_guards_for(w, op == CXBinaryOperator_LAnd ? &lt : &lf, kk[1]);
				struct region outer = branch_enter(w);
				walk_cond(w, kk[1], &t2, &f2);
				branch_leave(w, outer);
				w->nguards -= pushed;
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
	 * interrupt handler a process-context entry as well.  A call of a
	 * static function that returns one constant is one too (const_calls.h). */
	long long value;
	if (!w->st.dead && const_cond_value(c, &value))
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
	CXCursor obj = key_addr_operand(k[0]);
	return clang_Cursor_isNull(obj) ? c : key_strip(obj);
}

/* An assignment to E ('sk = other;', 'p++'): when E is a parameter, what
 * the function casts it to later says nothing of what its callers passed. */
static void note_param_write(struct walker *w, CXCursor e)
{
	int p = key_param_of(w->kenv.func, e);
	if (p >= 0 && p < PARAM_CASTS_MAX)   /* only these have casts recorded */
		w->params_written |= 1u << p;
}

/* A cast of a parameter to another struct ('(struct inet_connection_sock
 * *)sk') on every call of the function: the objects it accepts (casts.h).
 * The first such cast of a parameter is kept. */
static void note_param_cast(struct walker *w, CXCursor cast)
{
	if (w->func < 0 || w->cond_depth || w->left || w->st.dead)
		return;
	const char *chain;
	int p = casts_param_cast(&w->f->arena, w->kenv.func, cast, &chain);
	if (p >= 0 && p < PARAM_CASTS_MAX && !w->param_casts[p])
		w->param_casts[p] = chain;
}

/* func.param_casts: 'N=CHAIN;..' for the parameters cast and never assigned. */
static const char *param_casts_text(struct walker *w)
{
	struct strbuf sb = {0};
	for (int p = 0; p < PARAM_CASTS_MAX; p++)
		if (w->param_casts[p] && !(w->params_written & (1u << p)))
			sb_addf(&sb, "%s%d=%s", sb.len ? ";" : "", p, w->param_casts[p]);
	const char *r = sb.len ? intern(w, sb.buf) : NULL;
	sb_free(&sb);
	return r;
}

/* How many whole variables a store through a local pointer is named by. */
#define WHOLE_VAR_POINTEES_MAX 4

/*
 * 'csd->func = func' in smp_call_function_single(), whose local 'csd'
 * points to its stack csd or to this CPU's per-CPU one and never to
 * anything else: the store is into one of those whole variables, so one
 * store row per variable, each naming its object.  Such an object is no
 * member of another struct, and a call through the member of an embedded
 * csd ('&rq->hrtick_csd') is not reached by it (check/embedded.c).
 * False (nothing stored) when the pointer may hold anything else.
 */
static bool store_into_whole_vars(struct walker *w, CXCursor at, CXCursor member, const char *key, CXCursor value)
{
	CXCursor m = key_strip(member), base[1];
	const char *objs[WHOLE_VAR_POINTEES_MAX];
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || key_children(m, base, 1) != 1)
		return false;
	int n = key_whole_var_pointees(&w->kenv, base[0], objs, WHOLE_VAR_POINTEES_MAX);
	if (!n)
		return false;
	size_t before = w->f->stores.n;
	w->store_obj = objs[0];
	note_value_flow(w, at, clang_getCursorType(member), key, NULL, value);
	w->store_obj = NULL;
	/* the others: the store row again (add_store pushes it last; a
	 * function's row under its type is one candidate, pushed once) */
	for (int i = 1; i < n && w->f->stores.n > before; i++) {
		struct xstore again = w->f->stores.v[w->f->stores.n - 1];
		again.obj = intern(w, objs[i]);
		vec_push(&w->f->stores, again);
	}
	return true;
}

/* 'x = (struct T){ .f = fn }', or INIT_CSD()'s '*(&rq->hrtick_csd) =
 * CSD_INIT(fn, rq)': the literal's members are stored into the object
 * the left side is, as '.f = fn' in a static initialiser of it would be. */
static bool walk_literal_assign(struct walker *w, CXCursor lhs, CXCursor rhs)
{
	CXCursor lit = key_compound_literal_list(rhs);
	CXType t = clang_getCursorType(lhs);
	if (clang_Cursor_isNull(lit) || clang_getCanonicalType(t).kind != CXType_Record)
		return false;
	walk_init(w, lit, t, key_lock_obj(&w->kenv, lhs));
	return true;
}

static void walk_assign(struct walker *w, CXCursor c)
{
	CXCursor kk[2];
	if (key_children(c, kk, 2) != 2)
		return;
	CXCursor lhs = deref_addr(key_strip(kk[0]));
	if (!walk_literal_assign(w, lhs, kk[1]))
		walk_expr(w, kk[1]);
	walk_expr(w, kk[0]);
	CXType t = clang_getCursorType(lhs);
	note_param_write(w, kk[0]);
	writes_note_assign(w, kk[0], kk[1]);
	note_member_write(w, lhs);   /* '*(&dev->devres_lock) = ..' is a store of that member */
	if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
		fail_result_note(w, clang_getCursorReferenced(lhs), kk[1]);
		forget_calls_on(w, clang_getCursorReferenced(lhs));
	}
	if (clang_getCursorKind(lhs) == CXCursor_MemberRefExpr)
		note_member_store(w, lhs, kk[1], true);
	struct table_store ts;
	if (w->func >= 0 && table_store_of(&w->kenv, lhs, kk[1], &ts))
		vec_push(&w->f->tables, ((struct xtable){ w->func, ts.member, ts.obj, ts.value, ts.src }));
	const char *holder;
	if (w->func >= 0 && holder_store_of(&w->kenv, lhs, kk[1], &holder))
		note_result_store(w, holder, kk[1]);
	const char *dst, *src;
	if (w->func >= 0 && links_store(w->links, &w->f->arena, w->kenv.func, lhs, kk[1], &dst, &src))
		vec_push(&w->f->links, ((struct xlink){ w->func, intern(w, dst), intern(w, src) }));
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
	if (key_is_fnptr_type(t) && store_into_whole_vars(w, c, lhs, fn_target, kk[1]))
		return;
	if (key_is_fnptr_type(t))
		w->store_obj = key_member_base(&w->kenv, lhs);
	note_value_flow(w, c, t, fn_target, lock_target, kk[1]);
	w->store_obj = NULL;
}

/*
 * 'struct iomap_iter iter = { .inode = inode, .flags = IOMAP_REPORT };': the
 * members a local struct's designated initialiser sets to constants hold
 * them on this path, like stores ('iter.flags = IOMAP_REPORT'; a pointer
 * member only NULL, '.value = NULL' in ext4's inline-data removal), for the
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
		    clang_Cursor_isNull(field = key_designated_field(k.v[i], &value)))
			continue;
		CXType ft = clang_getCursorType(field);
		bool ptr = clang_getCanonicalType(ft).kind == CXType_Pointer;
		if (!is_int_type(ft) && !ptr)
			continue;
		bool known = member_value(value, ptr, &v);
		if (ptr && !known)
			continue;   /* '.value = NULL' or a global's address only, as a store */
		int param = known ? -1 : key_param_of(w->kenv.func, value);   /* a pointer got here known */
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
			vec_push(&w->f->tables, ((struct xtable){ w->func, ts.member, ts.obj, ts.value, ts.src }));
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
void note_limit(struct walker *w, CXCursor c, const char *what, int bound)
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

/* guard_call_zero_fn: the states in which CALL's callee, a function whose
 * body this TU has, can only return 0.  A header's function, whose facts
 * are recorded in whichever TU walks it first, asks only about functions
 * of headers: the main file's are that TU's alone. */
unsigned call_zero(void *ctx, CXCursor call)
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
 * 'flags |= CS_DC_SUSP', which made every guard on flags unknown.  So
 * does a test of a member through the parameter, before any write of that
 * member: the trace reader's copy tests 'iter->temp' and grows the buffer
 * only after, in the branch ('iter->temp = temp'). */
void guards_at_entry(struct walker *w, CXCursor cond, struct guard *g, int n)
{
	if (w->loop_depth)
		return;
	for (int i = 0; i < n; i++) {
		if (g[i].param < 0 || g[i].at_entry)
			continue;
		if (!w->first_writes_done) {
			guard_first_writes_scan(&w->first_writes, w->kenv.func);
			w->first_writes_done = true;
		}
		g[i].at_entry = guard_sees_entry(&w->first_writes, g[i].param, g[i].field, cond);
	}
}

/* Whether COND (under '!', likely() and the like) is 'a && b' or 'a || b'. */
static bool is_logical(CXCursor cond)
{
	bool neg = false;
	CXCursor c = key_strip_test(cond, &neg);
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return false;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	return op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr;
}

/* The guards of the branches of 'if (COND)' or 'COND ? a : b': the tests
 * of parameters (guard_if_all: each operand of '&&' guards the then branch),
 * else of the context (guard_context_if).  A branch the parameter tests say
 * nothing about ('(res == -EAGAIN) && pred(req)': the else branch) takes
 * the context's guard where there is one.  Either set may be left empty. */
void branch_guards(struct walker *w, CXCursor cond, struct guard_set *then_s, struct guard_set *else_s)
{
	guard_if_all(w->kenv.func, cond, then_s, else_s);
	guards_at_entry(w, cond, then_s->v, then_s->n);
	guards_at_entry(w, cond, else_s->v, else_s->n);
	/* asked only where a branch is left open, or the condition joins tests
	 * with '&&' or '||' ('(res == -EAGAIN || res == -EOPNOTSUPP) &&
	 * io_rw_should_reissue(req)'): it may walk a callee */
	struct guard ct, ce;
	bool open = !then_s->n || !else_s->n || is_logical(cond);
	if (open && guard_context_if(w->tu, w->kenv.func, w->env->rules, call_zero, w, cond, &ct, &ce)) {
		guard_set_add(then_s, &ct);
		guard_set_add(else_s, &ce);
	}
}

/* The states in which the guards around the code walked rule it out. */
unsigned guards_ctx_dead(const struct walker *w)
{
	unsigned dead = 0;
	for (int i = 0; i < w->nguards; i++)
		if (guard_holds(w, i))
			dead |= w->guards[i]->ctx_dead;
	return dead;
}

/* Walk expression E under the guards of S: an arm of '?:'. */
static void walk_expr_guarded(struct walker *w, CXCursor e, const struct guard_set *s)
{
	int pushed = push_guards_for(w, s, e);
	struct region outer = branch_enter(w);   /* an arm of '?:' */
	walk_expr(w, e);
	branch_leave(w, outer);
	w->nguards -= pushed;
}

void walk_expr(struct walker *w, CXCursor c)
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
		if (key_children(c, kk, 1) == 1 && is_member_update(c)) {
			note_member_store(w, kk[0], kk[0], false);
			note_param_write(w, kk[0]);
			note_member_write(w, kk[0]);
		} else if (key_children(c, kk, 1) == 1 && k == CXCursor_UnaryOperator &&
			   clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
			note_member_write(w, kk[0]);   /* '&x->flags': written through the pointer */
		}
		break;
	}
	case CXCursor_ConditionalOperator: {
		CXCursor kk[3];
		unsigned n = key_children(c, kk, 3);
		if (n == 3) {
			struct lstate t, f;
			struct guard_set then_s, else_s;   /* 'args->force ? a() : b()' */
			branch_guards(w, kk[0], &then_s, &else_s);
			walk_cond(w, kk[0], &t, &f);
			w->st = t;
			walk_expr_guarded(w, kk[1], &then_s);
			struct lstate after_t = w->st;
			w->st = f;
			walk_expr_guarded(w, kk[2], &else_s);
			ls_join(w, &w->st, &after_t);
		} else {
			walk_children(w, c);
		}
		break;
	}
	case CXCursor_CStyleCastExpr:
		note_param_cast(w, c);
		walk_children(w, c);
		break;
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

void walk_stmt(struct walker *w, CXCursor c)
{
	if (too_deep(w, c))
		return;
	enum CXCursorKind k = clang_getCursorKind(c);
	/* code a constant condition cut off is not there (a label or case in
	 * it may still be jumped to, and revives the state) */
	if (w->st.dead && w->st.cdead && k != CXCursor_LabelStmt && k != CXCursor_CaseStmt &&
	    k != CXCursor_DefaultStmt && k != CXCursor_CompoundStmt) {
		if (w->hdr < 0)
			dead_tables_note_code(&w->dead, c);
		return;
	}
	switch (k) {
	case CXCursor_StmtExpr:   /* 'ASSERT_RTNL();': a statement of its own */
		note_annotation(w, c);
		walk_block(w, c);
		break;
	case CXCursor_CompoundStmt:
		walk_block(w, c);
		break;
	case CXCursor_IfStmt: {
		struct guard_set *slot = w->after_slot;   /* a block's own statement (walk_block) */
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
		struct guard_set *after = w->after_slot;
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
		region_exit(w);
		break;
	}
	case CXCursor_ContinueStmt: {
		struct frame *loop = top_frame(w, true);
		if (loop)   /* the next iteration starts from here too (walk_loop) */
			ls_join(w, &loop->cont, &w->st);
		w->st = dead_state;
		region_exit(w);
		break;
	}
	case CXCursor_ReturnStmt: walk_return(w, c); break;
	case CXCursor_GotoStmt: {
		CXCursor kk[1];
		if (key_children(c, kk, 1)) {
			CXCursor target = clang_getCursorReferenced(kk[0]);
			/* to a label of the function's body ('out:'), out of the blocks inside it */
			leave_scopes(w, 1, clang_getCursorLocation(c), false);
			if (!clang_Cursor_isNull(target)) {
				writes_note_goto(w, key_offset(clang_getCursorLocation(target)));
				ls_join(w, &label_of(w, target)->pending, &w->st);
			}
		}
		w->st = dead_state;
		w->left = true;
		region_exit(w);
		break;
	}
	case CXCursor_LabelStmt: {
		struct label *l = label_of(w, c);
		region_restart(w);   /* the gotos to it come from other runs; the code
				      * before, if it falls in, stays in the run */
		/* no goto reaches it and the code before leaves: an 'asm goto'
		 * does (static_branch_unlikely()'s 'l_yes:', unsafe_get_user()'s
		 * 'Efault:'), with the state of an asm before it */
		if (w->st.dead && l->pending.dead)
			ls_join(w, &w->st, &w->asm_states);
		ls_join(w, &w->st, &l->pending);
		guards_at_label(w, c);
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


/* Whether FN is a lock primitive, a wrapper (lock_prim_of), an irq
 * operation or a pass-through. */
static bool is_primitive(struct walker *w, CXCursor fn, const char *name, bool main_file)
{
	const struct lp_rules *r = w->env->rules;
	return lock_prim_of(w, fn, !main_file) || rules_irqop(r, name) || rules_passthrough_arg(r, name) >= 0;
}

void walk_function(struct walker *w, CXCursor fn, int hdr)
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
	w->st = (struct lstate){ .dead = false, .irqs = IRQB_ENTRY, .dom = -1 };
	w->exit = dead_state;
	w->nframes = 0;
	w->labels.n = 0;
	w->locals.n = 0;
	w->fnlocals.n = 0;
	w->retlocals.n = 0;
	w->calls_unrepeated.n = 0;
	w->mwrites.n = 0;
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
	w->label_offs.n = 0;
	w->loop_depth = 0;
	w->scoped.n = 0;
	w->scope_depth = 0;
	w->break_depth = 0;
	w->guarded_members.n = 0;
	w->init_texts.n = 0;
	w->ptr_args.n = 0;
	w->nguards = 0;
	w->guard_serial = 0;
	w->labels_met.n = 0;
	w->gotos_seen.n = 0;
	w->pwrites.n = 0;
	w->psites.n = 0;
	w->ret_live = 0;
	w->ret_unknown = false;
	w->asm_states = dead_state;
	w->cond_depth = 0;
	w->left = false;
	w->region = (struct region){ (int)w->f->sites.n, false, false };
	memset(w->param_casts, 0, sizeof(w->param_casts));
	w->params_written = 0;
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
	unmark_unrepeated(w);
	writes_resolve_sites(w);
	const char *writes = guard_param_writes(&w->f->arena, w->env->rules, fn, w->guarded, w->guarded_members.v,
						(int)w->guarded_members.n);
	const char *wif = writes ? writes_conditions(w) : NULL;
	if (wif)
		writes = arena_printf(&w->f->arena, "%s%s", writes, wif);
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
	w->f->funcs.v[w->func].exit_irqs = exit_irqs(&w->exit);
	w->f->funcs.v[w->func].param_casts = param_casts_text(w);
	w->f->funcs.v[w->func].member_writes = member_writes_text(&w->mwrites, &w->f->arena);
	if (hdr < 0)
		summary_save(w, xf.usr);
}

static void walk_global_var(struct walker *w, CXCursor var)
{
	w->func = -1;
	w->hdr = -1;
	w->kenv.func = clang_getNullCursor();
	w->kenv.func_qname = NULL;
	size_t first_store = w->f->stores.n;
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
	dead_tables_note_var(&w->dead, var, first_store, w->f);
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

/* Free what W allocated for itself while walking (not what it shares:
 * facts, summaries, wrappers, the header hashes): the TU's walker and a
 * summary's nested one alike. */
void walker_free_buffers(struct walker *w)
{
	strmap_free(&w->interned);
	vec_free(&w->strs);
	vec_free(&w->labels);
	vec_free(&w->labels_met);
	vec_free(&w->gotos_seen);
	vec_free(&w->pwrites);
	vec_free(&w->psites);
	vec_free(&w->locals);
	vec_free(&w->scoped);
	vec_free(&w->gotos);
	vec_free(&w->label_offs);
	vec_free(&w->fnlocals);
	vec_free(&w->retlocals);
	vec_free(&w->calls_unrepeated);
	vec_free(&w->mwrites);
	vec_free(&w->guarded_members);
	vec_free(&w->init_texts);
	vec_free(&w->ptr_args);
	dead_tables_free(&w->dead);
}

void walk_tu(const struct walk_env *env, CXTranslationUnit tu, struct tu_facts *f)
{
	struct walker w = { .env = env, .f = f, .arg_site = -1, .tu = tu };
	guard_file_text_forget();   /* a new TU may reuse the last one's addresses */
	const_calls_forget();
	CXString spelling = clang_getTranslationUnitSpelling(tu);
	w.main_cxfile = clang_getFile(tu, clang_getCString(spelling));
	clang_disposeString(spelling);
	w.kenv = (struct key_env){ .rules = env->rules, .arena = &f->arena,
				   .local_key = local_lookup, .ctx = &w };
	w.wraps = wrappers_new(env->rules, w.main_cxfile);
	w.links = links_new();
	struct summaries sums = {0};
	w.sums = &sums;
	for (size_t i = 0; i < f->includes.n; i++)
		*strmap_put(&w.hdr_hash, f->includes.v[i].path, NULL) = (int64_t)i;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &w);
	dead_tables_drop(&w.dead, tu, f);
	wrappers_free(w.wraps);
	links_free(w.links);
	strmap_free(&sums.index);
	vec_free(&sums.v);
	arena_free(&sums.arena);
	strmap_free(&w.hdr_hash);
	walker_free_buffers(&w);
}
