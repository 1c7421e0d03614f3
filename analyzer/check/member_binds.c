// SPDX-License-Identifier: GPL-2.0-only
/*
 * member_binds.c - a member set on the path from a function the path passed.
 *
 * Netfilter's hooks take the function that finishes the packet's journey
 * as an argument: NF_HOOK(.., okfn) passes it to nf_hook(), which stores
 * it into the hook state on its stack (nf_hook_state_init(): 'p->okfn =
 * okfn') and hands that state down to nf_hook_slow().  When a queue handler
 * gives the packet back at once (nfqueue's fail-open), nf_reinject() calls
 * 'entry->state.okfn(..)'.  By key that call reaches every okfn any hook in
 * the kernel was given: IGMP's report, sent with dst_output() as its okfn
 * while its multicast locks are held, came back into the receive path's
 * ip_local_deliver_finish() and took them again; on the whole s390 tree 57
 * findings went through that one call.  The multiqueue tag iterators do
 * the same with their callbacks (bt_for_each() stores fn into the data it
 * passes to the bitmap walk, whose callback calls it).
 *
 * The engine already binds a function-pointer parameter to the function
 * the path passed (engine.c, callee_state).  This carries that binding on
 * through a member: a function that stores its parameter P into member M,
 * itself or through a callee it passes P to ('nf_hook_state_init(&state,
 * .., okfn)'), binds M on the calls it makes after the store to whatever
 * the path bound P to, and the binding goes down the path until a function
 * on it stores into M again (from a parameter the path did not bind: then
 * M is unknown again).  A call through M below resolves to the bound
 * function only.  A callee given NULL for P stores NULL, and the call then
 * calls nothing: the egress hook's state has no okfn, and its queued
 * packets, given back, finish in the transmit path, not in any okfn.  A state keeps these bindings in its function-pointer
 * slots (ck_fnbind.n is -1 - the member's index), and only where the
 * callee's subtree calls through the member: a binding nothing below uses
 * would only split states.
 *
 * What it trades: the object the store went into is not tracked.  A call
 * through M below the store on another object (a packet queued earlier by
 * another hook, reinjected from the same path) resolves to the path's
 * function; such a call from a path that did not pass through a store of M
 * still reaches every function stored into M.
 */
#include "check/member_binds.h"
#include "check/engine_int.h"
#include "check/reach.h"
#include "lib/keyname.h"
#include "lib/scc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Function FUNC stores its parameter PARAM (or NULL: STORES_NULL) into
 * member MKEY at (LINE, COL): an assignment, or the call that passes PARAM
 * (NULL) to a function that stores it. */
struct mstore { int func, mkey, param, line, col; };
#define STORES_NULL (-2)
/* A member bound to NULL: the call through it calls nothing. */
#define NO_FUNC (-1)
/* The call at site index SITE is through member MKEY. */
struct mcall { int site, mkey; };

struct member_index {
	struct strmap mkeys;             /* member key -> its index (strmap_id) */
	VEC(struct mstore) stores;       /* sorted by function, then position */
	int *first;                      /* per function: its first store in stores */
	VEC(struct mcall) calls;         /* sorted by site */
	size_t words;                    /* of a member bitset */
	int *comp;                       /* per function: its call graph component */
	uint64_t *below;                 /* per component: the members its subtree calls through */
};

static int mkey_of(struct member_index *x, const char *key)
{
	return strmap_id(&x->mkeys, key, NULL);
}

static int by_func_and_position(const void *a, const void *b)
{
	const struct mstore *x = a, *y = b;
	if (x->func != y->func)
		return x->func < y->func ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

static void index_stores(struct engine *e, struct member_index *x)
{
	if (x->stores.n > 1)
		qsort(x->stores.v, x->stores.n, sizeof(*x->stores.v), by_func_and_position);
	free(x->first);
	x->first = xcalloc(e->funcs.n + 2, sizeof(int));
	for (size_t i = 0; i < x->stores.n; i++)
		x->first[x->stores.v[i].func + 1]++;
	for (size_t f = 0; f < e->funcs.n; f++)
		x->first[f + 1] += x->first[f];
}

/* 'p->okfn = okfn', 'data.fn = fn': a function's own parameter stored into
 * a member (or a global), not passed as an argument. */
static void load_direct_stores(struct engine *e, struct member_index *x)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT func_id, key, src_key, line, col FROM fnstore "
				     "WHERE func_id IS NOT NULL AND site_id IS NULL AND src_key LIKE 'arg:%' "
				     "ORDER BY id");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		const char *key = db_col_text(q, 1);
		struct mstore m = { f, -1, -1, sqlite3_column_int(q, 3), sqlite3_column_int(q, 4) };
		if (f < 0 || keyname_kind(key) != KEYNAME_PATH ||
		    !keyname_is_param_of(db_col_text(q, 2), e->funcs.v[f].qname, &m.param))
			continue;
		m.mkey = mkey_of(x, key);
		vec_push(&x->stores, m);
	}
	sqlite3_finalize(q);
}

