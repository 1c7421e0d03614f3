// SPDX-License-Identifier: GPL-2.0-only
/*
 * embedded.c - callbacks of a generic struct embedded in a specific one.
 *
 * The crypto API's requests share one completion: 'struct
 * crypto_async_request' is embedded as 'base' in every request type
 * (akcipher_request, aead_request, skcipher_request, ...), and each type's
 * setter stores the caller's callback into 'req->base.complete'.  The
 * engine's finalize code calls 'req->complete(req, err)' on the base alone,
 * so by key that call reaches every completion in the kernel: a virtio-crypto
 * akcipher reply ran dm-crypt's and pcrypt's aead completions.  But the
 * object came from somewhere: crypto_finalize_akcipher_request() passed
 * '&req->base' of an akcipher_request, and the only completions ever stored
 * through an akcipher_request are the ones given to
 * akcipher_request_set_callback().
 *
 * So a call's object is named the way a registration's is (site.ind_obj:
 * 'arg#0', or 'akcipher_request.base' for '&req->base'), and a path carries,
 * per parameter that reaches such a call, the container the caller passed
 * (a few calls deep, forwarded unchanged).  A call through member M of an
 * object bound to container C reaches only the functions stored into M
 * through C, or through an object lockpath cannot name (a parameter, a
 * local): a store through another container ('aead_request.base') is
 * another object's.  A key with no such store, or a path that cannot say
 * where its object came from, resolves as before.
 *
 * The driver core's 'dev->bus->remove(dev)' is the same question one
 * member further: the call's table is read from the object's member
 * 'device.bus' (site.ind_table), and what a container's 'bus' can point to
 * is what was stored into it through that container (table_store,
 * extract/member_tables.c: 'cdev->dev.bus = &ccw_bus_type').  A call
 * through member M of the table that member V of an object bound to
 * container C points to reaches the functions that the tables stored into
 * V through C (or through an object with no name) hold in M, and functions
 * stored into M other than by a global table's initialiser.  A store into
 * V of something other than a global table, through C or an unnamed
 * object, leaves the call as it was.  A partition's device_del() passes
 * '&part->bd_device', into which no bus is ever stored: its bus's remove
 * calls nothing.
 *
 * The third object is a device another struct points to.  The 3215
 * console keeps its ccw device in 'raw->cdev' and starts its I/O with
 * 'ccw_device_start(raw->cdev, ..)'; cio may call the device's handler on
 * the way (a path verification that ends at once), and by key
 * 'cdev->handler' is every ccw driver's handler: the console's write
 * reached virtio-ccw's.  But the function that keeps the device,
 * raw3215_probe(), also sets its handler: 'raw->cdev = cdev;
 * cdev->handler = raw3215_irq'.  A driver that does both in one function
 * owns the device's callback.  So an object named by what a member points
 * to ('*raw3215_info.cdev', site_arg.obj_key) is bound like a container,
 * and a call through member M of it reaches the functions stored into M
 * through the same object as a store of the pointer into that member
 * (table_store.src_obj, in the same function), the functions stored into M
 * through '*raw3215_info.cdev' itself, and every other store into M in the
 * files those paired stores are in (the owner may set it again later).
 * A member nothing pairs ('vcdev->cdev' is set in virtio_ccw_online(),
 * the handler in virtio_ccw_probe()) resolves as before, and so does a
 * table read from such an object: two pointers may point to one object,
 * so stores through other objects never narrow it.
 *
 * The object may also come back by another road: the console's idle wait
 * goes up from its device to the subchannel and gets the device back from
 * it.  An argument named by a walk from a parameter (site_arg.walk) binds
 * the callee to the object the walk leads to from the one the parameter
 * is bound to, where a function links the two both ways (links.c); that
 * object is named by the walk, and the walk back names the first again.
 *
 * The fourth object is a new one.  The driver core's device_create()
 * allocates a bare struct device into a local ('dev = kzalloc(..)', an
 * allocator of the rules' 'fresh-object'), fills it and passes it to
 * device_add(), whose error path goes down to 'dev->bus->remove'.  By key
 * that is every bus's remove: the unit-record driver, which creates its
 * class device holding its own mutex, reached its own ccw remove, which
 * takes that mutex.  But no bus was stored into that device: it is no
 * ccw_device's 'dev'.  So an argument that is what a local points to
 * ('*local:F:dev'), straight from such a call (site_arg.ret_site), is
 * bound like a container, whose own stores are the ones through that
 * local; stores through another container or local struct are another
 * object's, and stores through a parameter or a pointer lockpath cannot
 * name may still be this one's.
 */
