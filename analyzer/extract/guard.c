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
#include "rules/rules.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int subject_of(CXCursor func, CXCursor e, char field[GUARD_FIELD_MAX], long long *mask);

int guard_switch_param(CXCursor func, CXCursor cond, long long *mask)
{
	char field[GUARD_FIELD_MAX];
	*mask = 0;
	if (clang_Cursor_isNull(func))
		return -1;
	int p = subject_of(func, cond, field, mask);   /* 'switch (verdict & NF_VERDICT_MASK)' */
	return p >= 0 && !field[0] ? p : -1;
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

bool guard_global_address(CXCursor e, long long *out)
{
	CXCursor c = key_strip(e), var = key_addr_operand(c);
	bool addr = !clang_Cursor_isNull(var);
	if (!addr)
		var = c;   /* an array names its first element's address */
	if (clang_getCursorKind(var) != CXCursor_DeclRefExpr)
		return false;
	var = clang_getCursorReferenced(var);
	if (clang_getCursorKind(var) != CXCursor_VarDecl || !clang_Cursor_hasVarDeclGlobalStorage(var) ||
	    (!addr && clang_getCanonicalType(clang_getCursorType(var)).kind != CXType_ConstantArray))
		return false;
	CXString usr = clang_getCursorUSR(var);
	const char *u = clang_getCString(usr);
	bool ok = u && *u;
	if (ok)
		*out = GUARDKEY_GLOBAL_ADDRESS | (long long)(str_hash(u) & ((1ULL << GUARDKEY_GLOBAL_BITS) - 1));
	clang_disposeString(usr);
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

int guard_param_member(CXCursor func, CXCursor e, char field[GUARD_FIELD_MAX])
{
	CXCursor m = key_strip(e), base[1];
	if (clang_getCursorKind(m) != CXCursor_MemberRefExpr || key_children(m, base, 1) != 1)
		return -1;
	int p = key_param_of(func, base[0]);
	/* 'args->force' only: a struct passed by value is the callee's own copy */
	if (p < 0 || clang_getCanonicalType(clang_getCursorType(key_strip(base[0]))).kind != CXType_Pointer)
		return -1;
	CXString s = clang_getCursorSpelling(m);
	const char *name = clang_getCString(s);
	size_t len = name ? strlen(name) : 0;
	if (len > 0 && len < GUARD_FIELD_MAX)
		memcpy(field, name, len + 1);
	clang_disposeString(s);
	return len > 0 && len < GUARD_FIELD_MAX ? p : -1;
}

/* The parameter (or member through a parameter: FIELD) COND names and the
 * constant it is compared with: 'param' and '!param' against 0 (NEGATED:
 * the condition holds when equal), 'param == C' and 'param != C'.  Returns
 * the parameter or -1. */
static int plain_subject(CXCursor func, CXCursor e, char field[GUARD_FIELD_MAX])
{
	field[0] = '\0';
	int p = key_param_of(func, e);
	return p >= 0 ? p : guard_param_member(func, e, field);
}

/* ... or bits of one: 'flags & M' names flags, with MASK M (0: none). */
static int subject_of(CXCursor func, CXCursor e, char field[GUARD_FIELD_MAX], long long *mask)
{
	*mask = 0;
	CXCursor c = key_strip(e), k[2];
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_And && key_children(c, k, 2) == 2)
		for (int side = 0; side < 2; side++) {
			long long m;
			if (!guard_const_value(k[1 - side], &m) || !m)
				continue;
			int p = plain_subject(func, k[side], field);
			if (p >= 0)
				*mask = m;
			return p;
		}
	return plain_subject(func, e, field);
}

#define PREDICATE_DEPTH 2   /* a predicate over a predicate, or a local set from one */

static int param_test(CXCursor func, CXCursor cond, long long *value, bool *equal, char field[GUARD_FIELD_MAX],
		      long long *mask, int depth);

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CompoundStmt)
		*(CXCursor *)d = c;
	return CXChildVisit_Continue;
}

/* The expression of FN's body when it is '{ return E; }', else a null cursor. */
static CXCursor only_return(CXCursor fn)
{
	CXCursor def = clang_getCursorDefinition(fn), body = clang_getNullCursor(), k[2];
	if (!clang_Cursor_isNull(def))
		clang_visitChildren(def, find_body, &body);
	if (clang_Cursor_isNull(body) || key_children(body, k, 2) != 1 || clang_getCursorKind(k[0]) != CXCursor_ReturnStmt ||
	    key_children(k[0], k, 2) != 1)
		return clang_getNullCursor();
	return k[0];
}

/*
 * A call of a predicate whose body is one test of its own parameter
 * ('static inline bool gfpflags_allow_blocking(gfp_t f) { return !!(f &
 * __GFP_DIRECT_RECLAIM); }'), with that argument a parameter of FUNC (or a
 * member through one): the same test of FUNC's parameter.  The callee's
 * test is read as param_test reads a condition; its member and the
 * caller's cannot both be there.
 */
static int predicate_test(CXCursor func, CXCursor call, long long *value, bool *equal, char field[GUARD_FIELD_MAX],
			  long long *mask, int depth)
{
	CXCursor callee = clang_getCursorReferenced(call);
	if (depth >= PREDICATE_DEPTH || clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return -1;
	CXCursor def = clang_getCursorDefinition(callee), e = only_return(callee);
	if (clang_Cursor_isNull(e))
		return -1;
	char callee_field[GUARD_FIELD_MAX];
	int q = param_test(def, e, value, equal, callee_field, mask, depth + 1);
	if (q < 0 || q >= clang_Cursor_getNumArguments(call))
		return -1;
	int p = plain_subject(func, clang_Cursor_getArgument(call, (unsigned)q), field);
	if (p < 0 || (field[0] && callee_field[0]))
		return -1;
	if (callee_field[0])
		strcpy(field, callee_field);
	return p;
}

/* What expression C writes: 'x = v' (K[0] x, K[1] v), 'x op= v' (likewise),
 * '++x', 'x--', '&x' (K[0] x: it may be written through the pointer). */
enum write_kind { WRITE_NONE, WRITE_ASSIGN, WRITE_COMPOUND, WRITE_OTHER };

static enum write_kind write_of(CXCursor c, CXCursor k[2])
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_BinaryOperator:
		return clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign && key_children(c, k, 2) == 2
		       ? WRITE_ASSIGN : WRITE_NONE;
	case CXCursor_CompoundAssignOperator:
		return key_children(c, k, 2) == 2 ? WRITE_COMPOUND : WRITE_NONE;
	case CXCursor_UnaryOperator:
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec: case CXUnaryOperator_AddrOf:
			return key_children(c, k, 1) == 1 ? WRITE_OTHER : WRITE_NONE;
		default:
			return WRITE_NONE;
		}
	default:
		return WRITE_NONE;
	}
}

struct param_write_count { CXCursor func; int param; int plain, other; };

static enum CXChildVisitResult count_param_writes(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct param_write_count *pc = d;
	CXCursor k[2];
	char field[GUARD_FIELD_MAX];
	enum write_kind kind = write_of(c, k);
	if (kind != WRITE_NONE && plain_subject(pc->func, k[0], field) == pc->param && !field[0]) {
		if (kind == WRITE_ASSIGN)
			pc->plain++;
		else
			pc->other++;
	}
	return CXChildVisit_Recurse;
}

