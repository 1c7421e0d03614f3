// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_lock_order.c - rule 'lock-order' (lockdep: "possible circular
 * locking dependency detected"): every acquisition of class B while class A
 * is held adds the dependency A -> B, with the first (shortest) path that
 * showed it.  When both A -> B and B -> A exist, two CPUs taking them in
 * the two orders can deadlock; the finding carries both paths and, as
 * lockdep does, sits at the acquisition found second (the one that closed
 * the cycle; entries are explored hardirq first).  Longer cycles
 * (A -> B -> C -> A, each dependency on its own path) are found in the
 * graph without the ABBA pairs' edges: its strongly connected components,
 * then one shortest cycle per component, through the dependency found last;
 * one finding with a path per dependency.  Not every elementary cycle is
 * listed (their number can be exponential): fixing one shows the next.
 * Trylocks add no dependency: they cannot block; nor does a class lockdep
 * does not validate (lockdep_set_novalidate_class(), check/lockdep.h).
 *
 * Readers, as lockdep's "recursive read" rule (kernel/locking/lockdep.c):
 * each dependency holds its first class exclusive or shared (a read side)
 * and takes its second non-recursively or as a recursive read (an rwlock_t
 * read in interrupt context or by read_lock_bh(), where in_interrupt()
 * holds and qrwlock lets the reader past queued writers).  A
 * cycle deadlocks only if no class in it is taken as a recursive read by
 * the dependency into it and held shared by the one out of it: readers do
 * not wait for readers.  So every dependency is kept once per kind (its
 * first path), and a cycle is reported with kinds that make it strong, or
 * not at all (fasync's fa_lock, read in hardirq on both sides of a cycle
 * through printk, was one).
 */
#include "check/engine.h"
#include "check/lockdep.h"
#include "lib/scc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A dependency's kind: bits of these (none: exclusive held, non-recursive taken). */
enum { DEP_HELD_SHARED = 1, DEP_TAKEN_RECURSIVE = 2, DEP_KINDS = 4 };
struct dep { int a, b, kind; struct ck_witness w; };
/* INDEX: 'A>B/KIND' -> the dependency's index in V; PAIRS: 'A>B' -> the first of any kind. */
struct deps { struct strmap index, pairs; VEC(struct dep) v; };

static struct deps *deps_of(struct engine *e)
{
	void **slot = engine_data(e, CHECK_ID_lock_order);
	if (!*slot)
		*slot = xcalloc(1, sizeof(struct deps));
	return *slot;
}

/* The kind of the dependency from HELD to what visit V takes. */
static int dep_kind(const struct ck_visit *v, const struct ck_held *held)
{
	int kind = 0;
	if (held->is_read && (held->ltype == LT_RWLOCK || held->ltype == LT_RWSEM))
		kind |= DEP_HELD_SHARED;
	/* in_interrupt(): an interrupt's context, or softirqs off, which
	 * read_lock_bh() does before it takes the lock */
	if (v->site->is_read && v->site->ltype == LT_RWLOCK && (v->ctx != CTX_PROCESS || v->site->irq == IRQ_BH_OFF))
		kind |= DEP_TAKEN_RECURSIVE;
	return kind;
}

/* Whether a dependency of kind IN into a class and one of kind OUT out of
 * it let the cycle through there: not a recursive read held shared. */
static bool kinds_chain(int in, int out)
{
	return !(in & DEP_TAKEN_RECURSIVE && out & DEP_HELD_SHARED);
}

/* The index of dependency A -> B of KIND, or -1. */
static int dep_find(const struct deps *d, int a, int b, int kind)
{
	char name[48];
	snprintf(name, sizeof(name), "%d>%d/%d", a, b, kind);
	int64_t *i = strmap_get(&d->index, name);
	return i ? (int)*i : -1;
}

void check_lock_order(struct engine *e, const struct ck_visit *v)
{
	if (v->site->kind != SITE_ACQUIRE)
		return;
	int key = engine_site_key(e, v);
	int b = engine_key_class(e, key);
	if (b < 0 || !lockdep_validated(e, b))
		return;   /* lockdep_set_novalidate_class(): no dependency is checked */
	for (int i = 0; i < v->nheld; i++)
		if (v->held[i].cls == b)
			return;   /* re-acquiring a held class is recursive-lock's business, not an order */
	struct deps *d = deps_of(e);
	for (int i = 0; i < v->nheld; i++) {
		int a = v->held[i].cls;
		if (a == b || !lockdep_validated(e, a))
			continue;
		int kind = dep_kind(v, &v->held[i]);
		char name[48];
		snprintf(name, sizeof(name), "%d>%d/%d", a, b, kind);
		bool created;
		int64_t *slot = strmap_put(&d->index, name, &created);
		if (!created)
			continue;
		*slot = (int64_t)d->v.n;
		snprintf(name, sizeof(name), "%d>%d", a, b);
		slot = strmap_put(&d->pairs, name, &created);
		if (created)
			*slot = (int64_t)d->v.n;
		struct dep dep = { a, b, kind, { v->state, v->site, v->held[i], true } };
		vec_push(&d->v, dep);
		engine_order_seen(e, a, b);
	}
}

