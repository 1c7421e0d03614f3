// SPDX-License-Identifier: GPL-2.0-only
/*
 * casts.c - what a callback's casts say about the object it is given.
 *
 * A socket's 'sk->sk_data_ready(sk)' reaches, by key, every function any
 * protocol or kernel socket user ever stored there: af_packet's block
 * retire timer, holding its receive queue's lock, reached MPTCP's
 * subflow_data_ready() and every lock under it.  But the timer's socket is
 * '&po->sk', the first member of a 'struct packet_sock', and
 * subflow_data_ready() begins by reading its socket as a 'struct
 * inet_connection_sock' (inet_csk(): '(struct inet_connection_sock *)sk').
 * A packet socket is no inet_connection_sock: neither struct starts with
 * the other, so that object never reaches that function.
 *
 * Extract records both halves.  A function's parameter cast to a pointer
 * to another struct on every call of it (func.param_casts; a container_of()
 * of a first member is such a cast: container_of_first()), and a call
 * through a member whose object is an argument of the call and the first
 * member of a struct the code names (site.ind_head).  Each side is a
 * chain: the structs that start at the object's address, outermost first
 * ('packet_sock>sock', 'inet_connection_sock>inet_sock>sock').  Two
 * objects at one address are one only if one chain holds the other's
 * head; check/downcasts.c drops the call edges where neither does.
 */
#include "extract/casts.h"
#include "extract/guard.h"
#include "extract/keys.h"

#include <string.h>

/* How many structs a chain follows into first members. */
#define CHAIN_MAX 8

static enum CXVisitorResult take_first(CXCursor c, CXClientData d)
{
	*(CXCursor *)d = c;
	return CXVisit_Break;
}

static CXCursor first_field_of(CXType t)
{
	CXCursor f = clang_getNullCursor();
	clang_Type_visitFields(clang_getCanonicalType(t), take_first, &f);
	return f;
}

/* The name of struct type T ('packet_sock'), copied into A; NULL for a
 * union, an unnamed struct or anything else.  With A NULL, only whether it
 * has one: "" or NULL. */
static const char *struct_name(struct arena *a, CXType t)
{
	CXCursor d = clang_getTypeDeclaration(clang_getCanonicalType(t));
	if (clang_getCursorKind(d) != CXCursor_StructDecl)
		return NULL;
	CXString s = clang_getCursorSpelling(d);
	const char *n = clang_getCString(s);
	const char *r = *n && !strpbrk(n, " (") ? (a ? arena_strdup(a, n) : "") : NULL;
	clang_disposeString(s);
	return r;
}

struct any_named { int depth; bool found; };

static bool starts_named_struct(CXType t, int depth);

static enum CXVisitorResult field_starts_named(CXCursor c, CXClientData d)
{
	struct any_named *x = d;
	x->found = starts_named_struct(clang_getCursorType(c), x->depth + 1);
	return x->found ? CXVisit_Break : CXVisit_Continue;
}

/* Whether a named struct may start at the address of an object of type T:
 * T is one, or a union with a member that may start with one, or an
 * unnamed struct or an array whose first element may. */
static bool starts_named_struct(CXType t, int depth)
{
	t = clang_getCanonicalType(t);
	if (depth > CHAIN_MAX)
		return true;   /* too deep to tell: assume it may */
	if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray)
		return starts_named_struct(clang_getArrayElementType(t), depth + 1);
	if (t.kind != CXType_Record)
		return false;
	if (struct_name(NULL, t))
		return true;
	CXCursor d = clang_getTypeDeclaration(t);
	if (clang_getCursorKind(d) == CXCursor_UnionDecl) {
		struct any_named x = { depth, false };
		clang_Type_visitFields(t, field_starts_named, &x);
		return x.found;
	}
	CXCursor f = first_field_of(t);
	return !clang_Cursor_isNull(f) && starts_named_struct(clang_getCursorType(f), depth + 1);
}

const char *casts_chain(struct arena *a, CXType t)
{
	const char *name = struct_name(a, t);
	if (!name)
		return NULL;
	struct strbuf sb = {0};
	sb_add(&sb, name);
	for (int depth = 1;; depth++) {
		CXCursor f = first_field_of(t);
		if (clang_Cursor_isNull(f))
			break;
		CXType ft = clang_getCanonicalType(clang_getCursorType(f));
		const char *inner = struct_name(a, ft);
		if (!inner) {
			if (!starts_named_struct(ft, depth))
				break;   /* a scalar, a pointer: nothing more starts here */
			sb_free(&sb);   /* a union of structs: which one is not known */
			return NULL;
		}
		if (depth >= CHAIN_MAX) {
			sb_free(&sb);
			return NULL;
		}
		sb_addf(&sb, ">%s", inner);
		t = ft;
	}
	const char *r = arena_strdup(a, sb.buf);
	sb_free(&sb);
	return r;
}

/*
 * The pointer a container_of() of a first member starts from, or OP itself.
 * The kernel writes container_of(ptr, type, member) as a statement
 * expression, '({ void *__mptr = (void *)(ptr); ..; ((type *)(__mptr -
 * offsetof(type, member))); })': the cast's operand is '__mptr - offsetof'.
 * When the offset is 0 (the member is first, or first of a first member:
 * 'inet.sk') the cast is one of PTR ('nlk_sk(sk)' is '(struct netlink_sock
 * *)sk'), and PTR is what the local __mptr was initialised with.  A member
 * further in is another address: not a cast of PTR, and OP is returned.
 */
