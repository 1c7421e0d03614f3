// SPDX-License-Identifier: GPL-2.0-only
/*
 * links.c - a pointer named by the way from a parameter to it.
 *
 * The 3215 console polls its own subchannel when its buffer is full:
 * ccw_device_wait_idle(cdev) calls cio_tsch() on
 * 'to_subchannel(cdev->dev.parent)', and the subchannel's driver gets its
 * device back with 'sch_get_cdev(sch)', the driver data of '&sch->dev',
 * before it calls that device's handler.  The device is the one the path
 * started from, because the function that put the device on its
 * subchannel linked the two both ways: 'cdev->dev.parent = &sch->dev;
 * sch_set_cdev(sch, cdev)' in io_subchannel_initialize_dev().
 *
 * A walk names such a pointer: a parameter and the steps from it, each a
 * member's key ('arg#0/E:ccw_device.dev/L:device.parent/U:subchannel.dev'):
 *   E:M  the address of embedded member M ('&cdev->dev', 'cdev->dev.x');
 *   L:M  the pointer member M holds ('->parent');
 *   U:M  the struct whose member M the pointer points to (container_of()).
 * Casts, parentheses and 'p ? p->x : NULL' are no steps; a local set once
 * is its value; a call of a function of this file is the walk it returns
 * ('sch_get_cdev(sch)' is 'arg#0/E:subchannel.dev/L:device.driver_data').
 * Extract records the walk of a call's pointer argument (site_arg.walk)
 * and every store of one walk into another's member (link_store, 'arg#1/
 * E:ccw_device.dev/L:device.parent' gets 'arg#0/E:subchannel.dev');
 * check/links.c pairs the stores and carries the object across.
 */
#include "extract/links.h"
#include "extract/guard.h"
#include "extract/keys.h"
#include "lib/keyname.h"

#include <string.h>

/* How many calls deep a return is read (a walk's steps: KEYNAME_WALK_STEPS). */
#define WALK_CALLS 4

struct links {
	struct strmap ret;        /* function USR -> index in rets + 1; 0: none, or being read */
	VEC(const char *) rets;   /* a function's return walk */
	struct arena arena;
};

struct links *links_new(void)
{
	return xcalloc(1, sizeof(struct links));
}

void links_free(struct links *l)
{
	if (!l)
		return;
	strmap_free(&l->ret);
	vec_free(&l->rets);
	arena_free(&l->arena);
	free(l);
}

/* WALK with step KIND:MEMBER, or NULL past KEYNAME_WALK_STEPS. */
static const char *add_step(struct arena *a, const char *walk, char kind, CXCursor field)
{
	if (!walk || keyname_walk_steps(walk) >= KEYNAME_WALK_STEPS)
		return NULL;
	const char *rec = key_record_name(a, field);
	CXString s = clang_getCursorSpelling(field);
	const char *r = arena_printf(a, "%s/%c:%s.%s", walk, kind, rec, clang_getCString(s));
	clang_disposeString(s);
	return r;
}

/* The field of struct type T at byte OFFSET whose type is MEMBER_T (the
 * member container_of() names), or a null cursor. */
struct field_at { long long bits; CXType want; CXCursor found; };

static enum CXVisitorResult match_field(CXCursor c, CXClientData d)
{
	struct field_at *fa = d;
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	if (clang_Cursor_getOffsetOfField(c) == fa->bits &&
	    clang_equalTypes(t, clang_getCanonicalType(fa->want))) {
		fa->found = c;
		return CXVisit_Break;
	}
	return CXVisit_Continue;
}

static CXCursor field_at(CXType t, long long offset, CXType member_t)
{
	struct field_at fa = { offset * 8, member_t, clang_getNullCursor() };
	clang_Type_visitFields(clang_getCanonicalType(t), match_field, &fa);
	return fa.found;
}

struct walk_ctx { struct links *l; struct arena *a; CXCursor func; int calls; };

static const char *walk_ptr(struct walk_ctx *x, CXCursor e, int depth);

/*
 * container_of(ptr, type, member): '({ void *__mptr = (void *)(ptr); ..;
 * ((type *)(__mptr - offsetof(type, member))); })'.  The member is found
 * by its offset and by the type ptr points to.
 */
