// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdep_class.c - lockdep's class rules (see lockdep_class.h).
 *
 * A fact is one call of a lockdep API: an init site (mutex_init's
 * __mutex_init(l, name, &__key)) or a re-key (lockdep_set_class's
 * lockdep_init_map_type(&l->dep_map, name, key, sub), or, without
 * CONFIG_LOCKDEP, the expansion of lockdep_set_class() & co), naming a lock (its
 * container path when it has one, else its key) and a lockdep class (the
 * key's name, 'init:FILE:LINE' for an init site's own static key (or an init
 * macro's expansion: spin_lock_init() without CONFIG_DEBUG_SPINLOCK), '*' for a
 * key inside an object or one that cannot be named, 'novalidate').  A lock
 * or key passed in as a parameter is looked up at the callers, two calls
 * deep.  An init followed in its own function by a re-key of the same lock
 * leaves the lock in the re-key's class (device_initialize: mutex_init,
 * then lockdep_set_novalidate_class).  Of a lock class, the classes its init
 * sites leave are its defaults; a re-key anywhere else is an exception for
 * the objects it is applied to (cio_probe_console's console subchannel).
 * One default: a lock of the class is of it unless the path names one of
 * the exceptions; several defaults, or one per object: which class a lock
 * has is decided per object, and the class is split.  This file decides
 * nothing about findings: check/lockdep.c reads what it writes.
 */
#include "link/lockdep_class.h"
#include "link/link.h"
#include "lib/keyname.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LD_DEPTH 2            /* callers searched for a parameter's lock or key */

/* An argument of a call site, as extract recorded it. */
struct ldarg { int64_t site; int n; const char *lock, *obj, *path; bool has_value; long long value; };

/* A fact whose lock or key may still be a parameter ('arg#N' of FUNC).  The
 * fact is placed at SITE, in FUNC at LINE: where its lock is named (a caller,
 * for a lock passed in).  KEY_SITE, KEY_FUNC: where its key is named (an
 * init site's static key is that site's). */
struct raw {
	int64_t site, func, key_site, key_func;
	int line;
	const char *lock, *path, *key;
	int sub;
	bool init;
	bool own_key;    /* an init macro's expansion: its key is its own ('lockdep-init-macro') */
};

struct fact {
	int64_t site, func;
	int line;
	const char *name;     /* the lock: its container path, else its key */
	const char *ident;    /* its lockdep class (see the file's head comment) */
	bool init, at_init;   /* AT_INIT: a re-key right after an init in the same function */
	size_t re_begin, re_end;   /* an init: the re-keys that follow it (indexes in its class) */
	int cls;              /* lock_class.class_id of its key */
};

/* A call of a lockdep API, or a call of a function a pending fact is in. */
struct call { int64_t site, func, callee; int line; const struct lp_lockdep *api; };

typedef VEC(const char *) strvec;
typedef VEC(struct raw) rawvec;

struct ldctx {
	struct lp_db *db;
	const struct lp_rules *rules;
	struct lockdep_stats *st;
	struct arena arena;
	VEC(struct ldarg) args;        /* of the sites being looked at, sorted by site, n */
	rawvec pending;                /* facts waiting for their callers */
	VEC(struct fact) facts;
	sqlite3_stmt *func_q, *class_q, *place_q;
	int next_class;
};

/* ------------------------------------------------------------ loading */

/* temp.lockdep_ids holds the row ids the next query joins on. */
static void ids_reset(struct ldctx *c)
{
	db_exec(c->db, "CREATE TEMP TABLE IF NOT EXISTS lockdep_ids(id INTEGER PRIMARY KEY); "
		"DELETE FROM temp.lockdep_ids;");
}

static void ids_add(struct ldctx *c, sqlite3_stmt *ins, int64_t id)
{
	db_bind_int(ins, 1, id);
	db_step_done(c->db, ins);
}

static const char *col_or_null(struct ldctx *c, sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : arena_strdup(&c->arena, db_col_text(q, i));
}

static int by_site_n(const void *a, const void *b)
{
	const struct ldarg *x = a, *y = b;
	if (x->site != y->site)
		return (x->site > y->site) - (x->site < y->site);
	return x->n - y->n;
}

/* The arguments of the sites in temp.lockdep_ids, replacing those loaded before. */
static void load_args(struct ldctx *c)
{
	c->args.n = 0;
	sqlite3_stmt *q = db_prepare(c->db, "SELECT a.site_id, a.n, a.lock_key, CASE WHEN a.fwd IS NULL THEN a.value END, a.obj_key, a.lock_path "
				     "FROM site_arg a JOIN temp.lockdep_ids w ON w.id = a.site_id");
	while (db_step_row(c->db, q)) {
		struct ldarg a = { sqlite3_column_int64(q, 0), sqlite3_column_int(q, 1), col_or_null(c, q, 2),
				   col_or_null(c, q, 4), col_or_null(c, q, 5),
				   sqlite3_column_type(q, 3) != SQLITE_NULL, sqlite3_column_int64(q, 3) };
		vec_push(&c->args, a);
	}
	sqlite3_finalize(q);
	if (c->args.n > 1)
		qsort(c->args.v, c->args.n, sizeof(*c->args.v), by_site_n);
}

static const struct ldarg *arg_of(const struct ldctx *c, int64_t site, int n)
{
	size_t i = lower_bound_i64(c->args.v, c->args.n, sizeof(*c->args.v), offsetof(struct ldarg, site), site);
	for (; i < c->args.n && c->args.v[i].site == site; i++)
		if (c->args.v[i].n == n)
			return &c->args.v[i];
	return NULL;
}

/* A lock argument: a lock pointer ('&l') or a pointer to its lockdep map ('&l->dep_map'). */
static const char *arg_lock(const struct ldarg *a)
{
	return !a ? NULL : a->lock ? a->lock : a->obj;
}

static bool is_param(const char *key)
{
	return keyname_kind(key) == KEYNAME_LOCK_PARAM;
}

/* N of a container path through parameter N ('arg#0.lock': the member
 * 'lock' of what parameter 0 points to; skb_queue_head_init_class() re-keys
 * '&list->lock'), else -1. */
static int path_param(const char *path)
{
	char *end;
	if (!path || strncmp(path, "arg#", 4))
		return -1;
	long n = strtol(path + 4, &end, 10);
	return end > path + 4 && *end == '.' ? (int)n : -1;
}

/* Whether R's lock is its function's parameter, or inside what one points to. */
static bool lock_from_param(const struct raw *r)
{
	return is_param(r->lock) || path_param(r->path) >= 0;
}

/* The function whose callers name R's parameters: its lock's, else its key's. */
static int64_t param_func(const struct raw *r)
{
	return lock_from_param(r) ? r->func : r->key_func;
}

/* ------------------------------------------------------------ classes of keys */

/* The function's name as keys qualify it ('css.c:css_sch_create_locks'). */
static const char *func_qname(struct ldctx *c, int64_t func)
{
	const char *r = "?";
	db_bind_int(c->func_q, 1, func);
	if (db_step_row(c->db, c->func_q)) {
		char *q = keyname_qualify(db_col_text(c->func_q, 1), db_col_text(c->func_q, 0),
					  sqlite3_column_int(c->func_q, 2) != 0);
		r = arena_strdup(&c->arena, q);
		free(q);
	}
	sqlite3_reset(c->func_q);
	return r;
}

/* An init site's own class, named by where it is: 'init:s390/cio/css.c:27'. */
static const char *site_place(struct ldctx *c, int64_t site)
{
	const char *r = "*";
	db_bind_int(c->place_q, 1, site);
	if (db_step_row(c->db, c->place_q)) {
		char file[4096];
		r = arena_printf(&c->arena, "init:%s:%d", keyname_file(db_col_text(c->place_q, 0), file, sizeof(file)),
				 sqlite3_column_int(c->place_q, 1));
	}
	sqlite3_reset(c->place_q);
	return r;
}

/*
 * The lockdep class a key argument names.  KEY is the object it points to,
 * named like a lock key (extract/keys.h): a global is a class of its own; a
 * static of the function that names it ('__key' of mutex_init(), a
 * 'FUNC.__key') is its init site's own class; a member of an object, an
 * array element, a local or anything unnamed is a class per object ('*').
 */
static const char *key_ident(struct ldctx *c, const struct raw *r)
{
	const char *k = r->key;
	if (r->own_key)
		return site_place(c, r->key_site);
	enum keyname_kind kind = keyname_kind(k);
	if (!k || kind == KEYNAME_LOCK_PARAM || kind == KEYNAME_LOCAL || kind == KEYNAME_RET || strstr(k, "[]"))
		return "*";
	switch (rules_lockdep_key(c->rules, k)) {
	case LOCKDEP_KEY_NOVALIDATE:
		return "novalidate";
	case LOCKDEP_KEY_KEEP:
		return "keep";
	default:
		break;
	}
	const char *q = func_qname(c, r->key_func);
	size_t ql = strlen(q);
	if (!strncmp(k, q, ql) && k[ql] == '.')
		return site_place(c, r->key_site);
	const char *name = strrchr(k, ':');   /* 'cio.c:console_sch_key' is a global */
	return strchr(name ? name + 1 : k, '.') ? "*" : k;
}

/* IDENT with subclass SUB: 'key/N'; a subclass not known makes it one per object. */
static const char *with_sub(struct ldctx *c, const char *ident, int sub)
{
	if (!strcmp(ident, "novalidate") || sub == 0)
		return ident;
	if (sub == LP_SUBCLASS_UNKNOWN || !strcmp(ident, "*"))
		return "*";
	return arena_printf(&c->arena, "%s/%d", ident, sub);
}

static int class_of_key(struct ldctx *c, const char *key)
{
	db_bind_text(c->class_q, 1, key);
	int cls = db_step_row(c->db, c->class_q) ? sqlite3_column_int(c->class_q, 0) : -1;
	sqlite3_reset(c->class_q);
	return cls;
}

/* A raw fact with its lock and key named: a fact of the lock's class, if
 * anything in the tree takes that lock. */
static void settle(struct ldctx *c, const struct raw *r)
{
	int cls = class_of_key(c, r->lock);
	if (cls < 0)
		return;   /* no code takes this lock (a workqueue's lockdep map) */
	struct fact f = { r->site, r->func, r->line, r->path ? r->path : r->lock,
			  with_sub(c, key_ident(c, r), r->sub), r->init, false, 0, 0, cls };
	vec_push(&c->facts, f);
	c->st->facts++;
}

/* R, or its callers' versions of it when its lock or key is a parameter. */
static void place(struct ldctx *c, const struct raw *r, int depth)
{
	if (!lock_from_param(r) && !is_param(r->key)) {
		settle(c, r);
		return;
	}
	if (depth < LD_DEPTH) {
		vec_push(&c->pending, *r);
	} else if (!is_param(r->lock)) {
		struct raw x = *r;   /* a key nobody names: one per object ('*'); a */
		if (path_param(x.path) >= 0)   /* path nobody names: the lock's key alone */
			x.path = NULL;
		settle(c, &x);
	}
}

/* PATH ('arg#0.lock') with its parameter replaced by what argument A of a
 * caller points to ('neigh_table.proxy_queue' + '.lock'); NULL when the
 * caller names nothing. */
static const char *path_through(struct ldctx *c, const char *path, const struct ldarg *a)
{
	if (!a || !a->obj)
		return NULL;
	return arena_printf(&c->arena, "%s%s", a->obj, strchr(path, '.'));
}

/* R as called at CALL: the caller's arguments for R's parameters.  A fact
 * whose lock the caller names moves to the caller; one whose key only is
 * passed in stays where its lock is (chan_init(c, key): spin_lock_init()
 * and lockdep_set_class() of one lock in one function, the key the caller's). */
static void through_caller(struct ldctx *c, const struct raw *r, const struct call *call, int depth)
{
	struct raw x = *r;
	if (is_param(r->lock)) {
		const struct ldarg *a = arg_of(c, call->site, atoi(r->lock + 4));
		if (!arg_lock(a))
			return;
		x.lock = arg_lock(a);
		x.path = a->path;
	} else if (path_param(r->path) >= 0) {   /* its lock is inside what the caller passes */
		x.path = path_through(c, r->path, arg_of(c, call->site, path_param(r->path)));
	}
	if (lock_from_param(r)) {   /* the fact moves to where its lock is named */
		x.site = call->site;
		x.func = call->func;
		x.line = call->line;
	}
	if (is_param(r->key)) {
		const struct ldarg *a = arg_of(c, call->site, atoi(r->key + 4));
		x.key = a ? a->obj : NULL;
		x.key_site = call->site;
		x.key_func = call->func;
	}
	place(c, &x, depth);
}

/* The raw fact of API call CALL, whose arguments are loaded. */
static void api_fact(struct ldctx *c, const struct call *call)
{
	const struct lp_lockdep *api = call->api;
	/* a macro's expansion has its lock, key and subclass as arguments 0, 1, 2 (extract/walk.c) */
	int lock_n = api->macro ? 0 : api->lock, key_n = api->macro ? 1 : api->key;
	int sub_n = api->subclass < 0 ? -1 : api->macro ? 2 : api->subclass;
	const struct ldarg *la = arg_of(c, call->site, lock_n), *ka = arg_of(c, call->site, key_n);
	const struct ldarg *sa = sub_n >= 0 ? arg_of(c, call->site, sub_n) : NULL;
	struct raw r = { call->site, call->func, call->site, call->func, call->line, arg_lock(la),
			 la ? la->path : NULL, ka ? ka->obj : NULL,
			 api->subclass < 0 ? 0 : sa && sa->has_value ? (int)sa->value : LP_SUBCLASS_UNKNOWN, api->init,
			 api->macro && api->init };
	if (r.lock)
		place(c, &r, 0);
}

/* The calls of the rules' lockdep APIs, as facts (or pending ones). */
static void load_api_calls(struct ldctx *c)
{
	db_exec(c->db, "CREATE TEMP TABLE IF NOT EXISTS lockdep_api(name TEXT PRIMARY KEY); "
		"DELETE FROM temp.lockdep_api;");
	sqlite3_stmt *ins = db_prepare(c->db, "INSERT OR IGNORE INTO temp.lockdep_api VALUES (?)");
	for (size_t i = 0; i < rules_lockdep_count(c->rules); i++) {
		db_bind_text(ins, 1, rules_lockdep_at(c->rules, i)->func);
		db_step_done(c->db, ins);
	}
	sqlite3_finalize(ins);
	/* an API's own body (lockdep_init_map_wait calls lockdep_init_map_waits)
	 * is the API: its callers are the facts */
	sqlite3_stmt *q = db_prepare(c->db, "SELECT s.id, s.func_id, s.line, s.callee_name FROM site s "
				     "JOIN temp.lockdep_api a ON a.name = s.callee_name JOIN func fn ON fn.id = s.func_id "
				     "WHERE s.kind = ? AND fn.name NOT IN (SELECT name FROM temp.lockdep_api)");
	db_bind_int(q, 1, SITE_CALL);
	VEC(struct call) calls = {0};
	ids_reset(c);
	ins = db_prepare(c->db, "INSERT OR IGNORE INTO temp.lockdep_ids VALUES (?)");
	while (db_step_row(c->db, q)) {
		struct call k = { sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), 0, sqlite3_column_int(q, 2),
				  rules_lockdep(c->rules, db_col_text(q, 3)) };
		vec_push(&calls, k);
		ids_add(c, ins, k.site);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
	load_args(c);
	for (size_t i = 0; i < calls.n; i++)
		api_fact(c, &calls.v[i]);
	vec_free(&calls);
}

/* The pending facts looked up at their functions' callers, one call up. */
static void resolve_pending(struct ldctx *c, int depth)
{
	rawvec todo = c->pending;
	c->pending = (rawvec){0};
	ids_reset(c);
	sqlite3_stmt *ins = db_prepare(c->db, "INSERT OR IGNORE INTO temp.lockdep_ids VALUES (?)");
	for (size_t i = 0; i < todo.n; i++)   /* the function the parameter belongs to */
		ids_add(c, ins, param_func(&todo.v[i]));
	sqlite3_stmt *q = db_prepare(c->db, "SELECT c.site_id, s.func_id, c.callee, s.line FROM call_edge c "
				     "JOIN temp.lockdep_ids w ON w.id = c.callee JOIN site s ON s.id = c.site_id");
	VEC(struct call) calls = {0};
	while (db_step_row(c->db, q))
		vec_push(&calls, ((struct call){ sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
						 sqlite3_column_int64(q, 2), sqlite3_column_int(q, 3), NULL }));
	sqlite3_finalize(q);
	ids_reset(c);
	for (size_t i = 0; i < calls.n; i++)
		ids_add(c, ins, calls.v[i].site);
	sqlite3_finalize(ins);
	load_args(c);
	for (size_t i = 0; i < todo.n; i++) {
		int64_t f = param_func(&todo.v[i]);
		for (size_t k = 0; k < calls.n; k++)
			if (calls.v[k].callee == f)
				through_caller(c, &todo.v[i], &calls.v[k], depth);
	}
	vec_free(&calls);
	vec_free(&todo);
}

/* ------------------------------------------------------------ defaults */

static int by_class_name(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;
	if (x->cls != y->cls)
		return x->cls - y->cls;
	int n = strcmp(x->name, y->name);
	if (n)
		return n;
	if (x->func != y->func)
		return (x->func > y->func) - (x->func < y->func);
	if (x->line != y->line)
		return x->line - y->line;
	return (x->site > y->site) - (x->site < y->site);
}

/* What an init leaves the lock in when RE re-keys it right after: RE's
 * class, or for lockdep_set_subclass() the init's class with RE's subclass. */
static const char *combine(struct ldctx *c, const char *init, const char *re)
{
	if (!re)
		return init;
	if (strncmp(re, "keep", 4))
		return re;
	if (!strcmp(init, "*") || !strcmp(init, "novalidate") || !re[4])
		return init;
	return arena_printf(&c->arena, "%s%s", init, re + 4);
}

/* For the facts F[0..N) of one lock class, sorted by name, function, line:
 * the re-keys that follow each init in its function (of the same lock, up
 * to the next init), which are then not exceptions (at_init).  Several are
 * alternatives: the key came from different callers. */
static void pair_inits(struct fact *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!f[i].init)
			continue;
		size_t k = i + 1;
		while (k < n && f[k].func == f[i].func && !strcmp(f[k].name, f[i].name) && !f[k].init)
			f[k++].at_init = true;
		f[i].re_begin = i + 1;
		f[i].re_end = k;
	}
}