static CXCursor container_of_first(CXCursor func, CXCursor op)
{
	CXCursor kids[2];
	if (clang_getCursorKind(op) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(op) != CXBinaryOperator_Sub || key_children(op, kids, 2) != 2)
		return op;
	CXCursor off = key_strip(kids[1]);   /* libclang shows offsetof() as a UnaryExpr */
	CXEvalResult r = clang_Cursor_Evaluate(off);
	bool zero = r && clang_EvalResult_getKind(r) == CXEval_Int && clang_EvalResult_getAsLongLong(r) == 0;
	if (r)
		clang_EvalResult_dispose(r);
	CXCursor base = key_strip(kids[0]);
	if (!zero || clang_getCursorKind(base) != CXCursor_DeclRefExpr)
		return op;
	CXCursor init = guard_local_value(func, base);
	return clang_Cursor_isNull(init) ? op : key_strip(init);
}

int casts_param_cast(struct arena *a, CXCursor func, CXCursor cast, const char **chain)
{
	CXType to = clang_getCanonicalType(clang_getCursorType(cast));
	CXCursor kids[3];
	unsigned n = key_children(cast, kids, 3);
	if (to.kind != CXType_Pointer || !n)
		return -1;
	CXCursor op = container_of_first(func, key_strip(kids[n - 1]));
	int p = key_param_of(func, op);
	if (p < 0)
		return -1;
	CXType from = clang_getCanonicalType(clang_getCursorType(op));
	if (from.kind != CXType_Pointer)
		return -1;
	CXType from_t = clang_getPointeeType(from), to_t = clang_getPointeeType(to);
	if (!struct_name(NULL, from_t) || !struct_name(NULL, to_t) ||
	    clang_equalCursors(clang_getTypeDeclaration(clang_getCanonicalType(from_t)),
			       clang_getTypeDeclaration(clang_getCanonicalType(to_t))))
		return -1;   /* a 'void *' says nothing of what it held; the same struct, nothing new */
	*chain = casts_chain(a, clang_getPointeeType(to));
	return *chain ? p : -1;
}

/* The member expression that names an object pointer E points to: '&po->sk'
 * itself, or a local initialised with it and never written again. */
static CXCursor member_pointed_to(CXCursor func, CXCursor e)
{
	e = key_strip(e);
	if (clang_getCursorKind(e) == CXCursor_DeclRefExpr) {
		CXCursor v = guard_local_value(func, e);
		if (clang_Cursor_isNull(v))
			return v;
		e = key_strip(v);
	}
	CXCursor obj = key_addr_operand(e);
	if (clang_Cursor_isNull(obj))
		return obj;
	e = key_strip(obj);
	return clang_getCursorKind(e) == CXCursor_MemberRefExpr ? e : clang_getNullCursor();
}

/* The chain of the struct whose first member MEMBER ('po->sk') selects; NULL
 * when it is not the first. */
static const char *first_member_chain(struct arena *a, CXCursor member)
{
	CXCursor field = clang_getCursorReferenced(member);
	CXCursor rec = clang_getCursorSemanticParent(field);
	if (clang_getCursorKind(field) != CXCursor_FieldDecl || clang_getCursorKind(rec) != CXCursor_StructDecl)
		return NULL;
	CXType t = clang_getCursorType(rec);
	return clang_equalCursors(first_field_of(t), field) ? casts_chain(a, t) : NULL;
}

static bool same_var(CXCursor x, CXCursor y)
{
	return clang_getCursorKind(x) == CXCursor_DeclRefExpr && clang_getCursorKind(y) == CXCursor_DeclRefExpr &&
	       clang_equalCursors(clang_getCursorReferenced(x), clang_getCursorReferenced(y));
}

/* Whether argument ARG is the object: the variable BASE holds it in, or
 * the address of MEMBER written the same way. */
static bool is_the_object(struct arena *a, CXCursor func, CXCursor arg, CXCursor base, CXCursor member)
{
	arg = key_strip(arg);
	if (!clang_Cursor_isNull(base) && same_var(arg, base))
		return true;
	CXCursor m = member_pointed_to(func, arg);
	if (clang_Cursor_isNull(m))
		return false;
	const char *x = key_source_text(a, m), *y = key_source_text(a, member);
	return x && y && !strcmp(x, y);
}

const char *casts_call_head(struct arena *a, CXCursor func, CXCursor call, CXCursor callee)
{
	CXCursor m = key_strip(callee), kids[1];
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || key_children(m, kids, 1) != 1)
		return NULL;
	CXCursor base = key_strip(kids[0]), member;
	if (clang_getCanonicalType(clang_getCursorType(kids[0])).kind == CXType_Pointer) {
		member = member_pointed_to(func, base);   /* 'sk->sk_data_ready' */
	} else {
		member = base;                            /* 'po->sk.sk_data_ready' */
		base = clang_getNullCursor();
	}
	if (clang_getCursorKind(member) != CXCursor_MemberRefExpr)
		return NULL;
	const char *chain = first_member_chain(a, member);
	if (!chain)
		return NULL;
	int n = clang_Cursor_getNumArguments(call);
	for (int i = 0; i < n; i++)
		if (is_the_object(a, func, clang_Cursor_getArgument(call, i), base, member))
			return arena_printf(a, "%d=%s", i, chain);
	return NULL;
}
