// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_guard.c - the constant evaluator extract uses for every constant
 * (guard_const_value: jump-table indices, lockdep subclasses, case labels)
 * and the guards it makes of parameter tests (guard_if), on a source
 * parsed here by libclang from memory:
 *  - each 'long long cN = EXPR;' initializer (locals of consts()) evaluates
 *    to the value in the table, or is not a constant (a variable, a call);
 *  - each function gN's 'if' gives its two branches the guard texts in the
 *    table ('-': the test says nothing of that branch), or none at all;
 *  - each function aN's 'if' gives its branches every guard in the table,
 *    ';' joined, one per operand of '&&' / '||' (guard_if_all);
 *  - the argument of each function lN's last call of use() is the value
 *    its local holds, or no value at all (guard_local_value);
 *  - likewise each function xN's 'if' that tests the context through
 *    layered macros with 'context-test' rules (guard_context_if);
 *  - whether each function eN's last 'if' reads its parameter as passed,
 *    before any write of it and any label (guard_sees_entry);
 *  - a member's test against a global's address (guard_global_address),
 *    the same value for one global, another for another;
 *  - each function vN's argument to use() folded from bit operations of
 *    constants and locals set once (guard_folded_value);
 *  - the arguments of a call as written (guard_arg_at), which is how a
 *    '_nested' lock's subclass is read where the macro dropped it;
 *  - the guard of each function fN's 'for' body, a count from 0 up to a
 *    parameter, or none (guard_for_count).
 */
#include "extract/guard.h"
#include "extract/keys.h"
#include "rules/rules.h"
#include "expect.h"

#include <limits.h>
#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define N_ADDR_GLOBALS 3
#define CK_UNNAMED_ADDRESS (1LL << 62)   /* check/engine.h's CK_ADDRESS_VALUE */

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

/* A function NAME with BODY, and the guards its 'if' gives its branches. */
struct guard_case { const char *name, *body, *then_g, *else_g; };

