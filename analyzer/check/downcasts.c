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
 * calls, CAST_DEPTH calls deep.
 *
 * The object's struct is often known only further up.  A netlink reply
 * ends in __netlink_sendskb(), whose 'sk->sk_data_ready(sk)' knows
 * nothing of its 'sk'; but netlink_unicast(), two calls up, passed its
 * local 'sk' to netlink_attachskb() and netlink_is_kernel() before, and
 * both read it as a 'struct netlink_sock'.  So a value has the struct
 * that a call before it, on every path (site.dom, its dominating calls),
 * passed the same value to a callee that casts it: the same parameter,
 * never assigned, or the same local, holding what the same call returned
 * where a call set it (site_arg.ret_site; a local set otherwise, a list
 * walk's cursor, is taken to hold one object between the two calls).  A
 * function's own cast of a parameter counts too.  That struct is bound to
 * the callee's parameter and carried down through parameters passed on
 * unchanged, through direct and indirect calls (HEAD_FORWARD_DEPTH
 * calls); a call through a member whose object is such a parameter skips
 * the callees that cast it to a struct it is not: the reply never
 * reaches MPTCP's subflow_data_ready().
 * The path may know more than the function: TCP's retransmission reads
 * its socket as a 'struct tcp_sock', IPv4's header rebuild (through the
 * family's table) only as an 'inet_sock', and the teardown that follows
 * calls 'sk->sk_prot->destroy(sk)'; a UDP socket is an inet socket, but
 * no TCP one, so the more specific of the two decides.  A call whose
 * object is a local known this way loses those edges for good.  Every
 * other call keeps the targets its key gives.
 */
#include "check/downcasts.h"
#include "check/engine_int.h"

#include <stdlib.h>
#include <string.h>

/* How many direct calls up a cast is carried. */
#define CAST_DEPTH 6
/* Parameters with a cast recorded per function. */
#define CASTS_MAX 4
/* How many calls up a parameter that reaches a call's object is bound. */
#define HEAD_FORWARD_DEPTH 8
/* How many dominating calls back a value's cast is looked for. */
#define DOM_WALK 64

struct param_cast { int param; const char *chain; };
struct func_casts { int n; struct param_cast v[CASTS_MAX]; };

/* A local pointer passed as argument N of a call: its name's id, and the
 * call (site row id) whose return it holds, or 0. */
struct local_arg { int site, n, local; int64_t ret; };
/* A value at a call: parameter PARAM passed on unchanged, or local LOCAL. */
struct value { int param; const struct local_arg *local; };
/* Argument N of a call: parameter FWD of its caller passed on (or -1),
 * whose struct the caller knows is CHAIN (or -1).  As a call's argument,
 * what the callee's parameter is bound to; as an indirect call's, its
 * object. */
struct head_arg { int site, n, fwd, chain; };

struct downcast_index {
	struct func_casts *fc;          /* per function, carried up */
	VEC(struct local_arg) locals;   /* sorted by site */
	struct strmap local_ids;        /* '*local:F:x' -> id */
	struct strmap chain_ids;        /* a chain -> id */
	VEC(const char *) chains;
	uint32_t *head_params;          /* per function: parameters whose head a call uses */
	VEC(struct head_arg) binds;     /* calls' arguments, sorted by site */
	VEC(struct head_arg) uses;      /* indirect calls' objects, sorted by site */
};

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
	       !a->masked && !a->ored && !a->cond && !a->from_field;
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

static bool is_direct(const struct ck_site *s)
{
	return s->kind == SITE_CALL && s->callee_name && s->ncallees == 1;
}

static bool is_indirect(const struct ck_site *s)
{
	return s->kind == SITE_CALL && !s->callee_name && s->ncallees > 0;
}

/* The local pointers passed to calls ('*local:F:sk'; not '&err_ctx'). */
static void load_locals(struct engine *e, struct downcast_index *x)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, n, obj_key, coalesce(ret_site, 0) FROM site_arg "
				     "WHERE obj_key LIKE '*local:%' ORDER BY site_id, n");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		if (s && s->kind == SITE_CALL)
			vec_push(&x->locals, ((struct local_arg){ engine_site_index(e, s), sqlite3_column_int(q, 1),
								 strmap_id(&x->local_ids, db_col_text(q, 2), NULL),
								 sqlite3_column_int64(q, 3) }));
	}
	sqlite3_finalize(q);
}

static const struct local_arg *local_at(const struct downcast_index *x, int site, int n)
{
	for (size_t i = lower_bound_int(x->locals.v, x->locals.n, sizeof(*x->locals.v), site);
	     i < x->locals.n && x->locals.v[i].site == site; i++)
		if (x->locals.v[i].n == n)
			return &x->locals.v[i];
	return NULL;
}

/* The parameter argument N of site S passes on unchanged, or -1. */
static int forwarded_param(const struct ck_site *s, int n)
{
	for (int a = 0; a < s->nargs; a++)
		if (s->args[a].n == n && plain_forward(&s->args[a]))
			return s->args[a].fwd;
	return -1;
}

