/*
 * engine.c - the check engine (see engine.h).
 *
 * A state is one way to be in a function: its context, the lock classes
 * held by the callers, and which lock each lock parameter ('arg#N') is.
 * States are explored breadth-first, entries before roots, so the first
 * time a check fires at a site the path is a shortest one from an entry;
 * each state keeps its parent and the call (and store) that led to it, which
 * is the witness.  The held set at a site is the caller's set minus the
 * locks the function released since entry, plus those it acquired (both
 * recorded by extract as the site's local lock state).
 */
#include "check/engine.h"
#include "check/matrix.h"
#include "lib/keyname.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parameter N of the state's function is FUNC, passed at the call STORE records. */
struct ck_fnbind { int n, func; int64_t store; };

struct ck_state {
	int func, ctx, parent;
	signed char irqs;                 /* at entry: 1 off, -1 on, 0 unknown (a root) */
	int64_t via_site, via_store;
	int nheld, nbind;
	struct ck_held held[CK_MAX_HELD];
	struct { int n, key; } bind[CK_MAX_BIND];
	int nconst;
	struct { int n; long long value; } consts[CK_MAX_BIND];   /* constant arguments */
	int nfnbind;
	struct ck_fnbind fnbind[CK_MAX_BIND];   /* function-pointer arguments */
	int stuck;                        /* 1 + the class this path already re-acquired, or 0 */
	int transport;                    /* 1 + the transport whose code the path went through, or 0 */
};

struct ck_finding {
	const char *rule;
	char *message;
	int state;
	const struct ck_site *site;
	struct ck_held held;
	bool has_held;
	int key;
	bool has_other;                   /* a second path (lock-order, irq-inversion) */
	struct ck_witness other;
};

struct ck_alias { int64_t id; int lhs, rhs; };

struct engine {
	struct lp_db *db;
	const struct lp_rules *rules;
	struct check_stats *st;
	VEC(struct ck_key) keys;
	VEC(char *) class_names;          /* class id - 1 -> name */
	struct strmap key_index;
	VEC(struct ck_func) funcs;        /* sorted by id */
	VEC(struct ck_site) sites;        /* sorted by id */
	VEC(struct ck_alias) aliases;
	VEC(struct ck_state) states;
	struct strmap memo;               /* state signature -> index */
	VEC(struct ck_finding) findings;
	struct strmap reported;           /* rule/site/class -> 1 */
	struct strmap transports;         /* transport name -> index */
	size_t first_root;                /* states from here on start at roots */
	int *order;                       /* function indexes in load_func_order's order */
	int ntransports;
	struct arena arena;
	void *check_data[CHECK_COUNT];
};

/* ------------------------------------------------------------ loading */

static int key_add(struct engine *e, const char *name, int cls)
{
	bool created;
	int64_t *slot = strmap_put(&e->key_index, name, &created);
	if (created) {
		*slot = (int64_t)e->keys.n;
		struct ck_key k = { arena_strdup(&e->arena, name), cls, -1 };
		if (!strncmp(name, "arg#", 4))
			k.argn = atoi(name + 4);
		vec_push(&e->keys, k);
	}
	return (int)*slot;
}

static int key_get(struct engine *e, const char *name)
{
	return name && *name ? key_add(e, name, -1) : -1;
}

static void load_classes(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT key, class_id, name FROM lock_class ORDER BY class_id");
	while (db_step_row(e->db, q)) {
		int cls = sqlite3_column_int(q, 1);
		while ((int)e->class_names.n < cls)
			vec_push(&e->class_names, NULL);
		if (!e->class_names.v[cls - 1])
			e->class_names.v[cls - 1] = arena_strdup(&e->arena, db_col_text(q, 2));
		key_add(e, db_col_text(q, 0), cls);
	}
	sqlite3_finalize(q);
}

static int func_index(const struct engine *e, int64_t id)
{
	size_t lo = 0, hi = e->funcs.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e->funcs.v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < e->funcs.n && e->funcs.v[lo].id == id ? (int)lo : -1;
}

static struct ck_site *site_by_id(struct engine *e, int64_t id)
{
	size_t lo = 0, hi = e->sites.n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (e->sites.v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < e->sites.n && e->sites.v[lo].id == id ? &e->sites.v[lo] : NULL;
}

/* Transports are the files that fill a virtio_config_ops (virtio_ccw.c,
 * virtio_pci_modern.c, ...), named as the matrix names them ('ccw', 'pci').
 * Return the transport index of PATH, adding it when DEFINES is set. */
static int transport_of(struct engine *e, const char *path, bool defines)
{
	char name[64];
	if (!matrix_transport_name(path, name, sizeof(name)))
		return -1;
	bool created = false;
	int64_t *slot = defines ? strmap_put(&e->transports, name, &created) : strmap_get(&e->transports, name);
	if (created)
		*slot = e->ntransports++;
	return slot ? (int)*slot : -1;
}

/*
 * The order functions are seeded and callees followed in: by file path,
 * line, column and name, never by row id.  Ids follow the order in which
 * extract's workers finished their TUs, and a breadth-first search that
 * followed them would pick another shortest path (and fingerprint) from one
 * run to the next, or between a sharded and a whole run.
 */
static void load_func_order(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT fn.id FROM func fn JOIN file f ON f.id = fn.file_id "
				     "ORDER BY f.path, fn.line, fn.col, fn.name, fn.usr, fn.id");
	e->order = arena_alloc(&e->arena, (e->funcs.n + 1) * sizeof(int));
	size_t n = 0;
	while (db_step_row(e->db, q)) {
		int f = func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0 && n < e->funcs.n) {
			e->funcs.v[f].rank = (int)n;
			e->order[n++] = f;
		}
	}
	sqlite3_finalize(q);
	assert(n == e->funcs.n);
}

