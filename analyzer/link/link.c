// SPDX-License-Identifier: GPL-2.0-only
/*
 * link.c - call graph and lock classes (see link.h).
 *
 * Direct calls resolve by USR, preferring the caller's own TU (static
 * functions of two files with one base name share a USR), then a header's
 * inline function, then any external definition.  An indirect call through
 * key K reaches every function stored into K, and every function stored
 * into a key whose value flowed into K ('vq->callback = callback' where the
 * parameter got 'arg:find_vqs#3'): the closure is computed once per key.
 * An argument of an indirect call ('arg:virtio_config_ops.find_vqs#3')
 * flows into the same parameter of every function the call reaches
 * ('arg:virtio_ccw.c:virtio_ccw_find_vqs#3'); closures are recomputed until
 * no such flow is new.  A key that still resolves to nothing although
 * something untraceable was stored into it (a parameter, a local, a value
 * whose own key is empty) falls back to the address-taken functions of the
 * call's type ('type:void (struct virtqueue *)'), at most
 * LINK_MAX_TYPE_TARGETS of them: meta 'bytype:KEY' says how many there were.
 * A parameter of a function nothing in the tree calls is no such thing: it
 * holds what callers outside the tree pass, and its key stays empty.
 * Lock classes are a union-find over the lock aliases; lockdep_class.c then
 * applies lockdep's class rules to them.
 */
#include "link/link.h"
#include "lib/keyname.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* place: the owner as a natural key ('TU path', 'header path@hash'), which
 * breaks ties between definitions of one USR the same way whatever the row
 * ids (a merged database numbers rows differently from one extract run). */
struct lfunc { int64_t id, tu, hdr; bool is_static; int next_same_usr; char *qname, *place; };

struct target { int func; int64_t store; };
struct keynode {
	VEC(struct target) direct;     /* functions stored into this key */
	VEC(int) flows;                /* keys whose value was stored into this key */
	VEC(int) types;                /* 'type:...' keys of the calls through this key */
	VEC(struct target) closure;
	int state;                     /* 0 new, 1 computing, 2 done */
	bool capped;
	bool bytype;                   /* closure is the type fallback */
	size_t wide_limit;             /* more candidates than this: a wide dispatch */
	size_t ncand;                  /* candidates seen, kept or not (at least) */
};

struct linker {
	struct lp_db *db;
	struct link_opts opts;
	struct link_stats *st;
	VEC(struct lfunc) funcs;
	struct strmap by_usr;          /* usr -> first index in funcs */
	struct strmap key_index;       /* call key -> index in keys */
	VEC(struct keynode) keys;
	VEC(char *) key_names;
	unsigned *mark;                /* per func: generation stamp for de-duplication */
	unsigned gen;
};

/* ------------------------------------------------------------ functions */

/*
 * A static's key names its file by the last path components
 * (keyname_file()), not by the whole path: two files whose paths end
 * alike, with static functions of one name, give those functions one
 * qualified name, and so one key for their parameters, locals and
 * returns.  The whole s390 tree has none; count them and name the first,
 * so the merge is never silent (the base name hid two keyboard.c files
 * for 29 sessions).
 */
struct static_names {
	struct strmap first;           /* qualified name -> index in files; -1 once counted */
	VEC(char *) files;             /* the file first seen with it */
};

static void note_shared_static(struct linker *l, struct static_names *sn, const char *qname, const char *path)
{
	bool created;
	int64_t *slot = strmap_put(&sn->first, qname, &created);
	if (created) {
		*slot = (int64_t)sn->files.n;
		vec_push(&sn->files, xstrdup(path));
		return;
	}
	if (*slot < 0)
		return;
	const char *first = sn->files.v[*slot];
	if (!strcmp(first, path))
		return;
	if (!l->st->shared_statics++) {   /* the files in name order: extract's order varies with -j */
		bool in_order = strcmp(first, path) < 0;
		snprintf(l->st->shared_example, sizeof(l->st->shared_example), "%s (%s, %s)", qname,
			 in_order ? first : path, in_order ? path : first);
	}
	*slot = -1;   /* counted once per name */
}

