/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * chains.h - the link step for callback chains (notifier chains, wait
 * queues): a call of a chain's call API gets call edges to the callbacks
 * registered on the container it names, and only those; the generic call
 * through the chain's key inside the API gets none (link.c skips it).  The
 * APIs are the 'chain-register' / 'chain-call' rules (docs/rules-format.md).
 */
#ifndef LP_CHAINS_H
#define LP_CHAINS_H

#include "db/db.h"
#include "rules/rules.h"

struct chain_stats {
	size_t registrations;          /* (container, entry) pairs named by registrations */
	size_t unnamed_registrations;  /* registrations whose container or entry has no name */
	size_t members;                /* functions stored into a chain key of a named object */
	size_t containers;             /* containers with at least one registration */
	size_t calls, resolved_calls;  /* chain calls; those that reach a callback */
	size_t unnamed_calls;          /* chain calls whose container has no name: reach none */
	size_t edges;                  /* call edges written */
	size_t key_sites;              /* calls through a chain key: no call edge */
};

/* How link names a function: the func row id of the definition of USR as seen
 * from TU/HDR, or -1 (link.c's rule: own TU first, then headers, then extern). */
struct chain_resolver {
	int64_t (*resolve)(void *ctx, const char *usr, int64_t tu, int64_t hdr);
	void *ctx;
};

/* Whether a call through KEY is a chain's generic call (no call edge). */
bool chains_is_key(const struct lp_rules *r, const char *key);

/* Write the chain calls' call edges (inside link's transaction, after the
 * direct edges are written).  R NULL or without chain rules: nothing. */
void chains_link(struct lp_db *db, const struct lp_rules *r, const struct chain_resolver *res,
		 struct chain_stats *st);

#endif
