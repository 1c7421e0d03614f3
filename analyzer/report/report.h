/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * report.h - the output formats.  Text is compiler style (file:line:col:
 * warning: ... [rule], then notes an editor can jump through); SARIF 2.1.0
 * is the stable machine-readable contract (what it holds: sarif.c; its
 * fingerprints: docs/ci.md).
 */
#ifndef LP_REPORT_H
#define LP_REPORT_H

#include <stdio.h>
#include "report/findings.h"

void report_text(FILE *out, const struct rp_run *run);
/* One finding: its 'warning:' line and every 'note:' line (the gate prints new ones). */
void report_text_finding(FILE *out, const struct rp_finding *f);
/* Summary of findings and incomplete TUs, for stderr. */
void report_summary(FILE *out, const struct rp_run *run);
/* Part of the summary: the entries with the most findings and their funnels
 * (report/funnels.h), at most RP_FUNNEL_TEXT lines; none for a small run. */
#define RP_FUNNEL_TEXT 5
void report_funnels(FILE *out, const struct rp_run *run);
/* The run's notices (findings.h: stale findings, incomplete TUs, limits hit)
 * in compiler style, '[kind]' last; STALE: only the "stale" ones (printed
 * before the findings), else all the others (after them).  notices.c */
void report_notices(FILE *out, const struct rp_run *run, bool stale);
/* Write RUN to PATH as SARIF.  Returns 0, or -1 with a sentence added to
 * ERR ("cannot write SARIF to PATH: <the system's reason>") when PATH cannot
 * be written; PATH is then unchanged.  Dies only when out of memory. */
int report_sarif(const char *path, const struct rp_run *run, struct strbuf *err);
/* report_sarif, and when not NULL: PROPS (a JSON object, whose reference it
 * takes) as the run's properties, DBS[i] as result i's properties.database
 * (a combined report, report/combined.c). */
typedef struct json_t json_t;
int report_sarif_props(const char *path, const struct rp_run *run, json_t *props, const char *const *dbs,
		       struct strbuf *err);

#endif
