// SPDX-License-Identifier: GPL-2.0-only
/*
 * wrappers.c - recognise lock wrappers (see wrappers.h).  A function is a
 * wrapper when its body makes exactly one call to a primitive (or to
 * another wrapper, up to MAX_LAYERS deep), whose lock argument is one of the
 * function's parameters, and otherwise calls only irq operations,
 * pass-through helpers and compiler builtins.  Anything more and it is an
 * ordinary function, walked like any other.
 */
#include "extract/wrappers.h"
#include "extract/keys.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LAYERS 6

struct wrappers {
	const struct lp_rules *rules;
	CXFile main;                     /* the TU's main file */
	struct strmap memo;              /* USR -> index in prims + 1, or 0: not a wrapper */
	VEC(struct lp_lockprim *) prims;
	VEC(bool) from_main;             /* per prim: a wrapper only through the main file's code */
	struct arena arena;
	int depth;
};

struct wrappers *wrappers_new(const struct lp_rules *r, CXFile main)
{
	struct wrappers *ws = xcalloc(1, sizeof(*ws));
	ws->rules = r;
	ws->main = main;
	return ws;
}

void wrappers_free(struct wrappers *ws)
{
	if (!ws)
		return;
	strmap_free(&ws->memo);
	vec_free(&ws->prims);
	vec_free(&ws->from_main);
	arena_free(&ws->arena);
	free(ws);
}

struct scan {
	struct wrappers *ws;
	CXCursor call;                   /* the one primitive call */
	const struct lp_lockprim *prim;
	bool from_main;                  /* that primitive is a wrapper only through the main file */
	bool bad;
};

static const struct lp_lockprim *lookup(struct wrappers *ws, CXCursor fn, bool *from_main);

static bool harmless_call(const struct lp_rules *r, const char *name)
{
	return rules_irqop(r, name) || rules_passthrough_arg(r, name) >= 0 ||
	       !strncmp(name, "__builtin", 9);
}

static enum CXChildVisitResult scan_body(CXCursor c, CXCursor parent, CXClientData d)
{
	struct scan *s = d;
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	CXCursor ref = clang_getCursorReferenced(c);
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl) {
		s->bad = true;               /* an indirect call: not a plain wrapper */
		return CXChildVisit_Break;
	}
	CXString n = clang_getCursorSpelling(ref);
	bool harmless = harmless_call(s->ws->rules, clang_getCString(n));
	clang_disposeString(n);
	if (harmless)
		return CXChildVisit_Recurse;
	bool from_main = false;
	const struct lp_lockprim *p = lookup(s->ws, ref, &from_main);
	if (!p || s->prim) {
		s->bad = true;
		return CXChildVisit_Break;
	}
	s->prim = p;
	s->from_main = from_main;
	s->call = c;
	return CXChildVisit_Recurse;
}

static int lock_param(struct wrappers *ws, CXCursor def, CXCursor call, int arg)
{
	if (arg < 0 || arg >= clang_Cursor_getNumArguments(call))
		return -1;
	struct key_env e = { .rules = ws->rules, .arena = &ws->arena, .func = def };
	const char *k = key_lock_ptr(&e, clang_Cursor_getArgument(call, (unsigned)arg));
	return keyname_lock_param(k);
}

static struct lp_lockprim *derive(struct wrappers *ws, CXCursor def, bool *from_main)
{
	struct scan s = { .ws = ws };
	clang_visitChildren(def, scan_body, &s);
	if (s.bad || !s.prim)
		return NULL;
	*from_main = s.from_main || key_loc_in_file(clang_getCursorLocation(def), ws->main);
	int arg = lock_param(ws, def, s.call, s.prim->arg);
	if (arg < 0)
		return NULL;
	struct lp_lockprim *p = arena_alloc(&ws->arena, sizeof(*p));
	*p = *s.prim;
	CXString n = clang_getCursorSpelling(def);
	p->name = arena_strdup(&ws->arena, clang_getCString(n));
	clang_disposeString(n);
	p->arg = arg;
	p->nested_arg = -1;
	if (s.prim->nested_arg >= 0 && s.prim->nested_arg < clang_Cursor_getNumArguments(s.call))
		p->nested_arg = key_param_of(def, clang_Cursor_getArgument(s.call, (unsigned)s.prim->nested_arg));
	return p;
}

static const struct lp_lockprim *lookup(struct wrappers *ws, CXCursor fn, bool *from_main)
{
	CXString n = clang_getCursorSpelling(fn);
	const struct lp_lockprim *p = rules_lockprim(ws->rules, clang_getCString(n));
	clang_disposeString(n);
	if (p)
		return p;
	CXCursor def = clang_getCursorDefinition(fn);
	if (clang_Cursor_isNull(def) || ws->depth >= MAX_LAYERS)
		return NULL;
	CXString usr = clang_getCursorUSR(def);
	bool created;
	int64_t *slot = strmap_put(&ws->memo, clang_getCString(usr), &created);
	clang_disposeString(usr);
	if (!created) {
		if (*slot)
			*from_main = ws->from_main.v[*slot - 1];
		return *slot ? ws->prims.v[*slot - 1] : NULL;
	}
	/* slot stays 0 while deriving: a recursive wrapper is no wrapper */
	ws->depth++;
	bool dep = false;
	struct lp_lockprim *d = derive(ws, def, &dep);
	ws->depth--;
	if (!d)
		return NULL;
	*from_main = dep;
	vec_push(&ws->prims, d);
	vec_push(&ws->from_main, dep);
	CXString usr2 = clang_getCursorUSR(def);
	*strmap_put(&ws->memo, clang_getCString(usr2), NULL) = (int64_t)ws->prims.n;
	clang_disposeString(usr2);
	return d;
}

const struct lp_lockprim *wrappers_prim(struct wrappers *ws, CXCursor fn)
{
	bool from_main = false;
	return lookup(ws, fn, &from_main);
}

const struct lp_lockprim *wrappers_prim_in_header(struct wrappers *ws, CXCursor fn)
{
	bool from_main = false;
	const struct lp_lockprim *p = lookup(ws, fn, &from_main);
	return from_main ? NULL : p;
}