static void push_unique(strvec *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i], s))
			return;
	vec_push(v, s);
}

/* The classes init F[I] leaves its lock in, into OUT. */
static void lefts_of(struct ldctx *c, const struct fact *f, size_t i, strvec *out)
{
	if (f[i].re_begin == f[i].re_end)
		push_unique(out, f[i].ident);
	for (size_t k = f[i].re_begin; k < f[i].re_end; k++)
		push_unique(out, combine(c, f[i].ident, f[k].ident));
}

/*
 * The classes the locks of facts F[0..N) (those of NAME only, unless NULL)
 * may be in, into ALL; returns the default: the one class the init sites
 * leave them in (or, with no init site seen, the one class they are all
 * re-keyed to), NULL when there are several or one per object.
 */
static const char *default_of(struct ldctx *c, const struct fact *f, size_t n, const char *name, strvec *all)
{
	strvec inits = {0}, others = {0};
	for (size_t i = 0; i < n; i++) {
		if (name && strcmp(f[i].name, name))
			continue;
		if (f[i].init)
			lefts_of(c, f, i, &inits);
		else if (!f[i].at_init)
			push_unique(&others, f[i].ident);
	}
	const char *def = NULL;
	if (inits.n == 1 && strcmp(inits.v[0], "*"))
		def = inits.v[0];
	else if (!inits.n && others.n == 1 && strcmp(others.v[0], "*") && strncmp(others.v[0], "keep", 4))
		def = others.v[0];
	for (size_t i = 0; i < inits.n; i++)
		push_unique(all, inits.v[i]);
	for (size_t i = 0; i < others.n; i++)   /* lockdep_set_subclass elsewhere: the default's key */
		push_unique(all, def && !strncmp(others.v[i], "keep", 4) ? combine(c, def, others.v[i]) : others.v[i]);
	vec_free(&inits);
	vec_free(&others);
	return def;
}

