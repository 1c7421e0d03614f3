// SPDX-License-Identifier: GPL-2.0-only
/*
 * annot.c - read __must_hold/__acquires/__releases (see annot.h).  The
 * expression is resolved by hand from tokens: a parameter name, then a chain
 * of '->field' / '.field', looked up in the parameter's record type; an
 * expression it cannot follow is ignored, never guessed.
 */
#include "extract/annot.h"
#include "extract/keys.h"
#include "lib/keyname.h"

#include <string.h>

static CXType record_of(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	return t;
}

/* Key of WORDS (identifiers of 'p->a.b', operators dropped) in FN, or NULL. */
static const char *resolve(struct arena *a, const struct lp_rules *r, CXCursor fn, char **words, int n)
{
	int np = clang_Cursor_getNumArguments(fn), param = -1;
	for (int i = 0; i < np; i++) {
		CXString s = clang_getCursorSpelling(clang_Cursor_getArgument(fn, (unsigned)i));
		if (!strcmp(clang_getCString(s), words[0]))
			param = i;
		clang_disposeString(s);
	}
	if (param < 0)
		return NULL;
	CXType t = clang_getCursorType(clang_Cursor_getArgument(fn, (unsigned)param));
	if (n == 1)
		return key_is_lockptr_type(r, t) ? arena_printf(a, "arg#%d", param) : NULL;
	CXCursor field = clang_getNullCursor();
	for (int i = 1; i < n; i++) {
		CXType rec = record_of(t);
		if (rec.kind != CXType_Record)
			return NULL;
		CXCursor found = key_field_named(rec, words[i]);
		if (clang_Cursor_isNull(found))
			return NULL;
		field = found;
		t = clang_getCursorType(field);
	}
	const char *rec = key_record_name(a, field);
	CXString fs = clang_getCursorSpelling(field);
	const char *key = NULL;
	if (key_is_lock_type(r, t))
		key = arena_printf(a, "%s.%s", rec, clang_getCString(fs));
	else if (key_is_lockptr_type(r, t))
		key = arena_printf(a, "*%s.%s", rec, clang_getCString(fs));
	clang_disposeString(fs);
	return key;
}

/* by enum keyname_annot; the entries' names are keyname_annot_names */
static const char *const kinds[] = { "__must_hold", "__acquires", "__releases" };

const char *annot_of(struct arena *a, const struct lp_rules *r, CXCursor fn)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(fn);
	CXToken *toks;
	unsigned n;
	clang_tokenize(tu, clang_getCursorExtent(fn), &toks, &n);
	struct strbuf out = {0};
	for (unsigned i = 0; i + 2 < n; i++) {
		CXTokenKind k = clang_getTokenKind(toks[i]);
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *sp = clang_getCString(s);
		bool body = k == CXToken_Punctuation && !strcmp(sp, "{");
		int kind = -1;
		for (int j = 0; j < 3 && k == CXToken_Identifier; j++)
			if (!strcmp(sp, kinds[j]))
				kind = j;
		clang_disposeString(s);
		if (body)
			break;
		if (kind < 0)
			continue;
		char *words[8];
		int nw = 0, depth = 0;
		unsigned j = i + 1;
		for (; j < n; j++) {
			CXString t = clang_getTokenSpelling(tu, toks[j]);
			const char *ts = clang_getCString(t);
			if (!strcmp(ts, "("))
				depth++;
			else if (!strcmp(ts, ")"))
				depth--;
			else if (clang_getTokenKind(toks[j]) == CXToken_Identifier && nw < 8)
				words[nw++] = arena_strdup(a, ts);
			clang_disposeString(t);
			if (!depth)
				break;
		}
		i = j;
		const char *key = nw ? resolve(a, r, fn, words, nw) : NULL;
		if (key)
			sb_addf(&out, "%s%s:%s", out.len ? ";" : "", keyname_annot_names[kind], key);
	}
	clang_disposeTokens(tu, toks, n);
	const char *res = out.len ? arena_strdup(a, out.buf) : NULL;
	sb_free(&out);
	return res;
}
