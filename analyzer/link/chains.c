// SPDX-License-Identifier: GPL-2.0-only
/*
 * chains.c - callback chains: notifier chains and wait queues (see chains.h).
 *
 * A call through a chain's key ('nb->notifier_call(...)' in notifier.c,
 * 'curr->func(...)' in __wake_up_common) could reach every function any
 * driver ever stored into that member: hundreds in a whole kernel, which is
 * how an interrupt handler's wake_up() came to reach vhost's handlers.  What
 * the call really reaches is the callbacks registered on the chain the
 * caller named.  So link resolves the chain's call API instead: at
 * 'wake_up(&cd->queue_waitq)' (a 'chain-call' rule), the container is
 * 'genwqe_dev.queue_waitq'; the registrations ('chain-register' rules:
 * prepare_to_wait_event(&cd->queue_waitq, &__wq_entry, ...)) on that
 * container name their entries ('local:genwqe_x:__wq_entry'); the stores
 * into an entry's member name the functions (init_wait_entry(&__wq_entry, 0)
 * stores autoremove_wake_function into its parameter's 'func').  The call
 * site gets a call edge to each, and the generic call through the key gets
 * none.
 *
 * A container or entry that is a parameter ('arg#N') is looked up at the
 * callers of its function, two calls deep (register_reboot_notifier(nb) ->
 * blocking_notifier_chain_register(&reboot_notifier_list, nb)).  What cannot
 * be named (a container passed through a poll table, an irq handler's dev_id)
 * is not guessed: such a callback is in no chain, such a call reaches none.
 * Not done here: the held wait-queue lock the callbacks run under.
 */
#include "link/chains.h"
#include "lib/keyname.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define CHAIN_DEPTH 2        /* callers searched for a parameter's object */
#define CHAIN_MAX_OBJS 256   /* objects one parameter may name (context-insensitive union) */

struct dedge { int64_t site, caller, callee; };        /* a direct call edge */
struct oarg { int64_t site; int n, key; };              /* an argument's object */
struct member { int func_id; int64_t store; };          /* a function in an entry */
struct entry_ref { int key; int64_t reg_site; };        /* an entry on a container */
struct member_list { struct member *v; size_t n, cap; };   /* a VEC, named */
struct entry_list { struct entry_ref *v; size_t n, cap; };

struct chains {
	struct lp_db *db;
	const struct lp_rules *rules;
	const struct chain_resolver *res;
	struct chain_stats *st;
	VEC(struct dedge) edges;      /* sorted by callee */
	VEC(struct oarg) args;        /* sorted by site, n */
	struct strmap obj_index;      /* object key -> index in objs */
	VEC(char *) objs;
	struct strmap slot_index;     /* 'CHAIN#OBJ' -> index in members / entries */
	VEC(struct member_list *) members;
	struct strmap group_index;    /* 'CHAIN#CONTAINER' -> index in groups */
	sqlite3_stmt *bound;          /* add_bound_members' query, prepared once */
	VEC(struct entry_list *) groups;
};

static int obj_of(struct chains *c, const char *key)
{
	bool created;
	int64_t *slot = strmap_put(&c->obj_index, key, &created);
	if (created) {
		*slot = (int64_t)c->objs.n;
		vec_push(&c->objs, xstrdup(key));
	}
	return (int)*slot;
}

/* 'CHAIN#OBJ': one string per (chain rule's key, object). */
static int64_t *slot_for(struct strmap *m, size_t chain, const char *obj, bool *created)
{
	char *k = xasprintf("%zu#%s", chain, obj);
	int64_t *slot = strmap_put(m, k, created);
	free(k);
	return slot;
}

/* ------------------------------------------------------------ loading */

static int by_callee(const void *a, const void *b)
{
	const struct dedge *x = a, *y = b;
	return (x->callee > y->callee) - (x->callee < y->callee);
}

static int by_site_arg(const void *a, const void *b)
{
	const struct oarg *x = a, *y = b;
	if (x->site != y->site)
		return (x->site > y->site) - (x->site < y->site);
	return x->n - y->n;
}