static void load_funcs_and_sites(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, MATRIX_TRANSPORT_FILES_SQL);
	while (db_step_row(e->db, q))
		transport_of(e, db_col_text(q, 0), true);
	sqlite3_finalize(q);
	q = db_prepare(e->db, "SELECT fn.id, fn.name, fn.annot, f.path, fn.is_static FROM func fn "
			      "LEFT JOIN file f ON f.id = fn.file_id ORDER BY fn.id");
	while (db_step_row(e->db, q)) {
		struct ck_func f = { sqlite3_column_int64(q, 0), arena_strdup(&e->arena, db_col_text(q, 1)) };
		if (sqlite3_column_type(q, 2) != SQLITE_NULL)
			f.annot = arena_strdup(&e->arena, db_col_text(q, 2));
		f.transport = sqlite3_column_type(q, 3) == SQLITE_NULL ? -1 : transport_of(e, db_col_text(q, 3), false);
		char *qname = keyname_qualify(db_col_text(q, 3), f.name, sqlite3_column_int(q, 4) != 0);
		f.qname = arena_strdup(&e->arena, qname);
		free(qname);
		vec_push(&e->funcs, f);
	}
	sqlite3_finalize(q);
	load_func_order(e);
	q = db_prepare(e->db, "SELECT id, func_id, kind, file_id, line, col, lock_key, irq, subclass, irqs_off, "
			      "ltype, is_read, callee_name, ind_index, guard, ind_key FROM site ORDER BY id");
	while (db_step_row(e->db, q)) {
		struct ck_site s = { .id = sqlite3_column_int64(q, 0) };
		s.func = func_index(e, sqlite3_column_int64(q, 1));
		s.kind = sqlite3_column_int(q, 2);
		s.file = sqlite3_column_int64(q, 3);
		s.line = sqlite3_column_int(q, 4);
		s.col = sqlite3_column_int(q, 5);
		s.key = key_get(e, db_col_text(q, 6));
		s.irq = sqlite3_column_int(q, 7);
		s.subclass = sqlite3_column_int(q, 8);
		s.irqs_off = sqlite3_column_int(q, 9);
		s.ltype = sqlite3_column_int(q, 10);
		s.is_read = sqlite3_column_int(q, 11) != 0;
		if (sqlite3_column_type(q, 12) != SQLITE_NULL)
			s.callee_name = arena_strdup(&e->arena, db_col_text(q, 12));
		if (sqlite3_column_type(q, 13) != SQLITE_NULL)
			s.ind_index = arena_strdup(&e->arena, db_col_text(q, 13));
		if (sqlite3_column_type(q, 14) != SQLITE_NULL)
			s.guard = arena_strdup(&e->arena, db_col_text(q, 14));
		s.param_call = -1;
		if (sqlite3_column_type(q, 15) != SQLITE_NULL && s.func >= 0) {
			const char *ind = db_col_text(q, 15);
			keyname_is_param_of(ind, e->funcs.v[s.func].qname, &s.param_call);
			s.deferred = rules_keyentry_find(e->rules, ind) != NULL;
		}
		vec_push(&e->sites, s);
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < e->sites.n; i++)
		e->funcs.v[e->sites.v[i].func].nsites++;
	for (size_t i = 0; i < e->funcs.n; i++) {
		e->funcs.v[i].sites = arena_alloc(&e->arena, (e->funcs.v[i].nsites + 1) * sizeof(int));
		e->funcs.v[i].nsites = 0;
	}
	for (size_t i = 0; i < e->sites.n; i++) {
		struct ck_func *f = &e->funcs.v[e->sites.v[i].func];
		f->sites[f->nsites++] = (int)i;
	}
}

/* Load rows (site_id, ...) grouped by site into per-site arrays. */
static void load_site_locks(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, held, lock_key, acq_site FROM site_lock ORDER BY site_id");
	VEC(struct ck_lockref) buf = {0};
	struct ck_site *cur = NULL;
	for (bool more = db_step_row(e->db, q);; more = db_step_row(e->db, q)) {
		struct ck_site *s = more ? site_by_id(e, sqlite3_column_int64(q, 0)) : NULL;
		if (cur && (!more || s != cur)) {
			cur->locks = arena_alloc(&e->arena, buf.n * sizeof(*buf.v));
			if (buf.n)
				memcpy(cur->locks, buf.v, buf.n * sizeof(*buf.v));
			cur->nlocks = (int)buf.n;
			buf.n = 0;
		}
		if (!more)
			break;
		cur = s;
		if (!s)
			continue;
		struct ck_lockref l = { key_get(e, db_col_text(q, 2)), sqlite3_column_int(q, 1) != 0,
					sqlite3_column_int64(q, 3) };
		const struct ck_site *acq = l.held ? site_by_id(e, l.acq_site) : NULL;
		if (acq) {
			l.ltype = acq->ltype;
			l.is_read = acq->is_read;
		}
		vec_push(&buf, l);
	}
	sqlite3_finalize(q);
	vec_free(&buf);
}

static void load_site_args(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, n, lock_key, value FROM site_arg ORDER BY site_id, n");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = site_by_id(e, sqlite3_column_int64(q, 0));
		if (!s)
			continue;
		void *old = s->args;
		s->args = arena_alloc(&e->arena, (s->nargs + 1) * sizeof(*s->args));
		if (old)
			memcpy(s->args, old, s->nargs * sizeof(*s->args));
		s->args[s->nargs].n = sqlite3_column_int(q, 1);
		s->args[s->nargs].is_const = sqlite3_column_type(q, 2) == SQLITE_NULL;
		s->args[s->nargs].key = s->args[s->nargs].is_const ? -1 : key_get(e, db_col_text(q, 2));
		s->args[s->nargs].value = sqlite3_column_int64(q, 3);
		s->nargs++;
	}
	sqlite3_finalize(q);
}

static const struct engine *rank_engine;   /* for the comparators (qsort has no context) */

/* Callees by their function's rank, then by the store behind the edge. */
static int callee_by_rank(const void *a, const void *b)
{
	const struct ck_callee *x = a, *y = b;
	int ra = rank_engine->funcs.v[x->func].rank, rb = rank_engine->funcs.v[y->func].rank;
	if (ra != rb)
		return (ra > rb) - (ra < rb);
	return (x->store > y->store) - (x->store < y->store);
}