static void report_pair(struct engine *e, const struct dep *ab, const struct dep *ba)
{
	const char *a = engine_key_name(e, ab->w.held.key);
	int bkey = ab->w.site->key;
	char *msg = xasprintf("%s is acquired while %s is held, and on another path %s is acquired while %s is "
			      "held (in %s): possible ABBA deadlock",
			      engine_key_name(e, bkey), a, engine_key_name(e, ba->w.site->key),
			      engine_key_name(e, ba->w.held.key), engine_func(e, ba->w.site->func)->name);
	const char *rule = checks[CHECK_ID_lock_order].name;
	char dedup[64];
	snprintf(dedup, sizeof(dedup), "%s/%d/%d", rule, ab->a < ab->b ? ab->a : ab->b, ab->a < ab->b ? ab->b : ab->a);
	engine_report_pair(e, &ab->w, &ba->w, rule, bkey, dedup, msg);
	free(msg);
}

/*
 * One finding for the cycle of N >= 3 classes whose dependencies are
 * D->v.v[EDGE[0..N-1]], in cycle order: EDGE[0] (c0 -> c1) is where it
 * closes and is reported, EDGE[k] is c_k -> c_k+1.  Each class is named as
 * the dependency into it acquired it (c0 as held at the reporting site).
 */
static void report_cycle(struct engine *e, const struct deps *d, const int *edge, int n)
{
	struct ck_witness *w = xcalloc((size_t)n, sizeof(*w));
	int *cls = xcalloc((size_t)n, sizeof(*cls));
	struct strbuf chain = {0}, funcs = {0}, dedup = {0};
	for (int k = 0; k < n; k++) {
		const struct dep *dp = &d->v.v[edge[k]];
		w[k] = dp->w;
		cls[k] = dp->a;
		sb_addf(&chain, "%s -> ", engine_key_name(e, k ? d->v.v[edge[k - 1]].w.site->key : dp->w.held.key));
		if (k)
			sb_addf(&funcs, "%s%s", k > 1 ? ", " : "", engine_func(e, dp->w.site->func)->name);
	}
	sb_add(&chain, engine_key_name(e, w[0].held.key));
	const char *rule = checks[CHECK_ID_lock_order].name;
	qsort(cls, (size_t)n, sizeof(*cls), int_cmp);
	sb_add(&dedup, rule);
	for (int k = 0; k < n; k++)
		sb_addf(&dedup, "/%d", cls[k]);
	int bkey = w[0].site->key;
	char *msg = xasprintf("%s is acquired while %s is held, closing the dependency cycle %s, whose other %d "
			      "dependencies are taken on other paths (in %s): possible circular deadlock",
			      engine_key_name(e, bkey), engine_key_name(e, w[0].held.key), sb_str(&chain), n - 1,
			      sb_str(&funcs));
	engine_report_cycle(e, w, n, rule, bkey, sb_str(&dedup), msg);
	free(msg);
	sb_free(&chain);
	sb_free(&funcs);
	sb_free(&dedup);
	free(cls);
	free(w);
}

/*
 * The dependency graph without the edges of two-class cycles (reported as
 * ABBA above), in compressed form: vertex per class met, and per vertex its
 * out-edges (indexes into the deps) in the order the search found them.
 */
struct graph {
	int nv, *vert_of;     /* class -> vertex, -1; vertex -> class in cls */
	int *cls;
	int *first, *to, *edge;   /* out-edges of V: to[first[V] .. first[V + 1] - 1] */
};

