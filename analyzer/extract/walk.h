/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * walk.h - one pass over a parsed translation unit that turns its AST into
 * facts (facts.h): functions, call sites with their local lock state, lock
 * operations, function-pointer stores and lock aliases.  keys.c names locks
 * and call targets; walk*.c (walker.h) own control flow (if/loops/switch/goto/return).
 */
#ifndef LP_WALK_H
#define LP_WALK_H

#include <clang-c/Index.h>
#include "extract/facts.h"
#include "rules/rules.h"

/* Decides which worker walks a header's inline function (once per run and
 * per header version).  Thread-safe; implemented by extract.c. */
struct hdr_claims;
bool hdr_claim(struct hdr_claims *c, const char *usr, const char *hdr_hash, const char *hdr_path);

struct walk_env {
	const struct lp_rules *rules;
	struct hdr_claims *claims;
	int max_depth;            /* expression nesting bound */
};

/* Walk every definition of TU into F.  F's files/includes must already hold
 * the main file (index 0) and every included header with its hash. */
void walk_tu(const struct walk_env *env, CXTranslationUnit tu, struct tu_facts *f);

#endif