static void load_edges(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT c.site_id, c.callee, c.store_id, st.idx FROM call_edge c "
				     "LEFT JOIN fnstore st ON st.id = c.store_id ORDER BY c.site_id, c.rowid");
	VEC(struct ck_callee) buf = {0};
	struct ck_site *cur = NULL;
	for (bool more = db_step_row(e->db, q);; more = db_step_row(e->db, q)) {
		struct ck_site *s = more ? site_by_id(e, sqlite3_column_int64(q, 0)) : NULL;
		if (cur && (!more || s != cur)) {
			cur->callees = arena_alloc(&e->arena, buf.n * sizeof(*buf.v));
			if (buf.n)
				memcpy(cur->callees, buf.v, buf.n * sizeof(*buf.v));
			cur->ncallees = (int)buf.n;
			rank_engine = e;   /* followed in the stable order, not link's */
			if (buf.n > 1)
				qsort(cur->callees, buf.n, sizeof(*buf.v), callee_by_rank);
			buf.n = 0;
		}
		if (!more)
			break;
		cur = s;
		int f = func_index(e, sqlite3_column_int64(q, 1));
		if (s && f >= 0) {
			const char *idx = sqlite3_column_type(q, 3) == SQLITE_NULL ? NULL
					  : arena_strdup(&e->arena, db_col_text(q, 3));
			vec_push(&buf, ((struct ck_callee){ f, sqlite3_column_int64(q, 2), idx }));
			e->funcs.v[f].called = true;
		}
	}
	sqlite3_finalize(q);
	vec_free(&buf);
}

/* The function-pointer arguments of each call: 'kref_put(&x->ref, foo_release)'
 * passes foo_release as parameter 1; 'helper(cb)' in a function whose own
 * parameter 2 is cb passes that parameter on. */
static void load_fnargs(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT st.site_id, st.key, st.id, t.func_id, st.src_key "
				     "FROM fnstore st LEFT JOIN store_target t ON t.store_id = st.id "
				     "WHERE st.site_id IS NOT NULL ORDER BY st.site_id, st.id");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = site_by_id(e, sqlite3_column_int64(q, 0));
		struct keyname_arg arg;
		if (!s || !keyname_parse_arg(db_col_text(q, 1), &arg))
			continue;
		struct ck_fnarg a = { arg.n, -1, -1, sqlite3_column_int64(q, 2) };
		if (sqlite3_column_type(q, 3) != SQLITE_NULL)
			a.func = func_index(e, sqlite3_column_int64(q, 3));
		else if (sqlite3_column_type(q, 4) != SQLITE_NULL)
			keyname_is_param_of(db_col_text(q, 4), e->funcs.v[s->func].qname, &a.fwd);
		if (a.func < 0 && a.fwd < 0)
			continue;
		void *old = s->fnargs;
		s->fnargs = arena_alloc(&e->arena, (s->nfnargs + 1) * sizeof(*s->fnargs));
		if (old)
			memcpy(s->fnargs, old, s->nfnargs * sizeof(*s->fnargs));
		s->fnargs[s->nfnargs++] = a;
	}
	sqlite3_finalize(q);
}

static void load_aliases(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, lhs_key, rhs_key FROM lockalias ORDER BY id");
	while (db_step_row(e->db, q)) {
		struct ck_alias a = { sqlite3_column_int64(q, 0), key_get(e, db_col_text(q, 1)),
				      key_get(e, db_col_text(q, 2)) };
		vec_push(&e->aliases, a);
	}
	sqlite3_finalize(q);
}

/* ------------------------------------------------------------ accessors */

const char *engine_key_name(const struct engine *e, int key)
{
	return key >= 0 ? e->keys.v[key].name : "?";
}

const char *engine_class_name(const struct engine *e, int cls)
{
	return cls > 0 && cls <= (int)e->class_names.n ? e->class_names.v[cls - 1] : "?";
}

const struct ck_func *engine_func(const struct engine *e, int func)
{
	return &e->funcs.v[func];
}

const struct lp_rules *engine_rules(const struct engine *e)
{
	return e->rules;
}

void **engine_data(struct engine *e, int check_id)
{
	return &e->check_data[check_id];
}

int engine_key_class(const struct engine *e, int key)
{
	return key >= 0 ? e->keys.v[key].cls : -1;
}

/* A key as seen in state S: lock parameters replaced by the caller's lock. */
static int resolve_key(const struct engine *e, const struct ck_state *s, int key)
{
	if (key < 0 || e->keys.v[key].argn < 0)
		return key;
	for (int i = 0; i < s->nbind; i++)
		if (s->bind[i].n == e->keys.v[key].argn)
			return s->bind[i].key;
	return -1;
}

int engine_site_key(const struct engine *e, const struct ck_visit *v)
{
	return resolve_key(e, &e->states.v[v->state], v->site->key);
}

/* ------------------------------------------------------------ states */

static void state_signature(const struct engine *e, const struct ck_state *s, struct strbuf *sb)
{
	sb_reset(sb);
	sb_addf(sb, "%d:%d:%d:%d:%d", s->func, s->ctx, s->irqs, s->stuck, s->transport);
	for (int i = 0; i < s->nheld; i++)
		sb_addf(sb, ",%d", s->held[i].cls);
	sb_add(sb, ";");
	for (int i = 0; i < s->nbind; i++)
		sb_addf(sb, "%d=%d,", s->bind[i].n, engine_key_class(e, s->bind[i].key));
	for (int i = 0; i < s->nconst; i++)
		sb_addf(sb, "#%d=%lld,", s->consts[i].n, s->consts[i].value);
	for (int i = 0; i < s->nfnbind; i++)
		sb_addf(sb, "@%d=%d,", s->fnbind[i].n, s->fnbind[i].func);
}

/* The value of dimension pattern P ('3', 'arg#1', '*') in state S, or -1. */
static long long index_value(const struct ck_state *s, const char *p, size_t len)
{
	if (len > 4 && !strncmp(p, "arg#", 4)) {
		int n = atoi(p + 4);
		for (int i = 0; i < s->nconst; i++)
			if (s->consts[i].n == n)
				return s->consts[i].value;
		return -1;
	}
	return *p >= '0' && *p <= '9' ? atoll(p) : -1;
}

/* Does the element IDX ('3,2') of a jump table match the call's PATTERN
 * ('*,arg#1') in state S?  Unknown dimensions match anything. */