static const char *walk_container_of(struct walk_ctx *x, CXCursor stmt, int depth)
{
	CXCursor cast = key_stmt_expr_value(stmt), kids[2];
	CXType to = clang_getCanonicalType(clang_getCursorType(cast));
	CXCursor sub = key_strip(cast);
	if (to.kind != CXType_Pointer || clang_getCursorKind(sub) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(sub) != CXBinaryOperator_Sub || key_children(sub, kids, 2) != 2)
		return NULL;
	CXEvalResult r = clang_Cursor_Evaluate(key_strip(kids[1]));
	bool known = r && clang_EvalResult_getKind(r) == CXEval_Int;
	long long off = known ? clang_EvalResult_getAsLongLong(r) : -1;
	if (r)
		clang_EvalResult_dispose(r);
	CXCursor mptr = key_strip(kids[0]);
	if (!known || clang_getCursorKind(mptr) != CXCursor_DeclRefExpr)
		return NULL;
	/* __mptr is a local of the statement expression, not of the function */
	CXCursor init = clang_Cursor_getVarDeclInitializer(clang_getCursorReferenced(mptr));
	CXCursor ptr = key_strip(init);
	CXType from = clang_getCanonicalType(clang_getCursorType(ptr));
	if (clang_Cursor_isNull(init) || from.kind != CXType_Pointer)
		return NULL;
	CXCursor field = field_at(clang_getPointeeType(to), off, clang_getPointeeType(from));
	if (clang_Cursor_isNull(field))
		return NULL;
	return add_step(x->a, walk_ptr(x, ptr, depth + 1), 'U', field);
}

static bool is_null_const(CXCursor e)
{
	long long v;
	return guard_const_value(e, &v) && v == 0;
}

/* The walk a call of a function defined in this TU returns. */
static const char *walk_call(struct walk_ctx *x, CXCursor call, int depth);

static const char *walk_obj(struct walk_ctx *x, CXCursor e, int depth);

/* The walk to the object member expression M reads from: 'p' of 'p->m',
 * 'p->dev' of 'p->dev.m'. */
static const char *walk_member_base(struct walk_ctx *x, CXCursor m, int depth)
{
	CXCursor k[1];
	if (key_children(m, k, 1) != 1)
		return NULL;
	bool arrow = clang_getCanonicalType(clang_getCursorType(key_strip(k[0]))).kind == CXType_Pointer;
	return arrow ? walk_ptr(x, k[0], depth + 1) : walk_obj(x, k[0], depth + 1);
}

/* The walk to the struct lvalue E ('cdev->dev', '*p'). */
static const char *walk_obj(struct walk_ctx *x, CXCursor e, int depth)
{
	CXCursor c = key_strip(e), k[1];
	if (depth > KEYNAME_WALK_STEPS * 2)
		return NULL;
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Deref || key_children(c, k, 1) != 1)
			return NULL;
		return walk_ptr(x, k[0], depth + 1);
	case CXCursor_MemberRefExpr: {
		CXCursor field = clang_getCursorReferenced(c);
		if (clang_getCursorKind(field) != CXCursor_FieldDecl)
			return NULL;
		return add_step(x->a, walk_member_base(x, c, depth), 'E', field);
	}
	default:
		return NULL;
	}
}

static const char *walk_ptr(struct walk_ctx *x, CXCursor e, int depth)
{
	CXCursor c = key_strip(e), k[3];
	if (depth > KEYNAME_WALK_STEPS * 2)
		return NULL;
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr: {
		int p = key_param_of(x->func, c);
		if (p >= 0)
			return arena_printf(x->a, "arg#%d", p);
		CXCursor v = guard_local_value(x->func, c);
		return clang_Cursor_isNull(v) ? NULL : walk_ptr(x, v, depth + 1);
	}
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_AddrOf || key_children(c, k, 1) != 1)
			return NULL;
		return walk_obj(x, k[0], depth + 1);
	case CXCursor_MemberRefExpr: {
		CXCursor field = clang_getCursorReferenced(c);
		if (clang_getCursorKind(field) != CXCursor_FieldDecl ||
		    clang_getCanonicalType(clang_getCursorType(field)).kind != CXType_Pointer)
			return NULL;
		return add_step(x->a, walk_member_base(x, c, depth), 'L', field);
	}
	case CXCursor_ConditionalOperator:   /* 'priv ? priv->cdev : NULL' */
		if (key_children(c, k, 3) != 3)
			return NULL;
		if (is_null_const(k[2]))
			return walk_ptr(x, k[1], depth + 1);
		if (is_null_const(k[1]))
			return walk_ptr(x, k[2], depth + 1);
		return NULL;
	case CXCursor_StmtExpr:
		return walk_container_of(x, c, depth);
	case CXCursor_CallExpr:
		return walk_call(x, c, depth);
	default:
		return NULL;
	}
}

