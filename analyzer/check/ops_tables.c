// SPDX-License-Identifier: GPL-2.0-only
/*
 * ops_tables.c - one object, one ops table (see ops_tables.h).
 *
 * An ops structure with several implementations (blk_mq_ops: virtio-blk's,
 * nvme's, nbd's, ...; fuse_iqueue_ops: /dev/fuse's and virtio-fs's) is one
 * call key per member, so 'hctx->queue->mq_ops->queue_rq(...)' reaches
 * every implementation.  But an object has one table, and a path that came
 * through an implementation's code works on that implementation's objects:
 * virtblk_done's requests are virtio-blk's.  So a path that enters a file
 * defining a table of ops structure S (a global initialised with S's
 * members) is bound to that file for S: calls through S's members further
 * on reach only the functions of that file's tables.  The first such file
 * on the path wins: the driver's code comes before the core's that it
 * calls.  A table is what a file defines; a path that entered no file with
 * a table of S resolves S as before.
 */
#include "check/ops_tables.h"
#include "check/engine_int.h"
#include "check/reach.h"
#include "lib/keyname.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How many calls below a function its ops bindings are kept for (compute_reach). */
#define OPS_REACH_DEPTH 4
/* ... and the bindings an object the path passed made (member_owners.h):
 * as far as a path forwards an object (embedded.c, OBJ_FORWARD_DEPTH). */
#define OPS_OWNER_REACH_DEPTH 8

struct ops_store { int64_t store; int table; };
struct ops_table { int ops; int64_t unit, file; };
struct file_unit { int64_t file, unit; };

struct ops_index {
	struct strmap ops_names;            /* ops struct name -> ops id (strmap_id) */
	int *bit_of;                        /* ops id -> bit in the reach sets, or -1 (no call site) */
	int nwords;                         /* words per reach set */
	uint64_t *reach;                    /* per function: the ops called near below it */
	struct strmap table_names;          /* table key -> index in tables */
	VEC(struct ops_table) tables;
	VEC(struct ops_store) stores;       /* sorted by store */
	VEC(struct ops_table) file_ops;     /* (ops, unit) pairs, sorted by unit then ops */
	VEC(struct ops_table) own_ops;      /* (ops, file) pairs in .unit, sorted by file then ops */
	VEC(struct file_unit) units;        /* a TU's main file -> its module, sorted by file */
	VEC(char *) module_names;           /* module unit -1 - i -> its name */
	bool *deep;                         /* ops id -> bound for the whole path (rules' ops-bind) */
	bool *far;                          /* ops id -> an object's owner may bind it (ops_mark_owner) */
	int *far_bit_of;                    /* ops id -> bit in far_reach, or -1 */
	int far_nwords;
	uint64_t *far_reach;                /* per function: the far ops called up to 8 calls below */
};

/* 'blk_mq_ops' of key 'blk_mq_ops.queue_rq'; NULL for keys that name no member. */
static char *ops_of_key(const char *key)
{
	if (!key || strchr(key, ':') || strchr(key, '#'))
		return NULL;
	const char *dot = strchr(key, '.');
	if (!dot || dot == key || strchr(dot + 1, '.'))
		return NULL;
	return strndup(key, (size_t)(dot - key));
}

static int by_store(const void *a, const void *b)
{
	const struct ops_store *x = a, *y = b;
	return (x->store > y->store) - (x->store < y->store);
}

static int ops_id(struct ops_index *o, const char *name)
{
	return strmap_id(&o->ops_names, name, NULL);
}

static int by_file_ops(const void *a, const void *b)
{
	const struct ops_table *x = a, *y = b;
	if (x->unit != y->unit)
		return (x->unit > y->unit) - (x->unit < y->unit);
	return x->ops - y->ops;
}

/* The module named by a TU's '-DKBUILD_MODNAME=...' (Kbuild passes it to
 * every object of a module, and to each built-in composite object's parts),
 * into OUT without quotes; false when ARGS has none. */
static bool modname_of(const char *args, char *out, size_t size)
{
	static const char opt[] = "-DKBUILD_MODNAME=";
	const char *p = strstr(args, opt);
	if (!p)
		return false;
	size_t n = 0;
	for (p += sizeof(opt) - 1; *p && *p != '\n' && *p != ' ' && n + 1 < size; p++)
		if (*p != '"' && *p != '\'' && *p != '\\')
			out[n++] = *p;
	out[n] = '\0';
	return n > 0;
}

static int by_file(const void *a, const void *b)
{
	const struct file_unit *x = a, *y = b;
	return (x->file > y->file) - (x->file < y->file);
}

