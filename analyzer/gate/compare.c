// SPDX-License-Identifier: GPL-2.0-only
/*
 * compare.c - classify a head run against a baseline (see gate.h).  Matching
 * is by fingerprint only, as a multiset: two findings with one fingerprint
 * (one path reaching two acquisitions of the class in one function) need two
 * in the baseline.  Locations never take part, so moved code matches.  This
 * file decides; it prints nothing (cli/cmd_gate.c does).
 */
#include "gate/gate.h"

#include <string.h>

/* Baseline occurrences per fingerprint, less those matched by HEAD. */
static void match_baseline(const struct rp_run *head, const struct gate_baseline *base,
			   struct gate_result *out)
{
	struct strmap left = {0};
	for (size_t j = 0; j < base->v.n; j++)
		(*strmap_put(&left, base->v.v[j].fingerprint, NULL))++;
	for (int i = 0; i < head->n; i++) {
		int64_t *k = head->f[i].fingerprint ? strmap_get(&left, head->f[i].fingerprint) : NULL;
		out->status[i] = k && *k > 0 ? GATE_UNCHANGED : GATE_NEW;
		if (k && *k > 0)
			(*k)--;
	}
	/* what is left of a fingerprint is its last occurrences in the baseline */
	for (size_t j = base->v.n; j-- > 0;) {
		int64_t *k = strmap_get(&left, base->v.v[j].fingerprint);
		if (*k > 0) {
			out->fixed[j] = true;
			(*k)--;
			out->n_fixed++;
		}
	}
	strmap_free(&left);
}

/* Why finding F is suppressed (malloc'd), NULL if it is not; -1 on a bad inline comment. */
static int suppressed_by(const struct rp_finding *f, struct suppressions *sup, bool inline_comments,
			 char **why, struct strbuf *err)
{
	*why = NULL;
	struct suppression *x = sup ? suppress_match(sup, f) : NULL;
	if (x) {
		*why = xasprintf("%s:%d: %s", sup->file, x->line, x->reason);
		return 0;
	}
	return inline_comments && suppress_inline_find(f, why, err) < 0 ? -1 : 0;
}

int gate_compare(const struct rp_run *head, const struct gate_baseline *base, struct suppressions *sup,
		 bool inline_comments, struct gate_result *out, struct strbuf *err)
{
	memset(out, 0, sizeof(*out));
	out->status = xcalloc((size_t)head->n + 1, sizeof(*out->status));
	out->reason = xcalloc((size_t)head->n + 1, sizeof(*out->reason));
	out->fixed = xcalloc(base->v.n + 1, sizeof(*out->fixed));
	match_baseline(head, base, out);
	for (int i = 0; i < head->n; i++) {
		if (suppressed_by(&head->f[i], sup, inline_comments, &out->reason[i], err))
			return -1;
		if (out->reason[i])
			out->status[i] = GATE_SUPPRESSED;
		out->n_new += out->status[i] == GATE_NEW;
		out->n_unchanged += out->status[i] == GATE_UNCHANGED;
		out->n_suppressed += out->status[i] == GATE_SUPPRESSED;
	}
	for (size_t s = 0; sup && s < sup->v.n; s++)
		out->n_stale += sup->v.v[s].hits == 0;
	return 0;
}

void gate_result_free(struct gate_result *r, int nhead)
{
	for (int i = 0; r->reason && i < nhead; i++)
		free(r->reason[i]);
	free(r->reason);
	free(r->status);
	free(r->fixed);
	memset(r, 0, sizeof(*r));
}