#include "check/embedded.h"
#include "check/ctor_tables.h"
#include "check/engine_int.h"
#include "check/links.h"
#include "lib/keyname.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How many calls up a parameter that reaches a call's object is bound:
 * device_unregister() -> device_del() -> .. -> device_remove() is six. */
#define OBJ_FORWARD_DEPTH 8

/* A call through a member: its object, a parameter of the caller or a
 * container; VIA: the member of that object the call's table is read
 * from ('device.bus'), or NULL (the member is the object's own). */
struct site_obj { int site, param, cont; const char *member, *via; };
/* A call's argument N that points to an object: a container, or the caller's
 * parameter FWD, or where WALK (links.h) leads from it. */
struct obj_arg { int site, n, cont, fwd; const char *walk; };
/* The functions a member reaches through one container, or none known (narrows == false). */
struct target_set { bool narrows; int n; int *funcs; };

struct embedded_index {
	VEC(struct site_obj) objs;      /* sorted by site */
	VEC(struct obj_arg) args;       /* sorted by site */
	uint32_t *obj_params;           /* per function: parameters that carry an object to a call */
	struct strmap cont_ids;         /* container name -> id */
	VEC(const char *) cont_names;
	struct strmap sets;             /* 'member\x1fcont\x1fvia' -> index in targets */
	struct strmap narrowable;       /* table member (site.ind_table) -> table_may_narrow() */
	VEC(struct target_set) targets;
	sqlite3_stmt *q_stores, *q_targets, *q_tables, *q_owned;
	struct link_pairs *links;       /* objects linked both ways (links.c) */
};

/* 'akcipher_request.base': a member of a struct type, the object an
 * embedded struct is; not a global, a parameter, a local or a pointee. */
static bool is_container(const char *k)
{
	return k && keyname_kind(k) == KEYNAME_PATH && k[0] != '*' && !strchr(k, ':') && strchr(k, '.');
}

/* An object a call's argument or a store can name for this rule: a
 * container, or a local struct variable ('local:F:err_ctx', passed as
 * '&err_ctx'; not '*local:..', what a local pointer points to). */
static bool is_object(const char *k)
{
	return is_container(k) || (k && keyname_kind(k) == KEYNAME_LOCAL && k[0] != '*');
}

/* '*raw3215_info.cdev': what a member of a struct type points to. */
static bool is_pointee(const char *k)
{
	return k && k[0] == '*' && is_container(k + 1);
}

/* An object a path can carry to a call: a container, a local struct or a member's pointee. */
static bool is_bindable(const char *k)
{
	return is_object(k) || is_pointee(k);
}

static int cont_id(struct engine *e, const char *name)
{
	struct embedded_index *x = e->embedded;
	bool created;
	int id = strmap_id(&x->cont_ids, name, &created);
	if (created)
		vec_push(&x->cont_names, arena_strdup(&e->arena, name));
	return id;
}

/* Whether a call through the table member VIA points to can be narrowed
 * by its object on some path: a store into VIA through an object with a
 * name, and none of something other than a global table through an object
 * without one ('sk->sk_prot = prot' in sk_alloc(): every socket's table
 * comes from a parameter), or every such store a constructor's own
 * (ctor_tables.h: 'reporter->ops = ops').  Otherwise a binding would only
 * split states. */
static bool table_may_narrow(struct engine *e, const char *via)
{
	struct embedded_index *x = e->embedded;
	struct lp_db *db = e->db;
	bool created;
	int64_t *known = strmap_put(&x->narrowable, via, &created);
	if (!created)
		return *known;
	bool named = false, unknown = false;
	sqlite3_stmt *q = db_prepare(db, "SELECT obj_key, value FROM table_store WHERE member = ?");
	db_bind_text(q, 1, via);
	while (db_step_row(db, q)) {
		if (is_object(db_col_text(q, 0)))
			named = true;
		else if (sqlite3_column_type(q, 1) == SQLITE_NULL)
			unknown = true;
	}
	sqlite3_finalize(q);
	*known = (named && !unknown) || (unknown && ctor_stores_explained(e, via));
	return *known;
}

