// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_irq_inversion.c - rule 'irq-inversion' (lockdep: "inconsistent
 * {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage"): a spinning lock class that is
 * acquired in hardirq context is also acquired somewhere with interrupts
 * enabled.  If the interrupt arrives on that CPU while the lock is held
 * there, the handler spins on it forever.  Reported at the irqs-on
 * acquisition, with the hardirq path as the second path.  An rwlock's
 * readers do not wait for readers (a reader in interrupt context gets past
 * queued writers), so read on both sides is no inversion; lockdep reports
 * {IN-HARDIRQ-R} -> {HARDIRQ-ON-W} and {IN-HARDIRQ-W} -> {HARDIRQ-ON-R}.
 */
#include "check/engine.h"
#include "check/lockdep.h"

#include <stdio.h>
#include <stdlib.h>

/* The first acquisition of a class in hardirq context and the first with
 * interrupts on, each as a reader ([1]: an rwlock's read side) or not ([0]). */
struct side { bool has; struct ck_witness w; int key; };
struct use { struct side hard[2], on[2]; };
struct uses { struct strmap index; VEC(struct use) v; };

static struct uses *uses_of(struct engine *e)
{
	void **slot = engine_data(e, CHECK_ID_irq_inversion);
	if (!*slot)
		*slot = xcalloc(1, sizeof(struct uses));
	return *slot;
}

void check_irq_inversion(struct engine *e, const struct ck_visit *v)
{
	if (v->site->kind != SITE_ACQUIRE || v->site->ltype > LT_RWLOCK)
		return;
	int key = engine_site_key(e, v);
	int cls = engine_key_class(e, key);
	if (cls < 0 || !lockdep_validated(e, cls))
		return;   /* lockdep tracks no irq usage of a novalidate class */
	bool hard = v->ctx == CTX_HARDIRQ;
	/* spin_lock_irq/_irqsave disable interrupts as they acquire */
	bool off = v->irqs_off || v->site->irq == IRQ_SAVE || v->site->irq == IRQ_DISABLE;
	if (!hard && (off || !v->irqs_on))
		return;   /* irqs off, or not known to be on (a root's callers are not in the tree) */
	struct uses *u = uses_of(e);
	char name[24];
	snprintf(name, sizeof(name), "%d", cls);
	bool created;
	int id = strmap_id(&u->index, name, &created);
	if (created) {
		struct use empty = {0};
		vec_push(&u->v, empty);
	}
	struct use *x = &u->v.v[id];
	bool read = v->site->is_read && v->site->ltype == LT_RWLOCK;
	struct side *side = hard ? &x->hard[read] : &x->on[read];
	if (!side->has)
		*side = (struct side){ true, { v->state, v->site, {0}, false }, key };
}

/* The pair to report for X, or false: an irqs-on writer against any
 * hardirq use, else an irqs-on reader against a hardirq writer. */
static bool inversion(const struct use *x, const struct side **on, const struct side **hard)
{
	const struct side *hard_any = x->hard[0].has ? &x->hard[0] : x->hard[1].has ? &x->hard[1] : NULL;
	if (x->on[0].has && hard_any) {
		*on = &x->on[0];
		*hard = hard_any;
		return true;
	}
	if (x->on[1].has && x->hard[0].has) {
		*on = &x->on[1];
		*hard = &x->hard[0];
		return true;
	}
	return false;
}

void check_irq_inversion_done(struct engine *e)
{
	struct uses *u = uses_of(e);
	for (size_t i = 0; i < u->v.n; i++) {
		const struct side *on, *hard;
		if (!inversion(&u->v.v[i], &on, &hard))
			continue;
		/* why interrupts are on there: the callback field its entry is called
		 * through, a blocking chain on its path, or the sleep that proves it */
		const char *on_why = engine_irqs_on_why(e, on->w.state);
		char *msg = xasprintf("%s is acquired with interrupts enabled in %s, but it is also acquired in "
				      "hardirq context (as %s in %s): an interrupt on this CPU would deadlock%s%s%s",
				      engine_key_name(e, on->key), engine_func(e, on->w.site->func)->name,
				      engine_key_name(e, hard->key), engine_func(e, hard->w.site->func)->name,
				      on_why ? " (interrupts are on: " : "", on_why ? on_why : "", on_why ? ")" : "");
		const char *rule = checks[CHECK_ID_irq_inversion].name;
		char dedup[48];
		snprintf(dedup, sizeof(dedup), "%s/%d", rule, engine_key_class(e, on->key));
		engine_report_pair(e, &on->w, &hard->w, rule, on->key, dedup, msg);
		free(msg);
	}
	strmap_free(&u->index);
	vec_free(&u->v);
	free(u);
	*engine_data(e, CHECK_ID_irq_inversion) = NULL;
}
