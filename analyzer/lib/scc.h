/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * scc.h - strongly connected components of a directed graph in compressed
 * form (vertex V's successors are TO[FIRST[V] .. FIRST[V + 1] - 1]): the
 * lock-order graph's cycles (check/check_lock_order.c) and what a call
 * graph's subtrees acquire (check/reach.c); and that form built from
 * a list of edges or parent links.
 */
#ifndef LP_SCC_H
#define LP_SCC_H

#include <stddef.h>

/* Fills COMP[V] with V's component for each of the NV vertices; returns how
 * many.  Components are numbered successors first: every successor of a
 * component's vertex is in a component of a lower or equal number. */
int scc_components(int nv, const int *first, const int *to, int *comp);

/* Group items 0..N-1 by KEY[i] (a vertex 0..NV-1, or -1: left out), each
 * group in item order: vertex V's items are ORDER[FIRST[V] .. FIRST[V + 1]
 * - 1].  FIRST has NV + 1 entries, ORDER room for N. */
void scc_group(int nv, const int *key, size_t n, int *first, int *order);

#endif