void guard_write_counts(CXCursor func, int param, int *plain, int *other)
{
	struct param_write_count pc = { func, param, 0, 0 };
	clang_visitChildren(func, count_param_writes, &pc);
	*plain = pc.plain;
	*other = pc.other;
}

/* The writes of VAR in a subtree: how many (counted up to STOP + 1), and
 * the value of the last plain assignment ('var = v'). */
struct write_count { CXCursor var; int n, stop; CXCursor value; bool plain; };

static enum CXChildVisitResult count_var_writes(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct write_count *w = d;
	CXCursor k[2];
	enum write_kind kind = write_of(c, k);
	if (kind != WRITE_NONE && key_names_var(k[0], w->var)) {
		w->n++;
		w->plain = kind == WRITE_ASSIGN;
		w->value = kind == WRITE_ASSIGN ? k[1] : clang_getNullCursor();
	}
	return w->n > w->stop ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static struct write_count writes_in(CXCursor tree, CXCursor var, int stop)
{
	struct write_count w = { var, 0, stop, clang_getNullCursor(), false };
	if (count_var_writes(tree, clang_getNullCursor(), &w) == CXChildVisit_Recurse)   /* 'if (t) f = 1;' */
		clang_visitChildren(tree, count_var_writes, &w);
	return w;
}

/* guard_local_value() scans the whole function for writes of the local;
 * a walk asks again at every use of it (extract/links.c, context tests),
 * so the answers for the function asked last are kept, per thread
 * (guard_file_text_forget() drops them with the TU). */
#define LOCAL_MEMO 64
static _Thread_local struct local_memo {
	CXCursor func;
	int n, next;
	struct { CXCursor var, value; } v[LOCAL_MEMO];
} memo;

static CXCursor local_value_of(CXCursor func, CXCursor var)
{
	CXCursor none = clang_getNullCursor(), init = clang_Cursor_getVarDeclInitializer(var);
	struct write_count w = writes_in(func, var, 1);
	if (!clang_Cursor_isNull(init))
		return w.n ? none : init;
	return w.n == 1 && w.plain ? w.value : none;
}

CXCursor guard_local_value(CXCursor func, CXCursor e)
{
	CXCursor none = clang_getNullCursor(), c = key_strip(e);
	if (clang_Cursor_isNull(func) || clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return none;
	CXCursor var = clang_getCursorReferenced(c);
	if (clang_getCursorKind(var) != CXCursor_VarDecl || clang_Cursor_getStorageClass(var) != CX_SC_None ||
	    !clang_equalCursors(clang_getCursorSemanticParent(var), func))
		return none;   /* a parameter, a static, another function's local */
	if (!clang_equalCursors(memo.func, func))
		memo = (struct local_memo){ .func = func };
	for (int i = 0; i < memo.n; i++)
		if (clang_equalCursors(memo.v[i].var, var))
			return memo.v[i].value;
	CXCursor value = local_value_of(func, var);
	int slot = memo.n < LOCAL_MEMO ? memo.n++ : memo.next++ % LOCAL_MEMO;
	memo.v[slot].var = var;
	memo.v[slot].value = value;
	return value;
}

static bool folded(CXCursor func, CXCursor e, long long *out, int depth)
{
	if (guard_const_value(e, out))
		return true;
	CXCursor c = key_strip(e), k[2];
	long long a, b;
	if (depth > 4)
		return false;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		CXCursor set = guard_local_value(func, c);
		return !clang_Cursor_isNull(set) && folded(func, set, out, depth + 1);
	}
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator || key_children(c, k, 2) != 2 ||
	    !folded(func, k[0], &a, depth + 1) || !folded(func, k[1], &b, depth + 1))
		return false;
	switch (clang_getCursorBinaryOperatorKind(c)) {   /* the bit operations masks are made of */
	case CXBinaryOperator_Or: *out = a | b; return true;
	case CXBinaryOperator_And: *out = a & b; return true;
	case CXBinaryOperator_Xor: *out = a ^ b; return true;
	default: return false;
	}
}

bool guard_folded_value(CXCursor func, CXCursor e, long long *out)
{
	return clang_Cursor_isNull(func) ? guard_const_value(e, out) : folded(func, e, out, 0);
}

/*
 * A local of FUNC set once from a test of a parameter and never written
 * again ('bool can_wait = !!(gfp & __GFP_DIRECT_RECLAIM); .. if
 * (can_wait)'), at its declaration or by one plain assignment ('drv =
 * dev->driver; if (drv)' in __device_release_driver()): its truth is that
 * test's.  Its value is not (a bool holds 0 or 1), so only 'if (local)'
 * and 'if (!local)' are read so.
 */
static int local_test(CXCursor func, CXCursor ref, long long *value, bool *equal, char field[GUARD_FIELD_MAX],
		      long long *mask, int depth)
{
	CXCursor var = clang_getCursorReferenced(ref);
	if (depth >= PREDICATE_DEPTH || clang_getCursorKind(var) != CXCursor_VarDecl ||
	    clang_Cursor_getStorageClass(var) != CX_SC_None ||
	    clang_getCursorKind(clang_getCursorSemanticParent(var)) != CXCursor_FunctionDecl)
		return -1;
	CXCursor set = guard_local_value(func, ref);
	if (clang_Cursor_isNull(set))
		return -1;
	return param_test(func, set, value, equal, field, mask, depth + 1);
}

struct first_scan { CXCursor func; struct guard_first_writes *fw; };

/* LHS, written at OFF, is a member through a parameter ('iter->temp') or
 * the whole pointee ('*iter'): keep where it is first written. */
static void note_first_member_write(struct first_scan *s, CXCursor lhs, unsigned off)
{
	char field[GUARD_FIELD_MAX];
	CXCursor c = key_strip(lhs), k[1];
	int p = guard_param_member(s->func, c, field);
	if (p < 0 && clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref && key_children(c, k, 1) == 1 &&
	    (p = key_param_of(s->func, k[0])) >= 0)
		strcpy(field, "*");
	if (p < 0)
		return;
	struct guard_first_writes *fw = s->fw;
	for (int i = 0; i < fw->nmembers; i++)
		if (fw->member[i].param == p && !strcmp(fw->member[i].field, field)) {
			if (off < fw->member[i].at)
				fw->member[i].at = off;
			return;
		}
	if (fw->nmembers == GUARD_FIRST_MEMBERS) {
		fw->members_full = true;
		return;
	}
	fw->member[fw->nmembers].param = p;
	strcpy(fw->member[fw->nmembers].field, field);
	fw->member[fw->nmembers++].at = off;
}

static enum CXChildVisitResult scan_first_writes(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct first_scan *s = d;
	CXCursor k[2];
	unsigned off = key_offset(clang_getCursorLocation(c));
	if (clang_getCursorKind(c) == CXCursor_LabelStmt) {
		if (off < s->fw->label)
			s->fw->label = off;
	} else if (write_of(c, k) != WRITE_NONE) {
		int p = key_param_of(s->func, k[0]);
		if (p >= 0 && p < 64 && off < s->fw->write[p])
			s->fw->write[p] = off;
		else if (p < 0)
			note_first_member_write(s, k[0], off);
	}
	return CXChildVisit_Recurse;
}

