// SPDX-License-Identifier: GPL-2.0-only
/*
 * walk_macro.c - statements that are a rules file's macro once expanded:
 * lockdep assertions (lockdep_assert_held() is an empty 'do { } while (0)'
 * without CONFIG_LOCKDEP), the init and re-key macros that give a lock its
 * class (spin_lock_init(), lockdep_set_class()), and sleep annotations
 * (might_sleep()) that become call sites.  Each is recognised by the
 * macro's name at the expansion point, once per expansion.
 */
#include "extract/walker.h"
#include "extract/keys.h"
#include "extract/guard.h"
#include "extract/lock_path.h"
#include "extract/macro_text.h"
#include "lib/keyname.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

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

/* The locks an expansion's stores initialise, in order (at most MAX). */
#define INIT_STORES_MAX 8
struct init_scan { const struct lp_rules *rules; int n, max; CXCursor locks[INIT_STORES_MAX]; bool more; };

static enum CXChildVisitResult scan_init(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct init_scan *s = d;
	CXCursor lock;
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator || !is_lock_store(s->rules, c, &lock))
		return CXChildVisit_Recurse;
	if (s->n == s->max) {
		s->more = true;
		return CXChildVisit_Break;
	}
	s->locks[s->n++] = lock;
	return s->n == s->max && s->max == 1 ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The first lock expansion C's stores initialise, or a null cursor. */
static CXCursor first_lock_store(struct walker *w, CXCursor c)
{
	struct init_scan s = { w->env->rules, 0, 1, {{0}}, false };
	clang_visitChildren(c, scan_init, &s);
	return s.n ? s.locks[0] : clang_getNullCursor();
}

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
 * ('( &(sk)->lock )' -> '&(sk)->lock'), into OUT; false if unreadable.  A
 * backslash that ends a line of a macro's body is a blank too. */
bool macro_arg_text(struct walker *w, CXFile file, unsigned offset, int n, char out[128])
{
	char raw[128];
	if (!guard_arg_at(w->tu, file, offset, n, raw, sizeof(raw)))
		return false;
	size_t k = 0;
	for (const char *p = raw; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && !(*p == '\\' && (p[1] == '\n' || p[1] == '\r')))
			out[k++] = *p;
	out[k] = '\0';
	while (k >= 2 && out[0] == '(' && out[k - 1] == ')') {
		memmove(out, out + 1, k - 2);
		out[k -= 2] = '\0';
	}
	return k > 0;
}

/*
 * A rules macro's call: NAME( written at OFFSET of FILE.  Written in the
 * body of OUTER (not NULL), its text names OUTER's parameters, which stand
 * for the arguments written where OUTER was expanded, at AT_FILE:AT_OFFSET
 * (sock_lock_init_class_and_name(sk, .., af_family_slock_keys +
 * sk->sk_family, ..) in sock_lock_init()).
 */
struct macro_call {
	CXFile file;
	unsigned offset;
	const struct macro_def *outer;
	CXFile at_file;
	unsigned at_offset;
};

/* TEXT with OUTER's parameters replaced by their arguments, as the
 * preprocessor does, into OUT; false on '#' or '##' (a string or a pasted
 * name is not the argument) or when it does not fit. */
static bool substitute(struct walker *w, const struct macro_call *mc, const char *text, char out[128])
{
	size_t k = 0;
	for (const char *p = text; *p;) {
		const char *s = p, *rep = p;
		if (*p == '#')
			return false;
		if (macro_is_ident(*p, false))
			while (macro_is_ident(*p, false))
				p++;
		else
			p++;
		size_t n = (size_t)(p - s);
		char arg[128];
		int param = *s >= '0' && *s <= '9' ? -1 : macro_def_param(mc->outer, s, n);
		if (param >= 0) {
			if (!macro_arg_text(w, mc->at_file, mc->at_offset, param, arg))
				return false;
			rep = arg;
			n = strlen(arg);
		}
		if (k + n >= 128)
			return false;
		memcpy(out + k, rep, n);
		k += n;
	}
	out[k] = '\0';
	return k > 0;
}

/* Argument N of MC as text (macro_arg_text), OUTER's parameters replaced. */
static bool call_arg_text(struct walker *w, const struct macro_call *mc, int n, char out[128])
{
	char text[128];
	if (!mc->outer)
		return macro_arg_text(w, mc->file, mc->offset, n, out);
	return macro_arg_text(w, mc->file, mc->offset, n, text) && substitute(w, mc, text, out);
}

/* Where argument N of MC is spelled: in *FILE from *START to *END.  An
 * argument that is one of OUTER's parameters is spelled where OUTER was
 * expanded. */
