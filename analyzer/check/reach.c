// SPDX-License-Identifier: GPL-2.0-only
/*
 * reach.c - what can happen below a function (see reach.h).
 *
 * Every check fires at an acquisition (recursive-lock, lock-order,
 * irq-inversion) or at a site that may sleep (sleep-in-atomic).  A path
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

/* Propagate FLAG (an offset of a bool in ck_func) from callees to callers
 * until nothing changes; with the callers of each function listed, a
 * worklist touches every edge once per change. */
static void propagate(struct engine *e, const struct callgraph *g, size_t flag)
{
	size_t nf = e->funcs.n;
	int *ncallers = xcalloc(nf + 1, sizeof(int)), *first = xcalloc(nf + 2, sizeof(int));
	for (int x = 0; x < g->first[nf]; x++)
		ncallers[g->to[x]]++;
	for (size_t f = 0; f < nf; f++)
		first[f + 1] = first[f] + ncallers[f];
	int *callers = xmalloc(((size_t)g->first[nf] + 1) * sizeof(int)), *fill = xmalloc((nf + 1) * sizeof(int));
	memcpy(fill, first, nf * sizeof(int));
	for (size_t f = 0; f < nf; f++)
		for (int x = g->first[f]; x < g->first[f + 1]; x++)
			callers[fill[g->to[x]]++] = (int)f;
	int *work = xmalloc((nf + 1) * sizeof(int)), n = 0;
#define FLAG(f) (*(bool *)((char *)&e->funcs.v[f] + flag))
	for (size_t f = 0; f < nf; f++)
		if (FLAG(f))
			work[n++] = (int)f;
	while (n) {
		int f = work[--n];
		for (int x = first[f]; x < first[f + 1]; x++)
			if (!FLAG(callers[x])) {
				FLAG(callers[x]) = true;
				work[n++] = callers[x];
			}
	}
#undef FLAG
	free(ncallers);
	free(first);
	free(callers);
	free(fill);
	free(work);
}

/*
 * Per function, the lock classes acquired in its subtree (a bitset of
 * e->class_words words), and whether it acquires a lock its caller names
 * (a parameter's, whose class the path decides).  Components callees
 * first: each one's set is its functions' own plus their successors'.
 */
static void classes_below(struct engine *e, const struct callgraph *g)
{
	int nf = (int)e->funcs.n;
	size_t words = e->class_words = e->class_names.n / 64 + 1;
	int *comp = xmalloc(((size_t)nf + 1) * sizeof(int));
	int ncomp = scc_components(nf, g->first, g->to, comp);
	uint64_t *set = xcalloc((size_t)ncomp * words + 1, sizeof(uint64_t));
	bool *param = xcalloc((size_t)ncomp + 1, sizeof(bool));
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		if (s->kind != SITE_ACQUIRE || s->key < 0)
			continue;
		int c = comp[s->func], cls = e->keys.v[s->key].cls;
		if (e->keys.v[s->key].argn >= 0)
			param[c] = true;
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
				param[c] = param[c] || param[d];
			}
		}
		free(members[c]);
	}
	for (int f = 0; f < nf; f++) {
		struct ck_func *fn = &e->funcs.v[f];
		fn->acq_below = arena_alloc(&e->arena, words * sizeof(uint64_t));
		memcpy(fn->acq_below, &set[(size_t)comp[f] * words], words * sizeof(uint64_t));
		fn->acq_param_below = param[comp[f]];
	}
	free(members);
	free(nmembers);
	free(fill);
	free(set);
	free(param);
	free(comp);
}

void reach_load(struct engine *e, const struct callgraph *g)
{
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		struct ck_func *f = &e->funcs.v[s->func];
		if (s->kind == SITE_ACQUIRE)
			f->below_acquire = true;
		if (site_sleeps(e, s))
			f->below_sleep = true;
	}
	propagate(e, g, offsetof(struct ck_func, below_acquire));
	propagate(e, g, offsetof(struct ck_func, below_sleep));
	classes_below(e, g);
}