void guard_first_writes_scan(struct guard_first_writes *fw, CXCursor func)
{
	memset(fw, 0xff, sizeof(fw->write) + sizeof(fw->label));   /* UINT_MAX: never */
	fw->nmembers = 0;
	fw->members_full = false;
	struct first_scan s = { func, fw };
	clang_visitChildren(func, scan_first_writes, &s);
}

/* Where the member FIELD through parameter PARAM is first written (or the
 * whole pointee is); UINT_MAX if never. */
static unsigned first_member_write(const struct guard_first_writes *fw, int param, const char *field)
{
	unsigned at = UINT_MAX;
	for (int i = 0; i < fw->nmembers; i++)
		if (fw->member[i].param == param && fw->member[i].at < at &&
		    (!strcmp(fw->member[i].field, field) || !strcmp(fw->member[i].field, "*")))
			at = fw->member[i].at;
	return at;
}

bool guard_sees_entry(const struct guard_first_writes *fw, int param, const char *field, CXCursor cond)
{
	CXSourceRange r = clang_getCursorExtent(cond);
	unsigned end = key_offset(clang_getRangeEnd(r));
	if (param < 0 || param >= 64 || fw->write[param] <= end || fw->label <= key_offset(clang_getRangeStart(r)))
		return false;
	return !field[0] || (!fw->members_full && first_member_write(fw, param, field) > end);
}

static int param_test(CXCursor func, CXCursor cond, long long *value, bool *equal, char field[GUARD_FIELD_MAX],
		      long long *mask, int depth)
{
	bool neg = false;
	CXCursor c = key_strip_test(cond, &neg), k[2];
	CXCursor value_of = key_stmt_expr_value(c);
	if (!clang_Cursor_isNull(value_of)) {   /* 'WARN_ON_ONCE(x)': ({ int w = !!(x); ..; unlikely(w); }) */
		int p = param_test(func, value_of, value, equal, field, mask, depth);
		if (p >= 0)
			*equal = *equal != neg;
		return p;
	}
	int p = subject_of(func, c, field, mask);
	if (p >= 0) {
		*value = 0;
		*equal = neg;   /* 'param' holds when != 0, '!param' when == 0 */
		return p;
	}
	if (clang_getCursorKind(c) == CXCursor_CallExpr || clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		p = clang_getCursorKind(c) == CXCursor_CallExpr ? predicate_test(func, c, value, equal, field, mask, depth)
								 : local_test(func, c, value, equal, field, mask, depth);
		if (p >= 0)
			*equal = *equal != neg;
		return p;
	}
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator || key_children(c, k, 2) != 2)
		return -1;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE)
		return -1;
	for (int side = 0; side < 2; side++) {
		p = subject_of(func, k[side], field, mask);
		/* a member against a global's address: what a store of that
		 * address left there (a parameter bound to '&x' is the engine's
		 * unnamed address, which no such test may take for x's) */
		if (p >= 0 && (guard_const_value(k[1 - side], value) ||
			       (field[0] && guard_global_address(k[1 - side], value)))) {
			*equal = (op == CXBinaryOperator_EQ) != neg;
			return p;
		}
	}
	return -1;
}

/* How many writes of a flag local flag_test() reads (zc's two, and room). */
#define FLAG_WRITES_MAX 8
/* How deep conjunct_param_test() looks into nested '&&'s. */
#define CONJUNCT_DEPTH 4
/* The arms of a test of a flag local that flag_test()'s guard holds for:
 * both, or only the one where the flag holds its set value. */
enum flag_arms { FLAG_BOTH, FLAG_THEN, FLAG_ELSE };

/* A statement of a function's body visited by flag_branch(): the one 'if'
 * whose then branch holds the flag local's writes. */
struct flag_scan {
	CXCursor func, var;
	unsigned use;          /* where the flag is read: the 'if' must end before it */
	int writes;            /* how many writes of the flag the then branch must hold: all */
	bool exact;            /* out: the flag is set wherever the test passes (one write, a
				* statement of the branch itself, the test no conjunct) */
	int param;             /* out: the test's parameter, or -1 */
	long long value, mask;
	bool equal;
	char field[GUARD_FIELD_MAX];
};

/* A test of a parameter that COND, an 'A && B', implies: a conjunct, or
 * one of its own conjuncts (A first: '(flags & MSG_ZEROCOPY) && length');
 * COND itself is param_test()'s to read. */
static int conjunct_param_test(CXCursor func, CXCursor cond, long long *value, bool *equal,
			       char field[GUARD_FIELD_MAX], long long *mask, int depth)
{
	CXCursor c = key_strip(cond), k[2];
	if (depth >= CONJUNCT_DEPTH || clang_getCursorKind(c) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_LAnd || key_children(c, k, 2) != 2)
		return -1;
	for (int side = 0; side < 2; side++) {
		int p = param_test(func, k[side], value, equal, field, mask, 0);
		if (p < 0)
			p = conjunct_param_test(func, k[side], value, equal, field, mask, depth + 1);
		if (p >= 0)
			return p;
	}
	return -1;
}

struct direct_write { CXCursor var; bool found; };

