// SPDX-License-Identifier: GPL-2.0-only
/*
 * dropped.c - what the contexts the per-function bound drops would acquire.
 *
 * The search follows a function in at most CK_MAX_CONTEXTS contexts
 * (engine.c, function_full()); past them a context is dropped, and what it
 * would have found with its own locks held is lost.  On the whole s390
 * tree the bound decided the lock-order list: 95 findings at 16 contexts,
 * 182 at 32, 294 at 48, 408 at 64, while sleep-in-atomic stayed at 100
 * from 32 on (docs/kernel-6.1-s390-full.md, session 36).  So the
 * lock-order list was a sample, and a fix that removed some paths let
 * other contexts in.
 *
 * Most dropped contexts differ from a kept one only in the locks held: the
 * same function, context, interrupt state and bindings (its twin).  What
 * the function and its callees do depends on those, not on the caller's
 * locks, except where the path releases one of them.  So each acquisition
 * in the twin's subtree is one of the dropped context too, on the dropped
 * path: the path to the dropped call, then the twin's path from the
 * function down to the acquisition.  That path is made real by copying the
 * twin's states onto the dropped caller (engine_add_state()), and the
 * acquisition is visited there again, with the dropped context's locks
 * held, by the two checks those locks change: recursive-lock (a lock A it
 * held taken again) and lock-order (A -> B).  The findings' writers walk
 * that path like any other.  Sleep-in-atomic is not replayed: its list
 * did not depend on the bound.
 *
 * Only the tree of first discovery below the twin is read (the parent
 * links): a state first reached from elsewhere is not in the twin's
 * subtree here, so some acquisitions stay unseen, never a wrong one.  A
 * dropped context with no twin (other bindings than every kept one) adds
 * nothing.
 */
#include "check/dropped.h"
#include "check/checks.h"
#include "check/engine_int.h"
#include "check/lockdep.h"
#include "lib/scc.h"

#include <stdlib.h>
#include <string.h>

/* A context past the bound: the call that made it, the twin it matches,
 * and the locks it held. */
struct drop {
	int twin, parent;
	int64_t via_site, via_store;
	int guess, hops;
	uint64_t on_path;
	bool last_put;
	int nheld;
	struct ck_held held[CK_MAX_HELD];
};

/* An acquisition the search visited: SITE in the function of STATE,
 * taking class CLS.  The records of one state are consecutive (a state's
 * sites are visited together). */
struct ck_acq { int state, cls; const struct ck_site *site; };

struct dropped {
	VEC(struct ck_acq) acq;
	size_t nfuncs;           /* the length of kept and twin_hash */
	int **kept;              /* per function: its kept states (engine.c's bound of them), or NULL */
	uint64_t **twin_hash;    /* per function: their signatures without held locks, hashed at its
				  * first drop (a function at the bound keeps no more states) */
	struct strmap seen;      /* "twin:class,class..": one drop per twin and held set */
	VEC(struct drop) v;
	struct strbuf sig;
};

static struct dropped *dropped_of(struct engine *e)
{
	if (!e->dropped) {
		e->dropped = xcalloc(1, sizeof(*e->dropped));
		e->dropped->nfuncs = e->funcs.n;
		e->dropped->kept = xcalloc(e->funcs.n + 1, sizeof(int *));
		e->dropped->twin_hash = xcalloc(e->funcs.n + 1, sizeof(uint64_t *));
	}
	return e->dropped;
}

void dropped_kept(struct engine *e, int func, int state)
{
	struct dropped *d = dropped_of(e);
	int k = e->func_states[func] - 1;   /* explore() counted it already */
	if (!d->kept[func])
		d->kept[func] = xmalloc(e->st->max_contexts * sizeof(int));
	d->kept[func][k] = state;
}

/* What twins share: everything of the signature but the held locks (and
 * the last-put mark, which changes no step of the search). */
static uint64_t twin_hash(const struct engine *e, const struct ck_state *s, struct strbuf *sb)
{
	struct ck_state t = *s;
	t.nheld = 0;
	t.last_put = false;
	engine_state_signature(e, &t, sb);
	return str_hash(sb_str(sb));
}

static int find_twin(struct engine *e, struct dropped *d, const struct ck_state *s)
{
	int f = s->func;
	size_t n = e->st->max_contexts;
	if (!d->twin_hash[f]) {
		d->twin_hash[f] = xmalloc(n * sizeof(uint64_t));
		for (size_t i = 0; i < n; i++) {
			struct ck_state t;
			engine_state_load(e, d->kept[f][i], &t);
			d->twin_hash[f][i] = twin_hash(e, &t, &d->sig);
		}
	}
	uint64_t h = twin_hash(e, s, &d->sig);
	for (size_t i = 0; i < n; i++)
		if (d->twin_hash[f][i] == h)
			return d->kept[f][i];
	return -1;
}

