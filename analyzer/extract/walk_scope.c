// SPDX-License-Identifier: GPL-2.0-only
/*
 * walk_scope.c - lock guards: a variable with a cleanup attribute whose
 * initialiser took a lock (cleanup.h's 'guard(mutex)(&l)',
 * 'scoped_guard(spinlock_irqsave, &l)') holds it until its scope is left;
 * libclang shows the constructor's acquire but not the destructor the
 * compiler calls at the block's end, a return, a break or a goto out, so
 * the walk releases the lock there itself.
 */
#include "extract/walker.h"
#include "extract/keys.h"
#include "extract/guard.h"
#include "lib/keyname.h"

#include <string.h>

/* Whether VAR has a cleanup attribute ('__attribute__((__cleanup__(f)))',
 * cleanup.h's '__cleanup(f)'): libclang shows it as an unexposed
 * attribute, read here by its spelling (in the macro that writes it). */
bool has_cleanup_attr(struct walker *w, CXCursor var)
{
	CXCursor k[8];
	unsigned n = key_children(var, k, 8);
	for (unsigned i = 0; i < n; i++) {
		if (!clang_isAttribute(clang_getCursorKind(k[i])))
			continue;
		CXFile file;
		unsigned offset;
		size_t size;
		clang_getSpellingLocation(clang_getCursorLocation(k[i]), &file, NULL, NULL, &offset);
		const char *text = guard_file_text(w->tu, file, &size);
		if (text && offset < size && (!strncmp(text + offset, "__cleanup__", 11) ||
					      !strncmp(text + offset, "cleanup", 7)))
			return true;
	}
	return false;
}

/* Guard variable VAR's initialiser was walked from site FIRST on: each
 * lock it took (its constructor is a lock wrapper, wrappers.h) is held
 * until the scope ends. */
void note_scoped_locks(struct walker *w, int first)
{
	for (size_t i = (size_t)first; i < w->f->sites.n; i++) {
		const struct xsite *s = &w->f->sites.v[i];
		if (s->func != w->func || s->kind != SITE_ACQUIRE || !strcmp(s->lock_key, "?"))
			continue;
		struct xlock *l = ls_find(&w->st, s->lock_key);
		if (l && l->held)
			vec_push(&w->scoped, ((struct scoped_lock){ (int)i, w->scope_depth, w->break_depth }));
	}
}

static int undo_irq(int irq)
{
	switch (irq) {
	case IRQ_SAVE: return IRQ_RESTORE;
	case IRQ_DISABLE: return IRQ_ENABLE;
	case IRQ_BH_OFF: return IRQ_BH_ON;
	default: return irq;
	}
}

/* 'class_mutex_destructor' for 'class_mutex_constructor' (cleanup.h's
 * names), else the constructor's own name. */
static const char *destructor_name(struct walker *w, const char *ctor)
{
	size_t stem = keyname_guard_ctor_stem(ctor);
	if (!stem)
		return ctor;
	return intern(w, arena_printf(&w->f->arena, "%.*s_destructor", (int)stem, ctor));
}

/* The destructor of guard G runs at AT: a release of the lock its
 * constructor took, like the unlock it calls. */
static void release_scoped(struct walker *w, const struct scoped_lock *g, CXSourceLocation at)
{
	if (w->st.dead)
		return;
	const struct xsite acq = w->f->sites.v[g->acq_site];
	int site = add_site_at(w, SITE_RELEASE, at);
	struct xsite *s = &w->f->sites.v[site];
	s->callee_name = destructor_name(w, acq.callee_name);
	s->lock_key = acq.lock_key;
	s->lock_path = acq.lock_path;
	s->ltype = acq.ltype;
	s->is_read = acq.is_read;
	s->irq = undo_irq(acq.irq);
	struct xlock *l = ls_find(&w->st, acq.lock_key);
	if (l)
		l->held = false;
	apply_irq(w, s->irq);
}

/* Leaving the scopes deeper than SCOPE (a block's end: the one it closes;
 * a return: all of them) releases their guards' locks at AT, innermost
 * first.  POP: the guards are gone (the walk leaves the scope), not only
 * released on the path that jumps out. */
void leave_scopes(struct walker *w, int scope, CXSourceLocation at, bool pop)
{
	for (size_t i = w->scoped.n; i-- > 0 && w->scoped.v[i].scope > scope;)
		release_scoped(w, &w->scoped.v[i], at);
	while (pop && w->scoped.n && w->scoped.v[w->scoped.n - 1].scope > scope)
		w->scoped.n--;
}

/* A 'break' leaves the guards declared inside the loop or switch it ends. */
void break_scopes(struct walker *w, CXCursor at)
{
	for (size_t i = w->scoped.n; i-- > 0 && w->scoped.v[i].breaks >= w->break_depth;)
		release_scoped(w, &w->scoped.v[i], clang_getCursorLocation(at));
}