static enum CXChildVisitResult find_direct_write(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct direct_write *dw = d;
	CXCursor k[2];
	dw->found = write_of(c, k) == WRITE_ASSIGN && key_names_var(k[0], dw->var);
	return dw->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Whether BRANCH sets VAR wherever it runs: it is the write ('if (t) f =
 * 1;'), or the write is one of its own statements, not inside an inner
 * 'if' or loop (a 'goto' out of the branch before it is not looked for). */
static bool branch_always_writes(CXCursor branch, CXCursor var)
{
	struct direct_write dw = { var, false };
	if (find_direct_write(branch, clang_getNullCursor(), &dw) == CXChildVisit_Break)
		return true;
	if (clang_getCursorKind(branch) == CXCursor_CompoundStmt)
		clang_visitChildren(branch, find_direct_write, &dw);
	return dw.found;
}

static enum CXChildVisitResult flag_branch(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct flag_scan *f = d;
	CXCursor k[2];
	if (clang_getCursorKind(c) != CXCursor_IfStmt || key_children(c, k, 2) != 2 ||
	    writes_in(k[1], f->var, f->writes).n != f->writes)
		return CXChildVisit_Continue;
	if (key_offset(clang_getRangeEnd(clang_getCursorExtent(c))) > f->use)
		return CXChildVisit_Break;   /* set after it is read (in a loop, or not at all) */
	int p = param_test(f->func, k[0], &f->value, &f->equal, f->field, &f->mask, 0);
	f->exact = p >= 0 && f->writes == 1 && branch_always_writes(k[1], f->var);
	if (p < 0)
		p = conjunct_param_test(f->func, k[0], &f->value, &f->equal, f->field, &f->mask, 0);
	CXCursor parm = p >= 0 ? clang_Cursor_getArgument(f->func, (unsigned)p) : clang_getNullCursor();
	if (p >= 0 && !f->field[0] && writes_in(f->func, parm, 64).n == writes_in(k[1], parm, 64).n)
		f->param = p;   /* the parameter is as passed where it is tested */
	return CXChildVisit_Break;
}

/* The writes of a flag local: how many, and whether each is a plain
 * assignment of a constant of the truth SET. */
struct flag_writes { CXCursor var; bool set; int n; bool all_set; };

static enum CXChildVisitResult scan_flag_writes(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct flag_writes *fw = d;
	CXCursor k[2];
	long long v;
	enum write_kind kind = write_of(c, k);
	if (kind != WRITE_NONE && key_names_var(k[0], fw->var)) {
		fw->n++;
		if (kind != WRITE_ASSIGN || !guard_const_value(k[1], &v) || !v != !fw->set)
			fw->all_set = false;
	}
	return fw->all_set ? CXChildVisit_Recurse : CXChildVisit_Break;
}

/*
 * A flag local (printk's vprintk_emit(): 'bool in_sched = false; .. if
 * (level == LOGLEVEL_SCHED) { level = LOGLEVEL_DEFAULT; in_sched = true;
 * } .. if (!in_sched) console_unlock();'): declared with a constant,
 * written again only to constants of the other truth, every such write in
 * the then branch of one test of a parameter, that 'if' a statement of the
 * function's body before the read COND, and the parameter written nowhere
 * but in that branch.  The local then holds only where the parameter as
 * passed passed the test: the guard reads the parameter at entry (the
 * branch's own write of it does not count).  The branch may set the flag
 * in several places and under further tests of its own, and the test may
 * be one conjunct of an '&&': __ip_append_data()'s 'zc' is set in two
 * inner branches of 'if ((flags & MSG_ZEROCOPY) && length)', so a caller
 * whose flags lack MSG_ZEROCOPY never pins user pages.  Then the flag
 * implies the test but not the other way round, which only COND's truth
 * of the set value uses: the guard is kept for that arm alone.  Returns
 * the parameter, with the test as param_test() gives it made COND's
 * truth, or -1.
 */
static int flag_test(CXCursor func, CXCursor cond, long long *value, bool *equal, char field[GUARD_FIELD_MAX],
		     long long *mask, enum flag_arms *arms)
{
	bool neg = false;
	CXCursor c = key_strip_test(cond, &neg), body = clang_getNullCursor();
	CXCursor var = clang_getCursorReferenced(c);
	long long init, set;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr || clang_getCursorKind(var) != CXCursor_VarDecl ||
	    clang_Cursor_getStorageClass(var) != CX_SC_None ||
	    clang_getCursorKind(clang_getCursorSemanticParent(var)) != CXCursor_FunctionDecl ||
	    !guard_const_value(clang_Cursor_getVarDeclInitializer(var), &init))
		return -1;
	set = !init;
	struct flag_writes all = { var, set != 0, 0, true };
	clang_visitChildren(func, scan_flag_writes, &all);
	if (!all.n || !all.all_set || all.n > FLAG_WRITES_MAX)
		return -1;
	clang_visitChildren(func, find_body, &body);
	struct flag_scan f = { .func = func, .var = var, .use = key_offset(clang_getCursorLocation(c)),
			       .writes = all.n, .param = -1 };
	if (!clang_Cursor_isNull(body))
		clang_visitChildren(body, flag_branch, &f);
	if (f.param < 0)
		return -1;
	*value = f.value;
	*mask = f.mask;
	strcpy(field, f.field);
	/* COND holds when the test does, unless the flag is the test's negation
	 * ('may = false') or COND negates the flag ('!in_sched'), not both */
	bool same = (set != 0) != neg;
	*equal = same ? f.equal : !f.equal;
	*arms = f.exact ? FLAG_BOTH : same ? FLAG_THEN : FLAG_ELSE;
	return f.param;
}

/*
 * A predicate that is no single test ('static inline bool si_fromuser(const
 * struct kernel_siginfo *info) { return info == SEND_SIG_NOINFO ||
 * (!is_si_special(info) && SI_FROMUSER(info)); }', with is_si_special()
 * 'return info <= SEND_SIG_PRIV;'), read on the constants it compares its
 * parameter with: for each, whether the test is surely true, surely false,
 * or depends on more than the parameter (its member, another call).  The
 * signal code passes SEND_SIG_PRIV for a signal the kernel sends itself,
 * and 'if (!si_fromuser(info)) return 0;' then returns before the
 * permission checks: a machine check's kill_cad_pid(SIGPWR, 1) never
 * reaches the security hooks and their audit.  The values are in three
 * states: known (*OUT), or not.
 */
struct fuzzy { CXCursor func; int param; long long v; int depth; };

static bool fuzzy_value(const struct fuzzy *z, CXCursor e, long long *out);

/* A pointer or an unsigned integer: C compares it unsigned. */
static bool is_unsigned_operand(CXCursor e)
{
	switch (clang_getCanonicalType(clang_getCursorType(e)).kind) {
	case CXType_Pointer: case CXType_Bool: case CXType_UChar: case CXType_UShort: case CXType_UInt:
	case CXType_ULong: case CXType_ULongLong: case CXType_UInt128:
		return true;
	default:
		return false;
	}
}

/* A call of a predicate '{ return E; }' with the parameter as one argument:
 * E with the callee's parameter holding the argument's value. */
static bool fuzzy_call(const struct fuzzy *z, CXCursor call, long long *out)
{
	CXCursor callee = clang_getCursorReferenced(call);
	if (z->depth >= PREDICATE_DEPTH || clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return false;
	CXCursor e = only_return(callee);
	int n = clang_Cursor_getNumArguments(call);
	for (int i = 0; !clang_Cursor_isNull(e) && i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
		if (key_param_of(z->func, a) != z->param)
			continue;
		struct fuzzy inner = { clang_getCursorDefinition(callee), i, z->v, z->depth + 1 };
		return fuzzy_value(&inner, e, out);
	}
	return false;
}

static bool fuzzy_binary(const struct fuzzy *z, CXCursor c, long long *out)
{
	CXCursor k[2];
	long long a, b;
	if (key_children(c, k, 2) != 2)
		return false;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	bool ka = fuzzy_value(z, k[0], &a), kb = fuzzy_value(z, k[1], &b);
	if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
		bool decides = op == CXBinaryOperator_LOr;   /* the operand value that decides */
		if ((ka && (a != 0) == decides) || (kb && (b != 0) == decides))
			*out = decides;
		else if (ka && kb)
			*out = !decides;
		else
			return false;
		return true;
	}
	if (!ka || !kb)
		return false;
	if (is_unsigned_operand(k[0]) || is_unsigned_operand(k[1])) {
		unsigned long long ua = (unsigned long long)a, ub = (unsigned long long)b;
		switch (op) {
		case CXBinaryOperator_LT: *out = ua < ub; return true;
		case CXBinaryOperator_LE: *out = ua <= ub; return true;
		case CXBinaryOperator_GT: *out = ua > ub; return true;
		case CXBinaryOperator_GE: *out = ua >= ub; return true;
		default: break;
		}
	}
	switch (op) {
	case CXBinaryOperator_EQ: *out = a == b; return true;
	case CXBinaryOperator_NE: *out = a != b; return true;
	case CXBinaryOperator_LT: *out = a < b; return true;
	case CXBinaryOperator_LE: *out = a <= b; return true;
	case CXBinaryOperator_GT: *out = a > b; return true;
	case CXBinaryOperator_GE: *out = a >= b; return true;
	default: return false;
	}
}

static bool fuzzy_value(const struct fuzzy *z, CXCursor e, long long *out)
{
	CXCursor c = key_strip(e), k[1];
	if (key_param_of(z->func, c) == z->param) {
		*out = z->v;
		return true;
	}
	if (guard_const_value(c, out))
		return true;
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_LNot || key_children(c, k, 1) != 1 ||
		    !fuzzy_value(z, k[0], out))
			return false;
		*out = !*out;
		return true;
	case CXCursor_BinaryOperator:
		return fuzzy_binary(z, c, out);
	case CXCursor_CallExpr:
		return fuzzy_call(z, c, out);
	default:
		return false;
	}
}

