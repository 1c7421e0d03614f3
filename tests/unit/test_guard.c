// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_guard.c - the constant evaluator extract uses for every constant
 * (guard_const_value: jump-table indices, lockdep subclasses, case labels)
 * and the guards it makes of parameter tests (guard_if), on a source
 * parsed here by libclang from memory:
 *  - each 'long long cN = EXPR;' initializer (locals of consts()) evaluates
 *    to the value in the table, or is not a constant (a variable, a call);
 *  - each function gN's 'if' gives its two branches the guard texts in the
 *    table ('-': the test says nothing of that branch), or none at all.
 */
#include "extract/guard.h"
#include "extract/keys.h"
#include "expect.h"

#include <limits.h>
#include <string.h>

static const struct { const char *expr; bool constant; long long value; } consts[] = {
	{ "42", true, 42 },
	{ "-19", true, -19 },
	{ "-ENODEV", true, -19 },
	{ "E_B", true, 6 },
	{ "MASK | 1", true, 17 },
	{ "(unsigned char)300", true, 300 },   /* key_strip drops the cast: the operand's value */
	{ "sizeof(int)", true, 4 },
	{ "1 ? 5 : 6", true, 5 },
	{ "!0", true, 1 },
	{ "'a'", true, 97 },
	{ "0x7fffffffffffffffLL", true, LLONG_MAX },
	{ "((E_A))", true, 3 },
	{ "global", false, 0 },
	{ "f()", false, 0 },
};

static const struct { const char *name, *body, *then_g, *else_g; } guards[] = {
	{ "g_plain", "(int a, int p) { if (p) a++; }", "arg#1!=0", "arg#1=0" },
	{ "g_not", "(int a, int p) { if (!p) a++; }", "arg#1=0", "arg#1!=0" },
	{ "g_eq", "(int p) { if (p == -ENODEV) p++; }", "arg#0=-19", "arg#0!=-19" },
	{ "g_ne_rev", "(int p) { if (E_B != p) p++; }", "arg#0!=6", "arg#0=6" },
	{ "g_and", "(int p, int q) { if (!p && q > 1) p++; }", "arg#0=0", "-" },
	{ "g_or", "(int p) { if (p == 1 || global) p++; }", "-", "arg#0!=1" },
	{ "g_member", "(struct args *a) { if (a->force) a->force++; }", "arg#0.force!=0", "arg#0.force=0" },
	{ "g_global", "(int p) { if (global) p++; }", NULL, NULL },
	{ "g_vs_var", "(int p) { if (p == global) p++; }", NULL, NULL },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char prelude[] =
	"#define ENODEV 19\n"
	"#define MASK (1 << 4)\n"
	"enum { E_A = 3, E_B = E_A * 2 };\n"
	"struct args { int force; };\n"
	"int global;\n"
	"int f(void);\n";

/* The first 'if' under C, or a null cursor. */
static enum CXChildVisitResult find_if(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) != CXCursor_IfStmt)
		return CXChildVisit_Recurse;
	*(CXCursor *)d = c;
	return CXChildVisit_Break;
}

static void check_const(CXCursor var, int i)
{
	CXCursor init[1];
	char what[160];
	long long v = 0;
	bool ok = key_children(var, init, 1) == 1 && guard_const_value(init[0], &v);
	if (consts[i].constant)
		snprintf(what, sizeof(what), "'%s' evaluates to %lld (%s), expected %lld", consts[i].expr, v,
			 ok ? "a constant" : "not a constant", consts[i].value);
	else
		snprintf(what, sizeof(what), "'%s' is not a constant, got %lld", consts[i].expr, v);
	expect(ok == consts[i].constant && (!ok || v == consts[i].value), what);
}

static void check_guard(CXCursor fn, int i, struct arena *a)
{
	CXCursor ifs = clang_getNullCursor(), k[1];
	clang_visitChildren(fn, find_if, &ifs);
	char what[256];
	snprintf(what, sizeof(what), "%s has an if", guards[i].name);
	expect(!clang_Cursor_isNull(ifs) && key_children(ifs, k, 1) == 1, what);
	if (clang_Cursor_isNull(ifs))
		return;
	struct guard t, e;
	bool made = guard_if(fn, k[0], &t, &e);
	if (!guards[i].then_g) {
		snprintf(what, sizeof(what), "%s: its test guards nothing", guards[i].name);
		expect(!made, what);
		return;
	}
	const char *tt = made ? guard_text(a, &t) : "(none)", *et = made ? guard_text(a, &e) : "(none)";
	tt = tt ? tt : "-";
	et = et ? et : "-";
	snprintf(what, sizeof(what), "%s: guards '%s' / '%s', expected '%s' / '%s'", guards[i].name, tt, et,
		 guards[i].then_g, guards[i].else_g);
	expect(!strcmp(tt, guards[i].then_g) && !strcmp(et, guards[i].else_g), what);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData d)
{
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);
	int i;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && sscanf(name, "c%d", &i) == 1 && i >= 0 &&
	    i < (int)N(consts))
		check_const(c, i);
	else if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
		for (i = 0; i < (int)N(guards); i++)
			if (!strcmp(name, guards[i].name))
				check_guard(c, i, d);
	clang_disposeString(s);
	return CXChildVisit_Recurse;   /* into consts(), to its locals */
}

int main(void)
{
	struct strbuf src = {0};
	sb_add(&src, prelude);
	sb_add(&src, "void consts(void)\n{\n");   /* locals: a global needs a constant */
	for (size_t i = 0; i < N(consts); i++)
		sb_addf(&src, "\tlong long c%zu = %s;\n", i, consts[i].expr);
	sb_add(&src, "}\n");
	for (size_t i = 0; i < N(guards); i++)
		sb_addf(&src, "void %s%s\n", guards[i].name, guards[i].body);
	struct CXUnsavedFile file = { "guard_input.c", src.buf, (unsigned long)src.len };
	const char *args[] = { "-std=gnu11" };
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu = NULL;
	enum CXErrorCode rc = clang_parseTranslationUnit2(index, "guard_input.c", args, 1, &file, 1,
							  CXTranslationUnit_None, &tu);
	expect(rc == CXError_Success && tu, "the input parses");
	if (tu) {
		unsigned nd = clang_getNumDiagnostics(tu), errors = 0;
		for (unsigned i = 0; i < nd; i++) {
			CXDiagnostic dg = clang_getDiagnostic(tu, i);
			errors += clang_getDiagnosticSeverity(dg) >= CXDiagnostic_Error;
			clang_disposeDiagnostic(dg);
		}
		expect(errors == 0, "the input has no errors");
		struct arena a = {0};
		int before = passed + failed;
		clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &a);
		char what[80];
		snprintf(what, sizeof(what), "%d expectations checked, expected %zu", passed + failed - before,
			 N(consts) + 2 * N(guards));
		expect(passed + failed - before == (int)(N(consts) + 2 * N(guards)), what);
		arena_free(&a);
		clang_disposeTranslationUnit(tu);
	}
	clang_disposeIndex(index);
	sb_free(&src);
	return expect_done("test_guard");
}