static void load_site_objs(struct engine *e)
{
	struct embedded_index *x = e->embedded;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, ind_obj, coalesce(ind_member, ind_key), ind_table_obj, "
				     "ind_table FROM site WHERE ind_obj IS NOT NULL OR ind_table_obj IS NOT NULL ORDER BY id");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const char *obj = db_col_text(q, 1), *member = db_col_text(q, 2);
		const char *tobj = db_col_text(q, 3), *via = db_col_text_or_null(q, 4);
		if ((keyname_lock_param(tobj) >= 0 || is_object(tobj)) && table_may_narrow(e, via))
			obj = tobj;   /* 'dev->bus->remove': the object 'bus' is read from */
		else
			via = NULL;
		if (!s || s->func < 0 || !is_container(member))
			continue;
		struct site_obj o = { engine_site_index(e, s), keyname_lock_param(obj), -1, NULL, NULL };
		if (o.param < 0 && !is_bindable(obj))
			continue;
		if (o.param < 0)
			o.cont = cont_id(e, obj);
		else
			engine_use_param(&x->obj_params[s->func], o.param);
		o.member = arena_strdup(&e->arena, member);
		o.via = via ? arena_strdup(&e->arena, via) : NULL;
		vec_push(&x->objs, o);
	}
	sqlite3_finalize(q);
}

/* A call's argument: site row id and argument index. */
struct site_argn { int64_t site; int n; };

static int site_argn_cmp(const void *a, const void *b)
{
	const struct site_argn *x = a, *y = b;
	return x->site != y->site ? (x->site < y->site ? -1 : 1) : (x->n > y->n) - (x->n < y->n);
}

typedef VEC(struct site_argn) argnvec;

/* The arguments that are the pointer an allocator of the rules'
 * 'fresh-object' returned, not assigned since (site_arg.ret_site), sorted. */
static argnvec fresh_args(struct engine *e)
{
	argnvec v = {0};
	sqlite3_stmt *q = db_prepare(e->db, "SELECT a.site_id, a.n, r.callee_name FROM site_arg a "
				     "JOIN site r ON r.id = a.ret_site WHERE a.ret_site IS NOT NULL");
	while (db_step_row(e->db, q))
		if (rules_fresh_object(e->rules, db_col_text_or_null(q, 2)))
			vec_push(&v, ((struct site_argn){ sqlite3_column_int64(q, 0), sqlite3_column_int(q, 1) }));
	sqlite3_finalize(q);
	if (v.n)
		qsort(v.v, v.n, sizeof(*v.v), site_argn_cmp);
	return v;
}

/* '*local:F:dev' passed as argument N of site SITE, just allocated. */
static bool is_fresh_local(const argnvec *fresh, const char *obj, int64_t site, int n)
{
	struct site_argn k = { site, n };
	return obj && obj[0] == '*' && keyname_kind(obj + 1) == KEYNAME_LOCAL && fresh->n &&
	       bsearch(&k, fresh->v, fresh->n, sizeof(k), site_argn_cmp);
}

static void load_obj_args(struct engine *e)
{
	struct embedded_index *x = e->embedded;
	argnvec fresh = fresh_args(e);
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, n, obj_key, walk FROM site_arg WHERE obj_key IS NOT NULL "
				     "OR walk IS NOT NULL ORDER BY site_id, n, rowid");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const char *obj = db_col_text(q, 2), *walk = db_col_text_or_null(q, 3);
		if (!s || s->kind != SITE_CALL || !s->ncallees)
			continue;
		struct obj_arg a = { engine_site_index(e, s), sqlite3_column_int(q, 1), -1, keyname_lock_param(obj), NULL };
		if (walk) {   /* 'to_subchannel(cdev->dev.parent)': only a walk to a linked object */
			const char *steps;
			a.fwd = keyname_walk_split(walk, &steps);
			if (a.fwd < 0 || !links_starts(x->links, steps))
				continue;
			a.walk = arena_strdup(&e->arena, steps);
		} else if (a.fwd < 0 && !is_bindable(obj) &&
			   !is_fresh_local(&fresh, obj, sqlite3_column_int64(q, 0), a.n))
			continue;
		if (a.fwd < 0)
			a.cont = cont_id(e, obj);
		vec_push(&x->args, a);
	}
	sqlite3_finalize(q);
	vec_free(&fresh);
}

