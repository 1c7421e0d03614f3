// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_lock_order.c - rule 'lock-order' (lockdep: "possible circular
 * locking dependency detected"): every acquisition of class B while class A
 * is held adds the dependency A -> B, with the first (shortest) path that
 * showed it.  When both A -> B and B -> A exist, two CPUs taking them in
 * the two orders can deadlock; the finding carries both paths and, as
 * lockdep does, sits at the acquisition found second (the one that closed
 * the cycle; entries are explored hardirq first).  Cycles
 * longer than two classes are not reported yet.  Trylocks add no
 * dependency: they cannot block.
 */
#include "check/engine.h"

#include <stdio.h>
#include <stdlib.h>

struct dep { int a, b; struct ck_witness w; };
struct deps { struct strmap index; VEC(struct dep) v; };

static struct deps *deps_of(struct engine *e)
{
	void **slot = engine_data(e, CHECK_ID_lock_order);
	if (!*slot)
		*slot = xcalloc(1, sizeof(struct deps));
	return *slot;
}

void check_lock_order(struct engine *e, const struct ck_visit *v)
{
	if (v->site->kind != SITE_ACQUIRE)
		return;
	int key = engine_site_key(e, v);
	int b = engine_key_class(e, key);
	if (b < 0)
		return;
	for (int i = 0; i < v->nheld; i++)
		if (v->held[i].cls == b)
			return;   /* re-acquiring a held class is recursive-lock's business, not an order */
	struct deps *d = deps_of(e);
	for (int i = 0; i < v->nheld; i++) {
		int a = v->held[i].cls;
		if (a == b)
			continue;
		char name[48];
		snprintf(name, sizeof(name), "%d>%d", a, b);
		bool created;
		int64_t *slot = strmap_put(&d->index, name, &created);
		if (!created)
			continue;
		*slot = (int64_t)d->v.n;
		struct dep dep = { a, b, { v->state, v->site, v->held[i], true } };
		vec_push(&d->v, dep);
	}
}

static void report(struct engine *e, const struct dep *ab, const struct dep *ba)
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

void check_lock_order_done(struct engine *e)
{
	struct deps *d = deps_of(e);
	for (size_t i = 0; i < d->v.n; i++) {
		const struct dep *ab = &d->v.v[i];
		char name[48];
		snprintf(name, sizeof(name), "%d>%d", ab->b, ab->a);
		int64_t *other = strmap_get(&d->index, name);
		if (other && (size_t)*other > i)   /* like lockdep: at the acquisition that closed the cycle */
			report(e, &d->v.v[*other], ab);
	}
	strmap_free(&d->index);
	vec_free(&d->v);
	free(d);
	*engine_data(e, CHECK_ID_lock_order) = NULL;
}