/* Whether argument N of the call at SITE is value V. */
static bool passes(const struct engine *e, const struct downcast_index *x, int site, int n, const struct value *v)
{
	if (v->param >= 0)
		return forwarded_param(&e->sites.v[site], n) == v->param;
	const struct local_arg *l = local_at(x, site, n);
	return l && l->local == v->local->local && l->ret == v->local->ret;
}

/* The struct that a call before SITE on every path cast value V to, or NULL. */
static const char *dom_head(const struct engine *e, const struct downcast_index *x, int site,
			    const struct value *v)
{
	int walked = 0;
	for (int d = e->sites.v[site].dom; d >= 0 && walked < DOM_WALK; d = e->sites.v[d].dom, walked++) {
		const struct ck_site *s = &e->sites.v[d];
		if (!is_direct(s))
			continue;
		const struct func_casts *callee = &x->fc[s->callees[0].func];
		for (int i = 0; i < callee->n; i++)
			if (passes(e, x, d, callee->v[i].param, v))
				return callee->v[i].chain;
	}
	return NULL;
}

/* The struct parameter P is at SITE, known in its function: its own cast
 * on every call, or a call's before SITE. */
static const char *param_head(const struct engine *e, const struct downcast_index *x, int site, int p)
{
	const char *own = cast_of(&x->fc[e->sites.v[site].func], p);
	return own ? own : dom_head(e, x, site, &(struct value){ p, NULL });
}

/* The struct local argument L is at its call, or NULL. */
static const char *local_head(const struct engine *e, const struct downcast_index *x, const struct local_arg *l)
{
	return dom_head(e, x, l->site, &(struct value){ -1, l });
}

/* Indirect calls whose object is a local a call before cast: their edges
 * to callees that cast it to another struct go. */
static size_t prune_local_objects(struct engine *e, struct downcast_index *x)
{
	size_t dropped = 0;
	for (size_t i = 0; i < x->locals.n; i++) {
		const struct local_arg *l = &x->locals.v[i];
		struct ck_site *s = &e->sites.v[l->site];
		if (!is_indirect(s))
			continue;
		const char *head = local_head(e, x, l);
		if (head)
			dropped += prune_site(s, x->fc, l->n, head);
	}
	return dropped;
}

/* Calls whose object is written '&po->sk' (site.ind_head). */
static size_t prune_known_heads(struct engine *e, const struct downcast_index *x)
{
	size_t dropped = 0;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, ind_head FROM site WHERE ind_head IS NOT NULL");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const char *head = db_col_text(q, 1), *eq = strchr(head, '=');
		if (s && eq && s->ncallees > 0)
			dropped += prune_site(s, x->fc, atoi(head), eq + 1);
	}
	sqlite3_finalize(q);
	return dropped;
}

size_t downcasts_prune(struct engine *e)
{
	struct downcast_index *x = xcalloc(1, sizeof(*x));
	e->downcasts = x;
	x->fc = load_casts(e);
	carry_up(e, x->fc);
	load_locals(e, x);
	size_t dropped = prune_known_heads(e, x) + prune_local_objects(e, x);
	if (dropped)
		mark_called(e);
	return dropped;
}

static int chain_id(struct downcast_index *x, const char *chain)
{
	bool created;
	int id = strmap_id(&x->chain_ids, chain, &created);
	if (created)
		vec_push(&x->chains, chain);
	return id;
}

static bool written(const struct engine *e, int func, int p)
{
	return engine_param_used(e->funcs.v[func].written_params, p);
}

static bool some_callee_casts(const struct ck_site *s, const struct func_casts *fc, int n)
{
	for (int c = 0; c < s->ncallees; c++)
		if (cast_of(&fc[s->callees[c].func], n))
			return true;
	return false;
}

/* Indirect calls whose object is a parameter, and which skip a callee
 * when they know its struct: where their function knows it, or where
 * the path says (x->head_params). */
static void find_uses(struct engine *e, struct downcast_index *x)
{
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		if (!is_indirect(s) || s->ncallees < 2 || s->func < 0)
			continue;
		for (int a = 0; a < s->nargs; a++) {
			int p = s->args[a].fwd, n = s->args[a].n;
			if (!plain_forward(&s->args[a]) || written(e, s->func, p) || !some_callee_casts(s, x->fc, n))
				continue;
			const char *head = param_head(e, x, (int)i, p);
			vec_push(&x->uses, ((struct head_arg){ (int)i, n, p, head ? chain_id(x, head) : -1 }));
			engine_use_param(&x->head_params[s->func], p);
		}
	}
}

/* The parameters whose head some callee of S uses. */
static uint32_t callees_want(const struct ck_site *s, const struct downcast_index *x)
{
	uint32_t wanted = 0;
	for (int c = 0; s->kind == SITE_CALL && c < s->ncallees; c++)
		wanted |= x->head_params[s->callees[c].func];
	return wanted;
}

/* A parameter passed on unchanged to a callee's parameter whose head a
 * call uses is one too: the path may know more than its function (a
 * 'struct tcp_sock' where the function reads an 'inet_sock'). */