void dropped_note(struct engine *e, const struct ck_state *s)
{
	if (!s->nheld)
		return;   /* nothing held: nothing to take again, no order to add */
	struct dropped *d = dropped_of(e);
	int twin = find_twin(e, d, s);
	if (twin < 0)
		return;
	sb_reset(&d->sig);
	sb_addf(&d->sig, "%d:", twin);
	for (int i = 0; i < s->nheld; i++)
		sb_addf(&d->sig, "%d,", s->held[i].cls);
	bool created;
	strmap_id(&d->seen, sb_str(&d->sig), &created);
	if (!created)
		return;   /* the first such drop is the least guessed (states are visited so) */
	struct drop x = { twin, s->parent, s->via_site, s->via_store, s->guess, s->hops, s->on_path,
			  s->last_put, s->nheld, {{0}} };
	memcpy(x.held, s->held, (size_t)s->nheld * sizeof(x.held[0]));
	vec_push(&d->v, x);
}

void dropped_free(struct engine *e)
{
	struct dropped *d = e->dropped;
	if (!d)
		return;
	for (size_t f = 0; f < d->nfuncs; f++) {
		free(d->kept[f]);
		free(d->twin_hash[f]);
	}
	free(d->kept);
	free(d->twin_hash);
	strmap_free(&d->seen);
	vec_free(&d->v);
	vec_free(&d->acq);
	sb_free(&d->sig);
	free(d);
	e->dropped = NULL;
}

void dropped_seen(struct engine *e, const struct ck_visit *v)
{
	int cls = engine_key_class(e, engine_site_key(e, v));
	if (cls >= 0)
		vec_push(&dropped_of(e)->acq, ((struct ck_acq){ v->state, cls, v->site }));
}

/* ------------------------------------------------------------ the replay */

/* The search's states as a tree of first discovery, and the acquisitions
 * recorded in each state. */
struct tree {
	int nstates;
	int *cfirst, *child;        /* children of S: child[cfirst[S] .. cfirst[S + 1] - 1] */
	int *afirst;                /* S's first record in acq, or -1 (its records are consecutive) */
	const struct ck_acq *acq;
	size_t nacq;
	int *twin_first, *twin_n;   /* per twin state: where its classes' first records are in
				     * twin_recs, and how many (twin_first < 0: not walked yet) */
	VEC(int) twin_recs;
	int *class_stamp;           /* per class: the last twin whose walk met it */
	int *queue;
};

#define TWIN_MAX_WALK 20000     /* states a twin's subtree walk reads at most */

static void tree_build(struct engine *e, struct tree *t, const struct ck_acq *acq, size_t nacq)
{
	int n = t->nstates = (int)e->states.n;
	t->acq = acq;
	t->nacq = nacq;
	t->cfirst = xmalloc(((size_t)n + 1) * sizeof(int));
	t->child = xmalloc(((size_t)n + 1) * sizeof(int));
	int *parent = xmalloc(((size_t)n + 1) * sizeof(int));
	for (int s = 0; s < n; s++)
		parent[s] = e->states.v[s].parent;
	scc_group(n, parent, (size_t)n, t->cfirst, t->child);
	free(parent);
	t->afirst = xmalloc(((size_t)n + 1) * sizeof(int));
	t->twin_first = xmalloc(((size_t)n + 1) * sizeof(int));
	t->twin_n = xcalloc((size_t)n + 1, sizeof(int));
	for (int s = 0; s < n; s++)
		t->afirst[s] = t->twin_first[s] = -1;
	for (size_t i = nacq; i-- > 0;)
		t->afirst[acq[i].state] = (int)i;
	t->class_stamp = xmalloc((e->class_names.n + 2) * sizeof(int));
	for (size_t c = 0; c < e->class_names.n + 2; c++)
		t->class_stamp[c] = -1;
	t->queue = xmalloc((TWIN_MAX_WALK + 1) * sizeof(int));
}

static void tree_free(struct tree *t)
{
	free(t->cfirst);
	free(t->child);
	free(t->afirst);
	free(t->twin_first);
	free(t->twin_n);
	free(t->class_stamp);
	free(t->queue);
	vec_free(&t->twin_recs);
}

/* The classes TWIN's subtree acquires, each by its first record in a
 * breadth-first walk (the shortest path below the twin). */
static void twin_classes(struct tree *t, int twin)
{
	if (t->twin_first[twin] >= 0)
		return;
	t->twin_first[twin] = (int)t->twin_recs.n;
	int head = 0, tail = 0;
	t->queue[tail++] = twin;
	while (head < tail) {
		int s = t->queue[head++];
		for (int i = t->afirst[s]; i >= 0 && (size_t)i < t->nacq && t->acq[i].state == s; i++) {
			int c = t->acq[i].cls;
			if (t->class_stamp[c] == twin)
				continue;
			t->class_stamp[c] = twin;
			vec_push(&t->twin_recs, i);
		}
		for (int k = t->cfirst[s]; k < t->cfirst[s + 1] && tail < TWIN_MAX_WALK; k++)
			t->queue[tail++] = t->child[k];
	}
	t->twin_n[twin] = (int)t->twin_recs.n - t->twin_first[twin];
}