struct fuzzy_consts { int depth, n; long long v[GUARD_MAX_VALUES]; };

static void add_candidate(struct fuzzy_consts *fc, long long v)
{
	for (int i = 0; i < fc->n; i++)
		if (fc->v[i] == v)
			return;
	if (fc->n < GUARD_MAX_VALUES)
		fc->v[fc->n++] = v;
}

static void scan_candidates(struct fuzzy_consts *fc, CXCursor e);

/* The constants E compares something with, and those of the predicates it
 * calls (as deep as fuzzy_call reads them): the values worth trying. */
static enum CXChildVisitResult find_candidates(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct fuzzy_consts *fc = d;
	CXCursor k[2];
	long long v;
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator && key_children(c, k, 2) == 2) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		for (int side = 0; op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE && side < 2; side++)
			if (guard_const_value(k[side], &v))
				add_candidate(fc, v);
	} else if (clang_getCursorKind(c) == CXCursor_CallExpr && fc->depth < PREDICATE_DEPTH) {
		CXCursor e = only_return(clang_getCursorReferenced(c));
		if (!clang_Cursor_isNull(e)) {
			fc->depth++;
			scan_candidates(fc, e);
			fc->depth--;
		}
	}
	return CXChildVisit_Recurse;
}

static void scan_candidates(struct fuzzy_consts *fc, CXCursor e)
{
	find_candidates(e, e, fc);
	clang_visitChildren(e, find_candidates, fc);
}

/* '[!]pred(.., param, ..)' of a predicate that is no single test: the
 * guards of its branches by the values it surely decides (fuzzy above). */
static bool fuzzy_if(CXCursor func, CXCursor cond, struct guard *then_g, struct guard *else_g)
{
	CXCursor c = key_strip_test(cond, NULL);
	if (clang_getCursorKind(c) != CXCursor_CallExpr || clang_Cursor_isNull(only_return(clang_getCursorReferenced(c))))
		return false;
	int p = -1, n = clang_Cursor_getNumArguments(c);
	for (int i = 0; i < n && p < 0; i++)
		p = key_param_of(func, clang_Cursor_getArgument(c, (unsigned)i));
	if (p < 0)
		return false;
	struct fuzzy_consts fc = { 0, 1, { 0 } };   /* 0 (NULL, false) is always worth a try */
	scan_candidates(&fc, c);
	*then_g = (struct guard){ .param = p, .except = true };
	*else_g = (struct guard){ .param = p, .except = true };
	for (int i = 0; i < fc.n; i++) {
		struct fuzzy z = { func, p, fc.v[i], 0 };
		long long truth;
		if (!fuzzy_value(&z, cond, &truth))
			continue;
		struct guard *never = truth ? else_g : then_g;   /* the branch this value never takes */
		never->v[never->n++] = fc.v[i];
	}
	then_g->any = then_g->n == 0;
	else_g->any = else_g->n == 0;
	return then_g->n || else_g->n;
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
	char field[GUARD_FIELD_MAX];
	long long mask;
	int p = param_test(func, cond, &v, &equal, field, &mask, 0);
	enum flag_arms arms = FLAG_BOTH;
	bool at_entry = p < 0 && (p = flag_test(func, cond, &v, &equal, field, &mask, &arms)) >= 0;
	if (p < 0)
		return fuzzy_if(func, cond, then_g, else_g);
	*then_g = (struct guard){ .param = p, .mask = mask, .except = !equal, .at_entry = at_entry, .n = 1, .v = { v } };
	*else_g = (struct guard){ .param = p, .mask = mask, .except = equal, .at_entry = at_entry, .n = 1, .v = { v } };
	strcpy(then_g->field, field);
	strcpy(else_g->field, field);
	if (arms != FLAG_BOTH)   /* the flag unset says nothing of the test */
		*(arms == FLAG_THEN ? else_g : then_g) = (struct guard){ .any = true };
	return true;
}

/* The variable that INIT ('i = 0', 'int i = 0') sets to 0, or a null cursor. */
static CXCursor zeroed_counter(CXCursor init)
{
	CXCursor c = key_strip(init), k[2];
	long long v;
	if (clang_getCursorKind(c) == CXCursor_DeclStmt && key_children(c, k, 2) == 1 &&
	    clang_getCursorKind(k[0]) == CXCursor_VarDecl) {
		CXCursor var = k[0];
		return key_children(var, k, 2) == 1 && guard_const_value(k[0], &v) && v == 0 ? var
											   : clang_getNullCursor();
	}
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign && key_children(c, k, 2) == 2 &&
	    clang_getCursorKind(key_strip(k[0])) == CXCursor_DeclRefExpr && guard_const_value(k[1], &v) && v == 0)
		return clang_getCursorReferenced(key_strip(k[0]));
	return clang_getNullCursor();
}

static bool names_var(CXCursor e, CXCursor var)
{
	e = key_strip(e);
	return clang_getCursorKind(e) == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(e), var);
}

bool guard_for_count(CXCursor func, CXCursor init, CXCursor cond, struct guard *out)
{
	CXCursor var = zeroed_counter(init), c = key_strip(cond), k[2];
	if (clang_Cursor_isNull(var) || clang_Cursor_isNull(func) ||
	    clang_getCursorKind(c) != CXCursor_BinaryOperator || key_children(c, k, 2) != 2)
		return false;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	int bound;   /* which operand is the count */
	if ((op == CXBinaryOperator_LT || op == CXBinaryOperator_NE) && names_var(k[0], var))
		bound = 1;
	else if ((op == CXBinaryOperator_GT || op == CXBinaryOperator_NE) && names_var(k[1], var))
		bound = 0;
	else
		return false;
	char field[GUARD_FIELD_MAX];
	int p = plain_subject(func, k[bound], field);
	if (p < 0)
		return false;
	*out = (struct guard){ .param = p, .except = true, .n = 1, .v = { 0 } };
	strcpy(out->field, field);
	return true;
}

void guard_set_add(struct guard_set *s, const struct guard *g)
{
	if (!g->any && (g->n || g->ctx_dead) && s->n < GUARD_SET_MAX)
		s->v[s->n++] = *g;
}

static bool has_value(const struct guard *g, long long v)
{
	for (int i = 0; i < g->n; i++)
		if (g->v[i] == v)
			return true;
	return false;
}

/* The guard of the values A or B lets through, into *OUT, where both test
 * one subject: a list joined, the excepted values they share, or those of
 * the one that excepts that the other does not let through; false where
 * that is every value, or they test different things. */
