// SPDX-License-Identifier: GPL-2.0-only
/*
 * ret_members.c - what an object a call returned holds in its members.
 *
 * The audit code allocates its buffer in the mode its caller chose and
 * keeps the mode in the buffer: audit_buffer_alloc(ctx, gfp_mask, type)
 * stores 'ab->gfp_mask = gfp_mask' and returns ab, audit_log_start()
 * returns what audit_buffer_alloc() returned, and every later allocation
 * for that record reads the member: 'kmalloc(PATH_MAX + 11,
 * ab->gfp_mask)' in audit_log_d_path(), 'pskb_expand_head(.., ab->gfp_mask)'
 * when the record grows.  The LSM audit path of an interrupt
 * (common_lsm_audit(), reached from SELinux's checks of a packet) starts
 * its record with GFP_ATOMIC; by the allocator's rule alone (sleep.rules:
 * kmalloc blocks unless its mask is a constant without
 * __GFP_DIRECT_RECLAIM) each of those allocations slept, about forty
 * findings on the whole s390 tree.
 *
 * The engine already carries constants in a member of a parameter
 * (ck_const.field: 'args->force = true' set before a call).  This makes
 * the returned object one of those: extract records what a function
 * returns (func_ret: an object whose member M holds its parameter P, or
 * what the call at site S returned) and which arguments are such a result
 * (site_arg.ret_site).  Here the returns are closed over the calls (a
 * function that returns what a callee returned, having passed its own
 * parameter P' as the callee's P, holds P' in M), and each call that
 * passes a result gets an argument that sets the callee's member: to the
 * constant the returning call was given, or to the caller's parameter it
 * was given (bound on the path, ck_arg with FWD and FIELD).  The member is
 * then read as a value by 'ab->gfp_mask' (ck_arg.from_field).
 *
 * What it trades: a local that holds a call's result is taken to hold the
 * latest one in source order, and a member stored again after the return
 * (by a function the path calls) is not seen.
 */
#include "check/ret_members.h"
#include "check/engine_int.h"

#include <stdlib.h>

#define RET_DEPTH 4   /* calls a returned object is passed up through */

/* Function FUNC returns an object whose member FIELD holds its parameter PARAM. */
struct retm { int func, field, param; };
/* Function FUNC returns what the call at site index SITE returned. */
struct retvia { int func, site; };
typedef VEC(struct retvia) retvia_vec;

struct retset {
	VEC(struct retm) m;     /* sorted by function once built */
	int *first;             /* per function: its first row in m */
};

static int by_func(const void *a, const void *b)
{
	const struct retm *x = a, *y = b;
	if (x->func != y->func)
		return (x->func > y->func) - (x->func < y->func);
	if (x->field != y->field)
		return (x->field > y->field) - (x->field < y->field);
	return (x->param > y->param) - (x->param < y->param);
}

static void index_rets(const struct engine *e, struct retset *r)
{
	if (r->m.n > 1)
		qsort(r->m.v, r->m.n, sizeof(*r->m.v), by_func);
	size_t k = 0;
	for (size_t i = 0; i < r->m.n; i++)   /* drop repeats */
		if (!k || by_func(&r->m.v[k - 1], &r->m.v[i]))
			r->m.v[k++] = r->m.v[i];
	r->m.n = k;
	free(r->first);
	r->first = xcalloc(e->funcs.n + 2, sizeof(int));
	for (size_t i = 0; i < r->m.n; i++)
		r->first[r->m.v[i].func + 1]++;
	for (size_t f = 0; f < e->funcs.n; f++)
		r->first[f + 1] += r->first[f];
}

static void load_rets(struct engine *e, struct retset *r, retvia_vec *via)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT func_id, field, param, site_id FROM func_ret ORDER BY rowid");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f < 0)
			continue;
		if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
			vec_push(&r->m, ((struct retm){ f, engine_field_id(e, db_col_text(q, 1)),
							sqlite3_column_int(q, 2) }));
			continue;
		}
		const struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 3));
		if (s)
			vec_push(via, ((struct retvia){ f, (int)(s - e->sites.v) }));
	}
	sqlite3_finalize(q);
}

