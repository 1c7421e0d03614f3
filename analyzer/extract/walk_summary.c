// SPDX-License-Identifier: GPL-2.0-only
/*
 * walk_summary.c - what a function leaves its caller: the locks it holds at
 * every return or released for it, and the path states in which it can
 * only return 0.  A callee of the same file gets a summary (walked ahead,
 * into scratch facts, if it comes later) that its call applies; every
 * function's exit locks go into the facts for callers in other files
 * (func.exit_locks, check/callee_effects.c); __acquires/__releases
 * annotations override the body.
 */
#include "extract/walker.h"
#include "extract/keys.h"
#include "extract/guard.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

/* __acquires/__releases state what the function leaves behind, whatever
 * its body shows (the unlock may happen through a function pointer). */
void annot_apply(struct walker *w, const char *annot)
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
const char *exit_locks_text(struct walker *w)
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

/* The parameter of the function walked whose pointee OBJ is ('*iter'), or
 * -1; also where the function assigns the parameter (its stores may be
 * another object's then).  ASSIGNED caches that per parameter (0 not
 * known yet, 1 assigned, 2 not). */
static int pointee_param(struct walker *w, const char *obj, signed char assigned[64])
{
	int n = obj[0] == '*' ? clang_Cursor_getNumArguments(w->kenv.func) : 0;
	for (int i = 0; i < n && i < 64; i++) {
		CXString s = clang_getCursorSpelling(clang_Cursor_getArgument(w->kenv.func, (unsigned)i));
		bool same = !strcmp(obj + 1, clang_getCString(s));
		clang_disposeString(s);
		if (!same)
			continue;
		if (!assigned[i]) {
			int plain = 0, other = 0;
			guard_write_counts(w->kenv.func, i, &plain, &other);
			assigned[i] = plain || other ? 1 : 2;
		}
		return assigned[i] == 1 ? -1 : i;
	}
	return -1;
}

/* The members of its parameters' pointees the function leaves set on every
 * return (members_join() made a member set on some paths only, or to two
 * values, unknown).  A function that set more than it tracked leaves
 * nothing known. */
static void summary_members(struct walker *w, struct summary *sm)
{
	const struct members *m = &w->exit.m;
	signed char assigned[64] = {0};
	for (unsigned i = 0; i < m->n && !w->exit.dead && !m->lost; i++) {
		int p = pointee_param(w, m->e[i].obj, assigned);
		if (p < 0)
			continue;
		bool known = m->e[i].known && m->e[i].param < 0;   /* not the caller's own value */
		sm->m[sm->nm].param = p;
		sm->m[sm->nm].field = arena_strdup(&w->sums->arena, m->e[i].field);
		sm->m[sm->nm].value = known ? m->e[i].value : 0;
		sm->m[sm->nm++].known = known;
	}
}

void summary_save(struct walker *w, const char *usr)
{
	struct summary sm = { .ret_zero = w->ret_unknown ? 0 : GK_ALL_STATES & ~w->ret_live };
	for (unsigned i = 0; i < w->exit.n && !w->exit.dead; i++) {
		const struct xlock *l = &w->exit.e[i];
		if (!exit_lock_matters(l))   /* a lock taken and released here, or a local's */
			continue;
		sm.e[sm.n].key = arena_strdup(&w->sums->arena, l->key);
		sm.e[sm.n++].held = l->held;
	}
	summary_members(w, &sm);
	vec_push(&w->sums->v, sm);
	*strmap_put(&w->sums->index, usr, NULL) = (int64_t)w->sums->v.n;
}

/* The summary of DEF, a function of the main file; walked now (into scratch
 * facts) if it comes later in the file.  NULL while being computed (recursion). */