/* The callees' direct stores (the first DIRECT of x->stores) of their
 * parameter N, as stores of the caller's PARAM at the call at S. */
static void store_through_call(struct member_index *x, size_t direct, const struct ck_site *s, int n, int param)
{
	for (int c = 0; c < s->ncallees; c++) {
		int callee = s->callees[c].func;
		for (int k = x->first[callee]; k < x->first[callee + 1] && (size_t)k < direct; k++)
			if (x->stores.v[k].param == n)
				vec_push(&x->stores, ((struct mstore){ s->func, x->stores.v[k].mkey, param,
								       s->line, s->col }));
	}
}

/* 'nf_hook_state_init(&state, .., okfn)' in nf_hook(): a call that passes
 * the caller's parameter to a callee that stores it is the caller's store,
 * at the call; so is one that passes NULL (the egress hook's state has no
 * okfn).  One level: the callee's object is then the caller's (its local,
 * mostly), and a store one more level up would bind a member of an object
 * gone with the frame that held it. */
static void load_stores_by_callees(struct engine *e, struct member_index *x)
{
	size_t direct = x->stores.n;
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		if (s->kind != SITE_CALL || !s->callee_name)
			continue;   /* a direct call only */
		for (int a = 0; a < s->nfnargs; a++)
			if (s->fnargs[a].fwd >= 0)
				store_through_call(x, direct, s, s->fnargs[a].n, s->fnargs[a].fwd);
		for (int a = 0; a < s->nargs; a++)
			if (s->args[a].is_const && s->args[a].field == CK_NO_FIELD && s->args[a].value == 0)
				store_through_call(x, direct, s, s->args[a].n, STORES_NULL);
	}
}

static int by_site(const void *a, const void *b)
{
	const struct mcall *x = a, *y = b;
	return (x->site > y->site) - (x->site < y->site);
}

/* The calls through a member some function stores a parameter into. */
static void load_calls(struct engine *e, struct member_index *x)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, coalesce(ind_member, ind_key) FROM site "
				     "WHERE ind_key IS NOT NULL ORDER BY id");
	while (db_step_row(e->db, q)) {
		const struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const int64_t *mk = strmap_get(&x->mkeys, db_col_text(q, 1));
		if (s && s->func >= 0 && mk)
			vec_push(&x->calls, ((struct mcall){ (int)(s - e->sites.v), (int)*mk }));
	}
	sqlite3_finalize(q);
	if (x->calls.n > 1)
		qsort(x->calls.v, x->calls.n, sizeof(*x->calls.v), by_site);
}

void member_binds_load(struct engine *e)
{
	struct member_index *x = xcalloc(1, sizeof(*x));
	e->members = x;
	load_direct_stores(e, x);
	index_stores(e, x);
	load_stores_by_callees(e, x);
	index_stores(e, x);
	for (size_t i = 0; i < x->stores.n; i++)
		if (x->stores.v[i].param >= 0)
			engine_use_param(&e->funcs.v[x->stores.v[i].func].fn_params, x->stores.v[i].param);
	load_calls(e, x);
}

static bool has_member(const uint64_t *set, int mkey)
{
	return set && set[(size_t)mkey / 64] >> (mkey % 64) & 1;
}

static const uint64_t *below_of(const struct member_index *x, int func)
{
	return x->below ? &x->below[(size_t)x->comp[func] * x->words] : NULL;
}

/* Per component, the members its subtree calls through: callees first
 * (lib/scc.h numbers them lower), so each function's successors are done. */