static void load(struct chains *c)
{
	sqlite3_stmt *q = db_prepare(c->db, "SELECT c.site_id, s.func_id, c.callee FROM call_edge c "
				     "JOIN site s ON s.id = c.site_id WHERE c.store_id IS NULL");
	while (db_step_row(c->db, q))
		vec_push(&c->edges, ((struct dedge){ sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
						     sqlite3_column_int64(q, 2) }));
	sqlite3_finalize(q);
	if (c->edges.n > 1)
		qsort(c->edges.v, c->edges.n, sizeof(*c->edges.v), by_callee);
	q = db_prepare(c->db, "SELECT site_id, n, obj_key FROM site_arg WHERE obj_key IS NOT NULL");
	while (db_step_row(c->db, q))
		vec_push(&c->args, ((struct oarg){ sqlite3_column_int64(q, 0), sqlite3_column_int(q, 1),
						   obj_of(c, db_col_text(q, 2)) }));
	sqlite3_finalize(q);
	if (c->args.n > 1)
		qsort(c->args.v, c->args.n, sizeof(*c->args.v), by_site_arg);
}

/* The object argument N of call SITE points to, or -1. */
static int arg_obj(const struct chains *c, int64_t site, int n)
{
	size_t lo = 0, hi = c->args.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct oarg *a = &c->args.v[mid];
		if (a->site < site || (a->site == site && a->n < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->args.n && c->args.v[lo].site == site && c->args.v[lo].n == n ? c->args.v[lo].key : -1;
}

/* The first direct edge into CALLEE (index into edges; edges.n if none). */
static size_t first_caller(const struct chains *c, int64_t callee)
{
	return lower_bound_i64(c->edges.v, c->edges.n, sizeof(*c->edges.v), offsetof(struct dedge, callee), callee);
}

/* ------------------------------------------------------------ objects */

typedef VEC(int) intvec;

static void push_unique(intvec *v, int x)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == x)
			return;
	if (v->n < CHAIN_MAX_OBJS)
		vec_push(v, x);
}


/* The objects OBJ (an object key seen in function FUNC) may be: itself, or
 * for a parameter, what the callers pass, DEPTH calls up. */
static void resolve_obj(const struct chains *c, int64_t func, int obj, int depth, intvec *out)
{
	int n = keyname_lock_param(c->objs.v[obj]);
	if (n < 0) {
		push_unique(out, obj);
		return;
	}
	if (depth <= 0)
		return;
	for (size_t i = first_caller(c, func); i < c->edges.n && c->edges.v[i].callee == func; i++) {
		int a = arg_obj(c, c->edges.v[i].site, n);
		if (a >= 0)
			resolve_obj(c, c->edges.v[i].caller, a, depth - 1, out);
	}
}

/* ------------------------------------------------------------ members */

static size_t chain_of_key(const struct lp_rules *r, const char *key)
{
	for (size_t i = 0; i < rules_chain_count(r); i++)
		if (!strcmp(rules_chain(r, i)->key, key))
			return i;
	return (size_t)-1;
}

static void add_member(struct chains *c, size_t chain, int obj, int func_id, int64_t store)
{
	bool created;
	int64_t *slot = slot_for(&c->slot_index, chain, c->objs.v[obj], &created);
	if (created) {
		*slot = (int64_t)c->members.n;
		vec_push(&c->members, xcalloc(1, sizeof(*c->members.v[0])));
	}
	struct member_list *m = c->members.v[*slot];
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].func_id == func_id)
			return;
	vec_push(m, ((struct member){ func_id, store }));
	c->st->members++;
}

/* The functions a parameter store's call site binds ('init_waitqueue_func_entry(&w, fn)':
 * the store 'arg:init_waitqueue_func_entry#1' at that site). */
static void add_bound_members(struct chains *c, size_t chain, int obj, int64_t site, const char *src_key)
{
	if (!c->bound)
		c->bound = db_prepare(c->db, "SELECT t.func_id, f.id FROM fnstore f JOIN store_target t "
				      "ON t.store_id = f.id WHERE f.key = ? AND f.site_id = ?");
	sqlite3_stmt *q = c->bound;
	db_bind_text(q, 1, src_key);
	db_bind_int(q, 2, site);
	while (db_step_row(c->db, q))
		add_member(c, chain, obj, sqlite3_column_int(q, 0), sqlite3_column_int64(q, 1));
	sqlite3_reset(q);
}

/*
 * Every function stored into a chain key's member of a named object: 'foo_nb'
 * initialised with '.notifier_call = f', 'eq->irq_nb.notifier_call = f', or
 * through a parameter ('wq_entry->func = autoremove_wake_function' in
 * init_wait_entry(wq_entry, ...): the entries its callers pass).
 */
