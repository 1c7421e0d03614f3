/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * funnels.h - where a tree's findings come from.  For each entry point with
 * many findings, its funnel: the deepest call that most of its findings'
 * paths make.  On the whole s390 tree most findings start at one driver's
 * interrupt handler and pass one call far below it; whoever judges that call
 * has judged them all.  Text prints the largest after the summary line
 * (cli/common.c), the HTML index a table.  Derived from the findings only.
 */
#ifndef LP_FUNNELS_H
#define LP_FUNNELS_H

#include "report/findings.h"

#define RP_FUNNEL_MIN 20        /* an entry with fewer findings is read one by one */
#define RP_FUNNEL_SHARE 0.75    /* "most": at least this share of the entry's findings */
#define RP_FUNNEL_HTML 20       /* rows of the HTML index's table */

struct rp_funnel {
	const char *entry, *context;
	int nfindings;              /* findings whose path starts at the entry */
	const char *caller, *callee;   /* the funnel call; NULL when no call is made by most */
	struct rp_loc site;         /* where CALLER calls CALLEE */
	int depth;                  /* calls from the entry to it (1: the entry's own call) */
	int nthrough;               /* findings whose path makes it */
};

/* The entries of RUN with at least RP_FUNNEL_MIN findings, most findings
 * first (then by name), at most MAX of them into OUT; returns how many. */
int rp_funnels(const struct rp_run *run, struct rp_funnel *out, int max);

#endif