static void load_funcs(struct linker *l)
{
	struct static_names sn = {0};
	sqlite3_stmt *q = db_prepare(l->db, "SELECT f.id, f.usr, f.tu_id, f.hdr_id, f.is_static, f.name, p.path, "
				     "coalesce(tp.path, hp.path || '@' || h.hash) "
				     "FROM func f JOIN file p ON p.id = f.file_id "
				     "LEFT JOIN tu t ON t.id = f.tu_id LEFT JOIN file tp ON tp.id = t.file_id "
				     "LEFT JOIN hdr h ON h.id = f.hdr_id LEFT JOIN file hp ON hp.id = h.file_id "
				     "ORDER BY f.id");
	while (db_step_row(l->db, q)) {
		struct lfunc f = { sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 2),
				   sqlite3_column_int64(q, 3), sqlite3_column_int(q, 4) != 0, -1, NULL };
		/* the name extract gives it in keys: 'file.c:name' when static (keys.c) */
		f.qname = keyname_qualify(db_col_text(q, 6), db_col_text(q, 5), f.is_static);
		if (f.is_static)
			note_shared_static(l, &sn, f.qname, db_col_text(q, 6));
		f.place = xstrdup(db_col_text(q, 7) ? db_col_text(q, 7) : "");
		bool created;
		int64_t *slot = strmap_put(&l->by_usr, db_col_text(q, 1), &created);
		if (!created)
			f.next_same_usr = (int)*slot;
		*slot = (int64_t)l->funcs.n;
		vec_push(&l->funcs, f);
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < sn.files.n; i++)
		free(sn.files.v[i]);
	vec_free(&sn.files);
	strmap_free(&sn.first);
	l->mark = xcalloc(l->funcs.n + 1, sizeof(*l->mark));
	l->st->funcs = l->funcs.n;
}

/* F is a better pick than the best so far, BEST (-1: none), by place. */
static bool before(const struct linker *l, int f, int best)
{
	return best < 0 || strcmp(l->funcs.v[f].place, l->funcs.v[best].place) < 0;
}

/* Index in funcs of the definition of USR as seen from TU/HDR, or -1.  Of
 * several candidates of one kind (header versions other than HDR, external
 * definitions in several TUs: arch/s390/boot/string.c and lib/string.c both
 * define strncmp) the first by place wins, not the first by row id. */
static int resolve_usr(struct linker *l, const char *usr, int64_t tu, int64_t hdr)
{
	int64_t *slot = strmap_get(&l->by_usr, usr);
	if (!slot)
		return -1;
	int in_header = -1, external = -1;
	for (int i = (int)*slot; i >= 0; i = l->funcs.v[i].next_same_usr) {
		const struct lfunc *f = &l->funcs.v[i];
		if (tu && f->tu == tu)
			return i;
		if (f->hdr && hdr && f->hdr == hdr)
			in_header = i;
		else if (f->hdr && (in_header < 0 || l->funcs.v[in_header].hdr != hdr) && before(l, i, in_header))
			in_header = i;
		if (!f->is_static && f->tu && before(l, i, external))
			external = i;
	}
	return in_header >= 0 ? in_header : external;
}

/* ------------------------------------------------------------ call keys */

static int key_of(struct linker *l, const char *name)
{
	bool created;
	int id = strmap_id(&l->key_index, name, &created);
	if (created) {
		struct keynode k = {0};
		vec_push(&l->keys, k);
		vec_push(&l->key_names, xstrdup(name));
	}
	return id;
}

/* Every store of a function becomes a direct target of its key; the stores
 * that are arguments of a call are also written to store_target, which
 * check uses to bind the callee's parameter on paths through that call. */
