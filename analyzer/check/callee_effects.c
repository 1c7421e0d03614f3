// SPDX-License-Identifier: GPL-2.0-only
/*
 * callee_effects.c - the locks a call to another file's function leaves
 * held or released.
 *
 * Extract walks one translation unit; what a function of the same file
 * leaves behind (ovs_lock() takes ovs_mutex and returns) it applies at the
 * call, so the sites after 'ovs_lock();' in datapath.c hold the mutex.  A
 * function of another file it cannot see into: in vport.c,
 * 'ovs_unlock(); request_module(..); ovs_lock();' left the caller's
 * ovs_mutex held across the unlock, and the second ovs_lock() was reported
 * as taking it again.  The same blindness hid what virtio-net holds
 * between its own 'rtnl_lock()' and 'rtnl_unlock()' (both in rtnetlink.c):
 * nothing, as far as the checks knew.
 *
 * So extract records, per function, what it leaves its caller
 * (func.exit_locks: '+key' held at every return, '-key' a caller's lock
 * released), and, per site, the last direct call before it on every path
 * (site.dom: the chain of dominating calls; site.exit_dom marks the last
 * one before every return).  A call to a function of the same file is in
 * the chain too: its summary in extract could not see what that function
 * calls in other files (rtnl_unlock() below).  Here a call's
 * effect is its callee's own exit locks over the effects of the calls that
 * callee makes before every return, computed to a fixpoint over the call
 * graph (rtnl_unlock() is netdev_run_todo(), which calls __rtnl_unlock());
 * the effects in force after a call are those before it with its callee's
 * on top; and each site gets the effects in force at its dominating call
 * added to its local lock state.
 *
 * What the function did itself wins where it came later: a lock it took
 * after the call stays held; one it released, on any path, stays released
 * (the walk's own rule for releases).  Only dominating calls count, so a
 * helper called on one branch changes nothing after the branches meet, as
 * a lock taken on one branch does not.  A lock a call leaves held is
 * carried only between that call and a later one that gives it back
 * (bracketed()): in a tree without the release's callee it would stay
 * held to the end of every caller.  A lock named by a parameter ('arg#0')
 * is not carried (extract leaves it out: no argument's lock to put in its
 * place), and one held for reading is carried as held (as the walk's own
 * summaries do).
 *
 * Interrupts are the same question.  The scheduler's 'rq_lock_irqsave(rq,
 * &rf)' is a header's inline: the load balancer's code after it runs with
 * interrupts off, and a lock it takes there is no irqs-on holder of an
 * irq-safe lock; 'rq_unlock_irqrestore()' gives the caller its interrupts
 * back.  Extract records what each function leaves its caller's interrupt
 * state as (func.exit_irqs: off or on at every return, or restored to what
 * the caller saved), and a call's effect is its callee's own, else that of
 * the calls it makes before every return, to the same fixpoint.  A site
 * after such a call gets it where the function itself had not touched the
 * interrupt state on the way (site.irqs_off 0, not 2: its own save and
 * restore may have come after the call).  A function whose calls switch
 * them on some of its paths only (__set_cpus_allowed_ptr_locked() gives
 * back task_rq_lock()'s on each branch), or after its own switch, leaves
 * nothing certain, and a call of it ends the effect of the calls before.
 */
#include "check/callee_effects.h"
#include "check/engine_int.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

/* Passes over the call graph; the chains of helpers are short (rtnl_unlock:
 * 3 deep), a recursion that still changes after this many keeps its last. */
#define EFFECT_PASSES 16

/* KEY held or released by call VIA; PAIRED: a release of what an earlier
 * call of the same function took (its caller sees neither). */
struct effect { int key; bool held, paired; int via; };
struct effect_set { int n; struct effect v[]; };

struct effects {
	struct engine *e;
	bool *chain;                       /* per site: a dominating call of some site */
	int *exit_site;                    /* per function: its last call before every return */
	const struct effect_set **own;     /* per function: its exit_locks */
	const struct effect_set **leaves;  /* per function: what a call to it leaves */
	const struct effect_set **after;   /* per chain site: the effects in force after it */
	signed char *own_irqs;             /* per function: its exit_irqs (enum lp_exit_irqs) */
	signed char *leaves_irqs;          /* per function: what a call to it leaves interrupts as */
	signed char *after_irqs;           /* per chain site: the interrupt effect in force after it */
	struct arena arena;
};

static const struct effect *find(const struct effect_set *s, int key)
{
	for (int i = 0; s && i < s->n; i++)
		if (s->v[i].key == key)
			return &s->v[i];
	return NULL;
}