/* A parameter passed on unchanged to a callee's object parameter carries an
 * object too: OBJ_FORWARD_DEPTH calls up from the call through the member. */
static void forward_obj_params(struct engine *e)
{
	struct embedded_index *x = e->embedded;
	for (int pass = 0; pass < OBJ_FORWARD_DEPTH; pass++) {
		bool changed = false;
		for (size_t i = 0; i < x->args.n; i++) {
			const struct obj_arg *a = &x->args.v[i];
			const struct ck_site *s = &e->sites.v[a->site];
			if (a->fwd < 0 || engine_param_used(x->obj_params[s->func], a->fwd))
				continue;
			for (int c = 0; c < s->ncallees; c++)
				if (engine_param_used(x->obj_params[s->callees[c].func], a->n)) {
					engine_use_param(&x->obj_params[s->func], a->fwd);
					changed = true;
					break;
				}
		}
		if (!changed)
			break;
	}
}

void embedded_load(struct engine *e)
{
	struct embedded_index *x = xcalloc(1, sizeof(*x));
	e->embedded = x;
	x->obj_params = xcalloc(e->funcs.n + 1, sizeof(*x->obj_params));
	x->links = links_pairs_load(e);
	load_site_objs(e);
	load_obj_args(e);
	forward_obj_params(e);
}

void embedded_free(struct engine *e)
{
	struct embedded_index *x = e->embedded;
	if (!x)
		return;
	for (size_t i = 0; i < x->targets.n; i++)
		free(x->targets.v[i].funcs);
	vec_free(&x->targets);
	strmap_free(&x->sets);
	strmap_free(&x->narrowable);
	strmap_free(&x->cont_ids);
	vec_free(&x->cont_names);
	vec_free(&x->objs);
	vec_free(&x->args);
	free(x->obj_params);
	sqlite3_finalize(x->q_stores);
	sqlite3_finalize(x->q_targets);
	sqlite3_finalize(x->q_tables);
	sqlite3_finalize(x->q_owned);
	links_pairs_free(x->links);
	free(x);
	e->embedded = NULL;
}

/* Where WALK leads from the object CONT: its partner, or back from it (links.h), or -1. */
static int linked_cont(struct engine *e, int cont, const char *walk)
{
	struct embedded_index *x = e->embedded;
	char *name = links_follow(x->links, x->cont_names.v[cont], walk);
	int id = name ? cont_id(e, name) : -1;
	free(name);
	return id;
}

static int bound_cont(const struct ck_state *s, int param)
{
	return ck_objbind_get(s->obj, s->nobj, param);
}

void embedded_bind(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		   struct ck_state *next)
{
	const struct embedded_index *x = e->embedded;
	uint32_t wanted = x->obj_params[next->func];
	if (!wanted)
		return;   /* a binding the callee never looks at only splits states */
	int si = engine_site_index(e, site);
	uint32_t written = e->funcs.v[cur->func].written_params;
	for (size_t i = lower_bound_int(x->args.v, x->args.n, sizeof(*x->args.v), si); i < x->args.n && x->args.v[i].site == si; i++) {
		const struct obj_arg *a = &x->args.v[i];
		if (!engine_param_used(wanted, a->n) || next->nobj >= CK_MAX_OBJ || bound_cont(next, a->n) >= 0)
			continue;
		int cont = a->cont;
		if (cont < 0 && !engine_param_used(written, a->fwd))
			cont = bound_cont(cur, a->fwd);
		if (cont >= 0 && a->walk)   /* names fill as paths ask: the engine is the only writer */
			cont = linked_cont((struct engine *)e, cont, a->walk);
		if (cont >= 0)
			next->obj[next->nobj++] = (struct ck_objbind){ a->n, cont };
	}
}