static bool has(const strvec *v, const char *s)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i], s))
			return true;
	return false;
}

/* ------------------------------------------------------------ writing */

/* "lower confidence: ..." for a recursion in a class with a default whose
 * exception F lockpath cannot tell apart. */
static char *exception_note(struct ldctx *c, const char *cls_name, const struct fact *f)
{
	sqlite3_stmt *q = db_prepare(c->db, "SELECT s.line, fl.path, fn.name FROM site s JOIN file fl ON fl.id = s.file_id "
				     "JOIN func fn ON fn.id = s.func_id WHERE s.id = ?");
	db_bind_int(q, 1, f->site);
	char *note = NULL;
	if (db_step_row(c->db, q))
		note = xasprintf("lower confidence: some %s locks are put in another lockdep class, in %s (%s:%d)",
				 cls_name, db_col_text(q, 2), path_basename(db_col_text(q, 1)), sqlite3_column_int(q, 0));
	sqlite3_finalize(q);
	return note;
}

static void write_row(struct ldctx *c, int cls, const char *key, bool validate, bool nests, const char *note)
{
	sqlite3_stmt *ins = db_prepare(c->db, "INSERT OR REPLACE INTO lockdep_class(class_id, lockdep_key, validate, "
				       "nests, note) VALUES (?,?,?,?,?)");
	db_bind_int(ins, 1, cls);
	db_bind_text(ins, 2, key);
	db_bind_int(ins, 3, validate);
	db_bind_int(ins, 4, nests);
	db_bind_text(ins, 5, note);
	db_step_done(c->db, ins);
	sqlite3_finalize(ins);
}