static const struct guard_case guards[] = {
	{ "g_plain", "(int a, int p) { if (p) a++; }", "arg#1!=0", "arg#1=0" },
	{ "g_not", "(int a, int p) { if (!p) a++; }", "arg#1=0", "arg#1!=0" },
	{ "g_eq", "(int p) { if (p == -ENODEV) p++; }", "arg#0=-19", "arg#0!=-19" },
	{ "g_ne_rev", "(int p) { if (E_B != p) p++; }", "arg#0!=6", "arg#0=6" },
	{ "g_and", "(int p, int q) { if (!p && q > 1) p++; }", "arg#0=0", "-" },
	{ "g_or", "(int p) { if (p == 1 || global) p++; }", "-", "arg#0!=1" },
	{ "g_member", "(struct args *a) { if (a->force) a->force++; }", "arg#0.force!=0", "arg#0.force=0" },
	{ "g_bits", "(int a, unsigned f) { if (f & 0x11) a++; }", "arg#1&17!=0", "arg#1&17=0" },
	{ "g_not_bits", "(unsigned f) { if (!(f & (E_B | 1))) f++; }", "arg#0&7=0", "arg#0&7!=0" },
	{ "g_bits_eq", "(unsigned f) { if ((2 & f) == 2) f++; }", "arg#0&2=2", "arg#0&2!=2" },
	{ "g_member_bits", "(struct args *a) { if (a->force & 4) a->force++; }", "arg#0.force&4!=0", "arg#0.force&4=0" },
	{ "g_bits_and", "(int p, unsigned f) { if (!(f & 8) && p > 1) p++; }", "arg#1&8=0", "-" },
	{ "g_bits_var", "(unsigned f) { if (f & global) f++; }", NULL, NULL },
	{ "g_pred", "(int a, unsigned f) { if (may_block(f)) a++; }", "arg#1&1024!=0", "arg#1&1024=0" },
	{ "g_not_pred", "(int a, unsigned f) { if (!may_block(f)) a++; }", "arg#1&1024=0", "arg#1&1024!=0" },
	{ "g_pred_member", "(struct args *a) { if (may_block(a->force)) a->force++; }", "arg#0.force&1024!=0",
	  "arg#0.force&1024=0" },
	{ "g_pred_pred", "(unsigned f) { if (blocking_ok(f)) f++; }", "arg#0&1024=0", "arg#0&1024!=0" },
	{ "g_pred_second", "(int p, unsigned f) { if (nonzero_second(p, f)) p++; }", "arg#1!=0", "arg#1=0" },
	{ "g_pred_var", "(unsigned f) { if (may_block(global)) f++; }", NULL, NULL },
	{ "g_pred_two_stmts", "(unsigned f) { if (two_stmts(f)) f++; }", NULL, NULL },
	{ "g_local", "(unsigned g) { _Bool w = !!(g & 0x400); if (w) g++; }", "arg#0&1024!=0", "arg#0&1024=0" },
	{ "g_not_local", "(unsigned g) { int w = may_block(g); if (!w) g++; }", "arg#0&1024=0", "arg#0&1024!=0" },
	{ "g_local_written", "(unsigned g) { _Bool w = g & 1; w = global; if (w) g++; }", NULL, NULL },
	{ "g_local_incr", "(unsigned g) { int w = g; w++; if (w) g++; }", NULL, NULL },
	{ "g_local_addr", "(unsigned g) { int w = g; f_ptr(&w); if (w) g++; }", NULL, NULL },
	/* set once by a plain assignment: the test too ('drv = dev->driver; if (drv)') */
	{ "g_local_no_init", "(unsigned g) { int w; w = g; if (w) g++; }", "arg#0!=0", "arg#0=0" },
	{ "g_local_member", "(struct args *a) { int w; w = a->force; if (w) a->force++; }", "arg#0.force!=0",
	  "arg#0.force=0" },
	{ "g_local_set_twice", "(unsigned g) { int w; w = g; w = global; if (w) g++; }", NULL, NULL },
	{ "g_local_static", "(unsigned g) { static int w = 1; if (w) g++; }", NULL, NULL },
	{ "g_local_value", "(unsigned g) { _Bool w = g & 6; if (w == 2) g++; }", NULL, NULL },
	/* a flag local set in a parameter test's branch: the test on the value as passed */
	{ "g_flag", "(int a, int lvl) { _Bool f = 0; if (lvl == -2) { lvl = -1; f = 1; } if (!f) a++; }",
	  "entry#1!=-2", "entry#1=-2" },
	{ "g_flag_neg", "(int a, int lvl) { _Bool may = 1; if (lvl == 3) may = 0; if (may) a++; }",
	  "entry#1!=3", "entry#1=3" },
	{ "g_flag_twice", "(int a, int lvl) { _Bool f = 0; if (lvl == 3) f = 1; f = 1; if (f) a++; }", NULL, NULL },
	{ "g_flag_param_written", "(int a, int lvl) { _Bool f = 0; lvl = a; if (lvl == 3) f = 1; if (f) a++; }",
	  NULL, NULL },
	{ "g_flag_same_truth", "(int a, int lvl) { _Bool f = 1; if (lvl == 3) f = 1; if (f) a++; }", NULL, NULL },
	/* set in inner branches of one test, one conjunct of it ('zc' in
	 * __ip_append_data()): the flag set implies the test, the flag unset
	 * says nothing (the inner tests may have failed) */
	{ "g_flag_inner", "(int a, unsigned fl, int n) { _Bool zc = 0; if ((fl & 4) && n) { if (a) zc = 1; "
	  "else if (n > 2) zc = 1; } if (zc) a++; }", "entry#1&4!=0", "-" },
	{ "g_flag_inner_not", "(int a, unsigned fl, int n) { _Bool zc = 0; if ((fl & 4) && n) { if (a) zc = 1; "
	  "else if (n > 2) zc = 1; } if (!zc) a++; }", "-", "entry#1&4!=0" },
	{ "g_flag_once_inner", "(int a, int lvl) { _Bool f = 0; if (lvl == 3) { if (a) f = 1; } if (f) a++; }",
	  "entry#1=3", "-" },
	{ "g_flag_conjunct", "(int a, int lvl) { _Bool f = 0; if (a > 1 && lvl == 3) f = 1; if (f) a++; }",
	  "entry#1=3", "-" },
	{ "g_flag_other_truth", "(int a, int lvl) { _Bool f = 0; if (lvl == 3) { f = 1; if (a) f = 0; } if (f) a++; }",
	  NULL, NULL },
	{ "g_flag_outside", "(int a, int lvl) { _Bool f = 0; if (lvl == 3) f = 1; if (a) f = 1; if (f) a++; }",
	  NULL, NULL },
	/* predicates that are no single test: the constants they surely decide */
	{ "g_fuzzy", "(int a, struct sinfo *i) { if (!from_user(i)) a++; }", "arg#1!=0", "arg#1!=1" },
	{ "g_fuzzy_pos", "(int a, struct sinfo *i) { if (from_user(i)) a++; }", "arg#1!=1", "arg#1!=0" },
	{ "g_fuzzy_range", "(int v) { if (out_of_range(v)) v++; }", "arg#0!=0,100", "-" },
	{ "g_fuzzy_unknown", "(int v) { if (out_of_range_or(v)) v++; }", NULL, NULL },
	{ "g_fuzzy_unsigned", "(unsigned u) { if (is_small(u)) u++; }", "arg#0!=5,-1", "arg#0!=0" },
	/* likely() and unlikely() test what they wrap: '__builtin_expect(!!(x), c)' is x */
	{ "g_unlikely", "(int a, unsigned e) { if (unlikely(e)) a++; }", "arg#1!=0", "arg#1=0" },
	{ "g_not_likely", "(int a, int p) { if (!likely(p == 2)) a++; }", "arg#1!=2", "arg#1=2" },
	{ "g_likely_not", "(int a, unsigned f) { if (likely(!(f & 8))) a++; }", "arg#1&8=0", "arg#1&8!=0" },
	{ "g_pred_unlikely", "(int a, unsigned f) { if (pred_unlikely(f)) a++; }", "arg#1&1024!=0", "arg#1&1024=0" },
	{ "g_unlikely_var", "(int p) { if (unlikely(global)) p++; }", NULL, NULL },
	{ "g_global", "(int p) { if (global) p++; }", NULL, NULL },
	{ "g_vs_var", "(int p) { if (p == global) p++; }", NULL, NULL },
	/* a statement expression tests what its last statement does (WARN_ON_ONCE()) */
	{ "g_warn", "(struct args *a) { if (!WARN_ON_ONCE(a->force == 2)) f(); }", "arg#0.force!=2", "arg#0.force=2" },
	{ "g_warn_plain", "(int p) { if (WARN_ON_ONCE(p)) p++; }", "arg#0!=0", "arg#0=0" },
	{ "g_warn_var", "(int p) { if (WARN_ON_ONCE(global)) p++; }", NULL, NULL },
	/* a global's address against a parameter (bound to the engine's unnamed
	 * address), or a pointer global's value: no guard (global_address_guards()) */
	{ "g_addr_param", "(char *p) { if (p == sbuf) f(); }", NULL, NULL },
	{ "g_addr_value", "(struct args *a) { if (a->buf == gptr) f(); }", NULL, NULL },
};