/* TOP over BASE: BASE's effects on other locks, then TOP's.  VIA >= 0:
 * TOP is what the call at site VIA leaves, BASE the effects before it in
 * the same function; VIA -1: TOP is the function's own exit locks, BASE
 * its chain's, and a release of a lock the chain took is no one's business
 * outside (as the walk's summaries leave out a lock taken and released). */
static const struct effect_set *overlay(struct effects *x, const struct effect_set *base,
					const struct effect_set *top, int via)
{
	bool base_paired = false;
	for (int i = 0; base && i < base->n; i++)
		base_paired |= base->v[i].paired;
	if ((!top || !top->n) && (via >= 0 || !base_paired))
		return base;   /* nothing on top, nothing to leave out */
	int n = (top ? top->n : 0) + (base ? base->n : 0);
	struct effect_set *r = arena_alloc(&x->arena, sizeof(*r) + (size_t)n * sizeof(r->v[0]));
	r->n = 0;
	for (int i = 0; base && i < base->n; i++)
		if (!find(top, base->v[i].key) && (via >= 0 || !base->v[i].paired))
			r->v[r->n++] = base->v[i];
	for (int i = 0; top && i < top->n; i++) {
		struct effect ef = top->v[i];
		if (via >= 0) {
			const struct effect *was = find(base, ef.key);
			ef.paired = !ef.held && was && (was->held || was->paired);
			ef.via = via;
		}
		r->v[r->n++] = ef;
	}
	return r->n ? r : NULL;
}

static bool same_effects(const struct effect_set *a, const struct effect_set *b)
{
	int na = a ? a->n : 0, nb = b ? b->n : 0;
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		const struct effect *o = find(b, a->v[i].key);
		if (!o || o->held != a->v[i].held)
			return false;
	}
	return true;
}

/* '+key;-key' into a set of the keys the checks know (a class). */
static const struct effect_set *parse_exit_locks(struct effects *x, const char *text)
{
	int n = 1;
	for (const char *p = text; *p; p++)
		n += *p == ';';
	struct effect_set *s = arena_alloc(&x->arena, sizeof(*s) + (size_t)n * sizeof(s->v[0]));
	s->n = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, ";");
		if (len > 1 && (*p == '+' || *p == '-')) {
			char *name = strndup(p + 1, len - 1);
			int key = engine_key_get(x->e, name);
			free(name);
			if (engine_key_class(x->e, key) > 0 && !find(s, key))
				s->v[s->n++] = (struct effect){ key, *p == '+', -1 };
		}
		p += len + (p[len] == ';');
	}
	return s->n ? s : NULL;
}

static void load_facts(struct effects *x)
{
	struct engine *e = x->e;
	for (size_t i = 0; i < e->sites.n; i++)
		if (e->sites.v[i].dom >= 0)
			x->chain[e->sites.v[i].dom] = true;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id FROM site WHERE exit_dom != 0");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		if (!s || s->func < 0)
			continue;
		int i = (int)(s - e->sites.v);
		x->exit_site[s->func] = i;
		x->chain[i] = true;
	}
	sqlite3_finalize(q);
	q = db_prepare(e->db, "SELECT id, exit_locks FROM func WHERE exit_locks IS NOT NULL");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0)
			x->own[f] = x->leaves[f] = parse_exit_locks(x, db_col_text(q, 1));
	}
	sqlite3_finalize(q);
	q = db_prepare(e->db, "SELECT id, exit_irqs FROM func WHERE exit_irqs != 0");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0)
			x->own_irqs[f] = x->leaves_irqs[f] = (signed char)sqlite3_column_int(q, 1);
	}
	sqlite3_finalize(q);
}

/* What the call at site S leaves its caller's interrupts as.  A guard's
 * constructor (cleanup.h's class_NAME_constructor: 'scoped_guard(irq)'
 * disables them) is undone by its destructor where the scope ends, a call
 * libclang does not show (walk_scope.c does the same for lock guards): it
 * leaves nothing that lasts. */
static signed char call_irqs(const struct effects *x, const struct ck_site *s)
{
	if (!s->ncallees)
		return EXIT_IRQS_NONE;
	if (keyname_guard_ctor_stem(s->callee_name))
		return EXIT_IRQS_NONE;
	return x->leaves_irqs[s->callees[0].func];
}

/* A function that leaves nothing certain: it switches the interrupts on
 * some of its paths only, or in an order neither its own state nor its
 * calls' effects say.  A call of it ends the effect in force before it
 * (what the caller's chain says after it is EXIT_IRQS_NONE, "as the
 * caller had them": such functions mostly give back what they took), and
 * it does not count as a switch in its callers' own questions below, or
 * every caller of a caller would be one: kmalloc(), complete(), printk()
 * were.  Check's alone: func.exit_irqs never holds it. */
#define EXIT_IRQS_UNKNOWN 3

