// SPDX-License-Identifier: GPL-2.0-only
/*
 * member_writes.c - the member names a function writes (see member_writes.h).
 */
#include "extract/member_writes.h"
#include "extract/keys.h"
#include "lib/util.h"

#include <stdlib.h>
#include <string.h>

/* 'x->arr[i]' of an array member is that member; through a pointer
 * member ('x->buf[i]') it is what the pointer points to. */
static CXCursor array_member(CXCursor e)
{
	CXCursor base[2];
	while (clang_getCursorKind(e) == CXCursor_ArraySubscriptExpr && key_children(e, base, 2) == 2) {
		CXCursor b = key_strip(base[0]);
		enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(b)).kind;
		if (k != CXType_ConstantArray && k != CXType_IncompleteArray)
			return clang_getNullCursor();
		e = b;
	}
	return e;
}

/* Whether DEREF ('*p') reads the pointer from a parameter or a local
 * variable: '*dev = *tmpl' is dev's object; '*x->next = ..' is another
 * one, reached through a member. */
static bool through_variable(CXCursor deref)
{
	CXCursor k[1];
	if (key_children(deref, k, 1) != 1)
		return false;
	CXCursor p = key_strip(k[0]);
	if (clang_getCursorKind(p) != CXCursor_DeclRefExpr)
		return false;
	enum CXCursorKind rk = clang_getCursorKind(clang_getCursorReferenced(p));
	return rk == CXCursor_ParmDecl || rk == CXCursor_VarDecl;
}

const char *member_write_name(CXCursor lhs, char *buf, size_t size)
{
	CXCursor e = array_member(key_strip(lhs));
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref)
		return clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Record && through_variable(e) ?
		       "*" : NULL;
	if (k != CXCursor_MemberRefExpr)
		return NULL;
	CXString s = clang_getCursorSpelling(e);
	const char *name = clang_getCString(s);
	bool ok = name && name[0] && strlen(name) < size;
	if (ok)
		strcpy(buf, name);
	clang_disposeString(s);
	return ok ? buf : NULL;
}

void member_writes_add(struct member_writes *mw, const char *interned)
{
	for (size_t i = 0; i < mw->n; i++)
		if (mw->v[i] == interned)
			return;
	vec_push(mw, interned);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *member_writes_text(struct member_writes *mw, struct arena *arena)
{
	if (!mw->n)
		return NULL;
	qsort(mw->v, mw->n, sizeof(*mw->v), by_name);
	struct strbuf sb = {0};
	for (size_t i = 0; i < mw->n; i++)
		sb_addf(&sb, "%s%s", i ? "," : "", mw->v[i]);
	const char *r = arena_strdup(arena, sb_str(&sb));
	sb_free(&sb);
	return r;
}
