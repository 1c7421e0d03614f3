/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * combined.h - 'lockpath report --db A --db B': one report over several
 * databases, typically one kernel build per architecture (s390's ccw, x86's
 * pci and mmio), with ONE transport matrix whose columns are every
 * database's transports.  The findings stay each database's own, one
 * database after the other; nothing is re-checked.  The matrix itself is
 * html_matrix.c's, built over all the sources; this file adds its text and
 * SARIF forms and sequences the outputs.
 */
#ifndef LP_COMBINED_H
#define LP_COMBINED_H

#include <stdio.h>
#include "report/findings.h"
#include "report/html_int.h"

/* The outputs of a combined report: TEXT (stdout, or NULL for none), SARIF
 * and HTML paths (NULL: none). */
struct rp_combined_out { FILE *text; const char *sarif, *html; };

/* The architecture DB's translation units were compiled for: the kernel's
 * arch/NAME/include directory in their options ('s390', 'x86'), else
 * clang's --target ('s390x-linux-gnu'); NULL when neither.  In A. */
const char *rp_db_arch(struct lp_db *db, struct arena *a);

/* ALL: the N runs RUNS one after the other (their findings, TUs and
 * notices; the strings stay the runs' own, so they must outlive ALL, which
 * rp_free frees).  compdb is every run's, '; ' between. */
void rp_concat(struct rp_run *all, const struct rp_run *runs, int n);

/* Write the combined report of the N SRCS (their findings in ALL, from
 * each source's FIRST on) to O.  R: the rules (deferral APIs, for the safe
 * cells' reasons).  Returns 0, or -1 with a sentence in ERR when a file
 * cannot be written. */
int report_combined(const struct hx_source *srcs, int n, const struct rp_run *all, const struct lp_rules *r,
		    const struct rp_combined_out *o, struct strbuf *err);

#endif
