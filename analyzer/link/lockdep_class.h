/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lockdep_class.h - lockdep's class rules over link's lock classes.  Link
 * makes a lock class of every lock key and the keys aliased to it
 * ('subchannel.lock'); lockdep makes one of every key a lock is initialised
 * or re-keyed with (an init site's static key, lockdep_set_class()'s key, a
 * key inside each object, novalidate).  This pass reads the calls of the
 * rules' lockdep APIs (lockdep-init, lockdep-class, lockdep-key) and, for
 * each lock class they touch, writes table lockdep_class (schema.sql): its
 * lockdep key, whether it is validated, whether two of its locks nested are
 * reported, a note for recursive-lock; and gives a lock path or key whose
 * lockdep class is known and differs from the rest its own lock class.
 * The policy is documented in docs/rules.md ("Lock classes and lockdep's").
 */
#ifndef LP_LOCKDEP_CLASS_H
#define LP_LOCKDEP_CLASS_H

#include "db/db.h"
#include "rules/rules.h"

struct lockdep_stats {
	size_t facts;         /* init sites and re-keys found (after parameters resolved) */
	size_t classes;       /* lock classes they touch */
	size_t split;         /* ... whose locks have several lockdep classes, none known */
	size_t novalidate;    /* ... that lockdep does not validate */
	size_t told_apart;    /* lock classes added for paths or keys of a known other class */
};

/* Run after the lock classes are written (link.c, link_locks), in link's
 * transaction; R: the rules (NULL: nothing to do). */
void lockdep_classes_link(struct lp_db *db, const struct lp_rules *r, struct lockdep_stats *st);

#endif