static void load_stores(struct linker *l)
{
	/* In the order of their places, not of their row ids: which store of a
	 * function a key keeps, and which targets a capped key keeps, must not
	 * depend on the order the TUs were written in (a merged database). */
	sqlite3_stmt *q = db_prepare(l->db, "SELECT s.id, s.tu_id, s.hdr_id, s.key, s.src_usr, s.src_key, s.site_id "
				     "FROM fnstore s JOIN file p ON p.id = s.file_id "
				     "LEFT JOIN tu t ON t.id = s.tu_id LEFT JOIN file tp ON tp.id = t.file_id "
				     "LEFT JOIN hdr h ON h.id = s.hdr_id LEFT JOIN file hp ON hp.id = h.file_id "
				     "ORDER BY p.path, s.line, s.col, s.key, coalesce(tp.path, hp.path || '@' || h.hash), "
				     "s.src_usr, s.src_key, s.idx, s.obj_key, s.id");
	sqlite3_stmt *ins = db_prepare(l->db, "INSERT INTO store_target(store_id, func_id) VALUES (?,?)");
	while (db_step_row(l->db, q)) {
		int k = key_of(l, db_col_text(q, 3));
		if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
			int f = resolve_usr(l, db_col_text(q, 4), sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2));
			if (f >= 0)
				vec_push(&l->keys.v[k].direct, ((struct target){ f, sqlite3_column_int64(q, 0) }));
			if (f >= 0 && sqlite3_column_type(q, 6) != SQLITE_NULL) {
				db_bind_int(ins, 1, sqlite3_column_int64(q, 0));
				db_bind_int(ins, 2, l->funcs.v[f].id);
				db_step_done(l->db, ins);
			}
		} else if (sqlite3_column_type(q, 5) != SQLITE_NULL) {
			const char *src_name = db_col_text(q, 5);
			int src = key_of(l, src_name);
			if (src == k)
				continue;
			if (keyname_is_type(src_name))
				vec_push(&l->keys.v[k].types, src);
			else
				vec_push(&l->keys.v[k].flows, src);
		}
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
	l->st->keys = l->keys.n;
}

static void closure_add(struct linker *l, struct keynode *k, struct target t)
{
	if (l->mark[t.func] == l->gen)
		return;
	l->mark[t.func] = l->gen;
	k->ncand++;
	if (k->closure.n >= LINK_MAX_TARGETS) {
		k->capped = true;
		return;
	}
	vec_push(&k->closure, t);
}

/* Targets of key I: depth-first over flows; a cycle contributes what is known so far. */
static void close_key(struct linker *l, int i)
{
	if (l->keys.v[i].state)
		return;
	l->keys.v[i].state = 1;
	for (size_t j = 0; j < l->keys.v[i].flows.n; j++)
		close_key(l, l->keys.v[i].flows.v[j]);
	struct keynode *k = &l->keys.v[i];    /* no pushes to l->keys below */
	l->gen++;
	for (size_t j = 0; j < k->direct.n; j++)
		closure_add(l, k, k->direct.v[j]);
	for (size_t j = 0; j < k->flows.n; j++) {
		struct keynode *src = &l->keys.v[k->flows.v[j]];
		for (size_t t = 0; t < src->closure.n; t++)
			closure_add(l, k, src->closure.v[t]);
		if (src->capped) {   /* what the source could not keep counts too: "at least" */
			k->capped = true;
			k->ncand += src->ncand - src->closure.n;
		}
	}
	k->state = 2;
	/* a 'type:' key is only ever used through the by-type fallback, which
	 * takes LINK_MAX_TYPE_TARGETS and says so itself: its own cap is no limit */
	if (k->capped && !keyname_is_type(l->key_names.v[i]))
		l->st->capped_keys++;
}

static void close_all(struct linker *l)
{
	for (size_t i = 0; i < l->keys.n; i++) {
		l->keys.v[i].state = 0;
		l->keys.v[i].closure.n = 0;
		l->keys.v[i].capped = false;
		l->keys.v[i].ncand = 0;
	}
	l->st->capped_keys = 0;
	for (size_t i = 0; i < l->keys.n; i++)
		close_key(l, (int)i);
}

static bool has_flow(const struct keynode *k, int src)
{
	for (size_t i = 0; i < k->flows.n; i++)
		if (k->flows.v[i] == src)
			return true;
	return false;
}

/* 'arg:K#N' where K is a call key that reaches F: the value flows into
 * 'arg:F#N'.  Returns the number of flows added. */
