// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_scc.c - unit test of analyzer/lib/scc, the strongly connected
 * components under lock-order's cycles and reach's subtree facts.  On
 * hand-made graphs (none, a self-loop, a cycle with a tail, two linked
 * cycles) and on 200 pseudo-random small graphs (a fixed seed), the
 * components must be exactly the sets of mutually reachable vertices
 * (checked against a brute-force closure), numbered successors first; a
 * chain of 200,000 vertices checks that nothing recurses.
 *
 * usage: test_scc      exit 0 if all pass, 1 otherwise
 */
#include "lib/scc.h"
#include "lib/util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "expect.h"

/* A graph of NV vertices from NE edges (FROM[i] -> TO[i]), in the
 * compressed form scc_components takes. */
struct graph { int nv, *first, *to; };

static struct graph graph_make(int nv, int ne, const int *from, const int *to)
{
	struct graph g = { nv, xcalloc((size_t)nv + 2, sizeof(int)), xcalloc((size_t)ne + 1, sizeof(int)) };
	for (int i = 0; i < ne; i++)
		g.first[from[i] + 1]++;
	for (int v = 0; v < nv; v++)
		g.first[v + 1] += g.first[v];
	int *fill = xcalloc((size_t)nv + 1, sizeof(int));
	for (int i = 0; i < ne; i++)
		g.to[g.first[from[i]] + fill[from[i]]++] = to[i];
	free(fill);
	return g;
}

static void graph_free(struct graph *g)
{
	free(g->first);
	free(g->to);
}

/* Every edge goes to a component numbered no higher than its source's. */
static bool successors_first(const struct graph *g, const int *comp)
{
	for (int v = 0; v < g->nv; v++)
		for (int e = g->first[v]; e < g->first[v + 1]; e++)
			if (comp[g->to[e]] > comp[v])
				return false;
	return true;
}

/* Same component exactly when each reaches the other (transitive closure;
 * small graphs only). */
static bool components_are_mutual_reach(const struct graph *g, const int *comp)
{
	int n = g->nv;
	bool *r = xcalloc((size_t)n * (size_t)n + 1, sizeof(bool));
	for (int v = 0; v < n; v++) {
		r[v * n + v] = true;
		for (int e = g->first[v]; e < g->first[v + 1]; e++)
			r[v * n + g->to[e]] = true;
	}
	for (int k = 0; k < n; k++)
		for (int i = 0; i < n; i++)
			for (int j = 0; r[i * n + k] && j < n; j++)
				r[i * n + j] |= r[k * n + j];
	bool ok = true;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			ok &= (comp[i] == comp[j]) == (r[i * n + j] && r[j * n + i]);
	free(r);
	return ok;
}

/* Run scc on the graph of edges FROM/TO; check it; returns the count. */
static int check_graph(const char *name, int nv, int ne, const int *from, const int *to, int *comp)
{
	struct graph g = graph_make(nv, ne, from, to);
	int n = scc_components(nv, g.first, g.to, comp);
	char what[128];
	snprintf(what, sizeof(what), "%s: components are the mutually reachable sets", name);
	expect(components_are_mutual_reach(&g, comp), what);
	snprintf(what, sizeof(what), "%s: numbered successors first", name);
	expect(successors_first(&g, comp), what);
	graph_free(&g);
	return n;
}

static void test_hand_made(void)
{
	int comp[8];
	expect(check_graph("no vertices", 0, 0, NULL, NULL, comp) == 0, "no vertices: no components");
	expect(check_graph("one vertex", 1, 0, NULL, NULL, comp) == 1, "one vertex: one component");
	static const int sf[] = { 0 }, st[] = { 0 };
	expect(check_graph("a self-loop", 1, 1, sf, st, comp) == 1, "a self-loop: one component");
	/* 0 -> 1 -> 2 -> 0, 2 -> 3: the cycle, then its tail */
	static const int cf[] = { 0, 1, 2, 2 }, ct[] = { 1, 2, 0, 3 };
	expect(check_graph("a cycle with a tail", 4, 4, cf, ct, comp) == 2, "a cycle with a tail: two");
	expect(comp[3] < comp[0], "the tail (a successor) comes first");
	/* {0,1} -> {2,3}, and 4 alone */
	static const int lf[] = { 0, 1, 1, 2, 3 }, lt[] = { 1, 0, 2, 3, 2 };
	expect(check_graph("two linked cycles", 5, 5, lf, lt, comp) == 3, "two linked cycles and a lone vertex");
	expect(comp[2] == comp[3] && comp[0] == comp[1] && comp[2] < comp[0], "the callee cycle first");
}

static void test_random(void)
{
	unsigned seed = 12345;   /* fixed: the same graphs every run */
	int from[40], to[40], comp[12];
	for (int round = 0; round < 200; round++) {
		int nv = 1 + round % 12, ne = round % 40;
		for (int i = 0; i < ne; i++) {
			seed = seed * 1103515245u + 12345u;
			from[i] = (int)((seed >> 8) % (unsigned)nv);
			seed = seed * 1103515245u + 12345u;
			to[i] = (int)((seed >> 8) % (unsigned)nv);
		}
		char name[32];
		snprintf(name, sizeof(name), "random graph %d", round);
		check_graph(name, nv, ne, from, to, comp);
	}
}

static void test_deep_chain(void)
{
	int n = 200000;
	int *from = xmalloc((size_t)n * sizeof(int)), *to = xmalloc((size_t)n * sizeof(int));
	for (int i = 0; i < n; i++) {   /* 0 -> 1 -> ... -> n-1 -> 0: one cycle, 200000 deep */
		from[i] = i;
		to[i] = (i + 1) % n;
	}
	struct graph g = graph_make(n, n, from, to);
	int *comp = xmalloc((size_t)n * sizeof(int));
	expect(scc_components(n, g.first, g.to, comp) == 1, "a 200000-vertex cycle is one component");
	g.first[n] = g.first[n - 1];   /* drop the closing edge: a chain of singletons */
	expect(scc_components(n, g.first, g.to, comp) == n && successors_first(&g, comp),
	       "a 200000-vertex chain: one component each, successors first");
	graph_free(&g);
	free(comp);
	free(from);
	free(to);
}

int main(void)
{
	test_hand_made();
	test_random();
	test_deep_chain();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