/* Whether effect E says what the interrupts are after the call. */
static bool irqs_certain(signed char e)
{
	return e != EXIT_IRQS_NONE && e != EXIT_IRQS_UNKNOWN;
}

/* The interrupt effect after a call that leaves CALLEE (enum lp_exit_irqs)
 * where BEFORE was in force: the callee's, if it has one. */
static signed char irqs_overlay(signed char before, signed char callee)
{
	if (callee == EXIT_IRQS_UNKNOWN)
		return EXIT_IRQS_NONE;
	return callee != EXIT_IRQS_NONE ? callee : before;
}

/* Whether function F calls, after switching the interrupts itself, a
 * function that switches them too: its own exit state (extract sees only
 * its own operations) and its calls' effects then come in an order
 * neither says.  __schedule() disables interrupts, and the context switch
 * or rq_unlock_irq() it calls after enables them: it leaves nothing
 * certain.  _raw_spin_rq_lock_irqsave() saves them, then calls the lock,
 * which does not touch them: it leaves them off. */
static bool irqs_after_own_switch(const struct effects *x, size_t f)
{
	const struct ck_func *fn = &x->e->funcs.v[f];
	for (int i = 0; i < fn->nsites; i++) {
		const struct ck_site *s = &x->e->sites.v[fn->sites[i]];
		if (s->kind == SITE_CALL && s->irqs_off != IRQS_AS_AT_ENTRY && irqs_certain(call_irqs(x, s)))
			return true;
	}
	return false;
}

/* Whether call VIA comes before site A on every path to A (A's chain has
 * it).  A chain goes back through earlier sites: indexes fall. */
static bool before(const struct effects *x, int via, int a)
{
	const struct ck_site *sites = x->e->sites.v;
	for (int c = sites[a].dom; c >= via && c >= 0; c = sites[c].dom)
		if (c == via)
			return true;
	return false;
}

/* Whether function F, which does not switch the interrupts itself, makes a
 * call with an interrupt effect on some of its paths only, after the last
 * call of its exit chain that has one (the one that decides, if any).
 * __set_cpus_allowed_ptr() calls task_rq_lock(), which leaves them off, and
 * then __set_cpus_allowed_ptr_locked(), which gives them back through
 * task_rq_unlock() on each of its branches: by its chain it left them off,
 * and kthreadd's schedule() after set_cpus_allowed_ptr() had them
 * disabled.  Call sites are in source order, so a later index is a call
 * after the decider (or in a loop around it: nothing certain either). */
static bool irqs_on_some_paths(const struct effects *x, size_t f)
{
	const struct ck_func *fn = &x->e->funcs.v[f];
	const struct ck_site *sites = x->e->sites.v;
	int decider = -1, exit = x->exit_site[f];
	for (int c = exit; c >= 0 && decider < 0; c = sites[c].dom)
		if (call_irqs(x, &sites[c]) != EXIT_IRQS_NONE)
			decider = c;
	for (int i = 0; i < fn->nsites; i++) {
		int c = fn->sites[i];
		if (c > decider && sites[c].kind == SITE_CALL && irqs_certain(call_irqs(x, &sites[c])) &&
		    (exit < 0 || (c != exit && !before(x, c, exit))))
			return true;
	}
	return false;
}

/* What function F leaves its caller's interrupts as: its own switch of
 * them, else its calls'; nothing certain where they come in an order
 * neither says. */
static signed char leaves_irqs(const struct effects *x, size_t f)
{
	if (x->own_irqs[f] != EXIT_IRQS_NONE)
		return irqs_after_own_switch(x, f) ? EXIT_IRQS_UNKNOWN : x->own_irqs[f];
	if (irqs_on_some_paths(x, f))
		return EXIT_IRQS_UNKNOWN;
	return x->exit_site[f] >= 0 ? x->after_irqs[x->exit_site[f]] : EXIT_IRQS_NONE;
}

/* One pass: the effects after each chain call, then what each function
 * leaves.  Whether a function's changed. */
static bool effects_pass(struct effects *x)
{
	struct engine *e = x->e;
	for (size_t i = 0; i < e->sites.n; i++) {
		if (!x->chain[i])
			continue;
		const struct ck_site *s = &e->sites.v[i];
		const struct effect_set *before = s->dom >= 0 ? x->after[s->dom] : NULL;
		const struct effect_set *callee = s->ncallees ? x->leaves[s->callees[0].func] : NULL;
		x->after[i] = overlay(x, before, callee, (int)i);
		x->after_irqs[i] = irqs_overlay(s->dom >= 0 ? x->after_irqs[s->dom] : EXIT_IRQS_NONE, call_irqs(x, s));
	}
	bool changed = false;
	for (size_t f = 0; f < e->funcs.n; f++) {
		if (x->exit_site[f] >= 0) {
			const struct effect_set *l = overlay(x, x->after[x->exit_site[f]], x->own[f], -1);
			if (!same_effects(l, x->leaves[f])) {
				x->leaves[f] = l;
				changed = true;
			}
		}
		signed char li = leaves_irqs(x, f);
		if (li != x->leaves_irqs[f]) {
			x->leaves_irqs[f] = li;
			changed = true;
		}
	}
	return changed;
}