static bool index_matches(const struct ck_state *s, const char *pattern, const char *idx)
{
	if (!pattern || !idx)
		return true;
	while (*pattern && *idx) {
		size_t pl = strcspn(pattern, ","), il = strcspn(idx, ",");
		long long want = index_value(s, pattern, pl);
		if (want >= 0 && want != atoll(idx))
			return false;
		pattern += pl + (pattern[pl] == ',');
		idx += il + (idx[il] == ',');
	}
	return true;
}

/* Add a state unless an equivalent one exists; returns false when bounded. */
static bool push_state(struct engine *e, struct ck_state *s, struct strbuf *sig)
{
	state_signature(e, s, sig);
	if (strmap_get(&e->memo, sb_str(sig)))
		return true;
	/* At the bound, the memo must not grow either: nothing is added. */
	if (e->states.n >= e->st->max_states) {
		e->st->capped = true;
		return false;
	}
	int64_t *slot = strmap_put(&e->memo, sb_str(sig), NULL);
	*slot = (int64_t)e->states.n;
	vec_push(&e->states, *s);
	return true;
}

static void held_remove(struct ck_held *h, int *n, int cls)
{
	for (int i = 0; i < *n; i++)
		if (h[i].cls == cls) {
			memmove(&h[i], &h[i + 1], (size_t)(*n - i - 1) * sizeof(*h));
			(*n)--;
			return;
		}
}

/* Held classes stay sorted so that equal sets have equal signatures. */
static void held_add(struct ck_held *h, int *n, struct ck_held x)
{
	int i = 0;
	while (i < *n && h[i].cls < x.cls)
		i++;
	if ((i < *n && h[i].cls == x.cls) || *n >= CK_MAX_HELD)
		return;
	memmove(&h[i + 1], &h[i], (size_t)(*n - i) * sizeof(*h));
	h[i] = x;
	(*n)++;
}

/* The locks held just before SITE when its function was entered in S. */
static int held_at(const struct engine *e, const struct ck_state *s, const struct ck_site *site,
		   struct ck_held *out)
{
	int n = s->nheld;
	memcpy(out, s->held, (size_t)n * sizeof(*out));
	for (int i = 0; i < site->nlocks; i++) {
		int key = resolve_key(e, s, site->locks[i].key);
		int cls = engine_key_class(e, key);
		if (cls < 0)
			continue;
		if (site->locks[i].held)
			held_add(out, &n, (struct ck_held){ cls, key, site->locks[i].acq_site,
					  site->locks[i].ltype, site->locks[i].is_read });
		else
			held_remove(out, &n, cls);
	}
	return n;
}

/* The function parameter N is bound to in state S, or NULL. */
static const struct ck_callee *bound_fn(const struct ck_state *s, int n, struct ck_callee *out)
{
	for (int i = 0; i < s->nfnbind; i++)
		if (s->fnbind[i].n == n) {
			*out = (struct ck_callee){ s->fnbind[i].func, s->fnbind[i].store, NULL };
			return out;
		}
	return NULL;
}

/* The state entered from V's call site into CALLEE: the caller's held locks
 * and irq state, and the callee's parameters bound to the call's lock,
 * constant and function arguments. */
static void callee_state(struct engine *e, int si, const struct ck_visit *v, const struct ck_callee *callee,
			 struct ck_state *next)
{
	const struct ck_site *site = v->site;
	const struct ck_state *cur = &e->states.v[si];
	int tr = e->funcs.v[callee->func].transport;
	*next = (struct ck_state){ .func = callee->func, .ctx = cur->ctx, .parent = si,
				   .irqs = v->irqs_off ? IRQS_OFF : v->irqs_on ? IRQS_ON : IRQS_AS_AT_ENTRY,
				   .via_site = site->id, .via_store = callee->store,
				   .nheld = v->nheld, .stuck = v->stuck_cls + 1,
				   .transport = tr >= 0 ? tr + 1 : cur->transport };
	memcpy(next->held, v->held, (size_t)v->nheld * sizeof(*v->held));
	for (int a = 0; a < site->nargs; a++) {
		if (site->args[a].is_const) {
			if (next->nconst < CK_MAX_BIND) {
				next->consts[next->nconst].n = site->args[a].n;
				next->consts[next->nconst].value = site->args[a].value;
				next->nconst++;
			}
			continue;
		}
		if (next->nbind >= CK_MAX_BIND)
			continue;
		int key = resolve_key(e, cur, site->args[a].key);
		if (engine_key_class(e, key) >= 0) {
			next->bind[next->nbind].n = site->args[a].n;
			next->bind[next->nbind].key = key;
			next->nbind++;
		}
	}
	for (int a = 0; a < site->nfnargs && next->nfnbind < CK_MAX_BIND; a++) {
		const struct ck_fnarg *fa = &site->fnargs[a];
		struct ck_callee fwd;
		if (fa->func >= 0)
			next->fnbind[next->nfnbind++] = (struct ck_fnbind){ fa->n, fa->func, fa->store };
		else if (bound_fn(cur, fa->fwd, &fwd))
			next->fnbind[next->nfnbind++] = (struct ck_fnbind){ fa->n, fwd.func, fwd.store };
	}
}

/*
 * Follow V's call into its callees.  A call through the function's own
 * parameter goes to the function the path bound it to (kref_put(k, release)
 * reached from a path that passed foo_release calls foo_release, not every
 * release function in the tree); unbound, to every function link found for
 * it, unless the key is wide (link.h), which has no edges.
 */
static void enter_callees(struct engine *e, int si, const struct ck_visit *v, struct strbuf *sig)
{
	const struct ck_site *site = v->site;
	/* queue_work(), mod_timer(), call_rcu(): the work runs later, elsewhere */
	if (site->callee_name && rules_defer(e->rules, site->callee_name))
		return;
	/* process_one_work()'s work->func(work): the work items are entries of their own */
	if (site->deferred)
		return;
	if (e->st->capped)
		return;   /* the bound is hit: finish the states queued, start no more */
	struct ck_callee bound;
	const struct ck_callee *callees = site->callees;
	int n = site->ncallees;
	if (site->param_call >= 0 && bound_fn(&e->states.v[si], site->param_call, &bound)) {
		callees = &bound;
		n = 1;
	}
	for (int c = 0; c < n; c++) {
		const struct ck_state *cur = &e->states.v[si];
		if (!index_matches(cur, site->ind_index, callees[c].idx))
			continue;   /* dev_jumptable[state][DEV_EVENT_INTERRUPT]: another event's handler */
		int tr = e->funcs.v[callees[c].func].transport;
		if (tr >= 0 && cur->transport && tr != cur->transport - 1)
			continue;   /* a device has one transport: vdev->config->get from vp_interrupt is not ccw's */
		struct ck_state next;
		callee_state(e, si, v, &callees[c], &next);
		if (!push_state(e, &next, sig))
			return;
	}
}

