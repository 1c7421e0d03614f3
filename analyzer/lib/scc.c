// SPDX-License-Identifier: GPL-2.0-only
/*
 * scc.c - strongly connected components (see scc.h): Tarjan's algorithm
 * with explicit stacks, since a whole kernel's call graph (166,000
 * functions) and lock-order graph are far too deep for recursion.
 */
#include "lib/scc.h"
#include "lib/util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int scc_components(int nv, const int *first, const int *to, int *comp)
{
	int ncomp = 0, counter = 0, sp = 0, cp = 0;
	int *index = xmalloc(((size_t)nv + 1) * sizeof(int)), *low = xmalloc(((size_t)nv + 1) * sizeof(int));
	int *stack = xmalloc(((size_t)nv + 1) * sizeof(int)), *call = xmalloc(((size_t)nv + 1) * sizeof(int));
	int *next = xmalloc(((size_t)nv + 1) * sizeof(int));   /* per vertex on CALL: its next out-edge */
	bool *on_stack = xcalloc((size_t)nv + 1, sizeof(bool));
	for (int v = 0; v < nv; v++)
		index[v] = -1;
	for (int root = 0; root < nv; root++) {
		if (index[root] >= 0)
			continue;
		call[cp++] = root;
		index[root] = low[root] = counter++;
		next[root] = first[root];
		stack[sp++] = root;
		on_stack[root] = true;
		while (cp) {
			int v = call[cp - 1];
			if (next[v] < first[v + 1]) {
				int w = to[next[v]++];
				if (index[w] < 0) {
					index[w] = low[w] = counter++;
					next[w] = first[w];
					stack[sp++] = w;
					on_stack[w] = true;
					call[cp++] = w;
				} else if (on_stack[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			cp--;
			if (cp && low[v] < low[call[cp - 1]])
				low[call[cp - 1]] = low[v];
			if (low[v] == index[v]) {
				int w;
				do {
					w = stack[--sp];
					on_stack[w] = false;
					comp[w] = ncomp;
				} while (w != v);
				ncomp++;
			}
		}
	}
	free(index);
	free(low);
	free(stack);
	free(call);
	free(next);
	free(on_stack);
	return ncomp;
}

void scc_group(int nv, const int *key, size_t n, int *first, int *order)
{
	memset(first, 0, ((size_t)nv + 1) * sizeof(int));
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 0)
			first[key[i] + 1]++;
	for (int v = 0; v < nv; v++)
		first[v + 1] += first[v];
	int *fill = xmalloc(((size_t)nv + 1) * sizeof(int));
	memcpy(fill, first, ((size_t)nv + 1) * sizeof(int));
	for (size_t i = 0; i < n; i++)
		if (key[i] >= 0)
			order[fill[key[i]]++] = (int)i;
	free(fill);
}
