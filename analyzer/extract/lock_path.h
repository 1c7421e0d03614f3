/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lock_path.h - a lock's name through its containers, beside its key.  A
 * lock key names a lock by its type path ('vq_chan.lock'), so the tx and the
 * rx channel a device embeds ('&d->tx.lock', '&d->rx.lock') are one key.
 * lockdep can tell them apart (lockdep_set_class() on each), and so can the
 * code that names them through their container: the path is
 * 'vdev_priv.tx.lock'.  Extract records it next to the key; link gives a
 * path its own class only where lockdep's classes differ
 * (link/lockdep_class.c).  Syntactic, like keys.c: no data flow.
 */
#ifndef LP_LOCK_PATH_H
#define LP_LOCK_PATH_H

#include "extract/keys.h"

/*
 * The container path of the lock that EXPR, an expression of pointer-to-lock
 * type, points to: the chain of '.' members down to the lock from the
 * outermost struct reached through a pointer or a global ('&d->tx.lock':
 * 'vdev_priv.tx.lock'; '&tx_chan.lock': 'chan.c:tx_chan.lock'), or NULL when
 * that is no more than KEY, the lock's key (the lock is not in an embedded
 * struct).  Arena-owned.
 */
const char *lock_path_of(const struct key_env *e, CXCursor expr, const char *key);

/* The same for an argument that points to a lock's lockdep map
 * ('&(&d->tx.lock)->dep_map', what lockdep_set_class() passes): the path of
 * the lock, or NULL when EXPR is not the address of a lock member. */
const char *lock_path_of_map(const struct key_env *e, CXCursor expr, const char *key);

#endif