/* Whether VALUE is one of the comma-separated numbers of LIST (up to ';'). */
static bool value_listed(const char *list, long long value)
{
	for (const char *p = list; *p && *p != ';';) {
		char *end;
		long long v = strtoll(p, &end, 10);
		if (end == p)
			return false;
		if (v == value)
			return true;
		p = *end == ',' ? end + 1 : end;
	}
	return false;
}

/* Whether SITE can run on the path of state S: under 'case 0:' of
 * 'switch (err)', with err bound to the constant -ENODEV and never assigned
 * 0 by the function itself, it cannot (ccw_device_verify_done()). */
static bool guard_allows(const struct engine *e, const struct ck_state *s, const struct ck_site *site)
{
	int n = atoi(site->guard + 4);   /* 'arg#N=V,..' */
	const char *vals = strchr(site->guard, '=');
	int bound = -1;
	for (int i = 0; i < s->nconst && bound < 0; i++)
		if (s->consts[i].n == n)
			bound = i;
	if (bound < 0 || !vals || value_listed(vals + 1, s->consts[bound].value))
		return true;
	char key[32];
	snprintf(key, sizeof(key), "writes:arg#%d=", n);
	const char *annot = e->funcs.v[site->func].annot;
	const char *w = annot ? strstr(annot, key) : NULL;
	if (!w)
		return false;
	w += strlen(key);
	if (*w == '*')
		return true;
	for (const char *p = vals + 1; *p;) {   /* any value the function writes that the case takes */
		long long v = strtoll(p, (char **)&p, 10);
		if (value_listed(w, v))
			return true;
		if (*p != ',')
			break;
		p++;
	}
	return false;
}

/* The held lock that V's acquisition takes again, or NULL.  A trylock never
 * waits; a '_nested' acquisition with a non-zero subclass is lockdep's "another
 * instance of this class"; rwlock readers may nest. */
const struct ck_held *engine_reacquired(const struct engine *e, const struct ck_visit *v)
{
	if (v->site->kind != SITE_ACQUIRE || v->site->subclass != 0)
		return NULL;
	int cls = engine_key_class(e, engine_site_key(e, v));
	if (cls < 0)
		return NULL;
	for (int i = 0; i < v->nheld; i++) {
		const struct ck_held *h = &v->held[i];
		if (h->cls == cls && !(h->is_read && v->site->is_read && h->ltype == LT_RWLOCK))
			return h;
	}
	return NULL;
}

/* Run the checks on every site of state SI's function and enter its callees.
 * Once a path re-acquires a held lock, that CPU spins there for ever: the
 * recursive-lock is reported once.  Past that point the function's own
 * sites are still checked (ccw_io_helper's wait_event() sleeps in hardirq
 * whatever the locks), but its calls are not followed: no CPU gets there on
 * this path, and following them (ccw_device_start() back into the device
 * state machine) would only restate the same bug along a longer path.  A
 * later acquisition of the same class on the path is not reported again. */
static void visit_state(struct engine *e, int si, struct strbuf *sig)
{
	const struct ck_func *f = &e->funcs.v[e->states.v[si].func];
	struct ck_held held[CK_MAX_HELD];
	int stuck_cls = e->states.v[si].stuck - 1;
	bool stuck_here = false;
	for (int i = 0; i < f->nsites; i++) {
		const struct ck_site *site = &e->sites.v[f->sites[i]];
		const struct ck_state *st = &e->states.v[si];
		if (site->guard && !guard_allows(e, st, site))
			continue;   /* a case of 'switch (param)' this path's constant argument never takes */
		int nheld = held_at(e, st, site, held);
		int irqs = site->irqs_off ? site->irqs_off : st->irqs;
		struct ck_visit v = { si, site, held, nheld, st->ctx, irqs > 0, irqs < 0, stuck_cls };
#define CHECK(fn, ...) check_##fn(e, &v);
#include "check/check_list.h"
#undef CHECK
		if (site->kind == SITE_CALL && !stuck_here)
			enter_callees(e, si, &v, sig);
		const struct ck_held *again = engine_reacquired(e, &v);
		if (again && stuck_cls < 0)
			stuck_cls = again->cls;
		stuck_here = stuck_here || again;
	}
}

static void explore(struct engine *e, size_t from, struct strbuf *sig)
{
	for (size_t i = from; i < e->states.n; i++)
		visit_state(e, (int)i, sig);
	e->st->states = e->states.n;
}

/* Hardirq handlers run with interrupts off; other entries with them on.
 * Roots (functions nobody calls) start unknown: their callers are not in
 * the tree, and may well have disabled interrupts. */
static void seed(struct engine *e, int func, int ctx, struct strbuf *sig)
{
	struct ck_state s = { .func = func, .ctx = ctx, .parent = -1, .irqs = ctx == CTX_HARDIRQ ? 1 : -1,
			      .transport = e->funcs.v[func].transport + 1 };
	push_state(e, &s, sig);
	e->funcs.v[func].called = true;   /* an entry is not also a root */
	e->st->entries++;
}

typedef VEC(int) int_vec;

/* Functions passed to a registration API: request_irq's handler is stored
 * into 'arg:request_irq#1'; the rules say argument 1 is a hardirq entry. */