static size_t add_arg_flows(struct linker *l)
{
	VEC(int) pairs = {0};   /* (to, from) */
	struct strbuf sb = {0};
	for (size_t i = 0; i < l->keys.n; i++) {
		struct keyname_arg arg;
		if (!keyname_parse_arg(l->key_names.v[i], &arg))
			continue;
		sb_reset(&sb);
		sb_addn(&sb, arg.func, arg.func_len);
		int64_t *callee = strmap_get(&l->key_index, sb_str(&sb));
		if (!callee)
			continue;
		const struct keynode *ck = &l->keys.v[*callee];
		for (size_t t = 0; t < ck->closure.n; t++) {
			char *to = xasprintf("arg:%s#%d", l->funcs.v[ck->closure.v[t].func].qname, arg.n);
			int64_t *slot = strmap_get(&l->key_index, to);
			if (slot && (size_t)*slot != i && !has_flow(&l->keys.v[*slot], (int)i)) {
				vec_push(&pairs, (int)*slot);
				vec_push(&pairs, (int)i);
			}
			free(to);
		}
	}
	for (size_t p = 0; p + 1 < pairs.n; p += 2)
		if (!has_flow(&l->keys.v[pairs.v[p]], pairs.v[p + 1]))
			vec_push(&l->keys.v[pairs.v[p]].flows, pairs.v[p + 1]);
	size_t n = pairs.n / 2;
	vec_free(&pairs);
	sb_free(&sb);
	return n;
}

/* The functions the tree calls, by qualified name: at a direct call, or
 * through a call key (one with a call's type) whose closure holds them. */
static void mark_called(struct linker *l, struct strmap *called)
{
	sqlite3_stmt *q = db_prepare(l->db, "SELECT DISTINCT callee_usr FROM site "
				     "WHERE kind = ? AND callee_usr IS NOT NULL");
	db_bind_int(q, 1, SITE_CALL);
	while (db_step_row(l->db, q)) {
		int64_t *slot = strmap_get(&l->by_usr, db_col_text(q, 0));
		for (int i = slot ? (int)*slot : -1; i >= 0; i = l->funcs.v[i].next_same_usr)
			*strmap_put(called, l->funcs.v[i].qname, NULL) = 1;
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < l->keys.n; i++)
		for (size_t t = 0; l->keys.v[i].types.n && t < l->keys.v[i].closure.n; t++)
			*strmap_put(called, l->funcs.v[l->keys.v[i].closure.v[t].func].qname, NULL) = 1;
}

/* K is 'arg:F#N' of a function F the tree defines and never calls, and
 * nothing flowed into it: what F's parameter holds comes from outside the
 * tree (input_setup_polling()'s poll_fn, for drivers built elsewhere). */
static bool unpassed(const struct linker *l, const struct strmap *called, const struct strmap *defined, int k)
{
	struct keyname_arg arg;
	if (l->keys.v[k].direct.n || l->keys.v[k].flows.n || !keyname_parse_arg(l->key_names.v[k], &arg))
		return false;
	char *fn = xstrndup(arg.func, arg.func_len);
	bool out = strmap_get(defined, fn) && !strmap_get(called, fn);
	free(fn);
	return out;
}

/* Something was stored into K that the closure could not follow: a value
 * of a parameter, a local, a call's result, or one that flowed in from a
 * key like that.  A parameter nothing in the tree passes holds no such
 * value: the tree's functions of the call's type are no better a guess
 * for it than none. */
static bool untraceable(const struct linker *l, const struct strmap *called, const struct strmap *defined, int k)
{
	enum keyname_kind kind = keyname_kind(l->key_names.v[k]);
	if (kind == KEYNAME_CALL_PARAM && unpassed(l, called, defined, k))
		return false;
	for (size_t i = 0; i < l->keys.v[k].flows.n; i++)
		if (!unpassed(l, called, defined, l->keys.v[k].flows.v[i]))
			return true;
	return kind == KEYNAME_CALL_PARAM || kind == KEYNAME_LOCAL || kind == KEYNAME_RET;
}