static void graph_build(struct graph *g, const struct deps *d, const bool *skip)
{
	int maxcls = 0;
	for (size_t i = 0; i < d->v.n; i++) {
		maxcls = d->v.v[i].a > maxcls ? d->v.v[i].a : maxcls;
		maxcls = d->v.v[i].b > maxcls ? d->v.v[i].b : maxcls;
	}
	g->vert_of = xmalloc(((size_t)maxcls + 1) * sizeof(int));
	for (int c = 0; c <= maxcls; c++)
		g->vert_of[c] = -1;
	g->cls = xmalloc((2 * d->v.n + 1) * sizeof(int));
	g->nv = 0;
	for (size_t i = 0; i < d->v.n; i++) {
		if (skip[i])
			continue;
		int ends[2] = { d->v.v[i].a, d->v.v[i].b };
		for (int k = 0; k < 2; k++)
			if (g->vert_of[ends[k]] < 0) {
				g->vert_of[ends[k]] = g->nv;
				g->cls[g->nv++] = ends[k];
			}
	}
	g->first = xmalloc(((size_t)g->nv + 1) * sizeof(int));
	g->to = xmalloc((d->v.n + 1) * sizeof(int));
	g->edge = xmalloc((d->v.n + 1) * sizeof(int));
	int *from = xmalloc((d->v.n + 1) * sizeof(int));
	for (size_t i = 0; i < d->v.n; i++)
		from[i] = skip[i] ? -1 : g->vert_of[d->v.v[i].a];
	scc_group(g->nv, from, d->v.n, g->first, g->edge);
	for (int k = 0; k < g->first[g->nv]; k++)
		g->to[k] = g->vert_of[d->v.v[g->edge[k]].b];
	free(from);
}

static void graph_free(struct graph *g)
{
	free(g->vert_of);
	free(g->cls);
	free(g->first);
	free(g->to);
	free(g->edge);
}

/*
 * Make the cycle of dependencies EDGE[0..N) strong, if its classes' other
 * kinds of dependency can: for each kind of EDGE[0], walk the cycle keeping
 * per kind of the next edge one kind of the previous that chains into it
 * (FROM), and close back into EDGE[0]'s kind.  On success EDGE holds the
 * chosen dependencies; false: readers meet readers somewhere on every choice.
 */
static bool strong_cycle(const struct deps *d, int *edge, int n)
{
	int (*from)[DEP_KINDS] = xmalloc((size_t)n * sizeof(*from));
	bool found = false;
	for (int k0 = 0; k0 < DEP_KINDS && !found; k0++) {
		const struct dep *e0 = &d->v.v[edge[0]];
		if (dep_find(d, e0->a, e0->b, k0) < 0)
			continue;
		for (int y = 0; y < DEP_KINDS; y++)
			from[0][y] = y == k0 ? k0 : -1;
		for (int k = 1; k < n; k++) {
			const struct dep *ek = &d->v.v[edge[k]];
			for (int y = 0; y < DEP_KINDS; y++) {
				from[k][y] = -1;
				if (dep_find(d, ek->a, ek->b, y) < 0)
					continue;
				for (int x = 0; x < DEP_KINDS && from[k][y] < 0; x++)
					if (from[k - 1][x] >= 0 && kinds_chain(x, y))
						from[k][y] = x;
			}
		}
		int last = -1;
		for (int x = 0; x < DEP_KINDS && last < 0; x++)
			if (from[n - 1][x] >= 0 && kinds_chain(x, k0))
				last = x;
		if (last < 0)
			continue;
		for (int k = n - 1; k >= 0; k--) {
			const struct dep *ek = &d->v.v[edge[k]];
			edge[k] = dep_find(d, ek->a, ek->b, last);
			last = from[k][last];
		}
		found = true;
	}
	free(from);
	return found;
}

/*
 * Cycles of three or more classes: in every strongly connected component
 * of the graph without the ABBA edges, the shortest cycle through the
 * dependency found last in it (where the cycle closes): a breadth-first
 * search inside the component from that dependency's acquired class back
 * to its held one.  Each component is searched once, so the cost is linear
 * in the graph; a component with several cycles gets one finding, and
 * fixing it shows the next.
 */