void member_binds_reach(struct engine *e, const struct callgraph *g)
{
	struct member_index *x = e->members;
	if (!x || !x->calls.n)
		return;
	int nf = (int)e->funcs.n;
	x->words = x->mkeys.n / 64 + 1;
	x->comp = xmalloc(((size_t)nf + 1) * sizeof(int));
	int ncomp = scc_components(nf, g->first, g->to, x->comp);
	x->below = xcalloc((size_t)ncomp * x->words + 1, sizeof(uint64_t));
	for (size_t i = 0; i < x->calls.n; i++) {
		int c = x->comp[e->sites.v[x->calls.v[i].site].func], mk = x->calls.v[i].mkey;
		x->below[(size_t)c * x->words + (size_t)mk / 64] |= (uint64_t)1 << (mk % 64);
	}
	int *order = xmalloc(((size_t)nf + 1) * sizeof(int)), *start = xcalloc((size_t)ncomp + 2, sizeof(int));
	for (int f = 0; f < nf; f++)
		start[x->comp[f] + 1]++;
	for (int c = 0; c < ncomp; c++)
		start[c + 1] += start[c];
	for (int f = 0; f < nf; f++)
		order[start[x->comp[f]]++] = f;
	for (int i = 0; i < nf; i++) {
		int f = order[i], c = x->comp[f];
		for (int k = g->first[f]; k < g->first[f + 1]; k++) {
			int d = x->comp[g->to[k]];
			for (size_t w = 0; d != c && w < x->words; w++)
				x->below[(size_t)c * x->words + w] |= x->below[(size_t)d * x->words + w];
		}
	}
	free(order);
	free(start);
}

void member_binds_free(struct engine *e)
{
	struct member_index *x = e->members;
	if (!x)
		return;
	strmap_free(&x->mkeys);
	vec_free(&x->stores);
	vec_free(&x->calls);
	free(x->first);
	free(x->comp);
	free(x->below);
	free(x);
	e->members = NULL;
}

static int bind_slot(int mkey)
{
	return -1 - mkey;
}

static void bind_member(struct engine *e, struct ck_state *next, struct ck_fnbind b)
{
	for (int i = 0; i < next->nfnbind; i++)
		if (next->fnbind[i].n == b.n) {
			next->fnbind[i] = b;
			return;
		}
	if (next->nfnbind >= CK_MAX_BIND) {
		e->st->bind_full++;   /* the member stays unknown: every function stored into it */
		return;
	}
	next->fnbind[next->nfnbind++] = b;
}

static void unbind_member(struct ck_state *next, int mkey)
{
	for (int i = 0; i < next->nfnbind; i++)
		if (next->fnbind[i].n == bind_slot(mkey)) {
			next->fnbind[i] = next->fnbind[--next->nfnbind];
			return;
		}
}

static bool store_before(const struct mstore *m, const struct ck_site *site)
{
	return m->line < site->line || (m->line == site->line && m->col < site->col);
}

void member_binds_enter(struct engine *e, const struct ck_state *cur, const struct ck_site *site,
			struct ck_state *next)
{
	const struct member_index *x = e->members;
	const uint64_t *below = x ? below_of(x, next->func) : NULL;
	if (!below)
		return;
	for (int i = 0; i < cur->nfnbind; i++)
		if (cur->fnbind[i].n < 0 && has_member(below, -1 - cur->fnbind[i].n))
			bind_member(e, next, cur->fnbind[i]);
	for (int k = x->first[cur->func]; k < x->first[cur->func + 1]; k++) {
		const struct mstore *m = &x->stores.v[k];
		if (!store_before(m, site))
			break;   /* sorted by position: the rest are after the call */
		if (!has_member(below, m->mkey))
			continue;
		unbind_member(next, m->mkey);
		if (m->param == STORES_NULL)
			bind_member(e, next, (struct ck_fnbind){ bind_slot(m->mkey), NO_FUNC, 0 });
		for (int i = 0; i < cur->nfnbind; i++)
			if (cur->fnbind[i].n == m->param) {
				bind_member(e, next, (struct ck_fnbind){ bind_slot(m->mkey), cur->fnbind[i].func,
									 cur->fnbind[i].store });
				break;
			}
	}
}

static int call_mkey(const struct member_index *x, int site)
{
	struct mcall key = { site, -1 };
	const struct mcall *m = x->calls.n ? bsearch(&key, x->calls.v, x->calls.n, sizeof(key), by_site) : NULL;
	return m ? m->mkey : -1;
}

int member_binds_callee(const struct engine *e, const struct ck_state *s, const struct ck_site *site,
			struct ck_callee *out)
{
	const struct member_index *x = e->members;
	int mkey = x && x->calls.n ? call_mkey(x, (int)(site - e->sites.v)) : -1;
	for (int i = 0; mkey >= 0 && i < s->nfnbind; i++) {
		if (s->fnbind[i].n != bind_slot(mkey))
			continue;
		if (s->fnbind[i].func == NO_FUNC)
			return 0;
		for (int c = 0; c < site->ncallees; c++)
			if (site->callees[c].func == s->fnbind[i].func) {
				*out = site->callees[c];
				return 1;
			}
		*out = (struct ck_callee){ s->fnbind[i].func, s->fnbind[i].store, NULL, NULL, 0, 0 };
		return 1;
	}
	return -1;
}