/*
 * Implementation units: the files of one module are one implementation
 * (virtio_pci's interrupt handler is in virtio_pci_common.c, its config
 * tables in virtio_pci_legacy.c and virtio_pci_modern.c).  A module is its
 * name in its directory (a built-in object's KBUILD_MODNAME is its base
 * name, and drivers/a/core.c is no part of drivers/b/core.c), a negative
 * unit id; a file of no module (a header, a TU built without Kbuild) is its
 * own unit, its file id.
 */
static void load_units(struct engine *e, struct ops_index *o)
{
	struct strmap modules = {0};
	int64_t next = 0;
	/* modules numbered in the order of their files' paths, not of row ids
	 * (which follow the order TUs were written in: -j, merged shards) */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT t.file_id, t.args, f.path FROM tu t JOIN file f ON f.id = t.file_id "
				     "ORDER BY f.path, t.file_id");
	struct strbuf key = {0};
	while (db_step_row(e->db, q)) {
		char mod[256];
		if (!modname_of(db_col_text(q, 1), mod, sizeof(mod)))
			continue;
		const char *path = db_col_text(q, 2), *slash = strrchr(path, '/');
		sb_reset(&key);
		sb_addf(&key, "%.*s/%s", slash ? (int)(slash - path) : 0, path, mod);
		bool created;
		int64_t *slot = strmap_put(&modules, sb_str(&key), &created);
		if (created) {
			*slot = --next;
			vec_push(&o->module_names, xstrdup(mod));
		}
		vec_push(&o->units, ((struct file_unit){ sqlite3_column_int64(q, 0), *slot }));
	}
	sqlite3_finalize(q);
	sb_free(&key);
	strmap_free(&modules);
	if (o->units.n > 1)
		qsort(o->units.v, o->units.n, sizeof(*o->units.v), by_file);
}

/* The implementation unit of FILE (load_units). */
static int64_t unit_of(const struct ops_index *o, int64_t file)
{
	size_t i = lower_bound_i64(o->units.v, o->units.n, sizeof(*o->units.v), offsetof(struct file_unit, file), file);
	return i < o->units.n && o->units.v[i].file == file ? o->units.v[i].unit : file;
}

/* Which ops structures the rules bind for a whole path ('ops-bind'). */
static void load_deep(struct engine *e, struct ops_index *o)
{
	o->deep = xcalloc(o->ops_names.n + 1, sizeof(bool));
	for (size_t i = 0; i < rules_ops_bind_count(e->rules); i++) {
		int64_t *id = strmap_get(&o->ops_names, rules_ops_bind(e->rules, i));
		if (id)
			o->deep[*id] = true;
	}
}

/* Sort (ops, unit) pairs by unit then ops, and keep one of each. */
static void unique_pairs(struct ops_table **v, size_t *n)
{
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), by_file_ops);
	size_t w = 0;
	for (size_t i = 0; i < *n; i++)
		if (!w || by_file_ops(&(*v)[w - 1], &(*v)[i]))
			(*v)[w++] = (*v)[i];
	*n = w;
}

/* Every global initialiser's member stores: the tables, their files. */
static void load_tables(struct engine *e, struct ops_index *o)
{
	/* in the order of their places: an ops structure's id, and so the order
	 * a function's bindings are made in, must not depend on row ids */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT s.id, s.key, s.obj_key, s.file_id FROM fnstore s "
				     "JOIN file p ON p.id = s.file_id "
				     "WHERE s.func_id IS NULL AND s.obj_key IS NOT NULL AND s.src_usr IS NOT NULL "
				     "ORDER BY p.path, s.line, s.col, s.key, s.obj_key, s.src_usr, s.idx, s.id");
	while (db_step_row(e->db, q)) {
		const char *tkey = db_col_text(q, 2);
		char *ops = ops_of_key(db_col_text(q, 1));
		if (!ops || !keyname_is_global(tkey)) {
			free(ops);
			continue;
		}
		int id = ops_id(o, ops);
		free(ops);
		bool created;
		int64_t *slot = strmap_put(&o->table_names, tkey, &created);
		if (created) {
			*slot = (int64_t)o->tables.n;
			int64_t file = sqlite3_column_int64(q, 3);
			vec_push(&o->tables, ((struct ops_table){ id, unit_of(o, file), file }));
			vec_push(&o->file_ops, o->tables.v[o->tables.n - 1]);
			vec_push(&o->own_ops, ((struct ops_table){ id, file, file }));
		}
		vec_push(&o->stores, ((struct ops_store){ sqlite3_column_int64(q, 0), (int)*slot }));
	}
	sqlite3_finalize(q);
	if (o->stores.n > 1)
		qsort(o->stores.v, o->stores.n, sizeof(*o->stores.v), by_store);
	unique_pairs(&o->file_ops.v, &o->file_ops.n);
	unique_pairs(&o->own_ops.v, &o->own_ops.n);
}