static bool union_guard(const struct guard *a, const struct guard *b, struct guard *out)
{
	if (a->ctx_dead || b->ctx_dead || a->any || b->any || a->param != b->param || a->mask != b->mask ||
	    a->at_entry != b->at_entry || strcmp(a->field, b->field))
		return false;
	if (!a->except && !b->except) {   /* both lists: joined */
		*out = *a;
		for (int i = 0; i < b->n; i++)
			if (!has_value(out, b->v[i])) {
				if (out->n == GUARD_MAX_VALUES)
					return false;
				out->v[out->n++] = b->v[i];
			}
		return true;
	}
	if (a->except && !b->except) {
		const struct guard *t = a;
		a = b;
		b = t;
	}
	*out = *b;   /* B excepts: of its values, those A does not let through either */
	out->n = 0;
	for (int i = 0; i < b->n; i++)
		if (a->except ? has_value(a, b->v[i]) : !has_value(a, b->v[i]))
			out->v[out->n++] = b->v[i];
	return out->n > 0;
}

/* The one guard of the then branch of COND, a '||' of tests of one subject
 * ('verdict == NF_ACCEPT || verdict == NF_REPEAT || verdict == NF_STOP' is
 * 'arg#1=1,4,5'), into *OUT; false if it is none. */
static bool or_guard(CXCursor func, CXCursor cond, struct guard *out, int depth)
{
	bool neg = false;
	CXCursor c = key_strip_test(cond, &neg), k[2];
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator && key_children(c, k, 2) == 2) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		if (op == CXBinaryOperator_LAnd)
			return false;
		if (op == CXBinaryOperator_LOr) {
			struct guard a, b;
			return !neg && depth < 8 && or_guard(func, k[0], &a, depth + 1) &&
			       or_guard(func, k[1], &b, depth + 1) && union_guard(&a, &b, out);
		}
	}
	struct guard t, e;
	if (!guard_if(func, c, &t, &e))
		return false;
	*out = neg ? e : t;
	return !out->any && out->n > 0 && !out->ctx_dead;
}

/* The guards of COND's then branch into THEN_S, of its else branch into
 * ELSE_S (either may be NULL: the branch the caller's '&&' or '||' says
 * nothing about). */
static void collect_if(CXCursor func, CXCursor cond, struct guard_set *then_s, struct guard_set *else_s, int depth)
{
	bool neg = false;
	CXCursor c = key_strip_test(cond, &neg), k[2];
	if (neg) {   /* 'if (unlikely(!(a && b)))': the branches swap */
		struct guard_set *t = then_s;
		then_s = else_s;
		else_s = t;
	}
	if (depth < 8 && clang_getCursorKind(c) == CXCursor_BinaryOperator && key_children(c, k, 2) == 2) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			bool and = op == CXBinaryOperator_LAnd;
			for (int i = 0; i < 2; i++)
				collect_if(func, k[i], and ? then_s : NULL, and ? NULL : else_s, depth + 1);
			struct guard u;
			if (!and && then_s && or_guard(func, c, &u, depth))
				guard_set_add(then_s, &u);
			return;
		}
	}
	struct guard t, e;
	if (!guard_if(func, c, &t, &e))
		return;
	if (then_s)
		guard_set_add(then_s, &t);
	if (else_s)
		guard_set_add(else_s, &e);
}

bool guard_if_all(CXCursor func, CXCursor cond, struct guard_set *then_s, struct guard_set *else_s)
{
	then_s->n = else_s->n = 0;
	if (clang_Cursor_isNull(func))
		return false;
	collect_if(func, cond, then_s, else_s, 0);
	return then_s->n || else_s->n;
}

/* ------------------------------------------------------------ context tests */

/* What a condition is known to be, per path state (bits of enum guardkey_ctx). */
struct ctx_value { unsigned when_true, when_false; };

struct ctx_eval {
	CXTranslationUnit tu;
	CXCursor func;                  /* the function the condition is in */
	const struct lp_rules *rules;
	guard_call_zero_fn call_zero;   /* a predicate call's zero states, or NULL */
	void *ctx;
};

/* FILE's text in TU.  libclang's clang_getFileContents() looks a header up
 * by scanning the TU's source-location entries (every macro expansion), so
 * the last few answers are kept per thread: a function's statements are in
 * its file, but the context tests in its conditions are spelled in the
 * headers of their macros (preempt.h's in_interrupt(), hardirq.h's), and
 * one kept file made every condition look both up again. */
#define FILE_TEXTS 8
static _Thread_local struct file_texts {
	CXTranslationUnit tu;
	int next;
	struct { CXFile file; const char *text; size_t size; } f[FILE_TEXTS];
} texts;

void guard_file_text_forget(void)
{
	texts = (struct file_texts){ .tu = NULL };
	memo = (struct local_memo){ .func = clang_getNullCursor() };
}

const char *guard_file_text(CXTranslationUnit tu, CXFile file, size_t *size)
{
	if (!file)
		return NULL;
	if (texts.tu != tu)
		texts = (struct file_texts){ .tu = tu };
	for (int i = 0; i < FILE_TEXTS; i++)
		if (texts.f[i].file && (texts.f[i].file == file || clang_File_isEqual(texts.f[i].file, file))) {
			*size = texts.f[i].size;
			return texts.f[i].text;
		}
	int slot = texts.next;
	texts.next = (slot + 1) % FILE_TEXTS;
	texts.f[slot].size = 0;
	texts.f[slot].text = clang_getFileContents(tu, file, &texts.f[slot].size);
	texts.f[slot].file = file;
	*size = texts.f[slot].size;
	return texts.f[slot].text;
}

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n';
}

/* The argument that starts at TEXT[*I] (after '(' or ','), up to its ',' or
 * ')' at depth 0, trimmed into OUT; *I left on that ',' or ')'.  False at
 * the end of TEXT first. */
static bool next_arg(const char *text, size_t size, size_t *i, char *out, size_t osize)
{
	int depth = 0;
	size_t n = 0;
	for (; *i < size; (*i)++) {
		char ch = text[*i];
		if (depth == 0 && (ch == ',' || ch == ')'))
			break;
		depth += (ch == '(' || ch == '[' || ch == '{') - (ch == ')' || ch == ']' || ch == '}');
		if (n + 1 < osize && (n || !is_blank(ch)))
			out[n++] = ch;
	}
	while (n && is_blank(out[n - 1]))
		n--;
	out[n] = '\0';
	return *i < size;
}

/* guard_arg_at, with where the argument's text starts and ends in FILE. */
static bool arg_at(CXTranslationUnit tu, CXFile file, unsigned offset, int n, char *out, size_t size,
		   size_t *start, size_t *end)
{
	char name[64];
	size_t len = guard_name_at(tu, file, offset, name), tsize = 0;
	const char *text = guard_file_text(tu, file, &tsize);
	if (!len || !text)
		return false;
	size_t i = offset + len;
	while (i < tsize && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i >= tsize || text[i] != '(')
		return false;
	for (int a = 0; a <= n; a++) {
		*start = ++i;   /* past '(' or ',' */
		if (!next_arg(text, tsize, &i, out, size) || (a < n && text[i] != ','))
			return false;
	}
	*end = i;
	return true;
}

bool guard_arg_at(CXTranslationUnit tu, CXFile file, unsigned offset, int n, char *out, size_t size)
{
	size_t start, end;
	return arg_at(tu, file, offset, n, out, size, &start, &end);
}

bool guard_arg_span(CXTranslationUnit tu, CXFile file, unsigned offset, int n, unsigned *start, unsigned *end)
{
	char text[8];
	size_t s, e;
	if (!arg_at(tu, file, offset, n, text, sizeof(text), &s, &e))
		return false;
	*start = (unsigned)s;
	*end = (unsigned)e;
	return true;
}