/* A function NAME with BODY, and the guard of its 'for' body (NULL: none). */
static const struct { const char *name, *body, *want; } loop_guards[] = {
	{ "f_lt", "(int n) { int i; for (i = 0; i < n; i++) f(); }", "arg#0!=0" },
	{ "f_decl_ne", "(struct args *a) { for (int i = 0; i != a->force; i++) f(); }", "arg#0.force!=0" },
	{ "f_gt", "(int a, unsigned n) { for (unsigned i = 0; n > i; i++) f(); }", "arg#1!=0" },
	{ "f_from_one", "(int n) { int i; for (i = 1; i < n; i++) f(); }", NULL },
	{ "f_le", "(int n) { int i; for (i = 0; i <= n; i++) f(); }", NULL },
	{ "f_global", "(int n) { int i; for (i = 0; i < global; i++) f(); }", NULL },
	{ "f_other_var", "(int n) { int i, j = 0; for (i = 0; j < n; i++) f(); }", NULL },
};

static enum CXChildVisitResult find_for(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_ForStmt)
		return CXChildVisit_Recurse;
	*(CXCursor *)d = c;
	return CXChildVisit_Continue;
}

static void check_loop_guard(struct arena *a, CXCursor fn, int i)
{
	CXCursor loop = clang_getNullCursor(), k[4];
	clang_visitChildren(fn, find_for, &loop);
	struct guard g;
	const char *got = "none", *want = loop_guards[i].want ? loop_guards[i].want : "none";
	if (!clang_Cursor_isNull(loop) && key_children(loop, k, 4) == 4 && guard_for_count(fn, k[0], k[1], &g))
		got = guard_text(a, &g);
	char what[160];
	snprintf(what, sizeof(what), "%s: its loop body's guard is %s, expected %s", loop_guards[i].name, got, want);
	expect(!clang_Cursor_isNull(loop) && !strcmp(got, want), what);
}

/* A member tested against a global's address: the guard's value is that
 * address (GUARDKEY_GLOBAL_ADDRESS and a hash of the global), the same for
 * one global and another for another. */
static const struct { const char *name, *body; bool equal; int global; } addr_guards[] = {
	{ "ga_array", "(struct args *a) { if (a->buf == sbuf) f(); }", true, 0 },
	{ "ga_array_again", "(struct args *a) { if (sbuf != a->buf) f(); }", false, 0 },
	{ "ga_other", "(struct args *a) { if (!WARN_ON_ONCE(a->buf == sbuf2)) f(); }", false, 1 },
	{ "ga_address", "(struct args *a) { if ((void *)a->buf == (void *)&global) f(); }", true, 2 },
};
/* Every guard of each branch (guard_if_all): each operand of '&&' guards
 * the then branch, each of '||' the else branch. */
