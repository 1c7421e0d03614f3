// SPDX-License-Identifier: GPL-2.0-only
/*
 * macro_text.c - a function-like macro's definition read from its text.
 * libclang gives a token taken from a macro two places: the outermost
 * expansion point and where the token is spelled.  The spelling of a
 * statement's first token is inside the body of the macro that wrote it;
 * from there back to its '#define' line (over the backslashed lines of the
 * body) are its name and parameters, and forward to the first line without
 * a backslash its body.  walk_macro.c reads the rules macros written in
 * such a body.
 */
#include "extract/macro_text.h"
#include "extract/guard.h"

#include <string.h>

bool macro_is_ident(char ch, bool first)
{
	return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (!first && ch >= '0' && ch <= '9');
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* Past the blanks at T[I]. */
static size_t skip_space(const char *t, size_t size, size_t i)
{
	while (i < size && is_space(t[i]))
		i++;
	return i;
}

/* Whether the line that ends at the newline T[NL] goes on to the next (a
 * backslash before the newline, blanks and a '\r' allowed after it). */
static bool line_continues(const char *t, size_t nl)
{
	while (nl && (is_space(t[nl - 1]) || t[nl - 1] == '\r'))
		nl--;
	return nl && t[nl - 1] == '\\';
}

/* Where the '#' of a '#define' at the line starting at T[LS] is, past the
 * word 'define': the offset of the name, or 0. */
static size_t define_at(const char *t, size_t size, size_t ls)
{
	size_t i = skip_space(t, size, ls);
	if (i >= size || t[i] != '#')
		return 0;
	i = skip_space(t, size, i + 1);
	if (i + 6 >= size || strncmp(t + i, "define", 6) || !is_space(t[i + 6]))
		return 0;
	return skip_space(t, size, i + 6);
}

/* The parameters written at T[*I] ('(a, b)'), into D; *I left past ')'. */
static bool read_params(const char *t, size_t size, size_t *i, struct macro_def *d)
{
	if (*i >= size || t[*i] != '(')
		return false;   /* an object-like macro: '#define X (a)' has a blank first */
	size_t p = skip_space(t, size, *i + 1);
	d->nparams = 0;
	if (p < size && t[p] == ')') {
		*i = p + 1;
		return true;
	}
	for (;;) {
		size_t s = p;
		while (p < size && macro_is_ident(t[p], p == s))
			p++;
		if (p == s || p - s >= MACRO_PARAM_LEN || d->nparams == MACRO_PARAMS_MAX)
			return false;   /* '...', a long name, too many */
		memcpy(d->params[d->nparams], t + s, p - s);
		d->params[d->nparams++][p - s] = '\0';
		p = skip_space(t, size, p);
		if (p < size && t[p] == ')') {
			*i = p + 1;
			return true;
		}
		if (p >= size || t[p] != ',')
			return false;
		p = skip_space(t, size, p + 1);
	}
}

/* The '#define' line that the line holding T[OFF] belongs to: its start. */
static bool define_line_of(const char *t, size_t off, size_t *start)
{
	size_t ls = off;
	for (int lines = 0; lines < 256; lines++) {
		while (ls && t[ls - 1] != '\n')
			ls--;
		if (define_at(t, off + 1, ls)) {
			*start = ls;
			return true;
		}
		if (!ls || !line_continues(t, ls - 1))
			return false;
		ls--;
	}
	return false;
}

bool macro_def_at(CXTranslationUnit tu, CXSourceLocation loc, struct macro_def *d)
{
	CXFile file;
	unsigned off;
	clang_getSpellingLocation(loc, &file, NULL, NULL, &off);
	size_t size = 0, ls;
	const char *t = file ? guard_file_text(tu, file, &size) : NULL;
	if (!t || off >= size || !define_line_of(t, off, &ls))
		return false;
	size_t i = define_at(t, size, ls), s = i;
	while (i < size && macro_is_ident(t[i], i == s))
		i++;
	if (i == s || i - s >= sizeof(d->name))
		return false;
	memcpy(d->name, t + s, i - s);
	d->name[i - s] = '\0';
	if (!read_params(t, size, &i, d) || i > off)
		return false;   /* LOC in the parameter list is no body */
	d->file = file;
	d->body = (unsigned)i;
	while (i < size && (t[i] != '\n' || line_continues(t, i)))
		i++;
	d->end = (unsigned)i;
	return off < d->end;
}

/* Past the comment or literal that starts at T[I], or I itself. */
static size_t skip_nontoken(const char *t, size_t end, size_t i)
{
	if (t[i] == '/' && i + 1 < end && t[i + 1] == '*') {
		const char *close = NULL;
		for (size_t k = i + 2; k + 1 < end && !close; k++)
			if (t[k] == '*' && t[k + 1] == '/')
				close = t + k;
		return close ? (size_t)(close - t) + 2 : end;
	}
	if (t[i] == '"' || t[i] == '\'') {
		size_t k = i + 1;
		while (k < end && t[k] != t[i])
			k += t[k] == '\\' ? 2 : 1;
		return k < end ? k + 1 : end;
	}
	return i;
}

bool macro_def_next_call(CXTranslationUnit tu, const struct macro_def *d, unsigned *at,
			 bool (*is_wanted)(const char *name, void *ctx), void *ctx)
{
	size_t size = 0;
	const char *t = guard_file_text(tu, d->file, &size);
	size_t end = d->end < size ? d->end : size;
	for (size_t i = *at; t && i < end;) {
		size_t past = skip_nontoken(t, end, i);
		if (past != i) {
			i = past;
			continue;
		}
		if (!macro_is_ident(t[i], true) || (i > d->body && macro_is_ident(t[i - 1], false))) {
			i++;
			continue;
		}
		size_t s = i;
		while (i < end && macro_is_ident(t[i], false))
			i++;
		char name[64];
		if (i - s >= sizeof(name))
			continue;
		memcpy(name, t + s, i - s);
		name[i - s] = '\0';
		size_t p = skip_space(t, end, i);
		if (p < end && t[p] == '(' && is_wanted(name, ctx)) {
			*at = (unsigned)s;
			return true;
		}
	}
	return false;
}

int macro_def_param(const struct macro_def *d, const char *s, size_t n)
{
	for (int i = 0; i < d->nparams; i++)
		if (strlen(d->params[i]) == n && !strncmp(d->params[i], s, n))
			return i;
	return -1;
}
