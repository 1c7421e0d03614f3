/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * link.h - the link phase: from the facts of every TU, build the whole-tree
 * call graph (direct calls by USR, indirect calls through the keys that
 * function pointers were stored into) and the lock classes (lock keys joined
 * by the lock-pointer assignments that make them one lock).  Writes tables
 * call_edge, key_target and lock_class, replacing the previous link.
 */
#ifndef LP_LINK_H
#define LP_LINK_H

#include "db/db.h"
#include "link/chains.h"
#include "link/lockdep_class.h"

struct link_stats {
	size_t funcs, direct_edges, indirect_edges, unresolved_direct, unresolved_indirect;
	size_t keys, classes, aliases, capped_keys;
	size_t arg_flows;              /* flows added from indirect calls' arguments to their targets' parameters */
	size_t bytype_keys;            /* keys resolved by function type (lower confidence) */
	size_t bytype_wide_keys;       /* keys whose type has more than LINK_MAX_TYPE_TARGETS
					* candidates: not resolved (no edges) */
	size_t wide_keys;              /* keys with more than link_opts.wide candidates */
	size_t wide_sites;             /* indirect calls through them: no call edge */
	size_t shared_statics;         /* static function names two files share: their
					* last path components and the name are one key
					* (lib/keyname.h), and so are their keys */
	char shared_example[256];      /* the first such name, and two of its files */
	struct chain_stats chains;     /* notifier chains and wait queues (chains.h) */
	struct lockdep_stats lockdep;  /* lockdep's class rules (lockdep_class.h) */
	double ms;
};

/* Most functions one key may resolve to; beyond it the key is capped (and counted). */
#define LINK_MAX_TARGETS DB_MAX_KEY_TARGETS
/* Most candidates a call resolved by function type may reach (see link.c);
 * a type with more candidates resolves nothing: a guess among dozens is no
 * path (link_opts.max_type_targets, from $LOCKPATH_MAX_TYPE_TARGETS, moves
 * the bound, 1 to LINK_MAX_TARGETS). */
#define LINK_MAX_TYPE_TARGETS 8

/*
 * A wide dispatch: a call key that more than this many functions were stored
 * into (notifier_block.notifier_call, wait_queue_entry.func, a kref release
 * parameter: hundreds each in a whole kernel).  Such a call is generic
 * machinery whose target depends on the object, which a key cannot tell:
 * link writes no call edges for it, and check follows it only where the
 * path itself says which function it is (a function-pointer argument bound
 * at a call on the path).  The keys are listed in meta 'wide:KEY'.
 */
#define LINK_WIDE_TARGETS 64

struct link_opts {
	size_t wide;                   /* 0: LINK_WIDE_TARGETS */
	size_t max_type_targets;       /* 1 to LINK_MAX_TARGETS; 0: LINK_MAX_TYPE_TARGETS */
	const struct lp_rules *rules;  /* the chain rules (chains.h); NULL: none */
};

/* Link DB's facts, replacing the previous link; ST counts what was made.
 * Returns 0, or -1 when a statement failed: nothing was committed, and
 * db_error(DB) says why (the command layer prints it). */
int link_run(struct lp_db *db, const struct link_opts *opts, struct link_stats *st);

/* Lower is a better name for a lock class: an object over a pointer, a
 * short name over a long one (the class is named by its best key). */
int link_class_name_rank(const char *key);

#endif
