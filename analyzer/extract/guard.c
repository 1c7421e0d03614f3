// SPDX-License-Identifier: GPL-2.0-only
/*
 * guard.c - parameter guards of sites under 'switch (param)' (see guard.h).
 *
 * Only a switch on a parameter itself is understood (not 'switch (p->x)'):
 * that is the shape of the s390 device state machine's completion
 * functions, which take the outcome as an 'int err' and dispatch on it; and
 * an 'if' that tests a parameter against a constant, the shape of a bool or
 * int flag that selects a sleeping branch ('if (may_sleep)', 'if (to_user)').  A guard is sound only if the function does not change the
 * parameter behind the switch's back, so every write to it is recorded too.
 */
#include "extract/guard.h"
#include "extract/keys.h"

#include <string.h>

int guard_switch_param(CXCursor func, CXCursor cond)
{
	return clang_Cursor_isNull(func) ? -1 : key_param_of(func, cond);
}

bool guard_const_value(CXCursor e, long long *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(key_strip(e));
	if (!r)
		return false;
	bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
	if (ok)
		*out = clang_EvalResult_getAsLongLong(r);
	clang_EvalResult_dispose(r);
	return ok;
}

void guard_case(struct guard *g, CXCursor case_stmt, bool is_default, bool fresh)
{
	if (fresh) {
		g->any = false;
		g->n = 0;
	}
	CXCursor kids[1];
	long long v;
	if (is_default || key_children(case_stmt, kids, 1) < 1 || !guard_const_value(kids[0], &v) ||
	    g->n == GUARD_MAX_VALUES)
		g->any = true;
	else
		g->v[g->n++] = v;
}

/* The parameter COND names and the constant it is compared with: 'param'
 * and '!param' against 0 (NEGATED: the condition holds when equal), 'param
 * == C' and 'param != C'.  Returns the parameter or -1. */
static int param_test(CXCursor func, CXCursor cond, long long *value, bool *equal)
{
	bool neg = false;
	CXCursor c = key_strip(cond), k[2];
	while (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	       clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot && key_children(c, k, 1) == 1) {
		neg = !neg;
		c = key_strip(k[0]);
	}
	int p = key_param_of(func, c);
	if (p >= 0) {
		*value = 0;
		*equal = neg;   /* 'param' holds when != 0, '!param' when == 0 */
		return p;
	}
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator || key_children(c, k, 2) != 2)
		return -1;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE)
		return -1;
	for (int side = 0; side < 2; side++) {
		p = key_param_of(func, k[side]);
		if (p >= 0 && guard_const_value(k[1 - side], value)) {
			*equal = (op == CXBinaryOperator_EQ) != neg;
			return p;
		}
	}
	return -1;
}

bool guard_if(CXCursor func, CXCursor cond, struct guard *then_g, struct guard *else_g)
{
	if (clang_Cursor_isNull(func))
		return false;
	CXCursor c = key_strip(cond), k[2];
	/* 'if (!async && ...)': the then branch needs every operand true, so it
	 * is guarded by a parameter test among them; 'if (a || b)': likewise
	 * the else branch.  The other branch says nothing. */
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator && key_children(c, k, 2) == 2) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			struct guard t, e;
			if (!guard_if(func, k[0], &t, &e) && !guard_if(func, k[1], &t, &e))
				return false;
			*then_g = op == CXBinaryOperator_LAnd ? t : (struct guard){ .any = true };
			*else_g = op == CXBinaryOperator_LOr ? e : (struct guard){ .any = true };
			return true;
		}
	}
	long long v;
	bool equal;
	int p = param_test(func, cond, &v, &equal);
	if (p < 0)
		return false;
	*then_g = (struct guard){ .param = p, .except = !equal, .n = 1, .v = { v } };
	*else_g = (struct guard){ .param = p, .except = equal, .n = 1, .v = { v } };
	return true;
}

const char *guard_text(struct arena *a, const struct guard *g)
{
	if (g->any || g->n == 0)
		return NULL;
	struct strbuf sb = {0};
	sb_addf(&sb, g->except ? "arg#%d!=" : "arg#%d=", g->param);
	for (int i = 0; i < g->n; i++)
		sb_addf(&sb, i ? ",%lld" : "%lld", g->v[i]);
	const char *t = arena_strdup(a, sb_str(&sb));
	sb_free(&sb);
	return t;
}

/* ------------------------------------------------------------ writes */

struct writes {
	CXCursor func;
	unsigned long long params, any;   /* bits: of interest, written with a non-constant */
	struct strbuf vals[64];           /* constants written, ',v' each */
};

static void note_write(struct writes *w, CXCursor lhs, CXCursor rhs, bool constant_ok)
{
	int p = key_param_of(w->func, lhs);
	if (p < 0 || p >= 64 || !(w->params >> p & 1))
		return;
	long long v;
	if (constant_ok && guard_const_value(rhs, &v))
		sb_addf(&w->vals[p], ",%lld", v);
	else
		w->any |= 1ULL << p;
}

static enum CXChildVisitResult visit_write(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct writes *w = d;
	CXCursor k[2];
	switch (clang_getCursorKind(c)) {
	case CXCursor_BinaryOperator:
		if (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign && key_children(c, k, 2) == 2)
			note_write(w, k[0], k[1], true);
		break;
	case CXCursor_CompoundAssignOperator:
		if (key_children(c, k, 2) == 2)
			note_write(w, k[0], k[1], false);
		break;
	case CXCursor_UnaryOperator:
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec: case CXUnaryOperator_AddrOf:
			if (key_children(c, k, 1) == 1)
				note_write(w, k[0], k[0], false);
			break;
		default:
			break;
		}
		break;
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

const char *guard_param_writes(struct arena *a, CXCursor func, unsigned long long params)
{
	if (!params)
		return NULL;
	struct writes w = { .func = func, .params = params };
	clang_visitChildren(func, visit_write, &w);
	struct strbuf sb = {0};
	for (int p = 0; p < 64; p++) {
		if (w.any >> p & 1)
			sb_addf(&sb, "writes:arg#%d=*;", p);
		else if (w.vals[p].len)
			sb_addf(&sb, "writes:arg#%d=%s;", p, sb_str(&w.vals[p]) + 1);
		sb_free(&w.vals[p]);
	}
	const char *t = sb.len ? arena_strdup(a, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return t;
}
