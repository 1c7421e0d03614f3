// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_funnels.c - unit test of analyzer/report/funnels: for an entry with
 * many findings the funnel is the deepest call that at least
 * RP_FUNNEL_SHARE of their paths make (not the entry's first call, which
 * all make); an entry whose paths part at once has none; an entry with
 * fewer than RP_FUNNEL_MIN findings is left out; the busiest comes first.
 *
 * usage: test_funnels      exit 0 if all pass, 1 otherwise
 */
#include "report/funnels.h"

#include <stdio.h>
#include <string.h>
#include "expect.h"

#define MAXF 200
#define MAXH 8
static struct rp_finding f[MAXF];
static struct rp_hop hops[MAXF][MAXH];
static int nf;

/* A finding from ENTRY along FUNCS (NULL-terminated, after the entry). */
static void add(const char *entry, const char *const *funcs)
{
	struct rp_finding *x = &f[nf];
	*x = (struct rp_finding){ .entry = entry, .context = "hardirq", .hops = hops[nf] };
	hops[nf][0] = (struct rp_hop){ .func = entry, .site = { "e.c", 1, 1 } };
	int n = 1;
	for (; funcs[n - 1] && n < MAXH; n++)
		hops[nf][n] = (struct rp_hop){ .func = funcs[n - 1], .site = { "f.c", 10 * n, 1 } };
	x->nhops = n;
	nf++;
}

int main(void)
{
	/* 40 findings from irq_a: 32 go on through deep_call, 8 stop early */
	static const char *const via_deep[] = { "dispatch", "middle", "deep_call", "leaf", NULL };
	static const char *const early[] = { "dispatch", "other", NULL };
	for (int i = 0; i < 32; i++)
		add("irq_a", via_deep);
	for (int i = 0; i < 8; i++)
		add("irq_a", early);
	/* 25 from irq_b, parting at the entry's first call */
	static const char *const b1[] = { "b_one", "x", NULL }, *const b2[] = { "b_two", "y", NULL };
	for (int i = 0; i < 12; i++)
		add("irq_b", b1);
	for (int i = 0; i < 13; i++)
		add("irq_b", b2);
	/* a few from irq_c */
	for (int i = 0; i < RP_FUNNEL_MIN - 1; i++)
		add("irq_c", via_deep);

	struct rp_run run = { .f = f, .n = nf };
	struct rp_funnel out[4];
	int n = rp_funnels(&run, out, 4);
	expect(n == 2, "two entries have enough findings");
	expect(n >= 1 && !strcmp(out[0].entry, "irq_a") && out[0].nfindings == 40, "the busiest entry first");
	expect(n >= 1 && out[0].callee && !strcmp(out[0].callee, "leaf") && out[0].nthrough == 32 &&
	       out[0].depth == 4, "irq_a's funnel is the deepest call 32 of 40 make");
	expect(n >= 2 && !strcmp(out[1].entry, "irq_b") && !out[1].caller, "irq_b's paths part at once: no funnel");
	expect(rp_funnels(&run, out, 1) == 1, "at most MAX");

	return expect_done("funnels");
}