/* The argument of call S at index N that passes the caller's parameter on
 * as it is, or NULL. */
static const struct ck_arg *plain_fwd(const struct ck_site *s, int n)
{
	for (int a = 0; a < s->nargs; a++) {
		const struct ck_arg *x = &s->args[a];
		if (x->n == n && x->fwd >= 0 && x->key < 0 && !x->masked && !x->ored && !x->cond && !x->from_field &&
		    x->field == CK_NO_FIELD)
			return x;
	}
	return NULL;
}

static const struct ck_arg *const_at(const struct ck_site *s, int n)
{
	for (int a = 0; a < s->nargs; a++)
		if (s->args[a].n == n && s->args[a].is_const)
			return &s->args[a];
	return NULL;
}

/* One pass: a function that returns what its call S returned holds, in
 * the callee's members, the parameters it passed to S unchanged.  Whether
 * it added any. */
static bool close_once(struct engine *e, struct retset *r, const struct retvia *via, size_t nvia)
{
	size_t before = r->m.n;
	for (size_t i = 0; i < nvia; i++) {
		const struct ck_site *s = &e->sites.v[via[i].site];
		const struct ck_func *f = &e->funcs.v[via[i].func];
		for (int c = 0; c < s->ncallees; c++) {
			int g = s->callees[c].func;
			for (int k = r->first[g]; k < r->first[g + 1]; k++) {
				const struct ck_arg *a = plain_fwd(s, r->m.v[k].param);
				if (a && !engine_param_used(f->written_params, a->fwd))
					vec_push(&r->m, ((struct retm){ via[i].func, r->m.v[k].field, a->fwd }));
			}
		}
	}
	index_rets(e, r);
	return r->m.n != before;
}

/* Call S passes as argument N what the call R (one callee) returned: the
 * callee's members FIELD get what R passed for the parameter stored there. */
static void bind_result(struct engine *e, const struct retset *r, struct ck_site *s, int n, const struct ck_site *rs)
{
	if (rs->ncallees != 1)
		return;   /* an indirect call: whose object it is, the path does not say */
	int g = rs->callees[0].func;
	for (int k = r->first[g]; k < r->first[g + 1]; k++) {
		struct ck_arg a = { .n = n, .key = -1, .field = r->m.v[k].field, .fwd = -1 };
		const struct ck_arg *c = const_at(rs, r->m.v[k].param), *p = plain_fwd(rs, r->m.v[k].param);
		if (c) {
			a.value = c->value;   /* GFP_ATOMIC | __GFP_NOWARN */
		} else if (p) {
			a.fwd = p->fwd;       /* the caller's own mask, as the path bound it */
		} else {
			continue;
		}
		engine_site_add_arg(e, s, a);
	}
}

static void bind_results(struct engine *e, const struct retset *r)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, n, ret_site FROM site_arg WHERE ret_site IS NOT NULL "
				     "ORDER BY site_id, n");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const struct ck_site *rs = engine_site_by_id(e, sqlite3_column_int64(q, 2));
		if (s && rs && s->func >= 0 && rs->func == s->func)
			bind_result(e, r, s, sqlite3_column_int(q, 1), rs);
	}
	sqlite3_finalize(q);
}

void ret_members_load(struct engine *e)
{
	struct retset r = {0};
	retvia_vec via = {0};
	load_rets(e, &r, &via);
	index_rets(e, &r);
	for (int pass = 0; pass < RET_DEPTH && r.m.n && close_once(e, &r, via.v, via.n); pass++)
		;
	if (r.m.n)
		bind_results(e, &r);
	vec_free(&r.m);
	vec_free(&via);
	free(r.first);
}