static void load_members(struct chains *c)
{
	sqlite3_stmt *q = db_prepare(c->db, "SELECT id, func_id, key, obj_key, src_usr, src_key, tu_id, hdr_id "
				     "FROM fnstore WHERE obj_key IS NOT NULL ORDER BY id");
	while (db_step_row(c->db, q)) {
		size_t chain = chain_of_key(c->rules, db_col_text(q, 2));
		if (chain == (size_t)-1)
			continue;
		int64_t store = sqlite3_column_int64(q, 0), func = sqlite3_column_int64(q, 1);
		int fn = -1;
		if (sqlite3_column_type(q, 4) != SQLITE_NULL)
			fn = (int)c->res->resolve(c->res->ctx, db_col_text(q, 4), sqlite3_column_int64(q, 6),
						  sqlite3_column_int64(q, 7));
		const char *src_key = sqlite3_column_type(q, 5) == SQLITE_NULL ? NULL : db_col_text(q, 5);
		int obj = obj_of(c, db_col_text(q, 3));
		int n = keyname_lock_param(c->objs.v[obj]);
		if (n < 0) {
			if (fn > 0)
				add_member(c, chain, obj, fn, store);
			continue;
		}
		for (size_t i = first_caller(c, func); i < c->edges.n && c->edges.v[i].callee == func; i++) {
			int a = arg_obj(c, c->edges.v[i].site, n);
			if (a < 0 || keyname_lock_param(c->objs.v[a]) >= 0)
				continue;
			if (fn > 0)
				add_member(c, chain, a, fn, store);
			else if (src_key)
				add_bound_members(c, chain, a, c->edges.v[i].site, src_key);
		}
	}
	sqlite3_finalize(q);
}

/* ------------------------------------------------------------ registrations and calls */

struct api_site { int64_t site, func; const struct lp_chain *rule; size_t chain; };
struct api_sites { struct api_site *v; size_t n, cap; };

static void load_api_sites(struct chains *c, struct api_sites *out)
{
	struct strbuf sql = {0};
	sb_addf(&sql, "SELECT id, func_id, callee_name FROM site WHERE kind = %d AND callee_name IN (", SITE_CALL);
	for (size_t i = 0; i < rules_chain_count(c->rules); i++)
		sb_addf(&sql, "%s?", i ? "," : "");
	sb_addf(&sql, ") ORDER BY id");
	sqlite3_stmt *q = db_prepare(c->db, sb_str(&sql));
	for (size_t i = 0; i < rules_chain_count(c->rules); i++)
		db_bind_text(q, (int)i + 1, rules_chain(c->rules, i)->func);
	while (db_step_row(c->db, q)) {
		const char *name = db_col_text(q, 2);
		for (size_t i = 0; i < rules_chain_count(c->rules); i++) {
			const struct lp_chain *r = rules_chain(c->rules, i);
			if (strcmp(r->func, name))
				continue;
			vec_push(out, ((struct api_site){ sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
							  r, chain_of_key(c->rules, r->key) }));
		}
	}
	sqlite3_finalize(q);
	sb_free(&sql);
}

static void objs_at(const struct chains *c, const struct api_site *a, int n, intvec *out)
{
	int o = arg_obj(c, a->site, n);
	if (o >= 0)
		resolve_obj(c, a->func, o, CHAIN_DEPTH, out);
}

struct obj_pair { int cont, ent; };
struct obj_pairs { struct obj_pair *v; size_t n, cap; };

/* The (container, entry) pairs a registration in FUNC names: CONT and ENT,
 * with parameters replaced by what each caller passes, DEPTH calls up.  One
 * caller at a time: add_wait_queue(wq_head, wq_entry) calls
 * __add_wait_queue(wq_head, wq_entry), and each of its callers pairs its own
 * queue with its own entry, not with every entry of every caller. */
static void resolve_pair(const struct chains *c, int64_t func, int cont, int ent, int depth,
			 struct obj_pairs *out)
{
	int nc = keyname_lock_param(c->objs.v[cont]), ne = keyname_lock_param(c->objs.v[ent]);
	if (nc < 0 && ne < 0) {
		for (size_t i = 0; i < out->n; i++)
			if (out->v[i].cont == cont && out->v[i].ent == ent)
				return;
		if (out->n < CHAIN_MAX_OBJS)
			vec_push(out, ((struct obj_pair){ cont, ent }));
		return;
	}
	if (depth <= 0)
		return;
	for (size_t i = first_caller(c, func); i < c->edges.n && c->edges.v[i].callee == func; i++) {
		int64_t site = c->edges.v[i].site;
		int c2 = nc < 0 ? cont : arg_obj(c, site, nc);
		int e2 = ne < 0 ? ent : arg_obj(c, site, ne);
		if (c2 >= 0 && e2 >= 0)
			resolve_pair(c, c->edges.v[i].caller, c2, e2, depth - 1, out);
	}
}