/* Keys still empty: the address-taken functions of the call's type. */
static void type_fallback(struct linker *l)
{
	size_t cap = l->opts.max_type_targets;
	struct strmap called = {0}, defined = {0};
	mark_called(l, &called);
	for (size_t i = 0; i < l->funcs.n; i++)
		*strmap_put(&defined, l->funcs.v[i].qname, NULL) = 1;
	for (size_t i = 0; i < l->keys.n; i++) {
		struct keynode *k = &l->keys.v[i];
		if (k->closure.n || !k->types.n || !untraceable(l, &called, &defined, (int)i))
			continue;
		l->gen++;
		for (size_t j = 0; j < k->types.n; j++) {
			struct keynode *tk = &l->keys.v[k->types.v[j]];
			for (size_t t = 0; t < tk->direct.n; t++) {
				struct target tg = tk->direct.v[t];
				if (l->mark[tg.func] == l->gen)
					continue;
				l->mark[tg.func] = l->gen;
				k->ncand++;
				if (k->closure.n < cap)
					vec_push(&k->closure, tg);
			}
		}
		if (k->ncand > (cap > LINK_MAX_TYPE_TARGETS ? cap : LINK_MAX_TYPE_TARGETS)) {
			/* a guess among more candidates than that is no path (a
			 * tracepoint iterator's probe, cast from void *: dozens) */
			k->closure.n = 0;
			l->st->bytype_wide_keys++;
			char *mk = xasprintf("bytype:%s", l->key_names.v[i]);
			char *mv = xasprintf("%zu 0", k->ncand);
			db_meta_set(l->db, mk, mv);
			free(mk);
			free(mv);
			continue;
		}
		if (!k->closure.n)
			continue;
		k->bytype = true;
		l->st->bytype_keys++;
		char *mk = xasprintf("bytype:%s", l->key_names.v[i]);
		char *mv = xasprintf("%zu %zu", k->ncand, k->closure.n);
		db_meta_set(l->db, mk, mv);
		free(mk);
		free(mv);
	}
	strmap_free(&called);
	strmap_free(&defined);
}

static void resolve_keys(struct linker *l)
{
	close_all(l);
	for (int round = 0; round < 16; round++) {
		size_t n = add_arg_flows(l);
		if (!n)
			break;
		l->st->arg_flows += n;
		close_all(l);
	}
	type_fallback(l);
}

static void write_key_targets(struct linker *l)
{
	sqlite3_stmt *ins = db_prepare(l->db, "INSERT INTO key_target(key, func_id, store_id) VALUES (?,?,?)");
	resolve_keys(l);
	for (size_t i = 0; i < l->keys.n; i++) {
		if (l->keys.v[i].capped && !keyname_is_type(l->key_names.v[i])) {   /* meta 'limit:key:KEY' */
			char *k = xasprintf("limit:key:%s", l->key_names.v[i]), *n = xasprintf("%zu", l->keys.v[i].ncand);
			db_meta_set(l->db, k, n);
			free(k);
			free(n);
		}
		for (size_t t = 0; t < l->keys.v[i].closure.n; t++) {
			struct target tg = l->keys.v[i].closure.v[t];
			db_bind_text(ins, 1, l->key_names.v[i]);
			db_bind_int(ins, 2, l->funcs.v[tg.func].id);
			db_bind_int(ins, 3, tg.store);
			db_step_done(l->db, ins);
		}
	}
	sqlite3_finalize(ins);
}

/* ------------------------------------------------------------ call edges */

/* A key whose stores reach more than l->opts.wide functions (see link.h). */
static bool key_is_wide(const struct keynode *k)
{
	return !k->bytype && k->ncand > k->wide_limit;
}

/* Record every wide key with its candidate count (meta 'wide:KEY'), for the
 * summary and the report. */
static void note_wide_keys(struct linker *l)
{
	for (size_t i = 0; i < l->keys.n; i++) {
		struct keynode *k = &l->keys.v[i];
		k->wide_limit = l->opts.wide;
		if (keyname_is_type(l->key_names.v[i]) || !key_is_wide(k))
			continue;
		l->st->wide_keys++;
		char *mk = xasprintf("wide:%s", l->key_names.v[i]), *mv = xasprintf("%zu", k->ncand);
		db_meta_set(l->db, mk, mv);
		free(mk);
		free(mv);
	}
}

