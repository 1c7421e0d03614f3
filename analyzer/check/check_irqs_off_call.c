// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_irqs_off_call.c - rule 'irqs-off-call': a function that must be
 * called with interrupts enabled, and never from a hardirq handler, is
 * called in hardirq context or with interrupts disabled.  The functions are
 * data (rules: 'irqs-on FUNC "why"'): kfree_skb() and consume_skb() run an
 * skb's destructor and drop its conntrack reference in the caller's
 * context, which netdevice.h forbids in hardirq context and with interrupts
 * off (dev_kfree_skb_irq() and dev_kfree_skb_any() exist for those).
 *
 * Like a sleep in atomic context, the call is the bug of its path, once,
 * and the path ends there: what the callee does next (a socket's
 * destructor, conntrack's teardown and its netlink events) is code the
 * kernel only runs with interrupts on, and following it from an interrupt
 * restates the one bug at every lock and sleep below.  A softirq, or a
 * spinlock taken without disabling interrupts, is allowed.
 */
#include "check/engine.h"

#include <stdlib.h>

void check_irqs_off_call(struct engine *e, const struct ck_visit *v)
{
	const struct ck_site *s = v->site;
	const char *reason = s->kind == SITE_CALL && s->callee_name ?
			     rules_irqs_on(engine_rules(e), s->callee_name) : NULL;
	if (!reason)
		return;
	const char *where;
	if (v->ctx == CTX_HARDIRQ)
		where = "in hardirq context";
	else if (v->irqs_off)
		where = "with interrupts disabled";
	else
		return;
	engine_end_path(e);
	char *msg = xasprintf("%s must not be called %s (%s), in %s", s->callee_name, where, reason,
			      engine_func(e, s->func)->name);
	engine_report(e, v, checks[CHECK_ID_irqs_off_call].name, NULL, -1, msg);
	free(msg);
}

void check_irqs_off_call_done(struct engine *e)
{
	(void)e;
}
