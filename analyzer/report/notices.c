// SPDX-License-Identifier: GPL-2.0-only
/*
 * notices.c - the text form of a run's notices (findings.h): what a reader
 * must know before trusting the findings, in the same compiler style, so
 * that CI logs and editors show them next to the findings.  A notice with a
 * place in the source is 'file:line:col: warning: ... [kind]'; one without
 * is 'lockpath: warning: ... [kind]'.  SARIF carries the same notices as
 * toolExecutionNotifications (sarif.c).
 */
#include "report/report.h"
#include "lib/escape.h"

#include <string.h>

void report_notices(FILE *out, const struct rp_run *run, bool stale)
{
	for (int i = 0; i < run->nnotices; i++) {
		const struct rp_notice *n = &run->notices[i];
		if (stale != !strcmp(n->kind, "stale"))
			continue;
		if (n->loc.file)
			fprintf(out, "%s:%d:%d: ", text_path(n->loc.file), n->loc.line > 0 ? n->loc.line : 1,
				n->loc.col > 0 ? n->loc.col : 1);
		else
			fputs("lockpath: ", out);
		fprintf(out, "warning: %s [%s]\n", text_safe(n->message), text_safe(n->kind));
	}
}