static void link_calls(struct linker *l)
{
	sqlite3_stmt *q = db_prepare(l->db,
		"SELECT s.id, s.callee_usr, s.ind_key, f.tu_id, f.hdr_id FROM site s "
		"JOIN func f ON f.id = s.func_id WHERE s.kind = ? ORDER BY s.id");
	db_bind_int(q, 1, SITE_CALL);
	sqlite3_stmt *ins = db_prepare(l->db, "INSERT INTO call_edge(site_id, callee, store_id) VALUES (?,?,?)");
	while (db_step_row(l->db, q)) {
		int64_t site = sqlite3_column_int64(q, 0);
		if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
			int f = resolve_usr(l, db_col_text(q, 1), sqlite3_column_int64(q, 3), sqlite3_column_int64(q, 4));
			if (f < 0) {
				l->st->unresolved_direct++;   /* no body in the tree: a leaf */
				continue;
			}
			db_bind_int(ins, 1, site);
			db_bind_int(ins, 2, l->funcs.v[f].id);
			sqlite3_bind_null(ins, 3);
			db_step_done(l->db, ins);
			l->st->direct_edges++;
			continue;
		}
		if (chains_is_key(l->opts.rules, db_col_text(q, 2))) {
			l->st->chains.key_sites++;   /* resolved at the chain's call API (chains.c) */
			continue;
		}
		int64_t *k = strmap_get(&l->key_index, db_col_text(q, 2));
		if (!k || !l->keys.v[*k].closure.n) {
			l->st->unresolved_indirect++;
			continue;
		}
		const struct keynode *kn = &l->keys.v[*k];
		if (key_is_wide(kn)) {
			l->st->wide_sites++;   /* not a call edge (link.h); check may still bind it */
			continue;
		}
		for (size_t t = 0; t < kn->closure.n; t++) {
			db_bind_int(ins, 1, site);
			db_bind_int(ins, 2, l->funcs.v[kn->closure.v[t].func].id);
			db_bind_int(ins, 3, kn->closure.v[t].store);
			db_step_done(l->db, ins);
			l->st->indirect_edges++;
		}
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
}

static int64_t chain_resolve(void *ctx, const char *usr, int64_t tu, int64_t hdr)
{
	struct linker *l = ctx;
	int f = resolve_usr(l, usr, tu, hdr);
	return f < 0 ? -1 : l->funcs.v[f].id;
}

/* ------------------------------------------------------------ lock classes */

struct uf { VEC(int) parent; VEC(char *) name; struct strmap index; };

static int uf_key(struct uf *u, const char *key)
{
	bool created;
	int64_t *slot = strmap_put(&u->index, key, &created);
	if (created) {
		int self = (int)u->parent.n;
		*slot = self;
		vec_push(&u->parent, self);
		vec_push(&u->name, xstrdup(key));
	}
	return (int)*slot;
}

static int uf_find(struct uf *u, int i)
{
	while (u->parent.v[i] != i) {
		u->parent.v[i] = u->parent.v[u->parent.v[i]];
		i = u->parent.v[i];
	}
	return i;
}

/* A parameter's key names a different lock in every call: never unite it. */
static bool function_relative(const char *key)
{
	return keyname_kind(key) == KEYNAME_LOCK_PARAM || keyname_kind(key) == KEYNAME_UNKNOWN;
}

/* Lower is a better class name: an object over a pointer, a short name. */
int link_class_name_rank(const char *k)
{
	int r = 0;
	if (keyname_kind(k) == KEYNAME_RET || keyname_kind(k) == KEYNAME_LOCAL)
		r += 2000;
	if (k[0] == '*')
		r += 1000;
	return r + (int)strlen(k);
}

