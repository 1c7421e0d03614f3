// SPDX-License-Identifier: GPL-2.0-only
/*
 * reach.c - what can happen below a function (see reach.h).
 *
 * Every check fires at an acquisition (recursive-lock, lock-order,
 * irq-inversion), at a site that may sleep (sleep-in-atomic) or at a call
 * that needs interrupts on (irqs-off-call).  A path
 * into a function whose whole subtree does neither cannot make a finding,
 * however many locks it holds: test_bit(), list_empty() and the tracing
 * hooks under them are called with every lock of the kernel held, and a
 * state per lock for each of them was most of a whole tree's search.  A
 * held lock is worth a state only where something below can acquire a
 * lock (the order, the re-acquisition) or, for a spinning lock, sleep.
 * Exact: no finding and no witness changes.
 */
#include "check/reach.h"
#include "check/engine_int.h"
#include "lib/scc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The successors of F (reach.h), into OUT unless NULL; returns how many.
 * Calls the search does not follow (deferrals, noreturn) have none. */
static int successors(const struct engine *e, int f, int *out)
{
	const struct ck_func *fn = &e->funcs.v[f];
	int n = 0;
	for (int i = 0; i < fn->nsites; i++) {
		const struct ck_site *s = &e->sites.v[fn->sites[i]];
		if (s->kind != SITE_CALL || s->no_edge)
			continue;
		for (int c = 0; c < s->ncallees; c++, n++)
			if (out)
				out[n] = s->callees[c].func;
		for (int a = 0; a < s->nfnargs; a++)
			if (s->fnargs[a].func >= 0) {
				if (out)
					out[n] = s->fnargs[a].func;
				n++;
			}
	}
	return n;
}

void callgraph_build(const struct engine *e, struct callgraph *g)
{
	size_t nf = e->funcs.n, total = 0;
	g->first = xmalloc((nf + 1) * sizeof(int));
	for (size_t f = 0; f < nf; f++) {
		g->first[f] = (int)total;
		total += (size_t)successors(e, (int)f, NULL);
	}
	g->first[nf] = (int)total;
	g->to = xmalloc((total + 1) * sizeof(int));
	for (size_t f = 0; f < nf; f++)
		successors(e, (int)f, &g->to[g->first[f]]);
}

void callgraph_free(struct callgraph *g)
{
	free(g->first);
	free(g->to);
	g->first = g->to = NULL;
}

/* Whether a site may sleep as sleep-in-atomic sees it: a call the rules
 * list as sleeping, or a sleeping lock's acquisition. */
static bool site_sleeps(const struct engine *e, const struct ck_site *s)
{
	if (s->kind == SITE_CALL && s->callee_name)
		return rules_sleep_reason(e->rules, s->callee_name) != NULL;
	return s->kind == SITE_ACQUIRE && s->ltype >= LT_MUTEX;
}

/* Whether a site calls a function that needs interrupts on (irqs-off-call). */
static bool site_needs_irqs_on(const struct engine *e, const struct ck_site *s)
{
	return s->kind == SITE_CALL && s->callee_name && rules_irqs_on(e->rules, s->callee_name);
}

/* What a component's subtree does besides the classes it acquires. */
enum { BELOW_ACQUIRE = 1, BELOW_SLEEP = 2, BELOW_PARAM_LOCK = 4, BELOW_IRQS_ON = 8 };

/*
 * Per function, what its subtree does: the lock classes it acquires (a
 * bitset of e->class_words words), whether it acquires at all, may sleep,
 * or acquires a lock its caller names (a parameter's, whose class the path
 * decides).  One pass over the strongly connected components, callees
 * first: each one's facts are its functions' own plus their successors'.
 */
