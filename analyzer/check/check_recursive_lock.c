// SPDX-License-Identifier: GPL-2.0-only
/*
 * check_recursive_lock.c - rule 'recursive-lock' (lockdep: "possible
 * recursive locking detected"): a site acquires a lock class that is
 * already held on the path that reaches it.  The lock may be named
 * differently at the two places ('*ccw_device.ccwlock' and
 * '*subchannel.lock'); link made them one class, and the report shows the
 * assignment that did.  A trylock never deadlocks and is not reported; a
 * '_nested' acquisition with a non-zero subclass is lockdep's way of saying
 * "another instance of this class" and is not reported either; nor is a
 * class whose locks lockdep puts in classes per object, or does not
 * validate (check/lockdep.h).
 */
#include "check/engine.h"
#include "check/lockdep.h"

#include <stdio.h>
#include <stdlib.h>

void check_recursive_lock(struct engine *e, const struct ck_visit *v)
{
	const struct ck_held *h = engine_reacquired(e, v);
	if (!h || h->cls == v->stuck_cls)
		return;   /* nothing re-taken, or the path already deadlocked on this lock */
	int key = engine_site_key(e, v);
	const char *name = engine_key_name(e, key);
	const char *held_name = engine_key_name(e, h->key);
	char *msg;
	if (h->key == key)
		msg = xasprintf("%s acquired in %s is already held (%s context)", name,
				engine_func(e, v->site->func)->name, context_name(v->ctx));
	else
		msg = xasprintf("%s acquired in %s is already held as %s, the same lock (%s context)",
				name, engine_func(e, v->site->func)->name, held_name, context_name(v->ctx));
	const char *note = lockdep_note(e, h->cls);   /* some of the class's locks are re-keyed */
	if (note) {
		char *with = xasprintf("%s; %s", msg, note);
		free(msg);
		msg = with;
	}
	/* one finding for every re-acquisition below the call its holder made
	 * with it held: that call is the bug (engine_report_below) */
	struct ck_below below = { engine_call_under(e, v->state, h), h->acq };
	engine_report_below(e, v, checks[CHECK_ID_recursive_lock].name, h, key, msg, below);
	free(msg);
}

void check_recursive_lock_done(struct engine *e)
{
}
