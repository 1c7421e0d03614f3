// SPDX-License-Identifier: GPL-2.0-only
/*
 * dead_tables.c - a static table that only dead code hands out.
 *
 * irq_work's threads are per-CPU kthreads only on PREEMPT_RT:
 * 'if (IS_ENABLED(CONFIG_PREEMPT_RT))
 * BUG_ON(smpboot_register_percpu_thread(&irqwork_threads));'.  The walk
 * drops the code a constant condition cuts off (walk.c), so that
 * registration is no fact; but the table's initialiser, '.thread_fn =
 * run_irq_workd', still was a store into smp_hotplug_thread.thread_fn,
 * and smpboot's 'ht->thread_fn(td->cpu)' reached run_irq_workd with
 * interrupts on (two irq-inversion findings on the whole s390 tree).
 *
 * A static variable is named only in its own file.  When the file names
 * it in code a constant condition cut off, and every other place it names
 * it, outside its own initialiser, is such code too, no code that runs
 * can reach it, nor any function its initialiser stored: those stores
 * are dropped.  A name anywhere else keeps them, the walk's or not (a
 * macro argument, an initialiser of another table); so does a table named
 * nowhere, which a section or '__used' keeps (EXPORT_SYMBOL()'s
 * '__ksymtab_*', the initcalls: a first version dropped those too, and
 * with them the functions symbol_get() finds by type); and so does a
 * table of a TU that cut nothing off (the common case, which costs
 * nothing more).
 */
#include "extract/dead_tables.h"
#include "extract/facts.h"

#include <stdbool.h>
#include <stdlib.h>

void dead_tables_note_var(struct dead_tables *d, CXCursor var, size_t first, const struct tu_facts *f)
{
	if (f->stores.n > first && clang_Cursor_getStorageClass(var) == CX_SC_Static)
		vec_push(&d->vars, ((struct dead_table_var){ clang_getCanonicalCursor(var), first, f->stores.n }));
}

static void range_of(CXCursor c, unsigned *start, unsigned *end)
{
	CXSourceRange r = clang_getCursorExtent(c);
	clang_getExpansionLocation(clang_getRangeStart(r), NULL, NULL, NULL, start);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, end);
}

void dead_tables_note_code(struct dead_tables *d, CXCursor stmt)
{
	struct dead_code_range r;
	range_of(stmt, &r.start, &r.end);
	if (r.end > r.start)
		vec_push(&d->code, r);
}

struct ref_scan {
	struct dead_tables *d;
	CXFile main_file;
	bool *live;              /* per noted table: named where code runs */
	bool *cut;               /* ... named in cut-off code */
	unsigned in_start, in_end;   /* the initialiser being scanned, if a noted table's */
	size_t in_var;
};

static bool in_dead_code(const struct dead_tables *d, unsigned off)
{
	for (size_t i = 0; i < d->code.n; i++)
		if (off >= d->code.v[i].start && off < d->code.v[i].end)
			return true;
	return false;
}

static enum CXChildVisitResult scan_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct ref_scan *s = data;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	CXCursor ref = clang_getCanonicalCursor(clang_getCursorReferenced(c));
	for (size_t i = 0; i < s->d->vars.n; i++) {
		if (s->live[i] || !clang_equalCursors(ref, s->d->vars.v[i].var))
			continue;
		CXFile file;
		unsigned off;
		clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, &off);
		bool own = i == s->in_var && off >= s->in_start && off < s->in_end;
		if (own)
			continue;
		if (clang_File_isEqual(file, s->main_file) && in_dead_code(s->d, off))
			s->cut[i] = true;
		else
			s->live[i] = true;
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult scan_top(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct ref_scan *s = data;
	CXFile file;
	clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
	if (!clang_File_isEqual(file, s->main_file))
		return CXChildVisit_Continue;   /* a header cannot name the file's statics before them */
	s->in_var = s->d->vars.n;
	for (size_t i = 0; i < s->d->vars.n && clang_getCursorKind(c) == CXCursor_VarDecl; i++)
		if (clang_equalCursors(clang_getCanonicalCursor(c), s->d->vars.v[i].var)) {
			s->in_var = i;
			range_of(c, &s->in_start, &s->in_end);
		}
	clang_visitChildren(c, scan_refs, s);
	return CXChildVisit_Continue;
}

int dead_tables_drop(struct dead_tables *d, CXTranslationUnit tu, CXFile main_file, struct tu_facts *f)
{
	if (!d->vars.n || !d->code.n)
		return 0;
	struct ref_scan s = { d, main_file, calloc(d->vars.n, sizeof(bool)), calloc(d->vars.n, sizeof(bool)), 0, 0, 0 };
	clang_visitChildren(clang_getTranslationUnitCursor(tu), scan_top, &s);
	for (size_t i = 0; i < d->vars.n; i++)
		s.live[i] |= !s.cut[i];   /* named nowhere: a section's entry, '__used' (kept) */
	int dropped = 0;
	size_t w = 0, next = 0;   /* vars are in the order their stores were made */
	for (size_t i = 0; i < f->stores.n; i++) {
		while (next < d->vars.n && (s.live[next] || i >= d->vars.v[next].end))
			next++;
		if (next < d->vars.n && i >= d->vars.v[next].first)
			continue;
		f->stores.v[w++] = f->stores.v[i];
	}
	f->stores.n = w;
	for (size_t i = 0; i < d->vars.n; i++)
		dropped += !s.live[i];
	free(s.live);
	free(s.cut);
	return dropped;
}

void dead_tables_free(struct dead_tables *d)
{
	vec_free(&d->vars);
	vec_free(&d->code);
}