static char *class_name(struct ldctx *c, int cls)
{
	sqlite3_stmt *q = db_prepare(c->db, "SELECT name FROM lock_class WHERE class_id = ? LIMIT 1");
	db_bind_int(q, 1, cls);
	char *r = xstrdup(db_step_row(c->db, q) ? db_col_text(q, 0) : "?");
	sqlite3_finalize(q);
	return r;
}

/* NAME (a key of class CLS, or a path of one) into lock class TO. */
static void move_name(struct ldctx *c, const char *name, int to)
{
	sqlite3_stmt *q = db_prepare(c->db, "INSERT OR REPLACE INTO lock_class(key, class_id, name) VALUES (?,?,?)");
	db_bind_text(q, 1, name);
	db_bind_int(q, 2, to);
	db_bind_text(q, 3, name);
	db_step_done(c->db, q);
	sqlite3_finalize(q);
}

/* After keys moved out of CLS: its name is again one of its own keys. */
static void rename_class(struct ldctx *c, int cls)
{
	sqlite3_stmt *q = db_prepare(c->db, "SELECT key FROM lock_class WHERE class_id = ?");
	db_bind_int(q, 1, cls);
	char *best = NULL;
	while (db_step_row(c->db, q)) {
		const char *k = db_col_text(q, 0);
		if (!best || link_class_name_rank(k) < link_class_name_rank(best) ||
		    (link_class_name_rank(k) == link_class_name_rank(best) && strcmp(k, best) < 0)) {
			free(best);
			best = xstrdup(k);
		}
	}
	sqlite3_finalize(q);
	if (best) {
		q = db_prepare(c->db, "UPDATE lock_class SET name = ? WHERE class_id = ?");
		db_bind_text(q, 1, best);
		db_bind_int(q, 2, cls);
		db_step_done(c->db, q);
		sqlite3_finalize(q);
	}
	free(best);
}