static const struct guard_case all_guards[] = {
	{ "a_plain", "(int a, int p) { if (p) a++; }", "arg#1!=0", "arg#1=0" },
	{ "a_and", "(int p, int *q) { if (p && q) p++; }", "arg#0!=0;arg#1!=0", "-" },
	{ "a_and_not", "(int p, int *q) { if (!p && !q && global) p++; }", "arg#0=0;arg#1=0", "-" },
	{ "a_or", "(int p, unsigned f) { if (p == 1 || (f & 2)) p++; }", "-", "arg#0!=1;arg#1&2=0" },
	{ "a_and_in_or", "(int p, int q) { if ((p && q) || global) p++; }", NULL, NULL },
	{ "a_or_in_and", "(int p, int q) { if ((p || q) && q == 3) p++; }", "arg#1=3", "-" },
	{ "a_none", "(int p) { if (global && p == global) p++; }", NULL, NULL },
	{ "a_unlikely_and", "(int p, int *q) { if (unlikely(p && q)) p++; }", "arg#0!=0;arg#1!=0", "-" },
	{ "a_not_and", "(int p, int *q) { if (unlikely(!(p && q))) p++; }", "-", "arg#0!=0;arg#1!=0" },
	{ "a_and_unlikely", "(int p, int *q) { if (unlikely(!p) && likely(q)) p++; }", "arg#0=0;arg#1!=0", "-" },
	/* a '||' of tests of one subject lets its then branch run for their values */
	{ "a_or_same", "(int p) { if (p == 1 || p == 4 || p == 5) p++; }", "arg#0=1,4,5",
	  "arg#0!=1;arg#0!=4;arg#0!=5" },
	{ "a_or_same_bits", "(unsigned f) { if ((f & 3) == 1 || (f & 3) == 2) f++; }", "arg#0&3=1,2",
	  "arg#0&3!=1;arg#0&3!=2" },
	{ "a_or_except", "(int p) { if (p != 0 || p == 0) p++; }", "-", "arg#0=0;arg#0!=0" },
	{ "a_or_excepts", "(int p) { if (p != 2 || !p) p++; }", "arg#0!=2", "arg#0=2;arg#0!=0" },
	{ "a_or_two", "(int p, int q) { if (p == 1 || q == 1) p++; }", "-", "arg#0!=1;arg#1!=1" },
	{ "a_not_or_same", "(int p) { if (!(p == 1 || p == 2)) p++; }", "arg#0!=1;arg#0!=2", "arg#0=1,2" },
};

/* The one value a local passed to use() holds (guard_local_value): a
 * constant ("3"), a '?:' ("?:"), or none (NULL). */
static const struct { const char *name, *body, *value; } local_values[] = {
	{ "l_init", "(int p) { int t = 3; use(t); }", "3" },
	{ "l_assigned", "(int p) { int t; t = p ? 1 : 2; use(t); }", "?:" },
	{ "l_init_and_write", "(int p) { int t = 3; if (p) t = 4; use(t); }", NULL },
	{ "l_two_writes", "(int p) { int t; t = 1; t = 2; use(t); }", NULL },
	{ "l_compound", "(int p) { int t; t |= 2; use(t); }", NULL },
	{ "l_address", "(int p) { int t = 3; f_ptr(&t); use(t); }", NULL },
	{ "l_static", "(int p) { static int t = 3; use(t); }", NULL },
	{ "l_param", "(int p) { use(p); }", NULL },
	{ "l_global", "(int p) { use(global); }", NULL },
};

/* The value guard_folded_value() gives the argument of each function vN's
 * last call of use(): bit operations of constants and locals set once. */
static const struct { const char *name, *body, *value; } folded_values[] = {
	{ "v_or", "(int p) { int f = 0x20 | 0x800; use(f | 0x100); }", "2336" },
	{ "v_chain", "(int p) { int f = 0x20; int g; g = f | 0x800; use(g & 0x820); }", "2080" },
	{ "v_plain", "(int p) { use(7 & 3); }", "3" },
	{ "v_param", "(int p) { int f = 0x20; use(f | p); }", NULL },
	{ "v_written", "(int p) { int f = 0x20; if (p) f = 1; use(f | 2); }", NULL },
	{ "v_add", "(int p) { int f = 1; use(f + 2); }", NULL },
};

/* Whether the last 'if' of NAME reads parameter PARAM as passed. */
static const struct { const char *name, *body; int param; const char *field; bool entry; } entry_tests[] = {
	{ "e_untouched", "(int a, unsigned f) { if (f & 1) a++; }", 1, "", true },
	{ "e_written_after", "(int a, unsigned f) { if (f & 1) a++; f |= 2; a = f; }", 1, "", true },
	{ "e_address_after", "(int a, unsigned f) { if (f & 1) a++; f_ptr((int *)&f); }", 1, "", true },
	{ "e_written_before", "(int a, unsigned f) { f |= 2; if (f & 1) a++; }", 1, "", false },
	{ "e_address_before", "(int a, unsigned f) { f_ptr((int *)&f); if (f & 1) a++; }", 1, "", false },
	{ "e_written_in_test", "(int a, unsigned f) { if ((f = a) & 1) a++; }", 1, "", false },
	{ "e_label_before", "(int a, unsigned f) { again: a++; if (f & 1) a++; f = 0; goto again; }", 1, "", false },
	{ "e_label_after", "(int a, unsigned f) { if (f & 1) goto out; f = 0; out: a++; }", 1, "", true },
	{ "e_other_param", "(int a, unsigned f) { a = 2; if (f & 1) a++; }", 1, "", true },
	/* a member through the parameter: its own writes, the pointee's, the pointer's */
	{ "e_member_after", "(struct args *a) { if (a->force) f(); a->force = 0; }", 0, "force", true },
	{ "e_member_before", "(struct args *a) { a->force = 1; if (a->force) f(); }", 0, "force", false },
	{ "e_member_other", "(struct args *a) { a->buf = 0; if (a->force) f(); }", 0, "force", true },
	{ "e_member_address", "(struct args *a) { f_ptr(&a->force); if (a->force) f(); }", 0, "force", false },
	{ "e_member_pointee", "(struct args *a, struct args *b) { *a = *b; if (a->force) f(); }", 0, "force", false },
	{ "e_member_moved", "(struct args *a, struct args *b) { a = b; if (a->force) f(); }", 0, "force", false },
};