/* Site S's interrupt state with the effect in force at its dominating
 * call: off or on where the function had not touched it itself (a restore
 * gives back what the function had before the call that saved). */
static void apply_irqs_to_site(struct effects *x, struct ck_site *s)
{
	signed char in = x->after_irqs[s->dom];
	if (s->irqs_off == IRQS_AS_AT_ENTRY && (in == EXIT_IRQS_OFF || in == EXIT_IRQS_ON))
		s->irqs_off = in == EXIT_IRQS_OFF ? IRQS_OFF : IRQS_ON;
}

/* Whether the lock KEY that a call left held at site I is given back later
 * in I's function on every path: a call that releases it comes before the
 * function's every return, and not before I.  A lock taken by one helper
 * and given back by another brackets the code between; one with no such
 * release after it (the release's callee is not in the database, or the
 * function returns with it) is not carried: an incomplete tree would leave
 * it held forever after. */
static bool bracketed(const struct effects *x, int i, int key)
{
	int exit = x->exit_site[x->e->sites.v[i].func];
	const struct effect *out = exit >= 0 ? find(x->after[exit], key) : NULL;
	return out && !out->held && !before(x, out->via, i);
}

/* Site S's local state with the effects in force at its dominating call. */
static void apply_to_site(struct effects *x, int i)
{
	struct engine *e = x->e;
	struct ck_site *s = &e->sites.v[i];
	const struct effect_set *in = x->after[s->dom];
	apply_irqs_to_site(x, s);
	if (!in)
		return;
	struct ck_lockref *v = s->locks;   /* copied on the first change: most sites have none */
	int n = s->nlocks;
	for (int k = 0; k < in->n; k++) {
		const struct effect *ef = &in->v[k];
		struct ck_lockref *l = NULL;
		for (int j = 0; j < n && !l; j++)
			if (v[j].key == ef->key)
				l = &v[j];
		/* the function's own operation, if it came after the call, decides */
		if (l && (!l->held || (l->acq >= 0 && before(x, ef->via, l->acq))))
			continue;
		if (ef->held && !bracketed(x, i, ef->key))
			continue;
		if (v == s->locks) {
			v = arena_alloc(&e->arena, (size_t)(s->nlocks + in->n) * sizeof(*v));
			if (s->nlocks)
				memcpy(v, s->locks, (size_t)s->nlocks * sizeof(*v));
			if (l)
				l = v + (l - s->locks);
		}
		if (!l)
			l = &v[n++];
		*l = (struct ck_lockref){ .key = ef->key, .held = ef->held, .acq = ef->held ? ef->via : -1,
					  .ltype = LT_FROM_CALL };
	}
	s->locks = v;
	s->nlocks = n;
}

void callee_effects_apply(struct engine *e)
{
	struct effects x = { .e = e };
	size_t ns = e->sites.n + 1, nf = e->funcs.n + 1;
	x.exit_site = malloc(nf * sizeof(*x.exit_site));
	x.chain = xcalloc(ns, sizeof(*x.chain));
	x.own = xcalloc(nf, sizeof(*x.own));
	x.leaves = xcalloc(nf, sizeof(*x.leaves));
	x.after = xcalloc(ns, sizeof(*x.after));
	x.own_irqs = xcalloc(nf, sizeof(*x.own_irqs));
	x.leaves_irqs = xcalloc(nf, sizeof(*x.leaves_irqs));
	x.after_irqs = xcalloc(ns, sizeof(*x.after_irqs));
	if (!x.exit_site)
		die("out of memory");
	memset(x.exit_site, 0xff, nf * sizeof(*x.exit_site));
	load_facts(&x);
	int passes = 0;
	while (passes++ < EFFECT_PASSES && effects_pass(&x))
		;
	if (passes > EFFECT_PASSES)
		effects_pass(&x);   /* the after sets of the last leaves */
	for (size_t i = 0; i < e->sites.n; i++)
		if (e->sites.v[i].dom >= 0)
			apply_to_site(&x, (int)i);
	free(x.exit_site);
	free(x.chain);
	free(x.own);
	free(x.leaves);
	free(x.after);
	free(x.own_irqs);
	free(x.leaves_irqs);
	free(x.after_irqs);
	arena_free(&x.arena);
}