/* The first of the N (ops, unit) PAIRS, sorted by unit, whose unit is UNIT, or N. */
static size_t first_pair_of(const struct ops_table *pairs, size_t n, int64_t unit)
{
	return lower_bound_i64(pairs, n, sizeof(*pairs), offsetof(struct ops_table, unit), unit);
}

/* The first (ops, unit) pair of UNIT, or file_ops.n. */
static size_t first_of_unit(const struct ops_index *o, int64_t unit)
{
	return first_pair_of(o->file_ops.v, o->file_ops.n, unit);
}

static const struct ops_table *table_of_store(const struct ops_index *o, int64_t store)
{
	size_t i = lower_bound_i64(o->stores.v, o->stores.n, sizeof(*o->stores.v),
				   offsetof(struct ops_store, store), store);
	return i < o->stores.n && o->stores.v[i].store == store ? &o->tables.v[o->stores.v[i].table] : NULL;
}

void ops_load(struct engine *e)
{
	struct ops_index *o = xcalloc(1, sizeof(*o));
	load_units(e, o);
	load_tables(e, o);
	load_deep(e, o);
	o->far = xcalloc(o->ops_names.n + 1, sizeof(bool));
	e->ops = o;
	/* per function: the ops structures its unit has tables of */
	for (size_t f = 0; f < e->funcs.n; f++) {
		struct ck_func *fn = &e->funcs.v[f];
		fn->unit = unit_of(o, fn->file);
		size_t i = first_of_unit(o, fn->unit), n = 0;
		while (i + n < o->file_ops.n && o->file_ops.v[i + n].unit == fn->unit)
			n++;
		fn->nimpl = (int)n;
		if (n) {
			fn->impl = arena_alloc(&e->arena, n * sizeof(int));
			for (size_t k = 0; k < n; k++)
				fn->impl[k] = o->file_ops.v[i + k].ops;
		}
	}
}

int ops_site_ops(const struct engine *e, const char *ind_key)
{
	const struct ops_index *o = e->ops;
	char *ops = ops_of_key(ind_key);
	if (!ops)
		return -1;
	int64_t *id = strmap_get((struct strmap *)&o->ops_names, ops);
	free(ops);
	return id ? (int)*id : -1;
}

/* Whether REACH, per function NWORDS words of BIT_OF's bits, says a call
 * through a member of OPS can be made below FUNC. */
static bool reach_has(const struct ops_index *o, const uint64_t *reach, const int *bit_of, int nwords, int func,
		      int ops)
{
	int bit = ops >= 0 && (size_t)ops < o->ops_names.n ? bit_of[ops] : -1;
	if (bit < 0)
		return false;
	const uint64_t *r = &reach[(size_t)func * (size_t)nwords];
	return r[bit / 64] >> (bit % 64) & 1;
}

/* Whether a call through a member of OPS can be made near below FUNC. */
static bool ops_reachable(const struct ops_index *o, int func, int ops)
{
	return !o->reach || reach_has(o, o->reach, o->bit_of, o->nwords, func, ops);
}

/* ... or, for a binding an object's owner made, as far as the object goes. */
static bool ops_reachable_far(const struct ops_index *o, int func, int ops)
{
	if (!o->reach)
		return true;
	return o->far_reach && reach_has(o, o->far_reach, o->far_bit_of, o->far_nwords, func, ops);
}

/* Bind in S the ops structures of the (ops, unit) pairs PAIRS holds for
 * UNIT that calls near below function BELOW can use. */
static void bind_pairs(const struct engine *e, const struct ops_table *pairs, size_t n, struct ck_state *s,
		       int64_t unit, int below)
{
	for (size_t i = first_pair_of(pairs, n, unit); i < n && pairs[i].unit == unit; i++) {
		int ops = pairs[i].ops;
		if (!ops_reachable(e->ops, below, ops))
			continue;
		bool bound = false;
		for (int b = 0; b < s->nimpl && !bound; b++)
			bound = s->impl[b].ops == ops;
		if (!bound && s->nimpl < CK_MAX_IMPL) {
			s->impl[s->nimpl].ops = ops;
			s->impl[s->nimpl].unit = (int)unit;
			s->impl[s->nimpl].owner = 0;
			s->nimpl++;
		}
	}
}