/*
 * The lockdep class NAME's own facts put its locks in, apart from the lock
 * class's default DEF: one known class other than DEF; or "*" when they
 * put each lock in a class of its object and never leave one in DEF
 * (sk_init_common()'s 'lockdep_set_class(&sk->sk_receive_queue.lock,
 * af_rlock_keys + sk->sk_family)' right after the queue's init); NULL when
 * the name is not told apart.
 */
static const char *apart_class(struct ldctx *c, const struct fact *f, size_t n, const char *name, const char *def)
{
	strvec all = {0};
	const char *own = default_of(c, f, n, name, &all);
	if (own) {
		vec_free(&all);
		return def && !strcmp(own, def) ? NULL : own;
	}
	bool per_object = def && all.n;
	for (size_t i = 0; per_object && i < all.n; i++)
		per_object = !strcmp(all.v[i], "*");
	vec_free(&all);
	return per_object ? "*" : NULL;
}

/*
 * The names of one lock class whose own facts give them one known class
 * other than the class's default get a lock class per such lockdep class
 * (perf's 'perf_cpu_context.ctx.lock', re-keyed, beside every other
 * 'perf_event_context.lock'); a name whose locks each get a class of their
 * object, never the default, gets a split lock class of its own (a
 * socket's receive queue beside every other 'sk_buff_head.lock').
 * Returns whether any name moved.
 */