static void registrations(struct engine *e, enum lp_context ctx, int_vec *out)
{
	/* never an entry guessed by type (link's fallback stores are 'type:' ones) */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT DISTINCT k.key, k.func_id FROM key_target k "
				     "JOIN fnstore s ON s.id = k.store_id "
				     "WHERE k.key LIKE 'arg:%#%' AND s.key NOT LIKE 'type:%'");
	while (db_step_row(e->db, q)) {
		struct keyname_arg arg;
		if (!keyname_parse_arg(db_col_text(q, 0), &arg))
			continue;
		const char *colon = memchr(arg.func, ':', arg.func_len);   /* 'file.c:name' for a static API */
		const char *name = colon ? colon + 1 : arg.func;
		char fn[256];
		snprintf(fn, sizeof(fn), "%.*s", (int)(arg.func + arg.func_len - name), name);
		int f = func_index(e, sqlite3_column_int64(q, 1));
		for (const struct lp_register *r = rules_register(e->rules, fn); r; r = rules_register_next(e->rules, r))
			if (r->arg == arg.n && r->ctx == ctx && f >= 0)
				vec_push(out, f);
	}
	sqlite3_finalize(q);
}

/* The kind of lock class CLS is (LT_*), from the sites that acquire it;
 * -1 when nothing in the tree acquires it or they disagree. */
static int class_ltype(const struct engine *e, int cls)
{
	int t = -1;
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		if ((s->kind != SITE_ACQUIRE && s->kind != SITE_TRYLOCK) || engine_key_class(e, s->key) != cls)
			continue;
		if (t >= 0 && t != s->ltype)
			return -1;
		t = s->ltype;
	}
	return t;
}

/* A root's callers are not in the tree, but __must_hold(l) and
 * lockdep_assert_held(l) say what they hold: start with it, as the kind of
 * lock the tree's acquisitions of its class are (a spinlock held by the
 * callers makes a sleep here a sleep-in-atomic). */
static void root_held(struct engine *e, const struct ck_func *f, struct ck_state *s)
{
	for (const char *p = f->annot; p && (p = strstr(p, "must_hold:"));) {
		p += 10;
		size_t len = strcspn(p, ";");
		char *name = xstrndup(p, len);
		int key = key_get(e, name);
		free(name);
		int cls = engine_key_class(e, key);
		if (cls >= 0)
			held_add(s->held, &s->nheld, (struct ck_held){ cls, key, 0, class_ltype(e, cls), false });
		p += len;
	}
	for (int i = 0; i < f->nsites; i++) {
		const struct ck_site *site = &e->sites.v[f->sites[i]];
		/* only an assertion before the function locked anything speaks for its callers */
		int cls = engine_key_class(e, site->key);
		if (site->kind == SITE_ASSERT && !site->nlocks && cls >= 0)
			held_add(s->held, &s->nheld, (struct ck_held){ cls, site->key, site->id,
					  class_ltype(e, cls), false });
	}
}

/* Rules' entries by name and by key ('irqaction.handler') of context CTX,
 * then the registrations (request_irq's handler, timers, work) of CTX. */
static int by_rank(const void *a, const void *b)
{
	int ra = rank_engine->funcs.v[*(const int *)a].rank, rb = rank_engine->funcs.v[*(const int *)b].rank;
	return (ra > rb) - (ra < rb);
}

static void seed_entries(struct engine *e, enum lp_context ctx, struct strbuf *sig)
{
	int_vec seeds = {0};
	for (size_t i = 0; i < rules_entry_count(e->rules); i++) {
		const struct lp_entry *en = rules_entry(e->rules, i);
		for (size_t f = 0; f < e->funcs.n && en->ctx == ctx; f++)
			if (!strcmp(e->funcs.v[f].name, en->func))
				vec_push(&seeds, (int)f);
	}
	sqlite3_stmt *q = db_prepare(e->db, "SELECT DISTINCT k.func_id FROM key_target k JOIN fnstore s "
				     "ON s.id = k.store_id WHERE k.key = ? AND s.key NOT LIKE 'type:%'");
	for (size_t i = 0; i < rules_keyentry_count(e->rules); i++) {
		const struct lp_keyentry *ke = rules_keyentry(e->rules, i);
		if (ke->ctx != ctx)
			continue;
		db_bind_text(q, 1, ke->key);
		while (db_step_row(e->db, q)) {
			int f = func_index(e, sqlite3_column_int64(q, 0));
			if (f >= 0)
				vec_push(&seeds, f);
		}
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	registrations(e, ctx, &seeds);
	rank_engine = e;
	if (seeds.n)
		qsort(seeds.v, seeds.n, sizeof(int), by_rank);
	for (size_t i = 0; i < seeds.n; i++)
		seed(e, seeds.v[i], ctx, sig);
	vec_free(&seeds);
}

/* Hardirq entries first, then softirq, then process, then roots: a line
 * reachable from several entries is reported once, on the path from the
 * most constrained context (the I/O interrupt rather than the timer that
 * reaches the same handler), shortest within it. */
static void seed_and_explore(struct engine *e)
{
	struct strbuf sig = {0};
	static const enum lp_context order[] = { CTX_HARDIRQ, CTX_SOFTIRQ, CTX_PROCESS };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		size_t from = e->states.n;
		seed_entries(e, order[i], &sig);
		explore(e, from, &sig);
	}
	size_t from = e->states.n;
	e->first_root = from;
	for (size_t i = 0; i < e->funcs.n; i++) {
		int f = e->order[i];
		if (!e->funcs.v[f].called) {
			struct ck_state s = { .func = f, .ctx = CTX_PROCESS, .parent = -1,
					      .transport = e->funcs.v[f].transport + 1 };
			root_held(e, &e->funcs.v[f], &s);
			push_state(e, &s, &sig);
			e->st->roots++;
		}
	}
	explore(e, from, &sig);
	sb_free(&sig);
}

/* ------------------------------------------------------------ findings */

void engine_report(struct engine *e, const struct ck_visit *v, const char *rule,
		   const struct ck_held *held, int key, const char *message)
{
	/* one finding per rule and source line (wait_event() is might_sleep() and
	 * schedule() on one line): the first path found is a shortest one */
	char dedup[128];
	snprintf(dedup, sizeof(dedup), "%s/%lld:%d", rule, (long long)v->site->file, v->site->line);
	bool created;
	strmap_put(&e->reported, dedup, &created);
	if (!created)
		return;
	struct ck_finding f = { rule, xstrdup(message), v->state, v->site, {0}, held != NULL, key };
	if (held)
		f.held = *held;
	vec_push(&e->findings, f);
}

