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

/* A call through a process-context callback key (a driver's remove(), a
 * netlink kernel socket's input) whose targets may sleep: the kernel calls
 * those only where sleeping is allowed, so reaching the call atomically is
 * the bug, once, at the call; the path ends there as at a sleep. */
static bool process_callback_sleeps(const struct engine *e, const struct ck_site *s)
{
	if (!s->process_callback)
		return false;
	for (int c = 0; c < s->ncallees; c++)
		if (engine_func(e, s->callees[c].func)->below_sleep)
			return true;
	return false;
}

/* Why the call at S is a sleep of its own (into BUF), or NULL: deferred
 * work called directly, or a call through a process-context callback key. */
static const char *call_reason(const struct engine *e, const struct ck_site *s, char *buf, size_t size)
{
	const char *work = deferred_work_reason(e, s);
	if (work)   /* the reason names what it is registered as */
		snprintf(buf, size, "%s, written for process context, sleeps below", work);
	else if (process_callback_sleeps(e, s))
		snprintf(buf, size, "a call through %s, which the kernel makes in process context (rules: "
			 "callback); its targets sleep below", s->process_callback);
	else
		return NULL;
	return buf;
}

static const char *sleep_reason(const struct engine *e, const struct ck_site *s)
{
	if (s->kind == SITE_CALL && s->callee_name)
		return rules_sleep_reason(engine_rules(e), s->callee_name);
	if (s->kind == SITE_ACQUIRE && s->ltype >= LT_MUTEX)
		return "takes a sleeping lock";
	return NULL;
}

/* The call a sleep is the bug of (engine_report_below): inside
 * kmalloc(.., GFP_KERNEL), the allocation; under spinlock SPIN, the call
 * its holder made with it held; in an interrupt (or with interrupts off),
 * the last call through a function pointer, into the driver or protocol
 * code the path chose (a virtio driver's virtqueue callback); or none. */
static struct ck_below sleep_cause(struct engine *e, const struct ck_visit *v, const struct ck_held *spin)
{
	const struct ck_site *alloc = engine_blocking_call(e, v->state);
	if (alloc)
		return (struct ck_below){ alloc, CK_BELOW_ALLOC };
	if (spin)
		return (struct ck_below){ engine_call_under(e, v->state, spin), spin->acq };
	return (struct ck_below){ engine_last_indirect_call(e, v->state), CK_BELOW_CONTEXT };
}

void check_sleep_in_atomic(struct engine *e, const struct ck_visit *v)
{
	char call_why[200];
	const char *reason = v->site->kind == SITE_CALL ? call_reason(e, v->site, call_why, sizeof(call_why)) : NULL;
	if (!reason)
		reason = sleep_reason(e, v->site);
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
	/* what it calls next (or the work itself) runs only where it may sleep,
	 * a might_sleep() as well (engine.c, visit_state) */
	engine_end_path(e);
	const char *what = v->site->callee_name ? v->site->callee_name :
			   v->site->process_callback ? v->site->process_callback : "?";
	char *msg = xasprintf("%s may sleep (%s) %s, in %s", what, reason, why, engine_func(e, v->site->func)->name);
	engine_report_below(e, v, checks[CHECK_ID_sleep_in_atomic].name, spin,
			    v->site->kind == SITE_ACQUIRE ? engine_site_key(e, v) : -1, msg, sleep_cause(e, v, spin));
	free(msg);
	free(why);
}

void check_sleep_in_atomic_done(struct engine *e)
{
}