/* Guards of context tests: the macros below are layered like preempt.h's. */
static const struct guard_case ctx_guards[] = {
	{ "x_any", "(void) { if (in_hardirq() || irqs_disabled()) f(); }",
	  "-", "ctx!=hardirq,softirq+irqs-off,process+irqs-off" },
	{ "x_unlikely", "(void) { if (unlikely(in_interrupt())) f(); }", "-", "ctx!=hardirq,softirq,softirq+irqs-off" },
	{ "x_task", "(void) { if (in_task()) f(); }", "ctx!=hardirq,softirq,softirq+irqs-off", "-" },
	{ "x_not_task", "(void) { if (!in_task()) f(); }", "-", "ctx!=hardirq,softirq,softirq+irqs-off" },
	{ "x_and", "(int p) { if (in_hardirq() && p) f(); }", "ctx!=softirq,softirq+irqs-off", "-" },
	{ "x_or", "(void) { if (global || in_softirq()) f(); }", "-", "ctx!=softirq,softirq+irqs-off" },
	{ "x_not_a_test", "(void) { if (in_other()) f(); }", NULL, NULL },
	/* task_only() is a predicate the stub below knows returns 0 in interrupts */
	{ "x_pred", "(int p) { if (p == 2 && task_only()) f(); }", "ctx!=hardirq,softirq,softirq+irqs-off", "-" },
	{ "x_not_pred", "(void) { if (!task_only()) f(); }", "-", "ctx!=hardirq,softirq,softirq+irqs-off" },
	{ "x_other_call", "(void) { if (f()) f(); }", NULL, NULL },
	{ "x_var", "(void) { if (global) f(); }", NULL, NULL },
	/* a local set once from a context test is that test (cio_tsch()'s irq_context) */
	{ "x_local", "(void) { int irq_ctx; irq_ctx = in_interrupt(); if (!irq_ctx) f(); }",
	  "ctx!=hardirq,softirq,softirq+irqs-off", "-" },
	{ "x_local_init", "(void) { _Bool t = in_task(); if (t) f(); }", "ctx!=hardirq,softirq,softirq+irqs-off", "-" },
	{ "x_local_twice", "(int p) { int c = in_interrupt(); if (p) c = 0; if (!c) f(); }", NULL, NULL },
};
static const char ctx_rules[] =
	"context-test in_interrupt  hardirq,softirq  -\n"
	"context-test in_hardirq    hardirq          softirq\n"
	"context-test in_softirq    softirq          -\n"
	"context-test in_task       -                hardirq,softirq\n"
	"context-test irqs_disabled irqs-off         -\n";


static const char prelude[] =
	"#define ENODEV 19\n"
	"#define MASK (1 << 4)\n"
	"enum { E_A = 3, E_B = E_A * 2 };\n"
	"struct args { int force; char *buf; };\n"
	"int global;\n"
	"static char sbuf[8], sbuf2[8];\n"
	"char *gptr;\n"
	"int f(void);\n"
	"int task_only(void);\n"
	"void f_ptr(int *p);\n"
	"void use(int v);\n"
	"static inline _Bool may_block(unsigned gfp) { return !!(gfp & 0x400); }\n"
	"static inline _Bool blocking_ok(unsigned gfp) { return !may_block(gfp); }\n"
	"static inline int nonzero_second(int a, unsigned b) { return b; }\n"
	"static inline int two_stmts(unsigned g) { g++; return g & 1; }\n"
	"struct sinfo { int code; };\n"
	"#define SI_NONE ((struct sinfo *)0)\n"
	"#define SI_KERNEL ((struct sinfo *)1)\n"
	"static inline _Bool si_special(const struct sinfo *i) { return i <= SI_KERNEL; }\n"
	"static inline _Bool from_user(const struct sinfo *i) { return i == SI_NONE || (!si_special(i) && i->code <= 0); }\n"
	"static inline _Bool out_of_range(int v) { return v < 0 || v > 100; }\n"
	"static inline _Bool out_of_range_or(int v) { return (v < 0 || v > 100) || global; }\n"
	"static inline _Bool is_small(unsigned u) { return u < 5 && u != (unsigned)-1; }\n"
	"#define unlikely(x) __builtin_expect(!!(x), 0)\n"
	"#define likely(x) __builtin_expect(!!(x), 1)\n"
	"static inline _Bool pred_unlikely(unsigned gfp) { return unlikely(gfp & 0x400); }\n"
	"int preempt_count(void);\n"
	"#define WARN_ON_ONCE(c) ({ int __w = !!(c); if (unlikely(__w)) f(); unlikely(__w); })\n"
	"#define hardirq_count() (preempt_count() & 0xf0000)\n"
	"#define softirq_count() (preempt_count() & 0xff00)\n"
	"#define irq_count() (hardirq_count() | softirq_count())\n"
	"#define in_hardirq() (hardirq_count())\n"
	"#define in_softirq() (softirq_count())\n"
	"#define in_interrupt() (irq_count())\n"
	"#define in_task() (!(in_hardirq() | (softirq_count() & 0x100)))\n"
	"#define in_other() (preempt_count() & 4)\n"
	"#define irqs_disabled() ({ unsigned long fl_ = (unsigned long)f(); fl_ == 0; })\n";