void ops_bind_file(const struct engine *e, struct ck_state *s, int64_t file, int below)
{
	bind_pairs(e, e->ops->own_ops.v, e->ops->own_ops.n, s, file, below);
}

void ops_mark_owner(struct engine *e, int64_t file)
{
	const struct ops_index *o = e->ops;
	const struct ops_table *own = o->own_ops.v;
	for (size_t i = first_pair_of(own, o->own_ops.n, file); i < o->own_ops.n && own[i].unit == file; i++)
		o->far[own[i].ops] = true;
}

void ops_bind_owner(const struct engine *e, struct ck_state *s, int64_t file, int below, int owner)
{
	const struct ops_index *o = e->ops;
	const struct ops_table *own = o->own_ops.v;
	for (size_t i = first_pair_of(own, o->own_ops.n, file); i < o->own_ops.n && own[i].unit == file; i++) {
		int ops = own[i].ops, b = 0;
		if (!ops_reachable_far(o, below, ops))
			continue;
		/* the object in hand decides, not the first file the path entered */
		while (b < s->nimpl && s->impl[b].ops != ops)
			b++;
		if (b == s->nimpl) {
			if (s->nimpl == CK_MAX_IMPL)
				continue;
			s->nimpl++;
		}
		s->impl[b].ops = ops;
		s->impl[b].unit = (int)file;
		s->impl[b].owner = 1 + owner;
	}
}

int ops_binding_owner(const struct ck_state *s, int ops)
{
	for (int b = 0; b < s->nimpl; b++)
		if (s->impl[b].ops == ops)
			return s->impl[b].owner - 1;
	return -1;
}

void ops_enter(const struct engine *e, struct ck_state *next, int callee)
{
	/* a binding nothing below can use only splits the search's states */
	int kept = 0;
	for (int b = 0; b < next->nimpl; b++)
		if (ops_reachable(e->ops, callee, next->impl[b].ops) || e->ops->deep[next->impl[b].ops] ||
		    (next->impl[b].owner && ops_reachable_far(e->ops, callee, next->impl[b].ops)))
			next->impl[kept++] = next->impl[b];
	next->nimpl = kept;
	if (e->funcs.v[callee].nimpl)
		bind_pairs(e, e->ops->file_ops.v, e->ops->file_ops.n, next, e->funcs.v[callee].unit, callee);
}

bool ops_store_table(const struct engine *e, int64_t store, int64_t *file, int *ops)
{
	const struct ops_table *t = table_of_store(e->ops, store);
	if (t) {
		*file = t->file;
		*ops = t->ops;
	}
	return t != NULL;
}

const char *ops_unit_name(struct engine *e, int64_t unit)
{
	if (unit < 0)
		return e->ops->module_names.v[-unit - 1];
	const char *name = NULL;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT path FROM file WHERE id = ?");
	db_bind_int(q, 1, unit);
	if (db_step_row(e->db, q)) {
		const char *path = db_col_text(q, 0), *slash = strrchr(path, '/');
		name = arena_strdup(&e->arena, slash ? slash + 1 : path);
	}
	sqlite3_finalize(q);
	return name;
}

bool ops_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		const struct ck_callee *c)
{
	if (site->ops < 0 || c->store <= 0)
		return true;
	for (int b = 0; b < cur->nimpl; b++) {
		if (cur->impl[b].ops != site->ops)
			continue;
		const struct ops_table *t = table_of_store(e->ops, c->store);
		return t && (t->unit == cur->impl[b].unit || t->file == cur->impl[b].unit);
	}
	return true;
}

const char *ops_restricted_to(struct engine *e, const struct ck_state *cur, const struct ck_site *site)
{
	const struct ops_index *o = e->ops;
	if (site->ops < 0)
		return NULL;
	for (int b = 0; b < cur->nimpl; b++) {
		if (cur->impl[b].ops != site->ops)
			continue;
		int64_t unit = cur->impl[b].unit;
		bool excluded = false;
		for (int c = 0; c < site->ncallees && !excluded; c++) {
			const struct ops_table *t = site->callees[c].store > 0 ? table_of_store(o, site->callees[c].store) : NULL;
			excluded = t && t->unit != unit && t->file != unit;
		}
		return excluded ? ops_unit_name(e, unit) : NULL;
	}
	return NULL;
}