static bool call_arg_span(struct walker *w, const struct macro_call *mc, int n, CXFile *file, unsigned *start,
			  unsigned *end)
{
	char text[128];
	int param = -1;
	if (mc->outer && macro_arg_text(w, mc->file, mc->offset, n, text))
		param = macro_def_param(mc->outer, text, strlen(text));
	if (param >= 0) {
		*file = mc->at_file;
		return guard_arg_span(w->tu, mc->at_file, mc->at_offset, param, start, end);
	}
	*file = mc->file;
	return guard_arg_span(w->tu, mc->file, mc->offset, n, start, end);
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
 * (corpus inet-bind-one-init-site-debug).  MC is the call as written: the
 * lock's text, for a re-key macro after it that names the lock the same
 * way (class_macro); NULL where it is not known.
 */
static void init_macro(struct walker *w, CXCursor do_stmt, const char *name, CXCursor lock,
		       const struct macro_call *mc)
{
	const char *k = key_lock_ptr(&w->kenv, lock);
	if (!k)
		return;
	struct xsite *x = macro_site(w, do_stmt, name, 1);
	x->args[x->nargs++] = (struct xarg){ 0, intern(w, k), 0, false, lock_path_of(&w->kenv, lock, k) };
	char text[128];
	if (mc && call_arg_text(w, mc, 0, text))
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
 * The lock that REST ('lock', 'ctx.lock') names inside an object of type T,
 * for TEXT (with '&': the lock itself; without: a member that points to
 * it, 'sch->lock': '*subchannel.lock'): its key and container path into
 * *OUT.  OUTER names the object (NULL: its record, from the first member).
 */
static bool lock_by_members(struct walker *w, CXType t, const char *outer, const char *rest, const char *text,
			    struct init_text *out)
{
	bool addr = text[0] == '&';
	CXCursor field = clang_getNullCursor();
	const char *chain = "";
	char name[64];
	while (*rest) {
		size_t n = strcspn(rest, ".-[(");
		if (!n || n >= sizeof(name) || (rest[n] && rest[n] != '.'))
			return false;   /* another pointer, an index, a call: not followed */
		memcpy(name, rest, n);
		name[n] = '\0';
		field = key_field_named(t, name);
		if (clang_Cursor_isNull(field))
			return false;
		if (!outer && !*chain)
			outer = key_record_name(&w->f->arena, field);
		chain = arena_printf(&w->f->arena, "%s%s%s", chain, *chain ? "." : "", name);
		t = clang_getCursorType(field);
		rest += n + (rest[n] == '.');
	}
	if (clang_Cursor_isNull(field))
		return false;
	const char *key = arena_printf(&w->f->arena, "%s%s.%s", addr ? "" : "*",
				       key_record_name(&w->f->arena, field), name);
	const char *path = arena_printf(&w->f->arena, "%s.%s", outer, chain);
	*out = (struct init_text){ text, intern(w, key), addr && strcmp(path, key) ? intern(w, path) : NULL };
	return true;
}

/*
 * The lock that TEXT names inside a struct one of this function's calls was
 * given before ('__perf_event_init_context(&cpuctx->ctx)', then
 * '&cpuctx->ctx.lock'; 'init_worker_pool(pool)', then '&pool->lock'): from
 * the argument's type and the members TEXT adds ('.lock', '->lock',
 * '.a.lock').
 */
static bool lock_in_ptr_arg(struct walker *w, const char *text, struct init_text *out)
{
	bool addr = text[0] == '&';
	for (size_t i = w->ptr_args.n; i-- > 0;) {
		const struct ptr_arg *pa = &w->ptr_args.v[i];
		char arg[128];
		if (!macro_arg_text(w, pa->file, pa->offset, pa->n, arg))
			continue;
		/* '&obj' given: the text goes on '.m'; a pointer 'p' given: '->m' */
		const char *base = arg[0] == '&' ? arg + 1 : arg, *sep = arg[0] == '&' ? "." : "->";
		size_t bl = strlen(base);
		const char *rest = text + addr;
		if (strncmp(rest, base, bl) || strncmp(rest + bl, sep, strlen(sep)))
			continue;
		CXType t = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(pa->arg)));
		/* a parameter given: the path goes through it ('arg#0.lock'), for
		 * link to name at the callers (link/lockdep_class.c) */
		int param = key_param_of(w->kenv.func, pa->arg);
		const char *outer = param >= 0 ? arena_printf(&w->f->arena, "arg#%d", param)
				    : lock_path_of(&w->kenv, pa->arg, "");
		return lock_by_members(w, t, outer, rest + bl + strlen(sep), text, out);
	}
	return false;
}