static bool tell_apart(struct ldctx *c, const struct fact *f, size_t n, const char *def)
{
	strvec idents = {0};
	VEC(int) ids = {0};
	bool moved = false;
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(f[i].name, f[i - 1].name))
			continue;
		const char *own = apart_class(c, f, n, f[i].name, def);
		if (!own)
			continue;
		bool per_object = !strcmp(own, "*");
		size_t k = 0;
		while (!per_object && k < idents.n && strcmp(idents.v[k], own))
			k++;
		if (per_object || k == idents.n) {   /* a per-object name is a class alone */
			k = idents.n;
			vec_push(&idents, own);
			vec_push(&ids, c->next_class++);
			write_row(c, ids.v[k], per_object ? NULL : own, strcmp(own, "novalidate") != 0, !per_object, NULL);
			c->st->told_apart++;
		}
		move_name(c, f[i].name, ids.v[k]);
		moved = true;
	}
	vec_free(&idents);
	vec_free(&ids);
	return moved;
}

/* The first fact, of a name left in the class (not told apart), that puts
 * its lock in a class other than DEF: an exception the path cannot see. */
static const struct fact *hidden_exception(struct ldctx *c, const struct fact *f, size_t n, const char *def)
{
	for (size_t i = 0; i < n; i++) {
		if (apart_class(c, f, n, f[i].name, def) || f[i].at_init)
			continue;   /* told apart (the path says which), or part of an init */
		strvec cls = {0};
		if (f[i].init)
			lefts_of(c, f, i, &cls);
		else
			vec_push(&cls, combine(c, def, f[i].ident));
		bool other = cls.n > 1 || strcmp(cls.v[0], def);
		vec_free(&cls);
		if (other)
			return &f[i];
	}
	return NULL;
}

