// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_sleep_in_atomic.c - rule 'sleep-in-atomic' (the kernel's "BUG:
 * sleeping function called from invalid context", might_sleep()'s splat): a
 * site that may sleep - a function the rules list as sleeping (schedule,
 * msleep, wait_for_completion, ...) or a sleeping lock (mutex, rwsem,
 * semaphore) - reached where sleeping is not allowed: in hardirq or softirq
 * context, while a spinning lock is held, or with interrupts disabled.  The
 * finding says which of those made the context atomic.
 */
#include "check/engine.h"

#include <stdio.h>
#include <stdlib.h>

/* A direct call to deferred work that may sleep (mlx4's event handler
 * calling its work function handle_port_mgmt_change_event() inline): the
 * work is written for process context; the call is the bug, once, and the
 * path ends there as at any sleep: the work is code the kernel runs only
 * where it may sleep.  What the callee is registered as, or NULL. */
static const char *deferred_work_reason(const struct engine *e, const struct ck_site *s)
{
	if (s->ncallees != 1 || !s->callee_name)
		return NULL;   /* a direct call only: through a pointer, the work is a guess */
	const struct ck_func *f = engine_func(e, s->callees[0].func);
	return f->deferred_as && f->below_sleep ? f->deferred_as : NULL;
}

static const char *sleep_reason(const struct engine *e, const struct ck_site *s)
{
	if (s->kind == SITE_CALL && s->callee_name)
		return rules_sleep_reason(engine_rules(e), s->callee_name);
	if (s->kind == SITE_ACQUIRE && s->ltype >= LT_MUTEX)
		return "takes a sleeping lock";
	return NULL;
}

void check_sleep_in_atomic(struct engine *e, const struct ck_visit *v)
{
	const char *work = v->site->kind == SITE_CALL ? deferred_work_reason(e, v->site) : NULL;
	char work_why[160];
	if (work)   /* the reason names what it is registered as */
		snprintf(work_why, sizeof(work_why), "%s, written for process context, sleeps below", work);
	const char *reason = work ? work_why : sleep_reason(e, v->site);
	if (!reason)
		return;
	const struct ck_held *spin = engine_spinning_held(v);
	char *why;
	if (v->ctx != CTX_PROCESS)
		why = xasprintf("in %s context", context_name(v->ctx));
	else if (spin)
		why = xasprintf("while holding spinlock %s", engine_key_name(e, spin->key));
	else if (v->irqs_off)
		why = xasprintf("with interrupts disabled");
	else
		return;
	engine_end_path(e);   /* what it calls next (or the work itself) runs only where it may sleep */
	const char *what = v->site->callee_name ? v->site->callee_name : "?";
	char *msg = xasprintf("%s may sleep (%s) %s, in %s", what, reason, why, engine_func(e, v->site->func)->name);
	engine_report(e, v, checks[CHECK_ID_sleep_in_atomic].name, spin, v->site->kind == SITE_ACQUIRE ? engine_site_key(e, v) : -1, msg);
	free(msg);
	free(why);
}

void check_sleep_in_atomic_done(struct engine *e)
{
}
