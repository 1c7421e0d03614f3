/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * store.h - writing one TU's facts to the database in one transaction, and
 * the bookkeeping around it: which TUs are up to date, removing TUs that
 * left the compile database, dropping header versions no TU includes.
 * Only the writer thread calls these.
 */
#ifndef LP_STORE_H
#define LP_STORE_H

#include "db/db.h"
#include "extract/facts.h"

struct store;
struct store *store_new(struct lp_db *db);
void store_free(struct store *s);

/* Replace the facts of F's TU (if any) by F, atomically. */
void store_tu(struct store *s, const struct tu_facts *f);

/* True when the TU of MAIN_FILE was stored with ARGS_HASH, parsed, and none
 * of the files it read has changed (hash_of gives current content hashes). */
bool store_tu_current(struct store *s, const char *main_file, const char *args_hash,
		      bool (*hash_of)(void *ctx, const char *path, char out[33]), void *ctx);

/* Remove every TU whose main file is not in KEEP (a set of paths); returns how many. */
int store_prune_tus(struct store *s, const struct strmap *keep);
/* Drop header versions no TU includes any more (EVERY: all of them), with
 * their facts. */
void store_gc_headers(struct store *s, bool every);
/* Drop every TU and header version with their facts, in one transaction:
 * for a run that parses every TU again, where deleting each TU's old facts
 * before its new ones scanned the argument table once per TU. */
void store_drop_facts(struct store *s);

/* Call FN for every header function already stored, with its header
 * version (USR, content hash, path): extract seeds its claims with them. */
void store_each_header_func(struct store *s, void (*fn)(void *ctx, const char *usr, const char *hash,
							 const char *path), void *ctx);

#endif
