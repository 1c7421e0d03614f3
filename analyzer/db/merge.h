/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * merge.h - combining databases of sharded extract runs ('lockpath merge'):
 * the facts of each input are added to the output, renumbered, with shared
 * header versions stored once.  The inputs must hold disjoint TUs.
 */
#ifndef LP_MERGE_H
#define LP_MERGE_H

#include "db/db.h"

struct merge_stats {
	size_t tus;              /* TUs merged */
	size_t headers;          /* header versions added */
	size_t shared_headers;   /* header versions an earlier input had: kept once */
};

/* Add IN_PATH's facts to OUT.  Returns 0, or -1 with ERR set to a sentence
 * naming IN_PATH (nothing written) when IN is not a lockpath database of
 * this version or shares a TU with OUT.  A failure of OUT itself is OUT's
 * db_error (the call returns 0: its caller checks). */
int merge_into(struct lp_db *out, const char *in_path, struct merge_stats *st, struct strbuf *err);

#endif