size_t guard_name_at(CXTranslationUnit tu, CXFile file, unsigned offset, char name[64])
{
	size_t size = 0, n = 0;
	const char *text = guard_file_text(tu, file, &size);
	while (text && offset + n < size && n < 63) {
		char ch = text[offset + n];
		if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (n && ch >= '0' && ch <= '9')))
			break;
		n++;
	}
	memcpy(name, text ? text + offset : "", n);
	name[n] = '\0';
	return n;
}

/* The identifier written at LOC once macros are undone (clang_getFileLocation:
 * a macro argument's own spelling, else the outermost expansion point), into
 * NAME; its file and offset in *FILE and *OFFSET.  False where no identifier
 * is written there. */
static bool name_written_at(const struct ctx_eval *ce, CXSourceLocation loc, char name[64], CXFile *file,
			    unsigned *offset)
{
	clang_getFileLocation(loc, file, NULL, NULL, offset);
	return guard_name_at(ce->tu, *file, *offset, name) > 0;
}

/* Where a child of an atom candidate starts, to compare with the test's
 * name (context_atom). */
struct atom_check { CXFile file; unsigned offset; bool inside; };

static enum CXChildVisitResult child_inside(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct atom_check *ac = d;
	CXFile f;
	unsigned o;
	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f, NULL, NULL, &o);
	ac->inside = f && clang_File_isEqual(f, ac->file) && o == ac->offset;
	return ac->inside ? CXChildVisit_Continue : CXChildVisit_Break;
}

/* Whether E is the whole expansion of a context test, and which: it starts
 * at the test's name, and so do all its operands (in 'in_hardirq() ||
 * irqs_disabled()', written out, the right operand starts elsewhere); or
 * it is a call of the test, a function whose arguments start elsewhere
 * ('blk_rq_is_poll(req)'). */
static bool context_atom(const struct ctx_eval *ce, CXCursor e, struct ctx_value *out)
{
	char name[64];
	struct atom_check ac = { .inside = true };
	if (!name_written_at(ce, clang_getRangeStart(clang_getCursorExtent(e)), name, &ac.file, &ac.offset) ||
	    !rules_context_test(ce->rules, name, &out->when_true, &out->when_false))
		return false;
	if (clang_getCursorKind(e) == CXCursor_CallExpr) {
		CXString callee = clang_getCursorSpelling(clang_getCursorReferenced(e));
		bool same = !strcmp(clang_getCString(callee), name);
		clang_disposeString(callee);
		if (same)
			return true;
	}
	clang_visitChildren(e, child_inside, &ac);
	return ac.inside;
}

static struct ctx_value ctx_eval(const struct ctx_eval *ce, CXCursor e, int depth)
{
	struct ctx_value v = { 0, 0 }, a, b;
	CXCursor k[2];
	e = key_strip(e);
	if (depth > 16 || context_atom(ce, e, &v))
		return v;
	switch (clang_getCursorKind(e)) {
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot && key_children(e, k, 1) == 1) {
			a = ctx_eval(ce, k[0], depth + 1);
			v = (struct ctx_value){ a.when_false, a.when_true };
		}
		break;
	case CXCursor_BinaryOperator:
		if (key_children(e, k, 2) != 2)
			break;
		a = ctx_eval(ce, k[0], depth + 1);
		b = ctx_eval(ce, k[1], depth + 1);
		if (clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_LAnd)
			v = (struct ctx_value){ a.when_true & b.when_true, a.when_false | b.when_false };
		else if (clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_LOr)
			v = (struct ctx_value){ a.when_true | b.when_true, a.when_false & b.when_false };
		break;
	case CXCursor_CallExpr: {   /* likely() and unlikely(): __builtin_expect(!!(x), c) is x */
		CXString s = clang_getCursorSpelling(e);
		const char *callee = clang_getCString(s);
		if (callee && !strcmp(callee, "__builtin_expect") && clang_Cursor_getNumArguments(e) == 2)
			v = ctx_eval(ce, clang_Cursor_getArgument(e, 0), depth + 1);
		else if (ce->call_zero)   /* 'io_rw_should_reissue(req)': false outside a task */
			v.when_false = ce->call_zero(ce->ctx, e);
		clang_disposeString(s);
		break;
	}
	case CXCursor_DeclRefExpr: {   /* 'irq_context = in_interrupt(); if (!irq_context)' */
		CXCursor set = guard_local_value(ce->func, e);
		if (!clang_Cursor_isNull(set))
			v = ctx_eval(ce, set, depth + 1);
		break;
	}
	default:
		break;
	}
	return v;
}

/* What E is known to be per path state; nothing without a TU and rules. */
static struct ctx_value context_value(CXTranslationUnit tu, CXCursor func, const struct lp_rules *rules,
				      guard_call_zero_fn call_zero, void *ctx, CXCursor e)
{
	struct ctx_eval ce = { tu, func, rules, call_zero, ctx };
	return tu && rules ? ctx_eval(&ce, e, 0) : (struct ctx_value){ 0, 0 };
}

unsigned guard_context_false(CXTranslationUnit tu, CXCursor func, const struct lp_rules *rules,
			     guard_call_zero_fn call_zero, void *ctx, CXCursor e)
{
	return context_value(tu, func, rules, call_zero, ctx, e).when_false;
}

bool guard_context_if(CXTranslationUnit tu, CXCursor func, const struct lp_rules *rules,
		      guard_call_zero_fn call_zero, void *ctx, CXCursor cond, struct guard *then_g,
		      struct guard *else_g)
{
	struct ctx_value v = context_value(tu, func, rules, call_zero, ctx, cond);
	if (!v.when_true && !v.when_false)
		return false;
	*then_g = (struct guard){ .ctx_dead = v.when_false, .param = -1, .any = !v.when_false };
	*else_g = (struct guard){ .ctx_dead = v.when_true, .param = -1, .any = !v.when_true };
	return true;
}

const char *guard_text(struct arena *a, const struct guard *g)
{
	if (g->any || (g->n == 0 && !g->ctx_dead))
		return NULL;
	struct guardkey k = { .ctx_dead = g->ctx_dead, .param = g->param, .mask = g->mask, .except = g->except,
			      .at_entry = g->at_entry, .n = g->n };
	strcpy(k.field, g->field);
	memcpy(k.v, g->v, sizeof(k.v));
	struct strbuf sb = {0};
	guardkey_format(&sb, &k);
	const char *t = arena_strdup(a, sb_str(&sb));
	sb_free(&sb);
	return t;
}

/* ------------------------------------------------------------ writes */

/* What a function writes to one guard subject (a parameter, or a member
 * through one): constants, or 'any' for anything else. */
struct subject_writes {
	int param;
	const char *field;                /* "" for the parameter itself */
	bool any;
	int n;
	long long v[GUARD_MAX_VALUES];
	bool masked;                      /* '&=' / '|=' with constants (the parameter itself) */
	long long and_mask, or_mask;
};

struct writes {
	CXCursor func;
	const struct lp_rules *rules;
	struct subject_writes *s;
	int ns;
	int depth;                        /* a callee's writes read for masked_by_call() */
};

/* 'dev = get_device(dev)': RHS calls a function that returns its argument
 * (rules: 'returns-arg'), given parameter P itself; P still holds what
 * the caller passed (or NULL, which the caller's value being NULL means). */