/* The first 'if' under C, or a null cursor. */
static enum CXChildVisitResult find_if(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_IfStmt)
		return CXChildVisit_Recurse;
	*(CXCursor *)d = c;
	return CXChildVisit_Continue;   /* the last of the ifs that are not inside another */
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

/* The argument of the last call of use() under C, or a null cursor. */
static enum CXChildVisitResult find_use(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CallExpr && clang_Cursor_getNumArguments(c) == 1) {
		CXString s = clang_getCursorSpelling(c);
		if (!strcmp(clang_getCString(s), "use"))
			*(CXCursor *)d = clang_Cursor_getArgument(c, 0);
		clang_disposeString(s);
	}
	return CXChildVisit_Recurse;
}

static void check_local_value(CXCursor fn, int i)
{
	CXCursor arg = clang_getNullCursor();
	clang_visitChildren(fn, find_use, &arg);
	CXCursor v = clang_Cursor_isNull(arg) ? arg : guard_local_value(fn, arg);
	char got[32] = "none", what[200];
	long long c;
	if (!clang_Cursor_isNull(v) && guard_const_value(v, &c))
		snprintf(got, sizeof(got), "%lld", c);
	else if (!clang_Cursor_isNull(v))
		snprintf(got, sizeof(got), "%s", clang_getCursorKind(key_strip(v)) == CXCursor_ConditionalOperator
						 ? "?:" : "another expression");
	const char *want = local_values[i].value ? local_values[i].value : "none";
	snprintf(what, sizeof(what), "%s: the local's value is %s, expected %s", local_values[i].name, got, want);
	expect(!clang_Cursor_isNull(arg) && !strcmp(got, want), what);
}

static void check_folded(CXCursor fn, int i)
{
	CXCursor arg = clang_getNullCursor();
	clang_visitChildren(fn, find_use, &arg);
	char got[32] = "none", what[160];
	long long c;
	if (!clang_Cursor_isNull(arg) && guard_folded_value(fn, arg, &c))
		snprintf(got, sizeof(got), "%lld", c);
	const char *want = folded_values[i].value ? folded_values[i].value : "none";
	snprintf(what, sizeof(what), "%s: the argument folds to %s, expected %s", folded_values[i].name, got, want);
	expect(!clang_Cursor_isNull(arg) && !strcmp(got, want), what);
}

/* The condition of the last 'if' of function FN (NAME), into *COND. */
static bool if_condition(CXCursor fn, const char *name, CXCursor *cond)
{
	CXCursor ifs = clang_getNullCursor();
	clang_visitChildren(fn, find_if, &ifs);
	char what[256];
	snprintf(what, sizeof(what), "%s has an if", name);
	bool ok = !clang_Cursor_isNull(ifs) && key_children(ifs, cond, 1) == 1;
	expect(ok, what);
	return ok;
}

/* The guards T and E made (MADE) for NAME's 'if' are WANT_T and WANT_E
 * (NULL: no guard at all; '-': none on that branch). */
static void expect_guards(struct arena *a, const char *name, bool made, const struct guard *t,
			  const struct guard *e, const char *want_t, const char *want_e)
{
	char what[256];
	if (!want_t) {
		snprintf(what, sizeof(what), "%s: its test guards nothing", name);
		expect(!made, what);
		return;
	}
	const char *tt = made ? guard_text(a, t) : "(none)", *et = made ? guard_text(a, e) : "(none)";
	tt = tt ? tt : "-";
	et = et ? et : "-";
	snprintf(what, sizeof(what), "%s: guards '%s' / '%s', expected '%s' / '%s'", name, tt, et, want_t, want_e);
	expect(!strcmp(tt, want_t) && !strcmp(et, want_e), what);
}