static void long_cycles(struct engine *e, const struct deps *d, const bool *skip)
{
	struct graph g;
	graph_build(&g, d, skip);
	int *comp = xmalloc(((size_t)g.nv + 1) * sizeof(int));
	int ncomp = scc_components(g.nv, g.first, g.to, comp);
	int *closing = xmalloc(((size_t)ncomp + 1) * sizeof(int));   /* per component: its last edge, -1 */
	for (int c = 0; c < ncomp; c++)
		closing[c] = -1;
	for (size_t i = 0; i < d->v.n; i++) {
		if (skip[i])
			continue;
		int u = g.vert_of[d->v.v[i].a], v = g.vert_of[d->v.v[i].b];
		if (comp[u] == comp[v])
			closing[comp[u]] = (int)i;   /* the deps are in the order found: the last wins */
	}
	int *prev = xmalloc(((size_t)g.nv + 1) * sizeof(int));   /* BFS: the slot that reached V */
	int *seen = xmalloc(((size_t)g.nv + 1) * sizeof(int));    /* BFS: 1 + the component searched */
	int *queue = xmalloc(((size_t)g.nv + 1) * sizeof(int));
	int *edge = xmalloc(((size_t)g.nv + 1) * sizeof(int));
	memset(seen, 0, ((size_t)g.nv + 1) * sizeof(int));
	/* in the order the closing dependencies were found, as lockdep would report them */
	int *order = xmalloc(((size_t)ncomp + 1) * sizeof(int)), norder = 0;
	for (int c = 0; c < ncomp; c++)
		if (closing[c] >= 0)
			order[norder++] = closing[c];
	qsort(order, (size_t)norder, sizeof(*order), int_cmp);
	for (int k = 0; k < norder; k++) {
		const struct dep *close = &d->v.v[order[k]];
		int from = g.vert_of[close->b], goal = g.vert_of[close->a], c = comp[from];
		int head = 0, tail = 0;
		queue[tail++] = from;
		seen[from] = c + 1;
		prev[from] = -1;
		while (head < tail && seen[goal] != c + 1) {
			int u = queue[head++];
			for (int s = g.first[u]; s < g.first[u + 1]; s++) {
				int w = g.to[s];
				if (comp[w] != c || seen[w] == c + 1)
					continue;
				seen[w] = c + 1;
				prev[w] = s;
				queue[tail++] = w;
			}
		}
		/* the component is strongly connected: GOAL is reached */
		int n = 0;
		for (int v = goal; v != from; v = g.vert_of[d->v.v[g.edge[prev[v]]].a])
			edge[1 + n++] = g.edge[prev[v]];
		for (int i = 1, j = n; i < j; i++, j--) {
			int t = edge[i];
			edge[i] = edge[j];
			edge[j] = t;
		}
		edge[0] = order[k];
		if (strong_cycle(d, edge, n + 1))
			report_cycle(e, d, edge, n + 1);
	}
	free(order);
	free(prev);
	free(seen);
	free(queue);
	free(edge);
	free(closing);
	free(comp);
	graph_free(&g);
}

/*
 * The ABBA of classes A and B: of the kinds of A -> B and B -> A, the
 * strong pair closed first (the later of its two found earliest; on a tie,
 * the earlier found earliest), reported where it closed, as lockdep would.
 * None when every pair is readers meeting readers.  Without readers that
 * is each direction's first dependency, as before kinds were kept.
 */
static void abba(struct engine *e, const struct deps *d, int a, int b)
{
	int best_ab = -1, best_ba = -1, best_close = -1;
	for (int x = 0; x < DEP_KINDS; x++) {
		int ab = dep_find(d, a, b, x);
		for (int y = 0; ab >= 0 && y < DEP_KINDS; y++) {
			int ba = dep_find(d, b, a, y);
			if (ba < 0 || !kinds_chain(x, y) || !kinds_chain(y, x))
				continue;
			int close = ab > ba ? ab : ba, open = ab > ba ? ba : ab;
			if (best_close < 0 || close < best_close ||
			    (close == best_close && open < (best_ab > best_ba ? best_ba : best_ab))) {
				best_close = close;
				best_ab = ab;
				best_ba = ba;
			}
		}
	}
	if (best_close < 0)
		return;
	if (best_ab > best_ba)
		report_pair(e, &d->v.v[best_ab], &d->v.v[best_ba]);
	else
		report_pair(e, &d->v.v[best_ba], &d->v.v[best_ab]);
}

void check_lock_order_done(struct engine *e)
{
	struct deps *d = deps_of(e);
	bool *in_pair = xcalloc(d->v.n + 1, sizeof(bool));
	for (size_t i = 0; i < d->v.n; i++) {
		const struct dep *ab = &d->v.v[i];
		char name[48];
		snprintf(name, sizeof(name), "%d>%d", ab->b, ab->a);
		int64_t *other = strmap_get(&d->pairs, name);
		if (!other)
			continue;
		in_pair[i] = true;
		snprintf(name, sizeof(name), "%d>%d", ab->a, ab->b);
		int64_t *first = strmap_get(&d->pairs, name);
		if (*first == (int64_t)i && *other > *first)   /* each pair once, in the order found */
			abba(e, d, ab->a, ab->b);
	}
	long_cycles(e, d, in_pair);
	free(in_pair);
	strmap_free(&d->index);
	strmap_free(&d->pairs);
	vec_free(&d->v);
	free(d);
	*engine_data(e, CHECK_ID_lock_order) = NULL;
}