void reach_load(struct engine *e, const struct callgraph *g)
{
	int nf = (int)e->funcs.n;
	size_t words = e->class_words = e->class_names.n / 64 + 1;
	int *comp = xmalloc(((size_t)nf + 1) * sizeof(int));
	int ncomp = scc_components(nf, g->first, g->to, comp);
	uint64_t *set = xcalloc((size_t)ncomp * words + 1, sizeof(uint64_t));
	unsigned char *flags = xcalloc((size_t)ncomp + 1, 1);
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		int c = comp[s->func];
		if (site_sleeps(e, s))
			flags[c] |= BELOW_SLEEP;
		if (site_needs_irqs_on(e, s))
			flags[c] |= BELOW_IRQS_ON;
		if (s->kind != SITE_ACQUIRE)
			continue;
		flags[c] |= BELOW_ACQUIRE;
		int cls = s->key >= 0 ? e->keys.v[s->key].cls : -1;
		if (s->key >= 0 && e->keys.v[s->key].argn >= 0)
			flags[c] |= BELOW_PARAM_LOCK;
		else if (cls >= 0 && (size_t)cls < words * 64)
			set[(size_t)c * words + (size_t)cls / 64] |= (uint64_t)1 << (cls % 64);
	}
	/* callees first: a component's successors are numbered lower */
	int **members = xcalloc((size_t)ncomp + 1, sizeof(int *));
	int *nmembers = xcalloc((size_t)ncomp + 1, sizeof(int)), *fill = xcalloc((size_t)ncomp + 1, sizeof(int));
	for (int f = 0; f < nf; f++)
		nmembers[comp[f]]++;
	for (int c = 0; c < ncomp; c++)
		members[c] = xmalloc(((size_t)nmembers[c] + 1) * sizeof(int));
	for (int f = 0; f < nf; f++)
		members[comp[f]][fill[comp[f]]++] = f;
	for (int c = 0; c < ncomp; c++) {
		uint64_t *r = &set[(size_t)c * words];
		for (int m = 0; m < nmembers[c]; m++) {
			int f = members[c][m];
			for (int x = g->first[f]; x < g->first[f + 1]; x++) {
				int d = comp[g->to[x]];
				if (d == c)
					continue;
				const uint64_t *rd = &set[(size_t)d * words];
				for (size_t i = 0; i < words; i++)
					r[i] |= rd[i];
				flags[c] |= flags[d];
			}
		}
		free(members[c]);
	}
	for (int f = 0; f < nf; f++) {
		struct ck_func *fn = &e->funcs.v[f];
		unsigned char fl = flags[comp[f]];
		fn->acq_below = arena_alloc(&e->arena, words * sizeof(uint64_t));
		memcpy(fn->acq_below, &set[(size_t)comp[f] * words], words * sizeof(uint64_t));
		fn->below_acquire = fl & BELOW_ACQUIRE;
		fn->below_sleep = fl & BELOW_SLEEP;
		fn->below_irqs_on = fl & BELOW_IRQS_ON;
		fn->acq_param_below = fl & BELOW_PARAM_LOCK;
	}
	free(members);
	free(nmembers);
	free(fill);
	free(set);
	free(flags);
	free(comp);
}

/* Whether the site at S runs with the caller's locks and interrupt state
 * and sleeps: a sleep of its own or a sleep annotation (might_sleep()), or
 * a direct call of a function that always sleeps (as far as ALWAYS says yet). */
static bool site_always_sleeps(const struct engine *e, const struct ck_site *s, const bool *always)
{
	if (site_sleeps(e, s))
		return true;
	if (s->kind != SITE_CALL || s->no_edge || s->param_call >= 0 || s->ncallees == 0)
		return false;   /* panic() is not followed: its sleeps are not the path's */
	for (int c = 0; c < s->ncallees; c++)
		if (!always[s->callees[c].func])
			return false;
	return true;
}

/* Whether F reaches, on every call, a site that sleeps before any lock of
 * its own changes the caller's state (see reach_always_sleeps). */
static bool func_always_sleeps(const struct engine *e, const struct ck_func *f, const bool *always)
{
	for (int i = 0; i < f->nsites; i++) {
		const struct ck_site *s = &e->sites.v[f->sites[i]];
		if (s->nlocks > 0 || s->irqs_off != 0)
			return false;   /* a lock taken, dropped or left by a helper; irqs switched */
		if (s->nguards || !s->always)
			continue;       /* may not run on every call (a branch, a loop) */
		if (site_always_sleeps(e, s, always))
			return true;
	}
	return false;
}


/*
 * A function that sleeps with its caller's locks and interrupt state
 * unchanged (audit_ctl_lock() is a mutex_lock(); a config helper that
 * waits for its completion first) sleeps wherever it is called: a path
 * atomic at the call is atomic at the sleep, and has slept there.  The
 * sleep must run on every call (site.always: not in a branch, a loop body
 * or after a return; no parameter guard), and no lock may be taken or
 * dropped and no interrupt state switched before it.  A call of such a
 * function on every call is such a sleep in its caller too: a fixed point
 * over the direct calls.  ccw_device_dma_zalloc() sleeps only when its pool
 * is empty, in a branch: virtio_ccw_get_config() goes on to ccw_io_helper().
 * A function that only says so on every call (folio_lock()'s might_sleep(),
 * then a sleep when the folio is locked) counts too: its caller's path has
 * broken its context there (engine.c, visit_state).
 */
void reach_always_sleeps(struct engine *e)
{
	bool *always = xcalloc(e->funcs.n + 1, sizeof(bool));
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t f = 0; f < e->funcs.n; f++)
			if (!always[f] && func_always_sleeps(e, &e->funcs.v[f], always))
				always[f] = changed = true;
	}
	for (size_t f = 0; f < e->funcs.n; f++)
		e->funcs.v[f].always_sleeps = always[f];
	free(always);
}