/* The texts of S's guards, ';' joined, or '-' for none. */
static const char *set_text(struct arena *a, const struct guard_set *s)
{
	struct strbuf sb = {0};
	for (int i = 0; i < s->n; i++)
		sb_addf(&sb, "%s%s", i ? ";" : "", guard_text(a, &s->v[i]));
	const char *t = s->n ? arena_strdup(a, sb.buf) : "-";
	sb_free(&sb);
	return t;
}

static void check_all_guards(CXCursor fn, int i, struct arena *a)
{
	CXCursor cond;
	struct guard_set t, e;
	char what[256];
	if (!if_condition(fn, all_guards[i].name, &cond))
		return;
	bool made = guard_if_all(fn, cond, &t, &e);
	const char *tt = set_text(a, &t), *et = set_text(a, &e);
	if (!all_guards[i].then_g)
		snprintf(what, sizeof(what), "%s: guards nothing, made '%s' / '%s'", all_guards[i].name, tt, et);
	else
		snprintf(what, sizeof(what), "%s: guards '%s' / '%s', expected '%s' / '%s'", all_guards[i].name, tt,
			 et, all_guards[i].then_g, all_guards[i].else_g);
	expect(all_guards[i].then_g ? made && !strcmp(tt, all_guards[i].then_g) && !strcmp(et, all_guards[i].else_g)
				    : !made, what);
}

static void check_guard(CXCursor fn, int i, struct arena *a)
{
	CXCursor cond;
	struct guard t, e;
	if (if_condition(fn, guards[i].name, &cond))
		expect_guards(a, guards[i].name, guard_if(fn, cond, &t, &e), &t, &e, guards[i].then_g, guards[i].else_g);
}

/* Whether function FN (entry_tests[I]) reads its parameter as passed at its 'if'. */
static void check_entry(CXCursor fn, int i)
{
	CXCursor cond = clang_getNullCursor();
	struct guard_first_writes fw;
	char what[200];
	guard_first_writes_scan(&fw, fn);
	if (!if_condition(fn, entry_tests[i].name, &cond))
		return;
	bool got = guard_sees_entry(&fw, entry_tests[i].param, entry_tests[i].field, cond);
	snprintf(what, sizeof(what), "%s: the test %s parameter %d%s%s as passed", entry_tests[i].name,
		 entry_tests[i].entry ? "reads" : "may not read", entry_tests[i].param,
		 entry_tests[i].field[0] ? "'s member " : "", entry_tests[i].field);
	expect(got == entry_tests[i].entry, what);
}

static long long addr_values[N_ADDR_GLOBALS];

static void check_addr_guard(CXCursor fn, int i)
{
	CXCursor cond;
	struct guard t, e;
	char what[160];
	if (!if_condition(fn, addr_guards[i].name, &cond))
		return;
	bool made = guard_if(fn, cond, &t, &e);
	long long v = made && t.n == 1 ? t.v[0] : 0;
	snprintf(what, sizeof(what), "%s: a guard of member buf %s a global's address", addr_guards[i].name,
		 addr_guards[i].equal ? "equal to" : "other than");
	expect(made && t.param == 0 && !strcmp(t.field, "buf") && t.except == !addr_guards[i].equal &&
	       e.except == addr_guards[i].equal && (v & GUARDKEY_GLOBAL_ADDRESS) && !(v & CK_UNNAMED_ADDRESS),
	       what);
	int g = addr_guards[i].global;
	snprintf(what, sizeof(what), "%s: the global's address is the same in every test of it", addr_guards[i].name);
	if (addr_values[g])
		expect(addr_values[g] == v, what);
	addr_values[g] = v;
}

struct top { struct arena *a; CXTranslationUnit tu; const struct lp_rules *rules; };

/* The arguments of args4(...) as written in SRC, and one past the last. */
static const char *const written_args[] = { "1", "(2, 3)", "sizeof(int[4])", "E_B" };
static const char args_src[] = "#define args4(a, b, c, d) 0\n"
			       "int arg_text(void) { return args4(1, (2, 3), sizeof(int[4]) ,\n  E_B ); }\n";

static void check_written_args(CXTranslationUnit tu, const char *src)
{
	CXFile file = clang_getFile(tu, "guard_input.c");
	unsigned at = (unsigned)(strstr(src, "args4(1") - src), ret = (unsigned)(strstr(src, "return args4") - src);
	char out[32], what[80];
	for (int n = 0; n < (int)N(written_args); n++) {
		snprintf(what, sizeof(what), "args4's argument %d is '%s'", n, written_args[n]);
		expect(guard_arg_at(tu, file, at, n, out, sizeof(out)) && !strcmp(out, written_args[n]), what);
	}
	expect(!guard_arg_at(tu, file, at, (int)N(written_args), out, sizeof(out)), "args4 has 4 arguments");
	expect(!guard_arg_at(tu, file, ret, 0, out, sizeof(out)), "'return' is not a call");
}

