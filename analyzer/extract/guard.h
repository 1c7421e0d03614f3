/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guard.h - which values of a parameter a site runs for, when it sits in a
 * case of 'switch (param)' or a branch of 'if (param)' ('if (!param)',
 * 'if (param == C)', 'if (param != C)'): hvc's __hvc_poll(hp, false) never
 * runs the cond_resched() under 'if (may_sleep)'.  ccw_device_verify_done(cdev, err) calls the
 * driver's handler only under 'case 0:'; its caller in the device state
 * machine passes -ENODEV.  Extract records the site's guard ('arg#1=0') and
 * the constants the function itself assigns to the parameter
 * ('writes:arg#1=-19;' in the function's annotations, '*' for anything
 * else); check skips the site on a path whose constant argument (plus those
 * writes) meets none of the guard's values.
 */
#ifndef LP_GUARD_H
#define LP_GUARD_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include "lib/guardkey.h"
#include "lib/util.h"

#define GUARD_MAX_VALUES GUARDKEY_MAX_VALUES
#define GUARD_FIELD_MAX GUARDKEY_FIELD_MAX

/* The case values seen since the last label nothing fell through to. */
struct guard {
	unsigned ctx_dead;               /* a context test's branch: the path states it never
					  * runs in (lib/guardkey.h); param is then -1 */
	int param;                       /* the switched (or tested) parameter's index */
	char field[GUARD_FIELD_MAX];     /* 'if (args->force)': the member tested, "" for the
					  * parameter itself */
	long long mask;                  /* 'if (flags & M)': the bits tested, 0 for the whole value */
	bool any;                        /* a 'default:' or a value not known: no guard */
	bool except;                     /* the site runs for every value but these ('if (param)') */
	bool at_entry;                   /* the parameter's value as passed ('entry#N', guardkey.h) */
	int n;
	long long v[GUARD_MAX_VALUES];
};

/* Whether E is the address of a global or static variable ('&x', or an
 * array 'buf'), and its value then into *OUT (GUARDKEY_GLOBAL_ADDRESS). */
bool guard_global_address(CXCursor e, long long *out);

/* The index of FUNC's parameter that COND (a switch condition) names, or -1;
 * *MASK the bits it switches on ('switch (verdict & MASK)'), 0 for all. */
int guard_switch_param(CXCursor func, CXCursor cond, long long *mask);

/* The guards of the two branches of 'if (COND)' (or 'COND ? a : b') in FUNC
 * when COND tests a parameter, or a member of the struct a parameter points
 * to ('args->force'), against a constant ('param', '!param', 'param == C',
 * 'param != C'), or some of its bits ('flags & M', '!(flags & M)',
 * '(flags & M) == C'),
 * alone or as an operand of '&&' (the then branch) or '||' (the else
 * branch); or calls a predicate '{ return E; }' on the parameter whose E is
 * no single test ('!si_fromuser(info)'): each branch then runs for every
 * value but those of the constants E compares with for which COND is
 * surely the other way.  THEN and ELSE filled (a branch the test says
 * nothing about gets an 'any' guard), true returned; false for any other
 * condition. */
bool guard_if(CXCursor func, CXCursor cond, struct guard *then_g, struct guard *else_g);

/* The tests a branch runs under, all of them: a site recorded under several
 * records each ('arg#1!=0;arg#2!=0', check skips it where any says no). */
#define GUARD_SET_MAX 4
struct guard_set { int n; struct guard v[GUARD_SET_MAX]; };
/* Like guard_if, but every operand of 'a && b' guards the then branch and
 * every operand of 'a || b' the else branch, not only the first that is a
 * test: _ib_modify_qp()'s 'if (!qp->counter && (attr_mask & IB_QP_PORT))'
 * is dead for the caller whose mask has no port, whatever the counter is.
 * Guards that restrict nothing are left out; returns whether either set
 * has one. */
bool guard_if_all(CXCursor func, CXCursor cond, struct guard_set *then_s, struct guard_set *else_s);
/* The guard of the body of 'for (INIT; COND; ..)' in FUNC that counts
 * from 0 up to a parameter, or a member through one ('for (i = 0; i <
 * num_params; i++)', 'i != n', 'n > i'): the body runs only for a count
 * other than 0, into *OUT; false for any other loop.  parse_args() with no
 * parameters never looks one up. */
bool guard_for_count(CXCursor func, CXCursor init, CXCursor cond, struct guard *out);
/* Add G to S unless it restricts nothing or S is full. */
void guard_set_add(struct guard_set *s, const struct guard *g);

/* FILE's text in TU (clang_getFileContents, the last few answers kept per thread). */
const char *guard_file_text(CXTranslationUnit tu, CXFile file, size_t *size);
/* Forget that answer and guard_local_value()'s: TU is done with (a new one may
 * reuse its addresses). */
void guard_file_text_forget(void);
/* The identifier written in FILE at OFFSET, into NAME (63 characters at
 * most); its length, 0 where none starts there. */
size_t guard_name_at(CXTranslationUnit tu, CXFile file, unsigned offset, char name[64]);
/* Argument N (from 0) of the call 'NAME(ARGS)' written in FILE at OFFSET, as
 * written, without the spaces around it, into OUT (SIZE bytes; longer ones
 * are cut); false where the text there is not such a call with that many
 * arguments.  What a macro's expansion dropped is still here: the subclass
 * of 'mutex_lock_nested(l, 1)' where the build made it 'mutex_lock(l)'. */