void engine_report_pair(struct engine *e, const struct ck_witness *a, const struct ck_witness *b,
			const char *rule, int key, const char *dedup, const char *message)
{
	bool created;
	strmap_put(&e->reported, dedup, &created);
	if (!created)
		return;
	struct ck_finding f = { rule, xstrdup(message), a->state, a->site, a->held, a->has_held, key,
				true, *b };
	vec_push(&e->findings, f);
}

/* Shortest chain of aliases joining keys A and B (breadth-first over keys). */
static int alias_proof(const struct engine *e, int a, int b, int64_t *out, int max)
{
	if (a < 0 || b < 0 || a == b)
		return 0;
	size_t nk = e->keys.n;
	int *prev_alias = xmalloc(nk * sizeof(int)), *queue = xmalloc(nk * sizeof(int));
	for (size_t i = 0; i < nk; i++)
		prev_alias[i] = -2;
	int head = 0, tail = 0;
	queue[tail++] = a;
	prev_alias[a] = -1;
	while (head < tail && prev_alias[b] == -2) {
		int k = queue[head++];
		for (size_t i = 0; i < e->aliases.n; i++) {
			const struct ck_alias *al = &e->aliases.v[i];
			int other = al->lhs == k ? al->rhs : al->rhs == k ? al->lhs : -1;
			if (other >= 0 && prev_alias[other] == -2) {
				prev_alias[other] = (int)i;
				queue[tail++] = other;
			}
		}
	}
	int n = 0;
	for (int k = b; prev_alias[k] >= 0 && n < max;) {
		const struct ck_alias *al = &e->aliases.v[prev_alias[k]];
		out[n++] = al->id;
		k = al->lhs == k ? al->rhs : al->lhs;
	}
	free(prev_alias);
	free(queue);
	return n;
}

/*
 * A class name without the file names extract puts in some keys: 'file.c:'
 * qualifying a static name ('*virtio_ccw.c:lock' -> '*lock') and the
 * 'anon@file.c:LINE' of an unnamed struct ('anon'), so that neither a file
 * rename nor a line shift changes a fingerprint.
 */
static void fingerprint_class(struct strbuf *sb, const char *name)
{
	for (const char *p = name; *p;) {
		if (!strncmp(p, "anon@", 5)) {
			sb_add(sb, "anon");
			p += 5 + strcspn(p + 5, ":");
			p += *p ? 1 + strspn(p + 1, "0123456789") : 0;
			continue;
		}
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-");
		if (n && p[n] == ':' && memchr(p, '.', n)) {
			p += n + 1;   /* 'file.c:' */
			continue;
		}
		sb_addn(sb, p, n ? n : 1);
		p += n ? n : 1;
	}
}

/* The functions on a path, offending one first, entry last: 'f<g<entry<',
 * after the function called at the offending site, if it is a call
 * ('schedule<f<g<entry<'). */
static char *fingerprint_path(const struct engine *e, int state, const struct ck_site *site)
{
	struct strbuf sb = {0};
	if (site->kind == SITE_CALL && site->callee_name)
		sb_addf(&sb, "%s<", site->callee_name);
	for (int s = state; s >= 0; s = e->states.v[s].parent)
		sb_addf(&sb, "%s<", e->funcs.v[e->states.v[s].func].name);
	return sb_detach(&sb);
}

static int fingerprint_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The finding's fingerprint, "lockpath/v1" in SARIF (definition in
 * docs/ci.md): xxh3-128 in 32 hex digits of 'RULE|CLASS|PATH', where CLASS
 * is the held lock's class (else the acquired one's) as fingerprint_class
 * writes it and PATH the function names from the offending function to the
 * entry (see fingerprint_path).  A two-path finding (lock-order,
 * irq-inversion) has both classes and both paths, each pair sorted, so the
 * order in which the search met them does not matter: 'RULE|A,B|P1|P2'.
 * No file name, line or database id goes in.
 */
static void fingerprint(const struct engine *e, const struct ck_finding *f, char out[33])
{
	struct strbuf cls[2] = {{0}}, sb = {0};
	char *path[2] = { fingerprint_path(e, f->state, f->site), NULL };
	fingerprint_class(&cls[0], engine_class_name(e, f->has_held ? f->held.cls : engine_key_class(e, f->key)));
	int n = 1;
	if (f->has_other) {
		const struct ck_witness *o = &f->other;
		fingerprint_class(&cls[1], engine_class_name(e, o->has_held ? o->held.cls : engine_key_class(e, o->site->key)));
		path[1] = fingerprint_path(e, o->state, o->site);
		n = 2;
	}
	char *c[2] = { cls[0].buf ? cls[0].buf : "", cls[1].buf ? cls[1].buf : "" };
	qsort(c, (size_t)n, sizeof(*c), fingerprint_cmp);
	qsort(path, (size_t)n, sizeof(*path), fingerprint_cmp);
	sb_addf(&sb, "%s|%s%s%s|%s", f->rule, c[0], n > 1 ? "," : "", n > 1 ? c[1] : "", path[0]);
	if (n > 1)
		sb_addf(&sb, "|%s", path[1]);
	hash_hex(sb.buf, sb.len, out);
	for (int i = 0; i < 2; i++) {
		sb_free(&cls[i]);
		free(path[i]);
	}
	sb_free(&sb);
}

static void write_path(struct engine *e, int64_t fid, int path, int state, const struct ck_site *last,
		       sqlite3_stmt *ins)
{
	VEC(int) chain = {0};   /* any length: a witness always starts at its entry */
	for (int s = state; s >= 0; s = e->states.v[s].parent)
		vec_push(&chain, s);
	for (int i = (int)chain.n - 1, seq = 0; i >= 0; i--, seq++) {
		const struct ck_state *s = &e->states.v[chain.v[i]];
		int64_t call = i > 0 ? e->states.v[chain.v[i - 1]].via_site : last->id;
		db_bind_int(ins, 1, fid);
		db_bind_int(ins, 2, path);
		db_bind_int(ins, 3, seq);
		db_bind_int(ins, 4, e->funcs.v[s->func].id);
		db_bind_int(ins, 5, call);
		db_bind_null_or_int(ins, 6, s->via_store);
		db_step_done(e->db, ins);
	}
	vec_free(&chain);
}