/* guard_call_zero_fn as the walker's summaries would answer it: task_only()
 * returns 0 in hardirq and softirq states, other calls are not known. */
static unsigned stub_call_zero(void *ctx, CXCursor call)
{
	(void)ctx;
	CXString s = clang_getCursorSpelling(call);
	bool pred = !strcmp(clang_getCString(s), "task_only");
	clang_disposeString(s);
	return pred ? 1u << GK_HARDIRQ | 1u << GK_SOFTIRQ | 1u << GK_SOFTIRQ_IRQS_OFF : 0;
}

static void check_ctx_guard(struct top *top, CXCursor fn, int i)
{
	CXCursor cond;
	struct guard t, e;
	if (if_condition(fn, ctx_guards[i].name, &cond))
		expect_guards(top->a, ctx_guards[i].name,
			      guard_context_if(top->tu, fn, top->rules, stub_call_zero, NULL, cond, &t, &e), &t, &e,
			      ctx_guards[i].then_g, ctx_guards[i].else_g);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData d)
{
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);
	int i;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && sscanf(name, "c%d", &i) == 1 && i >= 0 &&
	    i < (int)N(consts))
		check_const(c, i);
	else if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
		struct top *top = d;
		for (i = 0; i < (int)N(guards); i++)
			if (!strcmp(name, guards[i].name))
				check_guard(c, i, top->a);
		for (i = 0; i < (int)N(all_guards); i++)
			if (!strcmp(name, all_guards[i].name))
				check_all_guards(c, i, top->a);
		for (i = 0; i < (int)N(local_values); i++)
			if (!strcmp(name, local_values[i].name))
				check_local_value(c, i);
		for (i = 0; i < (int)N(ctx_guards); i++)
			if (!strcmp(name, ctx_guards[i].name))
				check_ctx_guard(top, c, i);
		for (i = 0; i < (int)N(entry_tests); i++)
			if (!strcmp(name, entry_tests[i].name))
				check_entry(c, i);
		for (i = 0; i < (int)N(addr_guards); i++)
			if (!strcmp(name, addr_guards[i].name))
				check_addr_guard(c, i);
		for (i = 0; i < (int)N(folded_values); i++)
			if (!strcmp(name, folded_values[i].name))
				check_folded(c, i);
		for (i = 0; i < (int)N(loop_guards); i++)
			if (!strcmp(name, loop_guards[i].name))
				check_loop_guard(top->a, c, i);
	}
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
	for (size_t i = 0; i < N(all_guards); i++)
		sb_addf(&src, "void %s%s\n", all_guards[i].name, all_guards[i].body);
	for (size_t i = 0; i < N(local_values); i++)
		sb_addf(&src, "void %s%s\n", local_values[i].name, local_values[i].body);
	for (size_t i = 0; i < N(ctx_guards); i++)
		sb_addf(&src, "void %s%s\n", ctx_guards[i].name, ctx_guards[i].body);
	for (size_t i = 0; i < N(entry_tests); i++)
		sb_addf(&src, "void %s%s\n", entry_tests[i].name, entry_tests[i].body);
	for (size_t i = 0; i < N(addr_guards); i++)
		sb_addf(&src, "void %s%s\n", addr_guards[i].name, addr_guards[i].body);
	for (size_t i = 0; i < N(folded_values); i++)
		sb_addf(&src, "void %s%s\n", folded_values[i].name, folded_values[i].body);
	for (size_t i = 0; i < N(loop_guards); i++)
		sb_addf(&src, "void %s%s\n", loop_guards[i].name, loop_guards[i].body);
	sb_add(&src, args_src);
	struct lp_rules *rules = rules_new();
	struct strbuf err = {0};
	expect(rules_load_buffer(rules, "ctx.rules", ctx_rules, strlen(ctx_rules), &err) == 0, "the rules load");
	sb_free(&err);
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
		struct top top = { &a, tu, rules };
		int before = passed + failed;
		clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &top);
		char what[80];
		size_t want = N(consts) + 2 * N(guards) + 2 * N(all_guards) + N(local_values) + 2 * N(ctx_guards) +
			      2 * N(entry_tests) + 2 * N(addr_guards) + 1 + N(folded_values) + N(loop_guards);
		snprintf(what, sizeof(what), "%d expectations checked, expected %zu", passed + failed - before, want);
		expect(passed + failed - before == (int)want, what);
		expect(addr_values[0] && addr_values[1] && addr_values[2] && addr_values[0] != addr_values[1] &&
		       addr_values[0] != addr_values[2] && addr_values[1] != addr_values[2],
		       "three globals' addresses are three values");
		check_written_args(tu, src.buf);
		arena_free(&a);
		clang_disposeTranslationUnit(tu);
	}
	clang_disposeIndex(index);
	rules_free(rules);
	sb_free(&src);
	return expect_done("test_guard");
}