static bool returns_param(const struct writes *w, CXCursor rhs, int p)
{
	CXCursor c = key_strip(rhs);
	if (!w->rules || clang_getCursorKind(c) != CXCursor_CallExpr)
		return false;
	CXString name = clang_getCursorSpelling(c);
	int n = rules_returns_arg(w->rules, clang_getCString(name));
	clang_disposeString(name);
	return n >= 0 && n < clang_Cursor_getNumArguments(c) &&
	       key_param_of(w->func, clang_Cursor_getArgument(c, (unsigned)n)) == p;
}

static void note_value(struct subject_writes *sw, CXCursor rhs, bool constant_ok)
{
	long long v;
	if (constant_ok && sw->n < GUARD_MAX_VALUES && guard_const_value(rhs, &v))
		sw->v[sw->n++] = v;
	else
		sw->any = true;
}

static enum CXChildVisitResult visit_write(CXCursor c, CXCursor parent, CXClientData d);

/* Every 'return' of a function, and whether each returns its parameter Q. */
struct returns_scan { CXCursor func; int q, n; bool other; };

static enum CXChildVisitResult scan_returns(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct returns_scan *r = d;
	CXCursor k[1];
	if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
		return CXChildVisit_Recurse;
	r->n++;
	if (key_children(c, k, 1) != 1 || key_param_of(r->func, k[0]) != r->q)
		r->other = true;
	return CXChildVisit_Continue;
}

/* Whether CALL's callee returns its parameter Q on every return, having
 * only masked it by constants ('flags &= ~__GFP_FS' in
 * current_gfp_context()): its masks into *AND_MASK, *OR_MASK (-1 and 0:
 * unchanged).  One level: the callee's own writes, read from its body. */
static bool returns_masked(const struct writes *caller, CXCursor call, int q, long long *and_mask,
			   long long *or_mask)
{
	if (caller->depth >= 1)
		return false;
	CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
	if (clang_getCursorKind(def) != CXCursor_FunctionDecl || q >= clang_Cursor_getNumArguments(def))
		return false;
	struct returns_scan r = { def, q, 0, false };
	clang_visitChildren(def, scan_returns, &r);
	if (!r.n || r.other)
		return false;
	struct subject_writes sw = { .param = q, .field = "" };
	struct writes w = { .func = def, .rules = caller->rules, .s = &sw, .ns = 1, .depth = caller->depth + 1 };
	clang_visitChildren(def, visit_write, &w);
	if (sw.any || sw.n)
		return false;
	*and_mask = sw.masked ? sw.and_mask : -1;
	*or_mask = sw.masked ? sw.or_mask : 0;
	return true;
}

/* SW's parameter is masked: '&= AND_MASK' and '|= OR_MASK' may happen. */
static void add_mask(struct subject_writes *sw, long long and_mask, long long or_mask)
{
	if (!sw->masked) {
		sw->masked = true;
		sw->and_mask = and_mask;
		sw->or_mask = or_mask;
	} else {
		sw->and_mask &= and_mask;
		sw->or_mask |= or_mask;
	}
}

/* 'gfp = current_gfp_context(gfp)': RHS calls a function that returns its
 * argument masked, given parameter P itself; the assignment is those
 * masks of P's own value.  Returns whether it was one. */
static bool masked_by_call(struct writes *w, CXCursor rhs, int p)
{
	CXCursor c = key_strip(rhs);
	long long and_mask, or_mask;
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return false;
	int n = clang_Cursor_getNumArguments(c), q = -1;
	for (int i = 0; i < n && q < 0; i++)
		if (key_param_of(w->func, clang_Cursor_getArgument(c, (unsigned)i)) == p)
			q = i;
	if (q < 0 || !returns_masked(w, c, q, &and_mask, &or_mask))
		return false;
	for (int i = 0; i < w->ns; i++)
		if (w->s[i].param == p && !w->s[i].field[0] && (and_mask != -1 || or_mask != 0))
			add_mask(&w->s[i], and_mask, or_mask);
	return true;
}

static void note_write(struct writes *w, CXCursor lhs, CXCursor rhs, bool constant_ok)
{
	char field[GUARD_FIELD_MAX];
	int p = plain_subject(w->func, lhs, field);
	if (p < 0 || (!field[0] && constant_ok && (returns_param(w, rhs, p) || masked_by_call(w, rhs, p))))
		return;
	for (int i = 0; i < w->ns; i++)
		if (w->s[i].param == p && !strcmp(w->s[i].field, field))
			note_value(&w->s[i], rhs, constant_ok);
}

/* 'gfp &= ~__GFP_ZONEMASK', 'gfp |= __GFP_NOWARN': what the caller's
 * constant becomes is still known (guardkey_format_mask); another compound
 * assignment, or a mask that is not a constant, is anything. */
static void note_mask_write(struct writes *w, CXCursor op, CXCursor lhs, CXCursor rhs)
{
	char field[GUARD_FIELD_MAX];
	int p = plain_subject(w->func, lhs, field);
	if (p < 0)
		return;
	enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(op);
	long long v;
	bool mask = !field[0] && (k == CXBinaryOperator_AndAssign || k == CXBinaryOperator_OrAssign) &&
		    guard_const_value(rhs, &v);
	for (int i = 0; i < w->ns; i++) {
		struct subject_writes *sw = &w->s[i];
		if (sw->param != p || strcmp(sw->field, field))
			continue;
		if (!mask)
			sw->any = true;
		else
			add_mask(sw, k == CXBinaryOperator_AndAssign ? v : -1, k == CXBinaryOperator_OrAssign ? v : 0);
	}
}

static enum CXChildVisitResult visit_write(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct writes *w = d;
	CXCursor k[2];
	switch (write_of(c, k)) {
	case WRITE_ASSIGN: note_write(w, k[0], k[1], true); break;
	case WRITE_COMPOUND: note_mask_write(w, c, k[0], k[1]); break;
	case WRITE_OTHER: note_write(w, k[0], k[0], false); break;
	case WRITE_NONE: break;
	}
	return CXChildVisit_Recurse;
}

const char *guard_param_writes(struct arena *a, const struct lp_rules *rules, CXCursor func,
			       unsigned long long params, const struct guard *fields, int nfields)
{
	struct writes w = { .func = func, .rules = rules };
	w.s = xcalloc((size_t)(64 + nfields), sizeof(*w.s));
	for (int p = 0; p < 64; p++)
		if (params >> p & 1)
			w.s[w.ns++] = (struct subject_writes){ .param = p, .field = "" };
	for (int i = 0; i < nfields; i++)
		w.s[w.ns++] = (struct subject_writes){ .param = fields[i].param, .field = fields[i].field };
	if (w.ns)
		clang_visitChildren(func, visit_write, &w);
	struct strbuf sb = {0};
	for (int i = 0; i < w.ns; i++) {
		const struct subject_writes *sw = &w.s[i];
		if (sw->masked && !sw->any && !sw->n)
			guardkey_format_mask(&sb, sw->param, sw->and_mask, sw->or_mask);
		else if (sw->any || sw->n || sw->masked)
			guardkey_format_writes(&sb, sw->param, sw->field, sw->any || sw->masked, sw->v, sw->n);
	}
	free(w.s);
	const char *t = sb.len ? arena_strdup(a, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return t;
}