static void add_registration(struct chains *c, const struct api_site *a)
{
	struct obj_pairs pairs = {0};
	int cont = arg_obj(c, a->site, a->rule->container), ent = arg_obj(c, a->site, a->rule->entry);
	if (cont >= 0 && ent >= 0)
		resolve_pair(c, a->func, cont, ent, CHAIN_DEPTH, &pairs);
	if (!pairs.n)
		c->st->unnamed_registrations++;
	for (size_t i = 0; i < pairs.n; i++) {
		bool created;
		int64_t *slot = slot_for(&c->group_index, a->chain, c->objs.v[pairs.v[i].cont], &created);
		if (created) {
			*slot = (int64_t)c->groups.n;
			vec_push(&c->groups, xcalloc(1, sizeof(*c->groups.v[0])));
		}
		struct entry_list *g = c->groups.v[*slot];
		vec_push(g, ((struct entry_ref){ pairs.v[i].ent, a->site }));
		c->st->registrations++;
	}
	vec_free(&pairs);
}

/* Call edges from a chain call to the members of every entry registered on its container. */
static void add_call(struct chains *c, const struct api_site *a, sqlite3_stmt *ins)
{
	intvec conts = {0}, done = {0};
	objs_at(c, a, a->rule->container, &conts);
	if (!conts.n)
		c->st->unnamed_calls++;
	for (size_t i = 0; i < conts.n; i++) {
		char *k = xasprintf("%zu#%s", a->chain, c->objs.v[conts.v[i]]);
		int64_t *g = strmap_get(&c->group_index, k);
		free(k);
		if (!g)
			continue;
		const struct entry_list *grp = c->groups.v[*g];
		for (size_t j = 0; j < grp->n; j++) {
			char *mk = xasprintf("%zu#%s", a->chain, c->objs.v[grp->v[j].key]);
			int64_t *m = strmap_get(&c->slot_index, mk);
			free(mk);
			if (!m)
				continue;
			const struct member_list *mem = c->members.v[*m];
			for (size_t t = 0; t < mem->n; t++) {
				size_t before = done.n;
				push_unique(&done, mem->v[t].func_id);
				if (done.n == before)
					continue;
				db_bind_int(ins, 1, a->site);
				db_bind_int(ins, 2, mem->v[t].func_id);
				db_bind_int(ins, 3, mem->v[t].store);
				db_step_done(c->db, ins);
				c->st->edges++;
			}
		}
	}
	if (done.n)
		c->st->resolved_calls++;
	vec_free(&conts);
	vec_free(&done);
}

static void chains_free(struct chains *c)
{
	if (c->bound)
		sqlite3_finalize(c->bound);
	for (size_t i = 0; i < c->objs.n; i++)
		free(c->objs.v[i]);
	for (size_t i = 0; i < c->members.n; i++) {
		vec_free(c->members.v[i]);
		free(c->members.v[i]);
	}
	for (size_t i = 0; i < c->groups.n; i++) {
		vec_free(c->groups.v[i]);
		free(c->groups.v[i]);
	}
	vec_free(&c->objs);
	vec_free(&c->members);
	vec_free(&c->groups);
	vec_free(&c->edges);
	vec_free(&c->args);
	strmap_free(&c->obj_index);
	strmap_free(&c->slot_index);
	strmap_free(&c->group_index);
}

bool chains_is_key(const struct lp_rules *r, const char *key)
{
	return r && key && chain_of_key(r, key) != (size_t)-1;
}

void chains_link(struct lp_db *db, const struct lp_rules *r, const struct chain_resolver *res,
		 struct chain_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!r || !rules_chain_count(r))
		return;
	struct chains c = { .db = db, .rules = r, .res = res, .st = st };
	load(&c);
	load_members(&c);
	struct api_sites sites = {0};
	load_api_sites(&c, &sites);
	for (size_t i = 0; i < sites.n; i++)
		if (sites.v[i].rule->entry >= 0)
			add_registration(&c, &sites.v[i]);
	st->containers = c.groups.n;
	sqlite3_stmt *ins = db_prepare(db, "INSERT INTO call_edge(site_id, callee, store_id) VALUES (?,?,?)");
	for (size_t i = 0; i < sites.n; i++)
		if (sites.v[i].rule->entry < 0) {
			st->calls++;
			add_call(&c, &sites.v[i], ins);
		}
	sqlite3_finalize(ins);
	vec_free(&sites);
	chains_free(&c);
}