static void link_locks(struct linker *l)
{
	struct uf u = {0};
	sqlite3_stmt *q = db_prepare(l->db,
		"SELECT lock_key FROM site WHERE lock_key IS NOT NULL UNION SELECT lock_key FROM site_lock "
		"UNION SELECT lock_key FROM site_arg WHERE lock_key IS NOT NULL UNION SELECT lhs_key FROM lockalias "
		"UNION SELECT rhs_key FROM lockalias");
	while (db_step_row(l->db, q))
		if (!function_relative(db_col_text(q, 0)))
			uf_key(&u, db_col_text(q, 0));
	sqlite3_finalize(q);
	q = db_prepare(l->db, "SELECT lhs_key, rhs_key FROM lockalias");
	while (db_step_row(l->db, q)) {
		const char *a = db_col_text(q, 0), *b = db_col_text(q, 1);
		if (function_relative(a) || function_relative(b))
			continue;
		int ra = uf_find(&u, uf_key(&u, a)), rb = uf_find(&u, uf_key(&u, b));
		if (ra == rb)
			continue;
		/* the better-named root wins, so the class is named by its root */
		if (link_class_name_rank(u.name.v[rb]) < link_class_name_rank(u.name.v[ra]) ||
		    (link_class_name_rank(u.name.v[rb]) == link_class_name_rank(u.name.v[ra]) && strcmp(u.name.v[rb], u.name.v[ra]) < 0))
			u.parent.v[ra] = rb;
		else
			u.parent.v[rb] = ra;
		l->st->aliases++;
	}
	sqlite3_finalize(q);
	sqlite3_stmt *ins = db_prepare(l->db, "INSERT INTO lock_class(key, class_id, name) VALUES (?,?,?)");
	for (size_t i = 0; i < u.parent.n; i++) {
		int root = uf_find(&u, (int)i);
		if (root == (int)i)
			l->st->classes++;
		db_bind_text(ins, 1, u.name.v[i]);
		db_bind_int(ins, 2, root + 1);
		db_bind_text(ins, 3, u.name.v[root]);
		db_step_done(l->db, ins);
	}
	sqlite3_finalize(ins);
	for (size_t i = 0; i < u.name.n; i++)
		free(u.name.v[i]);
	vec_free(&u.name);
	vec_free(&u.parent);
	strmap_free(&u.index);
}

/* ------------------------------------------------------------ entry */

static void linker_free(struct linker *l)
{
	for (size_t i = 0; i < l->keys.n; i++) {
		vec_free(&l->keys.v[i].direct);
		vec_free(&l->keys.v[i].flows);
		vec_free(&l->keys.v[i].types);
		vec_free(&l->keys.v[i].closure);
		free(l->key_names.v[i]);
	}
	vec_free(&l->keys);
	vec_free(&l->key_names);
	for (size_t i = 0; i < l->funcs.n; i++) {
		free(l->funcs.v[i].qname);
		free(l->funcs.v[i].place);
	}
	vec_free(&l->funcs);
	strmap_free(&l->by_usr);
	strmap_free(&l->key_index);
	free(l->mark);
}

int link_run(struct lp_db *db, const struct link_opts *opts, struct link_stats *st)
{
	double t0 = now_ms();
	memset(st, 0, sizeof(*st));
	struct linker l = { .db = db, .opts = *opts, .st = st };
	if (!l.opts.wide)
		l.opts.wide = LINK_WIDE_TARGETS;
	if (!l.opts.max_type_targets)
		l.opts.max_type_targets = LINK_MAX_TYPE_TARGETS;
	assert(l.opts.max_type_targets <= LINK_MAX_TARGETS);
	db_begin(db);
	db_exec(db, "DELETE FROM call_edge; DELETE FROM key_target; DELETE FROM store_target; "
		"DELETE FROM lock_class; DELETE FROM lockdep_class; "
		"DELETE FROM meta WHERE key LIKE 'limit:key:%' OR key LIKE 'bytype:%' OR key LIKE 'wide:%';");
	load_funcs(&l);
	load_stores(&l);
	write_key_targets(&l);
	note_wide_keys(&l);
	link_calls(&l);
	struct chain_resolver res = { chain_resolve, &l };
	struct chain_stats cs;
	chains_link(db, l.opts.rules, &res, &cs);
	cs.key_sites = st->chains.key_sites;
	st->chains = cs;
	st->indirect_edges += cs.edges;
	link_locks(&l);
	lockdep_classes_link(db, l.opts.rules, &st->lockdep);
	db_meta_set(db, "linked", "1");
	db_commit(db);
	linker_free(&l);
	st->ms = now_ms() - t0;
	return db_failed(db) ? -1 : 0;
}