typedef VEC(int) intvec;
typedef struct name_list strvec;

static void add_func(const struct engine *e, intvec *out, int64_t func_id)
{
	int f = engine_func_index(e, func_id);
	if (f >= 0)
		vec_push(out, f);
}

/* The stores of a member a narrowed call can reach: direct (fnstore ids)
 * and through other keys. */
struct store_pick { VEC(int64_t) direct; VEC(char *) keys; };

/* Row Q of x->q_stores (id, obj_key, src_key, src_usr, func_id) into P. */
static void pick_store(struct store_pick *p, sqlite3_stmt *q)
{
	const char *src = db_col_text_or_null(q, 2);
	if (src)
		vec_push(&p->keys, xstrdup(src));
	else if (sqlite3_column_type(q, 3) != SQLITE_NULL)
		vec_push(&p->direct, sqlite3_column_int64(q, 0));
}

static void drop_picks(struct store_pick *p)
{
	for (size_t k = 0; k < p->keys.n; k++)
		free(p->keys.v[k]);
	vec_free(&p->keys);
	vec_free(&p->direct);
}

/* The functions P's stores into MEMBER put there and its keys reach, sorted. */
static intvec resolve_picks(struct engine *e, const char *member, struct store_pick *p)
{
	struct embedded_index *x = e->embedded;
	intvec funcs = {0};
	db_bind_text(x->q_targets, 1, member);
	while (db_step_row(e->db, x->q_targets))
		for (size_t i = 0; i < p->direct.n; i++)
			if (p->direct.v[i] == sqlite3_column_int64(x->q_targets, 1))
				add_func(e, &funcs, sqlite3_column_int64(x->q_targets, 0));
	sqlite3_reset(x->q_targets);
	for (size_t k = 0; k < p->keys.n; k++) {
		db_bind_text(x->q_targets, 1, p->keys.v[k]);
		while (db_step_row(e->db, x->q_targets))
			add_func(e, &funcs, sqlite3_column_int64(x->q_targets, 0));
		sqlite3_reset(x->q_targets);
	}
	if (funcs.n)
		qsort(funcs.v, funcs.n, sizeof(int), int_cmp);
	return funcs;
}

/* The target set of P's stores into MEMBER, or none known (!NARROWS); P is released. */
static struct target_set picked_targets(struct engine *e, const char *member, struct store_pick *p, bool narrows)
{
	intvec funcs = {0};
	if (narrows)
		funcs = resolve_picks(e, member, p);
	drop_picks(p);
	return (struct target_set){ narrows, (int)funcs.n, funcs.v };
}

static void prepare_queries(struct embedded_index *x, struct lp_db *db)
{
	if (x->q_stores)
		return;
	x->q_stores = db_prepare(db, "SELECT id, obj_key, src_key, src_usr, func_id FROM fnstore WHERE key = ?");
	x->q_targets = db_prepare(db, "SELECT func_id, store_id FROM key_target WHERE key = ?");
	x->q_tables = db_prepare(db, "SELECT obj_key, value FROM table_store WHERE member = ?");
	/* ?1 the called member, ?2 the member the object is read from, ?3 its pointee */
	x->q_owned = db_prepare(db,
		"WITH paired AS (SELECT s.file_id FROM fnstore s JOIN table_store t ON t.func_id = s.func_id "
		"AND t.src_obj = s.obj_key WHERE s.key = ?1 AND t.member = ?2) "
		"SELECT s.id, s.obj_key, s.src_key, s.src_usr, (SELECT count(*) FROM paired) FROM fnstore s "
		"WHERE s.key = ?1 AND (s.obj_key = ?3 OR s.file_id IN (SELECT file_id FROM paired))");
}

/* A store of a call's type (link's fallback) says nothing of the object. */
static bool is_type_store(sqlite3_stmt *q)
{
	return keyname_kind(db_col_text(q, 2)) == KEYNAME_TYPE;
}

