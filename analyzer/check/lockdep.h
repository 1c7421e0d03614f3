/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lockdep.h - lockdep's class rules as the checks see them: which lock
 * classes lockdep does not validate (novalidate), which are split (two of
 * their locks nested are of different lockdep classes for all lockpath can
 * tell), which carry a note for recursive-lock, and the lock paths whose
 * lockdep class link told apart from their key's (a site or argument that
 * names such a path acts on the path's class).  Link decides all of it
 * (link/lockdep_class.c, table lockdep_class); this only loads it.
 */
#ifndef LP_CHECK_LOCKDEP_H
#define LP_CHECK_LOCKDEP_H

#include <stdbool.h>

struct engine;

/* Load table lockdep_class, and move the sites, their held locks and lock
 * arguments whose lock path has a class of its own onto that path's key.
 * Called by engine_load, after the sites, their locks and arguments. */
void lockdep_load(struct engine *e);

/* Whether lockdep validates class CLS (false: lockdep_set_novalidate_class;
 * no recursive-lock, lock-order or irq-inversion about it). */
bool lockdep_validated(const struct engine *e, int cls);
/* Whether two locks of class CLS, one taken while the other is held, are
 * one lockdep class, so that lockdep would report the recursion (false:
 * novalidate, or split: which class each lock has is decided per object). */
bool lockdep_nests(const struct engine *e, int cls);
/* recursive-lock's "lower confidence: ..." text for class CLS, or NULL. */
const char *lockdep_note(const struct engine *e, int cls);
/* Whether PATH_CLS is the class of a lock path told apart from class CLS
 * (its sites named a key of CLS): a drop of CLS's key that a function's
 * lock state records ('spin_unlock(&d->d_lock)' of the caller's lock, by
 * its key) drops a lock of PATH_CLS too. */
bool lockdep_path_of(const struct engine *e, int path_cls, int cls);

#endif
