// SPDX-License-Identifier: GPL-2.0-only
/*
 * lock_path.c - a lock's container path (see lock_path.h).  It follows the
 * same expressions keys.c does (passthrough calls, '&', members that are the
 * lock itself such as 'rlock' and 'dep_map'), but names an embedded struct
 * by where it is embedded instead of by its type.  It stops at the first
 * pointer: what a pointer points to has no container the code shows.  A
 * local pointer set once to an address is that address: udp's
 * 'rcvq = &udp_sk(sk)->reader_queue; spin_lock_bh(&rcvq->lock)' is
 * 'udp_sock.reader_queue.lock', which lockdep keeps apart from the socket's
 * 'sock.sk_receive_queue.lock' (sk_init_common() gives it its own class).
 */
#include "extract/lock_path.h"
#include "extract/guard.h"

#include <string.h>

static CXCursor only_child(CXCursor c)
{
	CXCursor k[1];
	return key_children(c, k, 1) ? k[0] : clang_getNullCursor();
}

static bool is_pointer(CXCursor e)
{
	return clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Pointer;
}

static const char *spelling(struct arena *a, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *r = arena_strdup(a, clang_getCString(s) ? clang_getCString(s) : "");
	clang_disposeString(s);
	return r;
}

static const char *ptr_path(const struct key_env *e, CXCursor expr, int depth);

/* The path of an lvalue: 'vdev_priv.tx' for 'd->tx', 'chan.c:tx_chan' for a
 * global, 'virtio_blk.vqs[]' for an element; NULL for anything else (a
 * local, a call's result). */
static const char *obj_path(const struct key_env *e, CXCursor c, int depth)
{
	c = key_strip(c);
	if (depth > 16)
		return NULL;
	CXCursor ref = clang_getCursorReferenced(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_MemberRefExpr: {
		if (clang_getCursorKind(ref) != CXCursor_FieldDecl)
			return NULL;
		CXCursor base = only_child(c);
		const char *name = spelling(e->arena, ref);
		if (!*name || strstr(name, "(anonymous") || strstr(name, "(unnamed"))
			/* an anonymous struct or union member is no step of the path
			 * ('d_lockref.lock' through lockref's unnamed union) */
			return clang_Cursor_isNull(base) || is_pointer(base) ? NULL : obj_path(e, base, depth + 1);
		if (rules_is_lock_member(e->rules, name))   /* &l->rlock is l */
			return is_pointer(base) ? ptr_path(e, base, depth + 1) : obj_path(e, base, depth + 1);
		const char *up = clang_Cursor_isNull(base) ? NULL
				 : is_pointer(base) ? ptr_path(e, base, depth + 1) : obj_path(e, base, depth + 1);
		return up ? arena_printf(e->arena, "%s.%s", up, name)
			  : arena_printf(e->arena, "%s.%s", key_record_name(e->arena, ref), name);
	}
	case CXCursor_DeclRefExpr:
		if (clang_getCursorKind(ref) != CXCursor_VarDecl ||
		    clang_getCursorKind(clang_getCursorSemanticParent(ref)) != CXCursor_TranslationUnit)
			return NULL;
		return key_qualified_name(e->arena, ref);
	case CXCursor_ArraySubscriptExpr: {
		CXCursor k[2];
		if (key_children(c, k, 2) < 1)
			return NULL;
		const char *up = obj_path(e, k[0], depth + 1);
		return up ? arena_printf(e->arena, "%s[]", up) : NULL;
	}
	default:
		return NULL;
	}
}

/* The path of what local pointer C points to when it is set once, to the
 * address of a member or a global.  Not to an array's element: code that
 * walks an array ('cpuctx = &pmu->cpu_context[cpu]') names the element's
 * locks through a pointer elsewhere, by the element's type, and
 * 'pmu.cpu_context[].ctx.lock' would not be that name. */
static const char *local_ptr_path(const struct key_env *e, CXCursor c, int depth)
{
	CXCursor value = guard_local_value(e->func, c);
	CXCursor obj = clang_Cursor_isNull(value) ? value : key_addr_operand(key_strip(value));
	if (clang_Cursor_isNull(obj))
		return NULL;
	const char *p = obj_path(e, obj, depth + 1);
	return p && !strstr(p, "[]") ? p : NULL;
}

/* The path of what a pointer expression points to: only '&lvalue' (and a
 * passthrough call around one, or a local set once to one) has one. */
static const char *ptr_path(const struct key_env *e, CXCursor expr, int depth)
{
	CXCursor c = key_strip(expr);
	if (depth > 16)
		return NULL;
	CXCursor obj = key_addr_operand(c);
	if (!clang_Cursor_isNull(obj))
		return obj_path(e, obj, depth + 1);
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
		return local_ptr_path(e, c, depth + 1);
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return NULL;
	CXCursor fn = clang_getCursorReferenced(c);
	if (clang_getCursorKind(fn) != CXCursor_FunctionDecl)
		return NULL;
	int arg = rules_passthrough_arg(e->rules, spelling(e->arena, fn));
	if (arg < 0 || arg >= clang_Cursor_getNumArguments(c))
		return NULL;
	return ptr_path(e, clang_Cursor_getArgument(c, (unsigned)arg), depth + 1);
}

const char *lock_path_of(const struct key_env *e, CXCursor expr, const char *key)
{
	const char *p = ptr_path(e, expr, 0);
	return p && key && strcmp(p, key) ? p : NULL;
}

const char *lock_path_of_map(const struct key_env *e, CXCursor expr, const char *key)
{
	CXCursor obj = key_addr_operand(expr);
	if (clang_Cursor_isNull(obj))
		return NULL;
	CXCursor m = key_strip(obj);
	CXCursor ref = clang_getCursorReferenced(m);
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || clang_getCursorKind(ref) != CXCursor_FieldDecl ||
	    !rules_is_lock_member(e->rules, spelling(e->arena, ref)))
		return NULL;
	return lock_path_of(e, expr, key);
}