const struct summary *summary_of(struct walker *w, CXCursor def)
{
	CXString usr = clang_getCursorUSR(def);
	bool created;
	int64_t *slot = strmap_put(&w->sums->index, clang_getCString(usr), &created);
	clang_disposeString(usr);
	if (!created)
		return *slot ? &w->sums->v.v[*slot - 1] : NULL;
	if (w->sums->depth >= 8)
		return NULL;
	struct walker nw = { .env = w->env, .f = facts_new(), .sums = w->sums, .wraps = w->wraps, .links = w->links,
			     .hdr_hash = w->hdr_hash, .arg_site = -1, .main_cxfile = w->main_cxfile,
			     .tu = w->tu };
	nw.kenv = (struct key_env){ .rules = w->env->rules, .arena = &nw.f->arena,
				    .local_key = local_lookup, .ctx = &nw };
	w->sums->depth++;
	walk_function(&nw, def, -1);
	w->sums->depth--;
	walker_free_buffers(&nw);
	facts_free(nw.f);
	CXString u2 = clang_getCursorUSR(def);
	int64_t *s2 = strmap_get(&w->sums->index, clang_getCString(u2));
	clang_disposeString(u2);
	return s2 && *s2 ? &w->sums->v.v[*s2 - 1] : NULL;
}

/* The call's callee set members of what its pointer arguments point to:
 * 'trace_init_global_iter(&iter)' leaves 'iter.temp' the static buffer's
 * address for ftrace_dump()'s later calls (members.h; until session 49 a
 * store by a called function was not seen at all), while a slot is free:
 * a helper that sets many members must not make the caller lose its own
 * (members.h 'lost'; the first cut did, 976 more calls of the whole s390
 * tree passed no members).  A member it sets to something else is unknown
 * now: if tracked, or, as a store of our own would, through our parameter
 * while a slot is free (what our caller set there is not passed on). */
static void apply_summary_members(struct walker *w, CXCursor call, const struct summary *sm)
{
	int nargs = clang_Cursor_getNumArguments(call);
	for (int i = 0; sm && i < sm->nm; i++) {
		if (sm->m[i].param >= nargs)
			continue;
		CXCursor arg = clang_Cursor_getArgument(call, (unsigned)sm->m[i].param);
		const char *obj = pointee_object(w, arg);
		if (!obj)
			continue;
		const char *field = intern(w, sm->m[i].field);
		if (sm->m[i].known) {
			if (members_room(&w->st.m, obj, field))   /* never lose the caller's own */
				members_set(&w->st.m, obj, field, sm->m[i].value, true, -1);
		} else {
			members_unknown(&w->st.m, obj, field, key_param_of(w->kenv.func, key_strip(arg)) >= 0);
		}
	}
}

/* After a call to a function of this file: its summary changes our lock
 * state.  Its 'arg#N' keys are our argument N's lock.  Of a header's
 * inline only the locks it releases: affine_move_task() gives back
 * task_rq_lock()'s locks through task_rq_unlock(), a header's, on each of
 * its branches, so none of them is the one call before every return that
 * check's callee effects see, and its caller went on holding the task's
 * pi_lock.  A lock such a callee leaves held stays check's (callee
 * effects): here it would have the call for its acquiring site, which has
 * no subclass ('inode_lock_nested(parent, I_MUTEX_PARENT)' would hold the
 * inode's lock as inode_lock() takes it).  Not in a header's function: it
 * is walked in whichever TU includes the header first, and only the TU
 * that defines the callee has its summary (the findings moved with the
 * order of the compile database, and at -j 2 with the workers' race). */
void apply_summary(struct walker *w, CXCursor call, CXCursor callee, int site)
{
	if (w->hdr >= 0)
		return;
	CXCursor def = clang_getCursorDefinition(callee);
	if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl)
		return;
	bool ours = in_main_file(w, clang_getCursorLocation(def));
	const struct summary *sm = summary_of(w, def);
	for (int i = 0; sm && i < sm->n; i++) {
		if (!ours && sm->e[i].held)
			continue;
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
	if (ours)
		apply_summary_members(w, call, sm);
}