static void write_hops(struct engine *e, int64_t fid, const struct ck_finding *f, sqlite3_stmt *ins)
{
	write_path(e, fid, 0, f->state, f->site, ins);
	if (f->has_other)
		write_path(e, fid, 1, f->other.state, f->other.site, ins);
}

/*
 * A call on the path that link resolved by function type (its store is a
 * 'type:' one, meta 'bytype:KEY' has the candidate count): the finding is
 * lower-confidence and its message says so, with the cap when it was hit.
 */
static void bytype_calls(struct engine *e, int state, struct strbuf *sb)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT s.ind_key, st.key FROM site s, fnstore st "
				     "WHERE s.id = ? AND st.id = ? AND st.key LIKE 'type:%'");
	for (int i = state; i >= 0; i = e->states.v[i].parent) {
		const struct ck_state *st = &e->states.v[i];
		if (!st->via_store)
			continue;
		db_bind_int(q, 1, st->via_site);
		db_bind_int(q, 2, st->via_store);
		if (db_step_row(e->db, q)) {
			char *mk = xasprintf("bytype:%s", db_col_text(q, 0));
			char *mv = db_meta_get(e->db, mk);
			size_t ncand = 0, kept = 0;
			if (mv)
				sscanf(mv, "%zu %zu", &ncand, &kept);
			sb_addf(sb, "; lower confidence: the call through %s was resolved by type (%zu candidates",
				db_col_text(q, 0), ncand);
			if (ncand > kept)
				sb_addf(sb, ", capped at %zu", kept);
			sb_add(sb, ")");
			free(mk);
			free(mv);
		}
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
}

static char *finding_message(struct engine *e, const struct ck_finding *f)
{
	struct strbuf sb = {0};
	sb_add(&sb, f->message);
	bytype_calls(e, f->state, &sb);
	if (f->has_other)
		bytype_calls(e, f->other.state, &sb);
	return sb_detach(&sb);
}

static void write_findings(struct engine *e)
{
	db_exec(e->db, "DELETE FROM finding_alias; DELETE FROM finding_hop; DELETE FROM finding;");
	sqlite3_stmt *fi = db_prepare(e->db,
		"INSERT INTO finding(rule, fingerprint, message, entry_func, context, lock_key, held_key, site_id, held_site, "
		"from_root) "
		"VALUES (?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *hop = db_prepare(e->db,
		"INSERT INTO finding_hop(finding_id, path, seq, func_id, site_id, store_id) VALUES (?,?,?,?,?,?)");
	sqlite3_stmt *al = db_prepare(e->db, "INSERT INTO finding_alias(finding_id, seq, alias_id) VALUES (?,?,?)");
	for (size_t i = 0; i < e->findings.n; i++) {
		const struct ck_finding *f = &e->findings.v[i];
		int entry = f->state;
		while (e->states.v[entry].parent >= 0)
			entry = e->states.v[entry].parent;
		char fp[33];
		fingerprint(e, f, fp);
		db_bind_text(fi, 1, f->rule);
		db_bind_text(fi, 2, fp);
		char *msg = finding_message(e, f);
		db_bind_text(fi, 3, msg);
		db_bind_int(fi, 4, e->funcs.v[e->states.v[entry].func].id);
		db_bind_text(fi, 5, context_name(e->states.v[f->state].ctx));
		db_bind_text(fi, 6, f->key >= 0 ? engine_key_name(e, f->key) : NULL);
		db_bind_text(fi, 7, f->has_held ? engine_key_name(e, f->held.key) : NULL);
		db_bind_int(fi, 8, f->site->id);
		db_bind_null_or_int(fi, 9, f->has_held ? f->held.acq_site : 0);
		db_bind_int(fi, 10, (size_t)entry >= e->first_root);
		db_step_done(e->db, fi);
		free(msg);
		int64_t fid = sqlite3_last_insert_rowid(e->db->h);
		write_hops(e, fid, f, hop);
		int64_t proof[64];
		int np = f->has_held ? alias_proof(e, f->held.key, f->key, proof, 64) : 0;
		for (int k = 0; k < np; k++) {
			db_bind_int(al, 1, fid);
			db_bind_int(al, 2, k);
			db_bind_int(al, 3, proof[k]);
			db_step_done(e->db, al);
		}
	}
	sqlite3_finalize(fi);
	sqlite3_finalize(hop);
	sqlite3_finalize(al);
	e->st->findings = e->findings.n;
}

static void engine_free(struct engine *e)
{
	for (size_t i = 0; i < e->findings.n; i++)
		free(e->findings.v[i].message);
	vec_free(&e->findings);
	vec_free(&e->keys);
	vec_free(&e->class_names);
	vec_free(&e->funcs);
	vec_free(&e->sites);
	vec_free(&e->aliases);
	vec_free(&e->states);
	strmap_free(&e->key_index);
	strmap_free(&e->memo);
	strmap_free(&e->reported);
	strmap_free(&e->transports);
	arena_free(&e->arena);
}

void check_run(struct lp_db *db, const struct lp_rules *r, struct check_stats *st)
{
	double t0 = now_ms();
	memset(st, 0, sizeof(*st));
	/* The bound trades completeness for time and memory (about 0.5 KB and
	 * 25 us per state); $LOCKPATH_MAX_STATES moves it (docs/failures.md). */
	st->max_states = CK_MAX_STATES;
	const char *env = getenv("LOCKPATH_MAX_STATES");
	if (env && *env) {
		char *end;
		long long v = strtoll(env, &end, 10);
		if (*end || v < 1 || v > 1000000000)
			die("LOCKPATH_MAX_STATES must be a number of states from 1 to 1000000000, not '%s'", env);
		st->max_states = (size_t)v;
	}
	struct engine e = { .db = db, .rules = r, .st = st };
	db_begin(db);
	load_classes(&e);
	load_funcs_and_sites(&e);
	load_site_locks(&e);
	load_site_args(&e);
	load_edges(&e);
	load_fnargs(&e);
	load_aliases(&e);
	seed_and_explore(&e);
#define CHECK(fn, ...) check_##fn##_done(&e);
#include "check/check_list.h"
#undef CHECK
	write_findings(&e);
	db_commit(db);
	engine_free(&e);
	st->ms = now_ms() - t0;
}