/* A parameter or local of the function being walked named NAME. */
struct var_find { const char *name; CXCursor found; };

static enum CXChildVisitResult find_var(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct var_find *v = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
		CXString s = clang_getCursorSpelling(c);
		bool same = !strcmp(clang_getCString(s), v->name);
		clang_disposeString(s);
		if (same) {
			v->found = c;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

/*
 * The lock TEXT names through a pointer variable of this function, by the
 * variable's declared type: cio_probe_console()'s 'sch = css_alloc_subchannel(..)',
 * then 'lockdep_set_class(sch->lock, &console_sch_key)'.  No call was given
 * the object before, so lock_in_ptr_arg() has nothing to go on; a parameter
 * is named as such for link to look up at the callers.
 */
static bool lock_in_variable(struct walker *w, const char *text, struct init_text *out)
{
	const char *rest = text + (text[0] == '&');
	size_t n = strcspn(rest, ".-[(");
	char name[64];
	if (!n || n >= sizeof(name) || strncmp(rest + n, "->", 2))
		return false;
	memcpy(name, rest, n);
	name[n] = '\0';
	struct var_find v = { name, clang_getNullCursor() };
	clang_visitChildren(w->kenv.func, find_var, &v);
	if (clang_Cursor_isNull(v.found))
		return false;
	CXType t = clang_getCanonicalType(clang_getCursorType(v.found));
	if (t.kind != CXType_Pointer)
		return false;
	int param = key_param_index(w->kenv.func, v.found);
	const char *outer = param >= 0 ? arena_printf(&w->f->arena, "arg#%d", param) : NULL;
	return lock_by_members(w, clang_getPointeeType(t), outer, rest + n + 2, text, out);
}

/*
 * A re-key macro the configuration compiled away ('lockdep-class-macro'):
 * without CONFIG_LOCKDEP, lockdep_set_class_and_name(l, key, name) is 'do {
 * (void)(key); (void)(name); } while (0)'.  The lock is not in the AST, so
 * it is the lock of an init macro earlier in this function written the
 * same way (__init_waitqueue_head(): spin_lock_init(&wq_head->lock), then
 * the re-key of '&wq_head->lock' to the caller's key); the key is the
 * '(void)' operand written where the key argument is.  Failing that, a
 * lock inside a struct an earlier call was given (lock_in_ptr_arg), or one
 * a pointer variable's type says (lock_in_variable).  Any other re-key
 * names nothing lockpath can see.
 */
static void class_macro(struct walker *w, CXCursor do_stmt, const struct lp_lockdep *ld,
			const struct macro_call *mc)
{
	char text[128];
	if (!call_arg_text(w, mc, ld->lock, text))
		return;
	const struct init_text *it = NULL;
	struct init_text member;
	for (size_t i = w->init_texts.n; i-- > 0 && !it;)
		if (!strcmp(w->init_texts.v[i].text, text))
			it = &w->init_texts.v[i];
	if (!it && (lock_in_ptr_arg(w, text, &member) || lock_in_variable(w, text, &member)))
		it = &member;
	if (!it)
		return;
	const char *key = ld->key == LP_LOCKDEP_MACRO_NOVALIDATE ? "__lockdep_no_validate__"
			  : ld->key == LP_LOCKDEP_MACRO_KEEP ? "*lockdep_map.key" : NULL;
	struct void_scan vs = { NULL, 0, 0, clang_getNullCursor() };
	if (ld->key >= 0 && call_arg_span(w, mc, ld->key, &vs.file, &vs.start, &vs.end)) {
		clang_visitChildren(do_stmt, scan_void, &vs);
		key = clang_Cursor_isNull(vs.found) ? NULL : key_object_ptr(&w->kenv, vs.found);
	}
	if (mc->outer && clang_Cursor_isNull(vs.found))
		return;   /* a nested re-key whose '(void)' is not there: lockdep on, a call */
	long long sub = 0;
	char stext[128], *end;
	bool has_sub = ld->subclass >= 0 && call_arg_text(w, mc, ld->subclass, stext) &&
		       (sub = strtoll(stext, &end, 0), end != stext && !*end);
	struct xsite *x = macro_site(w, do_stmt, ld->func, 3);
	x->args[x->nargs++] = (struct xarg){ 0, it->key, 0, false, it->path };
	if (key)
		x->args[x->nargs++] = (struct xarg){ 1, intern(w, key), 0, true };
	if (has_sub)
		x->args[x->nargs++] = (struct xarg){ 2, NULL, sub, false };
}

/* The name MC calls, into NAME. */
static const char *call_name(struct walker *w, const struct macro_call *mc, char name[64])
{
	guard_name_at(w->tu, mc->file, mc->offset, name);
	return name;
}

static bool is_lockdep_macro(const char *name, void *ctx)
{
	const struct lp_lockdep *ld = rules_lockdep(ctx, name);
	return ld && ld->macro;
}

/*
 * The rules macros written in the body of DEF, the macro expanded at
 * FILE:OFFSET as statement C (the first: include/net/sock.h's
 * sock_lock_init_class_and_name() around spin_lock_init() and
 * lockdep_set_class_and_name()).  The k-th init macro written stored to
 * the k-th lock C's stores initialise, when the counts agree; a re-key
 * names its lock and key as text, DEF's parameters replaced.  Whether any
 * was read.
 */
static bool nested_macros(struct walker *w, CXCursor c, const struct macro_def *def, CXFile file, unsigned offset)
{
	const struct lp_rules *r = w->env->rules;
	struct macro_call calls[INIT_STORES_MAX];
	const struct lp_lockdep *lds[INIT_STORES_MAX];
	int n = 0, inits = 0;
	for (unsigned at = def->body; n < INIT_STORES_MAX && macro_def_next_call(w->tu, def, &at, is_lockdep_macro,
										     (void *)r); at++) {
		char name[64];
		calls[n] = (struct macro_call){ def->file, at, def, file, offset };
		lds[n] = rules_lockdep(r, call_name(w, &calls[n], name));
		inits += lds[n++]->init;
	}
	if (!n)
		return false;
	struct init_scan s = { r, 0, INIT_STORES_MAX, {{0}}, false };
	if (inits)
		clang_visitChildren(c, scan_init, &s);
	for (int i = 0, k = 0; i < n; i++) {
		if (!lds[i]->init)
			class_macro(w, c, lds[i], &calls[i]);
		else if (s.n == inits && !s.more)
			init_macro(w, c, lds[i]->func, s.locks[k++], &calls[i]);
	}
	return true;
}

/*
 * Do-while C, expanded from macro NAME at FILE:OFFSET, which no rule names:
 * the rules macros inside it.  Written in NAME's own body (the 'do' is
 * NAME's), they are read from its text (nested_macros), and the
 * statements of their expansions are not looked at again.  Otherwise an
 * init macro's own 'do' has the store that names its lock
 * (MLX4_INIT_DOORBELL_LOCK(p), a macro for spin_lock_init(p)), though not
 * its text.
 */
static void macro_inside(struct walker *w, CXCursor c, const char *name, CXFile file, unsigned offset)
{
	struct macro_def def;
	if (clang_getCursorKind(c) != CXCursor_DoStmt || !macro_def_at(w->tu, clang_getCursorLocation(c), &def))
		return;
	if (!strcmp(def.name, name)) {
		if (nested_macros(w, c, &def, file, offset)) {
			w->annot_file = file;
			w->annot_offset = offset;
		}
		return;
	}
	const struct lp_lockdep *ld = rules_lockdep(w->env->rules, def.name);
	CXCursor lock = ld && ld->macro && ld->init ? first_lock_store(w, c) : clang_getNullCursor();
	if (!clang_Cursor_isNull(lock))
		init_macro(w, c, ld->func, lock, NULL);
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
void note_annotation(struct walker *w, CXCursor c)
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
		struct macro_call mc = { file, offset, NULL, NULL, 0 };
		bool do_stmt = clang_getCursorKind(c) == CXCursor_DoStmt;
		CXCursor lock = do_stmt && ld->init ? first_lock_store(w, c) : clang_getNullCursor();
		if (!clang_Cursor_isNull(lock))
			init_macro(w, c, name, lock, &mc);
		else if (do_stmt && !ld->init)
			class_macro(w, c, ld, &mc);
		return;
	}
	const struct lp_lockprim *p = rules_lockprim(w->env->rules, name);
	if (p && p->kind == SITE_ASSERT) {
		w->annot_file = file;
		w->annot_offset = offset;
		assertion(w, c, p);
		return;
	}
	if (!rules_sleep_reason(w->env->rules, name)) {
		macro_inside(w, c, name, file, offset);
		return;
	}
	w->annot_file = file;
	w->annot_offset = offset;
	int site = add_site(w, SITE_CALL, c);
	char usr[80];
	snprintf(usr, sizeof(usr), "c:@F@%s", name);   /* no body: link counts it a leaf */
	w->f->sites.v[site].callee_name = intern(w, name);
	w->f->sites.v[site].callee_usr = intern(w, usr);
}