/*
 * Whether row Q of x->q_stores is a function's store into a global
 * variable ('csd->func = func' into smp_call_function_single()'s per-CPU
 * csd, 'kernel/smp.c:csd_data'): an object of its own, never the member
 * or local a path binds.  Not a global's static initialiser: such a table
 * may be a template whose members code copies into the objects
 * (ib_set_device_ops() copies a driver's 'mlx5_ib_dev_ops' member by
 * member into the ib_device's embedded 'ops', a copy of a member into
 * the same member, which no store row records).
 */
static bool is_filled_global(sqlite3_stmt *q)
{
	return keyname_is_global(db_col_text(q, 1)) && sqlite3_column_type(q, 4) != SQLITE_NULL;
}

/* The functions MEMBER reaches through object CONT (is_object): the
 * stores into MEMBER made through CONT or through an object that names no
 * container, and what the keys they store reach; a store into a global a
 * function fills is another object's (is_filled_global). */
static struct target_set compute_targets(struct engine *e, const char *member, const char *cont)
{
	struct embedded_index *x = e->embedded;
	prepare_queries(x, e->db);
	struct store_pick p = {0};
	bool narrows = false;
	db_bind_text(x->q_stores, 1, member);
	while (db_step_row(e->db, x->q_stores)) {
		const char *obj = db_col_text(x->q_stores, 1);
		if (is_type_store(x->q_stores))
			continue;
		if ((is_object(obj) || is_filled_global(x->q_stores)) && strcmp(obj, cont))
			narrows = true;   /* another object's store */
		else
			pick_store(&p, x->q_stores);
	}
	sqlite3_reset(x->q_stores);
	return picked_targets(e, member, &p, narrows);
}

/* Whether every key P's stores name reaches a function: a key that
 * reaches none held a value lockpath could not follow ('poll_fn' given a
 * driver's integer cookie), and the member is then resolved by its type. */
static bool picks_traced(struct engine *e, const struct store_pick *p)
{
	struct embedded_index *x = e->embedded;
	for (size_t k = 0; k < p->keys.n; k++) {
		db_bind_text(x->q_targets, 1, p->keys.v[k]);
		bool any = db_step_row(e->db, x->q_targets);
		sqlite3_reset(x->q_targets);
		if (!any)
			return false;
	}
	return true;
}

/* The functions MEMBER reaches through POINTEE ('*raw3215_info.cdev'),
 * when a function that stores a pointer into that member also stores into
 * MEMBER through the same object: those stores, the stores made through
 * POINTEE itself, and the other stores into MEMBER in the same files.
 * A store among them of a value lockpath could not follow narrows nothing. */
static struct target_set compute_owned_targets(struct engine *e, const char *member, const char *pointee)
{
	struct embedded_index *x = e->embedded;
	prepare_queries(x, e->db);
	struct store_pick p = {0};
	bool narrows = false;
	db_bind_text(x->q_owned, 1, member);
	db_bind_text(x->q_owned, 2, pointee + 1);
	db_bind_text(x->q_owned, 3, pointee);
	while (db_step_row(e->db, x->q_owned)) {
		narrows = sqlite3_column_int(x->q_owned, 4) > 0;
		if (!is_type_store(x->q_owned))
			pick_store(&p, x->q_owned);
	}
	sqlite3_reset(x->q_owned);
	return picked_targets(e, member, &p, narrows && picks_traced(e, &p));
}

/* The global tables stored into member VIA through object CONT or through
 * an object with no name, into *TABLES (malloc'd names); false when that
 * says nothing: no store through another object, or a store of something
 * else than a global table ('dev->bus = bus'). */
static bool tables_of(struct embedded_index *x, struct lp_db *db, const char *via, const char *cont,
		      strvec *tables)
{
	bool other = false, unknown = false, own = false;
	db_bind_text(x->q_tables, 1, via);
	while (db_step_row(db, x->q_tables)) {
		const char *obj = db_col_text(x->q_tables, 0), *value = db_col_text_or_null(x->q_tables, 1);
		if (is_object(obj) && strcmp(obj, cont))
			other = true;
		else if (!value)
			unknown = true;
		else
			vec_push(tables, xstrdup(value));
		own |= !strcmp(obj, cont);
	}
	sqlite3_reset(x->q_tables);
	/* a local struct with no store may have been copied whole ('p = *q') */
	if (!own && keyname_kind(cont) == KEYNAME_LOCAL)
		return false;
	return other && !unknown;
}