bool guard_arg_at(CXTranslationUnit tu, CXFile file, unsigned offset, int n, char *out, size_t size);
/* Where argument N of that call is written in FILE: offsets [*START, *END). */
bool guard_arg_span(CXTranslationUnit tu, CXFile file, unsigned offset, int n, unsigned *start, unsigned *end);

/* The guards of the two branches of 'if (COND)' when COND tests the context
 * the code runs in, through macros with a 'context-test' rule in RULES
 * ('in_hardirq() || irqs_disabled()', 'unlikely(in_interrupt())', 'in_task()'),
 * alone, negated or joined by '&&' and '||': each branch gets the path
 * states in which COND is known to take the other one; false when there is
 * none.  TU is COND's translation unit (the macro names are read from its
 * files' text).  A call among the operands counts as a context test when
 * CALL_ZERO (may be NULL) knows states in which it returns 0. */
struct lp_rules;
/* The path states in which CALL, a call in a condition, is known to return
 * 0 (a predicate whose every non-zero return sits under a context test:
 * 'if (!in_task()) return false;'); 0 where nothing is known.  The walker
 * answers it from the callee's summary. */
typedef unsigned (*guard_call_zero_fn)(void *ctx, CXCursor call);
bool guard_context_if(CXTranslationUnit tu, CXCursor func, const struct lp_rules *rules,
		      guard_call_zero_fn call_zero, void *ctx, CXCursor cond, struct guard *then_g,
		      struct guard *else_g);
/* The path states in which expression E is known to be false (0), by the
 * same reading of context tests and predicate calls. */
unsigned guard_context_false(CXTranslationUnit tu, CXCursor func, const struct lp_rules *rules,
			     guard_call_zero_fn call_zero, void *ctx, CXCursor e);

/* A case label reached: FRESH when no code falls through into it. */
void guard_case(struct guard *g, CXCursor case_stmt, bool is_default, bool fresh);

/* 'arg#N=V1,V2' (or 'arg#N!=V1,V2' for a guard of excepted values;
 * 'arg#N.field=V' for a member test) for a site under G, or NULL when G does
 * not restrict it.  lib/guardkey.h parses it. */
const char *guard_text(struct arena *a, const struct guard *g);

/* 'writes:arg#N=V,..;' (or '=*') for each parameter in PARAMS (a bit per
 * index, 64 at most) that FUNC's body assigns, increments or takes the
 * address of, and 'writes:arg#N.field=..;' for each of the NFIELDS member
 * guards in FIELDS whose member FUNC assigns through the parameter; NULL
 * when none is written.  'p = get_device(p)' (RULES: 'returns-arg') is
 * no write: p is what the caller passed. */
const char *guard_param_writes(struct arena *a, const struct lp_rules *rules, CXCursor func,
			       unsigned long long params, const struct guard *fields, int nfields);

/* How many times FUNC assigns parameter PARAM ('p = v', *PLAIN) and writes
 * it otherwise ('p += v', 'p++', '&p', *OTHER), as guard_param_writes()
 * sees them. */
void guard_write_counts(CXCursor func, int param, int *plain, int *other);

/* Where FUNC first writes each parameter (an assignment, '++', '&p': the
 * writes guard_param_writes() counts) and its first label, by offset in its
 * file: whether a test of a parameter can see anything but the value as
 * passed (guard_sees_entry). */
#define GUARD_FIRST_MEMBERS 16
struct guard_first_writes {
	unsigned write[64];
	unsigned label;
	/* ... and each member through a parameter ('iter->temp = t', '&p->x';
	 * FIELD "*" for the whole pointee, '*p = v'); FULL: more members were
	 * written than kept, and no member test reads the value as passed */
	int nmembers;
	bool members_full;
	struct { int param; char field[GUARD_FIELD_MAX]; unsigned at; } member[GUARD_FIRST_MEMBERS];
};
void guard_first_writes_scan(struct guard_first_writes *fw, CXCursor func);
/* Whether COND, a test of parameter PARAM (of its member FIELD, when not
 * "") that no loop encloses, always reads the value as passed: no write of
 * PARAM (or of that member) comes before its end, and no label before it
 * (a goto back to one could follow a later write).  Its guard is then
 * 'entry#N' ('entry#N.F'): the writes after it do not change it. */
bool guard_sees_entry(const struct guard_first_writes *fw, int param, const char *field, CXCursor cond);

/* The parameter of FUNC whose pointee's member E reads ('args->force'),
 * with the member's name in FIELD; -1 if E is no such read. */
int guard_param_member(CXCursor func, CXCursor e, char field[GUARD_FIELD_MAX]);

/* The one value local E of FUNC ever holds: the expression it is
 * initialised with and never written again, or, declared without one, the
 * value of its only write, a plain assignment ('notifier_type = adding ?
 * ADD : DEL;' before 'call(notifier_type, ..)'); its address is never
 * taken.  A null cursor for anything else. */
CXCursor guard_local_value(CXCursor func, CXCursor e);
/* E's value where it is a constant, or bits of constants and locals of FUNC
 * set once to such ('flags | __GFP_ZERO' after 'gfp_t flags = GFP_NOWAIT |
 * __GFP_NOWARN'), into *OUT. */
bool guard_folded_value(CXCursor func, CXCursor e, long long *out);

/* Constant value of integer expression E (negative values included); extract
 * uses it for every constant: jump-table indices, lockdep subclasses, guards. */
bool guard_const_value(CXCursor e, long long *out);

#endif