/* Whether lock H, held on entry to the twin's function, is still held at
 * each call down the chain (CHAIN[0] the acquiring state, CHAIN[N - 1] the
 * twin) and at the acquisition SITE. */
static bool held_down_chain(struct engine *e, const int *chain, int n, const struct ck_site *site,
			    const struct ck_held *h)
{
	struct check_stats quiet = { 0 };   /* a full held set here is no limit of the search */
	for (int k = n - 1; k >= 0; k--) {
		struct ck_state x;
		engine_state_load(e, chain[k], &x);
		engine_held_add(&quiet, x.held, &x.nheld, *h);
		const struct ck_site *at = k ? engine_site_by_id(e, e->states.v[chain[k - 1]].via_site) : site;
		struct ck_held out[CK_MAX_HELD];
		int nout = at ? engine_held_at(e, &x, at, out) : 0, i;
		for (i = 0; i < nout && out[i].cls != h->cls; i++)
			;
		if (i == nout)
			return false;   /* released on the way ('spin_unlock(&q->lock); schedule();') */
	}
	return true;
}

/* The acquisition REC below D's twin on D's own path: the twin's states
 * from the twin down to REC's copied onto D's caller; the copy of REC's
 * state, or -1 when that path would enter a function twice, guess past the
 * bound, or release H on the way. */
static int splice(struct engine *e, const struct drop *d, const struct ck_acq *rec, const struct ck_held *h)
{
	enum { MAX_CHAIN = 256 };
	int chain[MAX_CHAIN], n = 0;
	for (int s = rec->state; n < MAX_CHAIN; s = e->states.v[s].parent) {
		if (s < 0)
			return -1;
		chain[n++] = s;
		if (s == d->twin)
			break;
	}
	if (chain[n - 1] != d->twin)
		return -1;
	/* copied: engine_add_state() below may move e->states */
	int twin_guess = e->states.v[d->twin].guess, twin_hops = e->states.v[d->twin].hops;
	if (d->guess + e->states.v[rec->state].guess - twin_guess > e->st->max_guess)
		return -1;
	for (int k = 0; k < n; k++)
		if (engine_path_enters(e, d->parent, e->states.v[chain[k]].func))
			return -1;
	if (!held_down_chain(e, chain, n, rec->site, h))
		return -1;
	struct check_stats quiet = { 0 };
	int prev = d->parent;
	for (int k = n - 1; k >= 0; k--) {
		struct ck_state c;
		engine_state_load(e, chain[k], &c);
		c.parent = prev;
		if (k == n - 1) {
			c.via_site = d->via_site;
			c.via_store = d->via_store;
		}
		c.guess = d->guess + c.guess - twin_guess;
		c.hops = d->hops + c.hops - twin_hops;
		c.on_path |= d->on_path;
		c.last_put = c.last_put || d->last_put;
		for (int i = 0; i < d->nheld; i++)
			engine_held_add(&quiet, c.held, &c.nheld, d->held[i]);
		c.visited = true;
		prev = engine_add_state(e, &c);
	}
	return prev;
}

/* Whether taking class B with A held, on a path not searched, can make a
 * finding: recursive-lock's, or a lock order no path has shown. */
static bool replay_wanted(const struct engine *e, int a, int b)
{
	return a == b || (lockdep_validated(e, a) && lockdep_validated(e, b) && !engine_order_known(e, a, b));
}

/* Visit SITE again at LEAF, the last state of a spliced path. */
static void replay(struct engine *e, int leaf, const struct ck_site *site)
{
	struct ck_state st;
	engine_state_load(e, leaf, &st);
	struct ck_held held[CK_MAX_HELD];
	int nheld = engine_held_at(e, &st, site, held);
	int irqs = engine_site_irqs(site, st.irqs);
	struct ck_visit v = { leaf, site, held, nheld, st.ctx, irqs > 0, irqs < 0, -1, &st };
	check_recursive_lock(e, &v);
	check_lock_order(e, &v);
	e->path_ended = false;
}

size_t dropped_replay(struct engine *e)
{
	struct dropped *d = e->dropped;
	if (!d || !d->v.n || !d->acq.n)
		return 0;
	struct tree t = {0};
	tree_build(e, &t, d->acq.v, d->acq.n);
	size_t replayed = 0;
	for (size_t i = 0; i < d->v.n; i++) {
		const struct drop *x = &d->v.v[i];
		twin_classes(&t, x->twin);
		for (int k = 0; k < t.twin_n[x->twin]; k++) {
			const struct ck_acq *rec = &d->acq.v[t.twin_recs.v[t.twin_first[x->twin] + k]];
			for (int j = 0; j < x->nheld; j++) {
				if (!replay_wanted(e, x->held[j].cls, rec->cls))
					continue;
				int leaf = splice(e, x, rec, &x->held[j]);
				if (leaf >= 0) {
					replay(e, leaf, rec->site);
					replayed++;
				}
			}
		}
	}
	tree_free(&t);
	return replayed;
}
