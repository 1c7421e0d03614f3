// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_irq_inversion.c - rule 'irq-inversion' (lockdep: "inconsistent
 * {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage"): a spinning lock class that is
 * acquired in hardirq context is also acquired somewhere with interrupts
 * enabled.  If the interrupt arrives on that CPU while the lock is held
 * there, the handler spins on it forever.  Reported at the irqs-on
 * acquisition, with the hardirq path as the second path.
 */
#include "check/engine.h"
#include "check/lockdep.h"

#include <stdio.h>
#include <stdlib.h>

struct use { bool has_hard, has_on; struct ck_witness hard, on; int key_on, key_hard; };
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
	int64_t *slot = strmap_put(&u->index, name, &created);
	if (created) {
		*slot = (int64_t)u->v.n;
		struct use empty = {0};
		vec_push(&u->v, empty);
	}
	struct use *x = &u->v.v[*slot];
	struct ck_witness w = { v->state, v->site, {0}, false };
	if (hard && !x->has_hard) {
		x->has_hard = true;
		x->hard = w;
		x->key_hard = key;
	} else if (!hard && !x->has_on) {
		x->has_on = true;
		x->on = w;
		x->key_on = key;
	}
}

void check_irq_inversion_done(struct engine *e)
{
	struct uses *u = uses_of(e);
	for (size_t i = 0; i < u->v.n; i++) {
		const struct use *x = &u->v.v[i];
		if (!x->has_hard || !x->has_on)
			continue;
		/* why interrupts are on there: the callback field its entry is called
		 * through, a blocking chain on its path, or the sleep that proves it */
		const char *on_why = engine_irqs_on_why(e, x->on.state);
		char *msg = xasprintf("%s is acquired with interrupts enabled in %s, but it is also acquired in "
				      "hardirq context (as %s in %s): an interrupt on this CPU would deadlock%s%s%s",
				      engine_key_name(e, x->key_on), engine_func(e, x->on.site->func)->name,
				      engine_key_name(e, x->key_hard), engine_func(e, x->hard.site->func)->name,
				      on_why ? " (interrupts are on: " : "", on_why ? on_why : "", on_why ? ")" : "");
		const char *rule = checks[CHECK_ID_irq_inversion].name;
		char dedup[48];
		snprintf(dedup, sizeof(dedup), "%s/%d", rule, engine_key_class(e, x->key_on));
		engine_report_pair(e, &x->on, &x->hard, rule, x->key_on, dedup, msg);
		free(msg);
	}
	strmap_free(&u->index);
	vec_free(&u->v);
	free(u);
	*engine_data(e, CHECK_ID_irq_inversion) = NULL;
}