/* The walk every 'return E' of FUNC names, unless one returns something
 * else; 'return NULL' names none. */
struct ret_scan { struct walk_ctx *x; const char *walk; bool other; };

static enum CXChildVisitResult scan_return(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct ret_scan *rs = d;
	if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
		return CXChildVisit_Recurse;
	CXCursor k[1];
	if (key_children(c, k, 1) != 1 || is_null_const(k[0]))
		return CXChildVisit_Continue;
	const char *w = walk_ptr(rs->x, k[0], 0);
	if (!w || (rs->walk && strcmp(rs->walk, w)))
		rs->other = true;
	rs->walk = w;
	return rs->other ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* FUNC's return walk ('arg#0/E:subchannel.dev/L:device.driver_data'), or NULL. */
static const char *return_walk(struct links *l, CXCursor def, int calls)
{
	CXString usr = clang_getCursorUSR(def);
	bool created;
	int64_t *slot = strmap_put(&l->ret, clang_getCString(usr), &created);
	clang_disposeString(usr);
	if (!created)
		return *slot ? l->rets.v[*slot - 1] : NULL;
	struct walk_ctx x = { l, &l->arena, def, calls };
	struct ret_scan rs = { &x, NULL, false };
	clang_visitChildren(def, scan_return, &rs);
	const char *w = rs.other ? NULL : rs.walk;
	if (!w)
		return NULL;   /* the slot stays 0 (strmap_put may have moved it) */
	vec_push(&l->rets, w);
	CXString u2 = clang_getCursorUSR(def);
	*strmap_get(&l->ret, clang_getCString(u2)) = (int64_t)l->rets.n;
	clang_disposeString(u2);
	return w;
}

static const char *walk_call(struct walk_ctx *x, CXCursor call, int depth)
{
	CXCursor callee = clang_getCursorReferenced(call);
	if (x->calls >= WALK_CALLS || clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return NULL;
	CXCursor def = clang_getCursorDefinition(callee);
	if (clang_Cursor_isNull(def))
		return NULL;
	const char *ret = return_walk(x->l, def, x->calls + 1);
	int p;
	const char *rest;
	if (!ret || sscanf(ret, "arg#%d", &p) != 1 || p < 0 || p >= clang_Cursor_getNumArguments(call))
		return NULL;
	rest = strchr(ret, '/');
	const char *base = walk_ptr(x, clang_Cursor_getArgument(call, (unsigned)p), depth + 1);
	if (!base || !rest)
		return base;
	if (keyname_walk_steps(base) + keyname_walk_steps(ret) > KEYNAME_WALK_STEPS)
		return NULL;
	return arena_printf(x->a, "%s%s", base, rest);
}

const char *links_walk(struct links *l, struct arena *a, CXCursor func, CXCursor e)
{
	if (!l || clang_Cursor_isNull(func) || clang_getCanonicalType(clang_getCursorType(e)).kind != CXType_Pointer)
		return NULL;
	struct walk_ctx x = { l, a, func, 0 };
	return walk_ptr(&x, e, 0);
}

bool links_store(struct links *l, struct arena *a, CXCursor func, CXCursor lhs, CXCursor rhs,
		 const char **dst, const char **src)
{
	CXCursor m = key_strip(lhs);
	CXType t = clang_getCanonicalType(clang_getCursorType(m));
	if (!l || clang_Cursor_isNull(func) || clang_getCursorKind(m) != CXCursor_MemberRefExpr ||
	    t.kind != CXType_Pointer)
		return false;
	struct walk_ctx x = { l, a, func, 0 };
	*dst = walk_ptr(&x, m, 0);
	*src = *dst ? walk_ptr(&x, rhs, 0) : NULL;
	if (!*dst || !*src)
		return false;
	/* a link between two objects: from one parameter's to another's */
	return strcspn(*dst, "/") != strcspn(*src, "/") || strncmp(*dst, *src, strcspn(*dst, "/"));
}