/* One lock class's facts F[0..N): its row, and the names told apart. */
static void link_class(struct ldctx *c, struct fact *f, size_t n)
{
	int cls = f[0].cls;
	pair_inits(f, n);
	strvec all = {0};
	const char *def = default_of(c, f, n, NULL, &all);
	bool moved = tell_apart(c, f, n, def);
	if (moved)
		rename_class(c, cls);
	char *name = class_name(c, cls);
	const struct fact *hidden = def ? hidden_exception(c, f, n, def) : NULL;
	char *note = hidden ? exception_note(c, name, hidden) : NULL;
	bool validate = def ? strcmp(def, "novalidate") != 0 : !has(&all, "novalidate");
	write_row(c, cls, def, validate, def != NULL, note);
	c->st->classes++;
	c->st->split += !def;
	c->st->novalidate += !validate;
	free(note);
	free(name);
	vec_free(&all);
}

void lockdep_classes_link(struct lp_db *db, const struct lp_rules *r, struct lockdep_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!r || !rules_lockdep_count(r))
		return;
	struct ldctx c = { .db = db, .rules = r, .st = st };
	c.func_q = db_prepare(db, "SELECT fn.name, f.path, fn.is_static FROM func fn JOIN file f ON f.id = fn.file_id "
			      "WHERE fn.id = ?");
	c.class_q = db_prepare(db, "SELECT class_id FROM lock_class WHERE key = ?");
	c.place_q = db_prepare(db, "SELECT f.path, s.line FROM site s JOIN file f ON f.id = s.file_id WHERE s.id = ?");
	sqlite3_stmt *q = db_prepare(db, "SELECT coalesce(max(class_id), 0) + 1 FROM lock_class");
	c.next_class = db_step_row(db, q) ? sqlite3_column_int(q, 0) : 1;
	sqlite3_finalize(q);
	load_api_calls(&c);
	for (int depth = 1; depth <= LD_DEPTH && c.pending.n; depth++)
		resolve_pending(&c, depth);
	if (c.facts.n > 1)
		qsort(c.facts.v, c.facts.n, sizeof(*c.facts.v), by_class_name);
	for (size_t i = 0, j; i < c.facts.n; i = j) {
		for (j = i + 1; j < c.facts.n && c.facts.v[j].cls == c.facts.v[i].cls; j++)
			;
		link_class(&c, &c.facts.v[i], j - i);
	}
	db_exec(db, "DROP TABLE IF EXISTS temp.lockdep_ids; DROP TABLE IF EXISTS temp.lockdep_api;");
	sqlite3_finalize(c.func_q);
	sqlite3_finalize(c.class_q);
	sqlite3_finalize(c.place_q);
	vec_free(&c.args);
	vec_free(&c.pending);
	vec_free(&c.facts);
	arena_free(&c.arena);
}
