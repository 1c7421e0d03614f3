// SPDX-License-Identifier: GPL-2.0-only
/*
 * text.c - compiler-style text report.  Each finding is one 'warning:' line
 * at the offending site, then 'note:' lines, each at its own location, so an
 * editor's error list walks the whole story: where the held lock was taken,
 * why two lock names are one lock, and every call on the path, with the
 * store that makes an indirect call reach its target; last, a 'note: fix:'
 * line saying how such code is usually fixed (hints.c).
 */
#include "report/report.h"
#include "lib/keyname.h"
#include "report/funnels.h"
#include "lib/escape.h"

#include <string.h>

/* Every name printed goes through T (text_safe): a control character in a
 * path or a database value cannot start a forged line or reach the terminal. */
#define T(s) text_safe(s)

static void loc(FILE *out, const struct rp_loc *l)
{
	fprintf(out, "%s:%d:%d: ", l->file ? text_path(l->file) : "<unknown>", l->line, l->col);
}

static void hop_notes(FILE *out, const struct rp_hop *hops, int nhops,
		      const char *last_verb)
{
	for (int i = 0; i < nhops; i++) {
		const struct rp_hop *h = &hops[i];
		loc(out, &h->site);
		/* each path says how it starts (finding_hop.entry): a lock-order's
		 * other path may be another context's */
		const char *how = h->entry;
		if (i == 0 && how && !strcmp(how, "root"))   /* callers unknown: process context assumed */
			fprintf(out, "note: [%d] %s (not called in the tree: process context)", i, T(h->func));
		else if (i == 0 && how)
			fprintf(out, "note: [%d] %s (%s entry)", i, T(h->func), T(how));
		else if (i == 0)
			fprintf(out, "note: [%d] %s (entry)", i, T(h->func));
		else
			fprintf(out, "note: [%d] %s", i, T(h->func));
		if (i + 1 < nhops) {
			const struct rp_hop *next = &hops[i + 1];
			if (next->via_key && next->via_text && *next->via_text)
				fprintf(out, " calls %s through '%s' (%s)\n", T(next->func), T(next->via_text), T(next->via_key));
			else if (next->via_key)
				fprintf(out, " calls %s through %s\n", T(next->func), T(next->via_key));
			else
				fprintf(out, " calls %s\n", T(next->func));
			if (next->has_store && keyname_is_type(next->store_key)) {
				loc(out, &next->store);
				fprintf(out, "note: %s's address is taken here; nothing traceable is stored into %s, "
					"so the call was resolved by function type '%s' (lower confidence)\n",
					T(next->func), T(next->via_key ? next->via_key : "?"), T(next->store_key + 5));
			} else if (next->has_store && !next->via_key) {
				/* a direct call with a store behind it: a chain call (link/chains.c) */
				loc(out, &next->store);
				fprintf(out, "note: %s is a callback registered on the chain this call walks; it was "
					"stored into %s here\n", T(next->func), T(next->store_key));
			} else if (next->has_store) {
				loc(out, &next->store);
				fprintf(out, "note: %s was stored into %s here\n", T(next->func), T(next->store_key));
			}
		} else {
			fprintf(out, " %s\n", T(last_verb));
		}
	}
}

/* lockdep's "possible unsafe locking scenario" table, as notes: one CPU per
 * class of the cycle, each taking its class, then each the next one. */
static void scenario(FILE *out, const struct rp_finding *f)
{
	int n = f->npaths > 2 ? f->npaths : 2;
	loc(out, &f->site);
	fprintf(out, "note: possible unsafe locking scenario (");
	for (int k = 0; k < n; k++)
		fprintf(out, "%s%c = %s", k ? ", " : "", 'A' + k % 26, T(rp_cycle_lock(f, k)));
	fprintf(out, "):\n");
	for (int row = 0; row < 2 + 2 * n; row++) {
		/* rows: names, rules, every CPU takes its class, then (last CPU
		 * first) every CPU the next class */
		int cpu = row < 2 + n ? row - 2 : 2 + 2 * n - 1 - row;
		int cls = row < 2 + n ? cpu : (cpu + 1) % n;
		loc(out, &f->site);
		fprintf(out, "note:        ");
		for (int c = 0; c < n; c++) {
			char cell[32] = "";
			if (row == 0)
				snprintf(cell, sizeof(cell), "CPU%d", c);
			else if (row == 1)
				snprintf(cell, sizeof(cell), "----");
			else if (c == cpu)
				snprintf(cell, sizeof(cell), "lock(%c);", 'A' + cls % 26);
			fprintf(out, c + 1 < n ? "%-24s " : "%s\n", cell);
		}
	}
	loc(out, &f->site);
	fprintf(out, "note:  *** DEADLOCK ***\n");
}

