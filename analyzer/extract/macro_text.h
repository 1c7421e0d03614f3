/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * macro_text.h - a function-like macro's definition read from its text:
 * where it is, its parameters, and the calls of other macros written in
 * its body.  Every statement of an expansion carries the outermost
 * expansion point, so a rules macro written inside another macro's
 * definition (sock_lock_init_class_and_name()'s spin_lock_init() and
 * lockdep_set_class_and_name(), include/net/sock.h) is found here, not at
 * the point where the code names it.
 */
#ifndef LP_MACRO_TEXT_H
#define LP_MACRO_TEXT_H

#include <clang-c/Index.h>
#include <stdbool.h>

#define MACRO_PARAMS_MAX 8
#define MACRO_PARAM_LEN 32

struct macro_def {
	char name[64];
	CXFile file;              /* where '#define NAME(' is written */
	unsigned body, end;       /* the body's offsets in FILE */
	int nparams;
	char params[MACRO_PARAMS_MAX][MACRO_PARAM_LEN];
};

/*
 * The definition whose body spells the token at LOC (a statement's first
 * token, taken from a macro): the '#define' line its backslashed lines
 * hang from, into *D.  False where LOC is not in a function-like macro's
 * body (written in a function, an object-like macro, a variadic one).
 */
bool macro_def_at(CXTranslationUnit tu, CXSourceLocation loc, struct macro_def *d);

/* The offset after *AT in D's body where a call of a macro IS_WANTED
 * accepts is written ('NAME(' outside comments and strings), or false. */
bool macro_def_next_call(CXTranslationUnit tu, const struct macro_def *d, unsigned *at,
			 bool (*is_wanted)(const char *name, void *ctx), void *ctx);

/* Whether CH may be in an identifier (FIRST: may start one). */
bool macro_is_ident(char ch, bool first);

/* D's parameter named by the N bytes at S, or -1. */
int macro_def_param(const struct macro_def *d, const char *s, size_t n);

#endif
