// SPDX-License-Identifier: GPL-2.0-only
/*
 * const_calls.c - conditions a static function's constant return decides
 * (see const_calls.h).
 *
 * Only a function with internal linkage counts: an extern definition may
 * be __weak and replaced at link time by another TU's (s390 overrides
 * several of the generic code's), a static one is the one called.  Its
 * body is read once per thread and TU (a small memo), and only a short
 * one: a stub is a line or two, and a long function rarely returns one
 * constant on every path.
 */
#include "extract/const_calls.h"
#include "extract/guard.h"
#include "extract/keys.h"

#define STUB_BODY_MAX 2048   /* bytes of a body read for its returns */
#define STUB_MEMO 64

/* The answers for the functions asked last (per thread; const_calls_forget()). */
static _Thread_local struct stub_memo {
	int n, next;
	struct { CXCursor def; bool known; long long v; } e[STUB_MEMO];
} memo;

void const_calls_forget(void)
{
	memo = (struct stub_memo){ 0 };
}

struct returns { int n; bool other; long long v; };

static enum CXChildVisitResult visit_return(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct returns *r = data;
	if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
		return CXChildVisit_Recurse;
	CXCursor value[1];
	long long v;
	if (key_children(c, value, 1) != 1 || !guard_const_value(value[0], &v) || (r->n && v != r->v)) {
		r->other = true;
		return CXChildVisit_Break;
	}
	r->v = v;
	r->n++;
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_body(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CompoundStmt)
		*(CXCursor *)data = c;
	return CXChildVisit_Continue;
}

/* The one constant every return of definition DEF gives, into *OUT. */
static bool body_constant(CXCursor def, long long *out)
{
	CXCursor body = clang_getNullCursor();
	clang_visitChildren(def, visit_body, &body);
	if (clang_Cursor_isNull(body))
		return false;
	CXSourceRange ext = clang_getCursorExtent(body);
	unsigned from, to;
	clang_getFileLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &from);
	clang_getFileLocation(clang_getRangeEnd(ext), NULL, NULL, NULL, &to);
	if (to < from || to - from > STUB_BODY_MAX)
		return false;
	struct returns r = { 0 };
	clang_visitChildren(body, visit_return, &r);
	*out = r.v;
	return r.n > 0 && !r.other;
}

/* The constant a call C of a static function always gives, into *OUT. */
static bool call_constant(CXCursor c, long long *out)
{
	CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(c));
	if (clang_getCursorKind(def) != CXCursor_FunctionDecl || clang_getCursorLinkage(def) != CXLinkage_Internal)
		return false;
	for (int i = 0; i < memo.n; i++)
		if (clang_equalCursors(memo.e[i].def, def)) {
			*out = memo.e[i].v;
			return memo.e[i].known;
		}
	long long v = 0;
	bool known = body_constant(def, &v);
	int slot = memo.n < STUB_MEMO ? memo.n++ : memo.next++ % STUB_MEMO;
	memo.e[slot].def = def;
	memo.e[slot].known = known;
	memo.e[slot].v = v;
	*out = v;
	return known;
}

bool const_cond_value(CXCursor e, long long *out)
{
	if (guard_const_value(e, out))
		return true;
	bool neg = false;
	CXCursor c = key_strip_test(e, &neg), k[2];
	long long v, a, b;
	enum CXCursorKind kind = clang_getCursorKind(c);
	if (kind == CXCursor_CallExpr && call_constant(c, &v)) {
		*out = neg ? !v : v;
		return true;
	}
	if (kind != CXCursor_BinaryOperator || key_children(c, k, 2) != 2)
		return false;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	if ((op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE) || !const_cond_value(k[0], &a) ||
	    !const_cond_value(k[1], &b))
		return false;
	v = op == CXBinaryOperator_EQ ? a == b : a != b;
	*out = neg ? !v : v;
	return true;
}