void report_text_finding(FILE *out, const struct rp_finding *f)
{
	loc(out, &f->site);
	fprintf(out, "warning: %s [%s]\n", T(f->message), T(f->rule));
	if (f->has_held && f->held_asserted) {
		loc(out, &f->held_site);
		fprintf(out, "note: %s is asserted held here: the callers of %s hold it\n", T(f->held_key),
			T(f->held_func));
	} else if (f->has_held) {
		loc(out, &f->held_site);
		fprintf(out, "note: %s was acquired here, in %s\n", T(f->held_key), T(f->held_func));
	}
	for (int a = 0; a < f->naliases; a++) {
		const struct rp_alias *al = &f->aliases[a];
		loc(out, &al->loc);
		fprintf(out, "note: %s and %s are one lock: '%s'\n", T(al->lhs), T(al->rhs), T(al->text));
	}
	char *verb = rp_check(f)->offence == CK_CONTEXT ? xstrdup(rp_check(f)->verb)
		     : xasprintf("acquires %s", f->lock_key ? f->lock_key : "?");
	hop_notes(out, f->hops, f->nhops, verb);
	free(verb);
	if (f->npaths <= 2 && f->nhops2) {
		loc(out, &f->hops2[0].site);
		fprintf(out, "note: the other path:\n");
		const char *l = rp_path_lock(f, 1);   /* the lock its last site takes, as written there */
		char *v = xasprintf("acquires %s", l ? l : "the lock there");
		hop_notes(out, f->hops2, f->nhops2, v);
		free(v);
	}
	for (int k = 1; f->npaths > 2 && k < f->npaths; k++) {   /* a cycle: each dependency's path */
		const struct rp_path *p = &f->paths[k];
		if (!p->n)
			continue;
		loc(out, &p->hops[0].site);
		fprintf(out, "note: the path of the dependency %s -> %s:\n", T(rp_cycle_lock(f, k)),
			T(rp_cycle_lock(f, (k + 1) % f->npaths)));
		const char *l = rp_path_lock(f, k);
		char *v = xasprintf("acquires %s", l ? l : "?");
		hop_notes(out, p->hops, p->n, v);
		free(v);
	}
	if (rp_check(f)->paths == CK_OTHER_ORDER)   /* the two orders, as lockdep draws them */
		scenario(out, f);
	if (f->hint) {   /* last: how such code is usually fixed (hints.c) */
		loc(out, &f->site);
		fprintf(out, "note: fix: %s\n", T(f->hint));
	}
}

void report_text(FILE *out, const struct rp_run *run)
{
	for (int i = 0; i < run->n; i++)
		report_text_finding(out, &run->f[i]);
}

void report_summary(FILE *out, const struct rp_run *run)
{
	/* which TUs are incomplete, and why: report_notices, with the findings */
	fprintf(out, "lockpath: %d finding%s", run->n, run->n == 1 ? "" : "s");
	for (int r = 0; r < CHECK_COUNT; r++) {
		int n = 0;
		for (int i = 0; i < run->n; i++)
			n += run->f[i].rule_id == r;
		if (n)
			fprintf(out, ", %d %s", n, checks[r].name);
	}
	fprintf(out, " in %d translation unit%s", run->ntus, run->ntus == 1 ? "" : "s");
	if (run->tus_failed)
		fprintf(out, " (%d incomplete, %d not parsed at all)", run->tus_with_errors, run->tus_failed);
	else if (run->tus_with_errors)
		fprintf(out, " (%d incomplete)", run->tus_with_errors);
	int limits = 0;
	for (int i = 0; i < run->nnotices; i++)
		limits += !strcmp(run->notices[i].kind, "limit");
	if (limits)
		fprintf(out, "; %d analysis limit%s hit", limits, limits == 1 ? "" : "s");
	int last_put = 0;
	for (int i = 0; i < run->n; i++)
		last_put += run->f[i].last_put;
	if (last_put)   /* they need a put to drop the last reference: counted apart (docs/rules.md) */
		fprintf(out, "; %d only where a put drops the last reference", last_put);
	if (run->scope)
		fprintf(out, "; scope %s (%d other finding%s left out)", T(run->scope), run->n_out_of_scope,
			run->n_out_of_scope == 1 ? "" : "s");
	fprintf(out, "\n");
	report_funnels(out, run);
}

/* The busiest entries and the one call most of their findings make: where
 * a reviewer of a large tree starts (report/funnels.h). */
void report_funnels(FILE *out, const struct rp_run *run)
{
	struct rp_funnel fu[RP_FUNNEL_TEXT];
	int n = rp_funnels(run, fu, RP_FUNNEL_TEXT);
	for (int i = 0; i < n; i++) {
		fprintf(out, "lockpath: %d findings start at %s (%s)", fu[i].nfindings, T(fu[i].entry), T(fu[i].context));
		if (fu[i].caller)
			fprintf(out, "; %d of them go through %s -> %s (%s:%d, %d call%s in)", fu[i].nthrough,
				T(fu[i].caller), T(fu[i].callee), T(fu[i].site.file), fu[i].site.line, fu[i].depth,
				fu[i].depth == 1 ? "" : "s");
		fprintf(out, "\n");
	}
}