static void forward_head_params(struct engine *e, struct downcast_index *x)
{
	for (int pass = 0; pass < HEAD_FORWARD_DEPTH; pass++) {
		bool changed = false;
		for (size_t i = 0; i < e->sites.n; i++) {
			const struct ck_site *s = &e->sites.v[i];
			if (s->func < 0)
				continue;
			uint32_t wanted = callees_want(s, x), *mine = &x->head_params[s->func];
			for (int a = 0; wanted && a < s->nargs; a++) {
				int p = s->args[a].fwd;
				if (!plain_forward(&s->args[a]) || !engine_param_used(wanted, s->args[a].n) ||
				    engine_param_used(*mine, p) || written(e, s->func, p))
					continue;
				engine_use_param(mine, p);
				changed = true;
			}
		}
		if (!changed)
			break;
	}
}

static void add_bind(struct downcast_index *x, int site, int n, int fwd, const char *head)
{
	if (head || fwd >= 0)
		vec_push(&x->binds, ((struct head_arg){ site, n, fwd, head ? chain_id(x, head) : -1 }));
}

/* The arguments of calls to parameters whose head a call uses: the
 * struct the caller knows, its own parameter passed on, or both. */
static void find_binds(struct engine *e, struct downcast_index *x)
{
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		uint32_t wanted = s->func >= 0 ? callees_want(s, x) : 0;
		if (!wanted)
			continue;
		for (int a = 0; a < s->nargs; a++) {
			int p = s->args[a].fwd;
			if (plain_forward(&s->args[a]) && engine_param_used(wanted, s->args[a].n) && !written(e, s->func, p))
				add_bind(x, (int)i, s->args[a].n, p, param_head(e, x, (int)i, p));
		}
		for (size_t l = lower_bound_int(x->locals.v, x->locals.n, sizeof(*x->locals.v), (int)i);
		     l < x->locals.n && x->locals.v[l].site == (int)i; l++)
			if (engine_param_used(wanted, x->locals.v[l].n))
				add_bind(x, (int)i, x->locals.v[l].n, -1, local_head(e, x, &x->locals.v[l]));
	}
}

void downcasts_load(struct engine *e)
{
	struct downcast_index *x = e->downcasts;
	x->head_params = xcalloc(e->funcs.n + 1, sizeof(*x->head_params));
	find_uses(e, x);
	forward_head_params(e, x);
	find_binds(e, x);
}

static int bound_head(const struct ck_state *s, int param)
{
	return ck_objbind_get(s->head, s->nhead, param);
}

/* What A says of its object where the call is: the struct its function
 * knows, or the one the path bound, whichever says more (of two that do
 * not meet, the function's own). */
static int arg_head(const struct downcast_index *x, const struct ck_state *cur, const struct head_arg *a)
{
	int bound = bound_head(cur, a->fwd);
	if (a->chain < 0 || bound < 0)
		return a->chain >= 0 ? a->chain : bound;
	const char *mine = x->chains.v[a->chain], *path = x->chains.v[bound];
	return chain_has(path, mine, head_len(mine)) ? bound : a->chain;
}

void downcasts_bind(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		    struct ck_state *next)
{
	const struct downcast_index *x = e->downcasts;
	uint32_t wanted = x->head_params[next->func];
	if (!wanted)
		return;   /* a binding the callee never looks at only splits states */
	int si = engine_site_index(e, site);
	for (size_t i = lower_bound_int(x->binds.v, x->binds.n, sizeof(*x->binds.v), si);
	     i < x->binds.n && x->binds.v[i].site == si; i++) {
		const struct head_arg *b = &x->binds.v[i];
		if (!engine_param_used(wanted, b->n) || next->nhead >= CK_MAX_HEAD || bound_head(next, b->n) >= 0)
			continue;
		int chain = arg_head(x, cur, b);
		if (chain >= 0)
			next->head[next->nhead++] = (struct ck_objbind){ b->n, chain };
	}
}

bool downcasts_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		      const struct ck_callee *c)
{
	const struct downcast_index *x = e->downcasts;
	int si = engine_site_index(e, site);
	for (size_t i = lower_bound_int(x->uses.v, x->uses.n, sizeof(*x->uses.v), si);
	     i < x->uses.n && x->uses.v[i].site == si; i++) {
		const struct head_arg *u = &x->uses.v[i];
		int chain = arg_head(x, cur, u);
		const char *cast = chain >= 0 ? cast_of(&x->fc[c->func], u->n) : NULL;
		if (cast && !chains_meet(x->chains.v[chain], cast))
			return false;
	}
	return true;
}

void downcasts_free(struct engine *e)
{
	struct downcast_index *x = e->downcasts;
	if (!x)
		return;
	free(x->fc);
	free(x->head_params);
	vec_free(&x->locals);
	vec_free(&x->chains);
	vec_free(&x->binds);
	vec_free(&x->uses);
	strmap_free(&x->local_ids);
	strmap_free(&x->chain_ids);
	free(x);
	e->downcasts = NULL;
}
