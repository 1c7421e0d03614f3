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

struct link_stats {
	size_t funcs, direct_edges, indirect_edges, unresolved_direct, unresolved_indirect;
	size_t keys, classes, aliases, capped_keys;
	size_t arg_flows;              /* flows added from indirect calls' arguments to their targets' parameters */
	size_t bytype_keys;            /* keys resolved by function type (lower confidence) */
	double ms;
};

/* Most functions one key may resolve to; beyond it the key is capped (and counted). */
#define LINK_MAX_TARGETS DB_MAX_KEY_TARGETS
/* Most candidates a call resolved by function type may reach (see link.c). */
#define LINK_MAX_TYPE_TARGETS 8

void link_run(struct lp_db *db, struct link_stats *st);

#endif
