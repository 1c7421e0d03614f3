// SPDX-License-Identifier: GPL-2.0-only
/*
 * downcasts.c - a callback is not reached by an object it cannot be.
 *
 * af_packet's block retire timer holds its receive queue's lock and calls
 * 'sk->sk_data_ready(sk)' on its own socket, '&po->sk', the first member
 * of a 'struct packet_sock'.  By key that call reaches every data-ready
 * callback of the kernel, MPTCP's subflow_data_ready() among them, which
 * reads its socket as a 'struct inet_connection_sock' on every call (a
 * cast in inet_csk(), two calls down).  Extract records both sides as
 * chains of the structs that start at the object's address
 * (extract/casts.c): the call's 'packet_sock>sock' (site.ind_head) and
 * the callee parameter's 'inet_connection_sock>inet_sock>sock'
 * (func.param_casts).  One object is both only if one chain holds the
 * other's outermost struct; here neither does, and the edge goes.
 *
 * A function that passes its parameter on unchanged, on every call, to a
 * callee that casts it, casts it too (subflow_data_ready() ->
 * mptcp_subflow_ctx() -> inet_csk()): the casts are carried up the direct
 * calls, CAST_DEPTH calls deep.  Only edges of calls whose object is
 * known are dropped; every other call keeps the targets its key gives.
 */
#include "check/downcasts.h"
#include "check/engine_int.h"

#include <stdlib.h>
#include <string.h>

/* How many direct calls up a cast is carried. */
#define CAST_DEPTH 6
/* Parameters with a cast recorded per function. */
#define CASTS_MAX 4

struct param_cast { int param; const char *chain; };
struct func_casts { int n; struct param_cast v[CASTS_MAX]; };

static const char *cast_of(const struct func_casts *fc, int param)
{
	for (int i = 0; i < fc->n; i++)
		if (fc->v[i].param == param)
			return fc->v[i].chain;
	return NULL;
}

static void add_cast(struct func_casts *fc, int param, const char *chain)
{
	if (fc->n < CASTS_MAX && !cast_of(fc, param))
		fc->v[fc->n++] = (struct param_cast){ param, chain };
}

/* 'N=CHAIN;..' (func.param_casts) into FC. */
static void parse_casts(struct engine *e, struct func_casts *fc, const char *text)
{
	for (const char *p = text; *p;) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *eq;
		long param = strtol(p, &eq, 10);
		if (eq > p && *eq == '=' && (size_t)(eq - p) < len)
			add_cast(fc, (int)param, arena_printf(&e->arena, "%.*s", (int)(len - (size_t)(eq + 1 - p)), eq + 1));
		p += len + (end != NULL);
	}
}

static struct func_casts *load_casts(struct engine *e)
{
	struct func_casts *fc = xcalloc(e->funcs.n + 1, sizeof(*fc));
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, param_casts FROM func WHERE param_casts IS NOT NULL");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0)
			parse_casts(e, &fc[f], db_col_text(q, 1));
	}
	sqlite3_finalize(q);
	return fc;
}

/* A parameter passed on as it is: not a constant, a mask, a member, a choice. */
static bool plain_forward(const struct ck_arg *a)
{
	return a->fwd >= 0 && a->key < 0 && a->field == CK_NO_FIELD && !a->is_const && !a->unknown &&
	       !a->masked && !a->cond && !a->from_field;
}

/* A caller casts what it passes, on every call, to a callee that casts it. */
static void carry_up(struct engine *e, struct func_casts *fc)
{
	for (int pass = 0; pass < CAST_DEPTH; pass++) {
		bool changed = false;
		for (size_t i = 0; i < e->sites.n; i++) {
			const struct ck_site *s = &e->sites.v[i];
			if (s->kind != SITE_CALL || !s->always || !s->callee_name || s->ncallees != 1 || s->func < 0)
				continue;
			const struct func_casts *callee = &fc[s->callees[0].func];
			for (int a = 0; callee->n && a < s->nargs; a++) {
				const char *chain = cast_of(callee, s->args[a].n);
				if (chain && plain_forward(&s->args[a]) && !cast_of(&fc[s->func], s->args[a].fwd) &&
				    fc[s->func].n < CASTS_MAX) {
					add_cast(&fc[s->func], s->args[a].fwd, chain);
					changed = true;
				}
			}
		}
		if (!changed)
			break;
	}
}

/* Whether struct NAME (LEN bytes) is one of CHAIN's ('a>b>c'). */
static bool chain_has(const char *chain, const char *name, size_t len)
{
	for (const char *p = chain; p;) {
		const char *end = strchr(p, '>');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == len && !strncmp(p, name, len))
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}

static size_t head_len(const char *chain)
{
	return strcspn(chain, ">");
}

/* Whether one object can start both struct chains: one holds the other's head. */
static bool chains_meet(const char *a, const char *b)
{
	return chain_has(b, a, head_len(a)) || chain_has(a, b, head_len(b));
}

/* Drop the callees of site S that cast argument ARG to a struct HEAD's object is not. */
static size_t prune_site(struct ck_site *s, const struct func_casts *fc, int arg, const char *head)
{
	int kept = 0;
	for (int c = 0; c < s->ncallees; c++) {
		const char *cast = cast_of(&fc[s->callees[c].func], arg);
		if (!cast || chains_meet(head, cast))
			s->callees[kept++] = s->callees[c];
	}
	size_t dropped = (size_t)(s->ncallees - kept);
	s->ncallees = kept;
	return dropped;
}

static void mark_called(struct engine *e)
{
	for (size_t f = 0; f < e->funcs.n; f++)
		e->funcs.v[f].called = false;
	for (size_t i = 0; i < e->sites.n; i++)
		for (int c = 0; c < e->sites.v[i].ncallees; c++)
			e->funcs.v[e->sites.v[i].callees[c].func].called = true;
}

size_t downcasts_prune(struct engine *e)
{
	struct func_casts *fc = load_casts(e);
	carry_up(e, fc);
	size_t dropped = 0;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, ind_head FROM site WHERE ind_head IS NOT NULL");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const char *head = db_col_text(q, 1), *eq = strchr(head, '=');
		if (s && eq && s->ncallees > 0)
			dropped += prune_site(s, fc, atoi(head), eq + 1);
	}
	sqlite3_finalize(q);
	if (dropped)
		mark_called(e);
	free(fc);
	return dropped;
}
