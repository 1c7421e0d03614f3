// SPDX-License-Identifier: GPL-2.0-only
/*
 * funnels.c - the funnel of each busy entry point (see funnels.h).
 *
 * A path's call at depth D is the edge from hop D - 1 to hop D at hop
 * D - 1's call site.  Paths from one entry share their first calls and
 * fan out below; the funnel is the deepest call still made by at least
 * RP_FUNNEL_SHARE of the entry's findings.
 */
#include "report/funnels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Indexes of RUN's findings ordered by entry name, then index. */
static const struct rp_run *sort_run;

static int by_entry(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(sort_run->f[x].entry, sort_run->f[y].entry);
	return c ? c : (x > y) - (x < y);
}

static void edge_key(struct strbuf *sb, const struct rp_hop *from, const struct rp_hop *to, int depth)
{
	sb_reset(sb);
	sb_addf(sb, "%d\037%s\037%s\037%s:%d", depth, from->func, to->func, from->site.file ? from->site.file : "",
		from->site.line);
}

/* The funnel of the N findings IDX[0..N-1], which start at one entry. */
static void funnel_of(const struct rp_run *run, const int *idx, int n, struct rp_funnel *out)
{
	struct strmap counts = {0};
	struct strbuf sb = {0};
	const struct rp_finding *first = &run->f[idx[0]];
	*out = (struct rp_funnel){ .entry = first->entry, .context = first->context, .nfindings = n };
	for (int i = 0; i < n; i++) {
		const struct rp_finding *f = &run->f[idx[i]];
		for (int h = 1; h < f->nhops; h++) {
			edge_key(&sb, &f->hops[h - 1], &f->hops[h], h);
			bool created;
			(*strmap_put(&counts, sb_str(&sb), &created))++;
		}
	}
	int need = (int)(n * RP_FUNNEL_SHARE + 0.999);
	for (int i = 0; i < n; i++) {   /* the deepest qualifying call lies on some path */
		const struct rp_finding *f = &run->f[idx[i]];
		for (int h = f->nhops - 1; h > out->depth; h--) {
			edge_key(&sb, &f->hops[h - 1], &f->hops[h], h);
			int64_t *c = strmap_get(&counts, sb_str(&sb));
			if (c && *c >= need) {
				*out = (struct rp_funnel){ first->entry, first->context, n, f->hops[h - 1].func,
							   f->hops[h].func, f->hops[h - 1].site, h, (int)*c };
				break;
			}
		}
	}
	sb_free(&sb);
	strmap_free(&counts);
}

static int by_findings(const void *a, const void *b)
{
	const struct rp_funnel *x = a, *y = b;
	return x->nfindings != y->nfindings ? y->nfindings - x->nfindings : strcmp(x->entry, y->entry);
}

int rp_funnels(const struct rp_run *run, struct rp_funnel *out, int max)
{
	if (run->n == 0 || max <= 0)
		return 0;
	int *idx = xmalloc((size_t)run->n * sizeof(*idx));
	for (int i = 0; i < run->n; i++)
		idx[i] = i;
	sort_run = run;
	qsort(idx, (size_t)run->n, sizeof(*idx), by_entry);
	VEC(struct rp_funnel) all = {0};
	for (int start = 0, end; start < run->n; start = end) {
		for (end = start + 1; end < run->n && !strcmp(run->f[idx[end]].entry, run->f[idx[start]].entry); end++)
			;
		if (end - start < RP_FUNNEL_MIN)
			continue;
		struct rp_funnel fu;
		funnel_of(run, idx + start, end - start, &fu);
		vec_push(&all, fu);
	}
	if (all.n)
		qsort(all.v, all.n, sizeof(*all.v), by_findings);
	int n = (int)all.n < max ? (int)all.n : max;
	if (n)   /* all.v is NULL when no entry qualifies */
		memcpy(out, all.v, (size_t)n * sizeof(*out));
	vec_free(&all);
	free(idx);
	return n;
}
