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
 * nothing more).  A name counts as cut off when it is inside a statement
 * the walk cut off, by the AST, not by where it is written: a macro's cut
 * branch and its live argument share one line ('RCU_INIT_POINTER(p,
 * &nf_conntrack_hook)', whose WRITE_ONCE() has a compile-time assert
 * under a constant condition), and by place a second version took such
 * live names for cut-off ones.
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

void dead_tables_note_code(struct dead_tables *d, CXCursor stmt)
{
	for (size_t i = 0; i < d->code.n; i++)
		if (clang_equalCursors(d->code.v[i], stmt))
			return;   /* a loop's body walked again */
	vec_push(&d->code, stmt);
}

/* Names of the noted tables counted in a subtree: per table, into COUNT. */
struct ref_count {
	const struct dead_tables *d;
	unsigned *count;
};

/* The index of the noted table declaration DECL is, or -1. */
static int noted_var(const struct dead_tables *d, CXCursor decl)
{
	CXCursor canon = clang_getCanonicalCursor(decl);
	for (size_t i = 0; i < d->vars.n; i++)
		if (clang_equalCursors(canon, d->vars.v[i].var))
			return (int)i;
	return -1;
}

static enum CXChildVisitResult count_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct ref_count *rc = data;
	int i = clang_getCursorKind(c) == CXCursor_DeclRefExpr ? noted_var(rc->d, clang_getCursorReferenced(c)) : -1;
	if (i >= 0)
		rc->count[i]++;
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult count_top(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct ref_count *rc = data;
	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;   /* a header cannot name the file's statics before them */
	/* a table's own initialiser does not keep it */
	if (clang_getCursorKind(c) != CXCursor_VarDecl || noted_var(rc->d, c) < 0)
		clang_visitChildren(c, count_refs, rc);
	return CXChildVisit_Continue;
}

int dead_tables_drop(struct dead_tables *d, CXTranslationUnit tu, struct tu_facts *f)
{
	if (!d->vars.n || !d->code.n)
		return 0;
	unsigned *all = calloc(d->vars.n, sizeof(unsigned)), *cut = calloc(d->vars.n, sizeof(unsigned));
	struct ref_count rc = { d, all };
	clang_visitChildren(clang_getTranslationUnitCursor(tu), count_top, &rc);
	rc.count = cut;
	for (size_t i = 0; i < d->code.n; i++)
		if (count_refs(d->code.v[i], clang_getNullCursor(), &rc) == CXChildVisit_Recurse)
			clang_visitChildren(d->code.v[i], count_refs, &rc);
	/* dead: named, and only in cut-off code (named nowhere: a section's
	 * entry or '__used', kept) */
	bool *dead = calloc(d->vars.n, sizeof(bool));
	int dropped = 0;
	for (size_t i = 0; i < d->vars.n; i++) {
		dead[i] = cut[i] > 0 && cut[i] >= all[i];
		dropped += dead[i];
	}
	size_t w = 0, next = 0;   /* vars are in the order their stores were made */
	for (size_t i = 0; i < f->stores.n; i++) {
		while (next < d->vars.n && (!dead[next] || i >= d->vars.v[next].end))
			next++;
		if (next < d->vars.n && i >= d->vars.v[next].first)
			continue;
		f->stores.v[w++] = f->stores.v[i];
	}
	f->stores.n = w;
	free(all);
	free(cut);
	free(dead);
	return dropped;
}

void dead_tables_free(struct dead_tables *d)
{
	vec_free(&d->vars);
	vec_free(&d->code);
}