static bool has_name(const strvec *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i], name))
			return true;
	return false;
}

/* The global tables stored into VIA through an object with no name (a
 * setter's parameter, which may be any object), into *TABLES. */
static void unnamed_tables(struct embedded_index *x, struct lp_db *db, const char *via, strvec *tables)
{
	db_bind_text(x->q_tables, 1, via);
	while (db_step_row(db, x->q_tables)) {
		const char *value = db_col_text_or_null(x->q_tables, 1);
		if (value && !is_object(db_col_text(x->q_tables, 0)) && !has_name(tables, value))
			vec_push(tables, xstrdup(value));
	}
	sqlite3_reset(x->q_tables);
}

/* The functions MEMBER reaches through the table that member VIA of object
 * CONT points to: those the tables stored there hold in MEMBER (their
 * initialisers), and those stored into MEMBER at run time ('ops->remove =
 * f', through an object a table's name does not say).  For an object a
 * member points to, the tables are its constructors' (ctor_tables.h). */
static struct target_set compute_table_targets(struct engine *e, const char *member, const char *cont,
					       const char *via)
{
	struct embedded_index *x = e->embedded;
	prepare_queries(x, e->db);
	strvec tables = {0};
	bool narrows;
	if (is_pointee(cont)) {
		narrows = ctor_tables_of(e, cont, via, &tables);
		if (narrows)
			unnamed_tables(x, e->db, via, &tables);
	} else {
		narrows = tables_of(x, e->db, via, cont, &tables);
	}
	intvec funcs = {0};
	if (narrows) {
		struct store_pick p = {0};
		db_bind_text(x->q_stores, 1, member);
		while (db_step_row(e->db, x->q_stores)) {
			const char *obj = db_col_text(x->q_stores, 1);
			if (is_type_store(x->q_stores))
				continue;
			if (!keyname_is_global(obj) || has_name(&tables, obj))
				pick_store(&p, x->q_stores);
		}
		sqlite3_reset(x->q_stores);
		funcs = resolve_picks(e, member, &p);
		drop_picks(&p);
	}
	for (size_t i = 0; i < tables.n; i++)
		free(tables.v[i]);
	vec_free(&tables);
	return (struct target_set){ narrows, (int)funcs.n, funcs.v };
}

static const struct target_set *targets_of(struct engine *e, const char *member, int cont, const char *via)
{
	struct embedded_index *x = e->embedded;
	char *name = xasprintf("%s\x1f%d\x1f%s", member, cont, via ? via : "");
	bool created;
	int64_t *slot = strmap_put(&x->sets, name, &created);
	free(name);
	if (created) {
		*slot = (int64_t)x->targets.n;
		const char *c = x->cont_names.v[cont];
		struct target_set t = { false, 0, NULL };
		if (strchr(c, LINKS_SEP))
			;   /* a linked object: named by a walk, no store names it */
		else if (via)   /* a pointee's table only from its constructors: others may alias */
			t = compute_table_targets(e, member, c, via);
		else if (!is_pointee(c))
			t = compute_targets(e, member, c);
		else
			t = compute_owned_targets(e, member, c);
		vec_push(&x->targets, t);
	}
	return &x->targets.v[*slot];
}

bool embedded_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		     const struct ck_callee *c)
{
	const struct embedded_index *x = e->embedded;
	int si = engine_site_index(e, site);
	size_t i = lower_bound_int(x->objs.v, x->objs.n, sizeof(*x->objs.v), si);
	if (i >= x->objs.n || x->objs.v[i].site != si)
		return true;
	const struct site_obj *o = &x->objs.v[i];
	int cont = o->cont >= 0 ? o->cont : bound_cont(cur, o->param);
	if (cont < 0)
		return true;   /* the path cannot say where the object came from */
	/* the cache fills as paths ask: the engine is the only writer */
	const struct target_set *t = targets_of((struct engine *)e, o->member, cont, o->via);
	return !t->narrows || (t->n && bsearch(&c->func, t->funcs, (size_t)t->n, sizeof(int), int_cmp));
}
