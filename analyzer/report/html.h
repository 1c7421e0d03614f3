/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * html.h - the HTML report: a static, self-contained directory a maintainer
 * opens from file:// with no server and no network.  index.html holds the
 * run, the counts, the transport matrix and a filterable table; one page per
 * finding shows the path as source snippets, the alias proof and a
 * lockdep-style summary; src/ holds the source files the pages link to.
 * Style, script and page template come from reports/, compiled in.
 */
#ifndef LP_HTML_H
#define LP_HTML_H

#include "report/findings.h"

/*
 * Write the report for RUN (loaded from DB, which is only read) into DIR,
 * creating it if needed; files of an earlier report there are replaced.
 * Returns 0, or -1 with errno set when a file cannot be written.
 */
int report_html(const char *dir, struct lp_db *db, const struct rp_run *run);

/* A combined report (report/combined.h): the N databases SRCS, whose
 * findings RUN holds one after the other, in one report with one transport
 * matrix; R gives the deferral APIs its safe cells name.  As report_html. */
struct hx_source;
struct lp_rules;
int report_html_sources(const char *dir, const struct hx_source *srcs, int n, const struct rp_run *run,
			const struct lp_rules *r);

#endif