/* OR the ops called directly in F into reach set R (BIT_OF's bits). */
static void own_ops(const struct engine *e, const struct ops_index *o, const int *bit_of, int f, uint64_t *r)
{
	const struct ck_func *fn = &e->funcs.v[f];
	for (int i = 0; i < fn->nsites; i++) {
		const struct ck_site *s = &e->sites.v[fn->sites[i]];
		int bit = !s->no_edge && s->ops >= 0 && (size_t)s->ops < o->ops_names.n ? bit_of[s->ops] : -1;
		if (bit >= 0)
			r[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
}

/*
 * Per function, the ops structures whose members it calls itself or its
 * callees call, up to DEPTH calls below it: one pass per level, each
 * function's set its own calls' plus its successors' sets of the level
 * before.  Bounded, not the whole subtree: a driver's object reaches its
 * own table's functions through a few core calls (virtblk_done ->
 * blk_mq_complete_request -> q->mq_ops->complete), while nearly every
 * function's whole subtree reaches printk's console drivers, sysfs's show
 * methods and a few hundred other ops, and a binding kept for those splits
 * the search's states by every driver file a path went through.
 */
static uint64_t *compute_reach(const struct engine *e, const struct ops_index *o, const int *bit_of, int nwords,
			       const struct callgraph *g, int depth)
{
	size_t nf = e->funcs.n, words = (size_t)nwords;
	uint64_t *cur = xcalloc(nf * words + 1, sizeof(uint64_t)), *prev = xcalloc(nf * words + 1, sizeof(uint64_t));
	for (size_t f = 0; f < nf; f++)
		own_ops(e, o, bit_of, (int)f, &prev[f * words]);
	for (int level = 0; level < depth; level++) {
		memcpy(cur, prev, nf * words * sizeof(uint64_t));
		for (size_t f = 0; f < nf; f++) {
			uint64_t *r = &cur[f * words];
			for (int x = g->first[f]; x < g->first[f + 1]; x++) {
				const uint64_t *rc = &prev[(size_t)g->to[x] * words];
				for (size_t i = 0; i < words; i++)
					r[i] |= rc[i];
			}
		}
		uint64_t *t = prev;
		prev = cur;
		cur = t;
	}
	free(cur);
	return prev;
}

/* Bits in BIT_OF (ops_names.n + 1 ints, -1 for none) for the ops with a
 * call site that KEEP says (all when NULL); returns the words they take. */
static int number_bits(const struct engine *e, const struct ops_index *o, const bool *keep, int *bit_of)
{
	for (size_t i = 0; i <= o->ops_names.n; i++)
		bit_of[i] = -1;
	int nbits = 0;
	for (size_t i = 0; i < e->sites.n; i++) {
		int ops = e->sites.v[i].ops;
		if (ops >= 0 && (size_t)ops < o->ops_names.n && bit_of[ops] < 0 && (!keep || keep[ops]))
			bit_of[ops] = nbits++;
	}
	return nbits / 64 + 1;
}

void ops_reach_load(struct engine *e, const struct callgraph *g)
{
	struct ops_index *o = e->ops;
	o->bit_of = xmalloc((o->ops_names.n + 1) * sizeof(int));
	o->nwords = number_bits(e, o, NULL, o->bit_of);
	o->reach = compute_reach(e, o, o->bit_of, o->nwords, g, OPS_REACH_DEPTH);
	bool any_far = false;
	for (size_t i = 0; i < o->ops_names.n && !any_far; i++)
		any_far = o->far[i];
	if (!any_far)
		return;
	o->far_bit_of = xmalloc((o->ops_names.n + 1) * sizeof(int));
	o->far_nwords = number_bits(e, o, o->far, o->far_bit_of);
	o->far_reach = compute_reach(e, o, o->far_bit_of, o->far_nwords, g, OPS_OWNER_REACH_DEPTH);
}

void ops_free(struct engine *e)
{
	struct ops_index *o = e->ops;
	if (!o)
		return;
	strmap_free(&o->ops_names);
	strmap_free(&o->table_names);
	free(o->bit_of);
	free(o->reach);
	vec_free(&o->file_ops);
	vec_free(&o->own_ops);
	vec_free(&o->units);
	for (size_t i = 0; i < o->module_names.n; i++)
		free(o->module_names.v[i]);
	vec_free(&o->module_names);
	free(o->deep);
	free(o->far);
	free(o->far_bit_of);
	free(o->far_reach);
	vec_free(&o->tables);
	vec_free(&o->stores);
	free(o);
	e->ops = NULL;
}
