// SPDX-License-Identifier: GPL-2.0-only
/*
 * engine_load.c - the check engine's loading (engine_int.h): lock classes,
 * functions in their stable order, sites with their lock state, arguments,
 * resolved call edges, function-pointer arguments and lock aliases, from the
 * linked database into arrays the search indexes directly.
 */
#include "check/engine_int.h"
#include "check/callee_effects.h"
#include "check/init_modes.h"
#include "check/kept_puts.h"
#include "check/ops_tables.h"
#include "check/member_owners.h"
#include "check/registrars.h"
#include "check/embedded.h"
#include "check/downcasts.h"
#include "check/member_binds.h"
#include "check/ret_members.h"
#include "check/zeroed.h"
#include "check/slot_tables.h"
#include "check/reach.h"
#include "check/lockdep.h"
#include "lib/keyname.h"
#include "lib/format.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>


static int key_add(struct engine *e, const char *name, int cls)
{
	bool created;
	int id = strmap_id(&e->key_index, name, &created);
	if (created) {
		struct ck_key k = { arena_strdup(&e->arena, name), cls, -1 };
		k.argn = keyname_lock_param(name);
		vec_push(&e->keys, k);
	}
	return id;
}

int engine_key_get(struct engine *e, const char *name)
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

int engine_func_index(const struct engine *e, int64_t id)
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

struct ck_site *engine_site_by_id(struct engine *e, int64_t id)
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

/*
 * The order functions are seeded and callees followed in: by file path,
 * line, column and name, never by row id.  Ids follow the order in which
 * extract's workers finished their TUs, and a breadth-first search that
 * followed them would pick another shortest path (and fingerprint) from one
 * run to the next, or between a sharded and a whole run.
 */
static void load_func_order(struct engine *e)
{
	/* Copies of one header function (a static inline compiled into TUs that
	 * differ in a __COUNTER__ name) share place and name: the copy's own
	 * place (its TU, or its header and hash) orders them, not its row id,
	 * which depends on the order the TUs were written in (-j, merged shards). */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT fn.id FROM func fn JOIN file f ON f.id = fn.file_id "
				     "LEFT JOIN tu t ON t.id = fn.tu_id LEFT JOIN file tp ON tp.id = t.file_id "
				     "LEFT JOIN hdr h ON h.id = fn.hdr_id LEFT JOIN file hp ON hp.id = h.file_id "
				     "ORDER BY f.path, fn.line, fn.col, fn.name, fn.usr, "
				     "coalesce(tp.path, hp.path || '@' || h.hash), fn.id");
	e->order = arena_alloc(&e->arena, (e->funcs.n + 1) * sizeof(int));
	size_t n = 0;
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0 && n < e->funcs.n) {
			e->funcs.v[f].rank = (int)n;
			e->order[n++] = f;
		}
	}
	sqlite3_finalize(q);
	assert(n == e->funcs.n);
}

/* TEXT ('*,arg#1', '3,2'), one dimension per comma, parsed into the arena
 * (dimensions past CK_MAX_DIMS match anything). */
const struct ck_index *engine_parse_index(struct engine *e, const char *text)
{
	struct ck_index *ix = arena_alloc(&e->arena, sizeof(*ix));
	*ix = (struct ck_index){ 0 };
	for (const char *p = text; *p && ix->n < CK_MAX_DIMS; ix->n++) {
		size_t len = strcspn(p, ",");
		if (!strncmp(p, "arg#", 4)) {
			ix->kind[ix->n] = DIM_PARAM;
			ix->v[ix->n] = atoi(p + 4);
		} else if (*p >= '0' && *p <= '9') {
			ix->kind[ix->n] = DIM_CONST;
			ix->v[ix->n] = atoll(p);
		}
		p += len + (p[len] == ',');
	}
	return ix;
}

int engine_field_id(struct engine *e, const char *name)
{
	return strmap_id(&e->field_ids, name, NULL);
}

/* Guard TEXT[0..LEN) of site S's function F into *OUT, with what F writes
 * to its parameter or member (its annotations); false if this lockpath
 * cannot read it. */
static bool load_guard(struct engine *e, const struct ck_func *f, const char *text, size_t len,
		       struct ck_guard *out)
{
	char *one = xstrndup(text, len);
	struct guardkey *g = arena_alloc(&e->arena, sizeof(*g));
	bool ok = guardkey_parse(one, g);
	free(one);
	if (!ok)
		return false;
	guardkey_load_writes(g, f->annot);
	*out = (struct ck_guard){ g, g->field[0] ? engine_field_id(e, g->field) : CK_NO_FIELD, 0, NULL };
	return true;
}

/* Where load_alt_guard puts the next guard. */
struct alt_load { struct engine *e; const struct ck_func *f; struct ck_guard *out, *next; };

static bool load_alt(void *ctx, int alt, const char *text, size_t len)
{
	struct alt_load *al = ctx;
	struct ck_guard_alt *alts = (struct ck_guard_alt *)al->out->alts;
	if (alt == al->out->nalts)
		alts[al->out->nalts++] = (struct ck_guard_alt){ 0, al->next };
	al->next++;
	return load_guard(al->e, al->f, text, len, &alts[alt].g[alts[alt].n++]);
}

/* 'alt:G^G/G' (extract/walk_writes.c) into *OUT: the alternatives, each
 * with its guards; false if one of them cannot be read. */
static bool load_alt_guard(struct engine *e, const struct ck_func *f, const char *text, size_t len,
			   struct ck_guard *out)
{
	int nalt, nguard;
	guardkey_alts_count(text, len, &nalt, &nguard);
	static const struct guardkey nothing = { .param = -1 };
	*out = (struct ck_guard){ &nothing, CK_NO_FIELD, 0, arena_alloc(&e->arena, (size_t)nalt * sizeof(*out->alts)) };
	struct alt_load al = { e, f, out, arena_alloc(&e->arena, (size_t)nguard * sizeof(struct ck_guard)) };
	return guardkey_alts_each(text, len, load_alt, &al) && out->nalts > 0;
}

/* Site S's guards TEXT ('arg#1=0;arg#2!=0', every test it runs under),
 * parsed once, each with what S's function writes to the guarded parameter
 * or member (its annotations).  A guard this lockpath cannot read
 * restricts nothing. */
static void load_guards(struct engine *e, struct ck_site *s, const char *text)
{
	int n = 1;
	for (const char *p = text; *p; p++)
		n += *p == ';';
	struct ck_guard *v = arena_alloc(&e->arena, (size_t)n * sizeof(*v));
	const struct ck_func *f = &e->funcs.v[s->func];
	s->guards = v;
	s->nguards = 0;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, ";");
		bool ok = !strncmp(p, "alt:", 4) ? load_alt_guard(e, f, p + 4, len - 4, &v[s->nguards])
						  : load_guard(e, f, p, len, &v[s->nguards]);
		s->nguards += ok;
		p += len + (p[len] == ';');
	}
	if (!s->nguards)
		s->guards = NULL;
}

/*
 * A 'format-call' rule's test at a call site S of its formatter: the call
 * is made only where the format argument has one of the rule's conversions
 * (vsnprintf()'s pointer() for a '%p').  The bits are those of the string
 * literal the path passed (extract's FORMAT_FIELD member of the argument),
 * as passed: the formatter steps its format pointer along the string,
 * which has no conversion the literal did not have.
 */
/* S's guards with a rule's guard G (on member FIELD, or -1) after them. */
static void append_guard(struct engine *e, struct ck_site *s, const struct guardkey *g, int field)
{
	struct ck_guard *v = arena_alloc(&e->arena, (size_t)(s->nguards + 1) * sizeof(*v));
	if (s->nguards)
		memcpy(v, s->guards, (size_t)s->nguards * sizeof(*v));
	v[s->nguards++] = (struct ck_guard){ g, field };
	s->guards = v;
}

static void add_format_guard(struct engine *e, struct ck_site *s)
{
	const struct lp_format_call *fc = rules_format_call(e->rules, e->funcs.v[s->func].name, s->callee_name);
	if (!fc)
		return;
	struct guardkey *g = arena_alloc(&e->arena, sizeof(*g));
	*g = (struct guardkey){ .param = fc->arg, .mask = fc->mask, .except = true, .at_entry = true, .n = 1 };
	snprintf(g->field, sizeof(g->field), "%s", FORMAT_FIELD);
	append_guard(e, s, g, engine_field_id(e, FORMAT_FIELD));
}

/*
 * A 'context-call' rule's test at a call site S of its callee: the caller
 * makes that call only outside the rule's states.  It works as a context
 * test written around the call (extract's 'if (in_hardirq())'), which the
 * caller's code does not show: migrate_enable() tests a mask pointer that
 * only a switch of the task moves.
 */
static void add_context_call_guard(struct engine *e, struct ck_site *s)
{
	unsigned dead = rules_context_call(e->rules, e->funcs.v[s->func].name, s->callee_name, NULL);
	if (!dead)
		return;
	struct guardkey *g = arena_alloc(&e->arena, sizeof(*g));
	*g = (struct guardkey){ .ctx_dead = dead, .param = -1 };
	append_guard(e, s, g, -1);
}

static void load_funcs_and_sites(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT fn.id, fn.name, fn.annot, f.path, fn.is_static, fn.file_id FROM func fn "
			      "LEFT JOIN file f ON f.id = fn.file_id ORDER BY fn.id");
	while (db_step_row(e->db, q)) {
		struct ck_func f = { sqlite3_column_int64(q, 0), arena_strdup(&e->arena, db_col_text(q, 1)) };
		if (sqlite3_column_type(q, 2) != SQLITE_NULL)
			f.annot = arena_strdup(&e->arena, db_col_text(q, 2));
		char *qname = keyname_qualify(db_col_text(q, 3), f.name, sqlite3_column_int(q, 4) != 0);
		f.qname = arena_strdup(&e->arena, qname);
		f.file = sqlite3_column_int64(q, 5);
		free(qname);
		vec_push(&e->funcs, f);
	}
	sqlite3_finalize(q);
	load_func_order(e);
	ops_load(e);
	q = db_prepare(e->db, "SELECT id, func_id, kind, file_id, line, col, lock_key, irq, subclass, irqs_off, "
			      "ltype, is_read, callee_name, ind_index, guard, ind_key, always, last_put, doomed FROM site "
			      "ORDER BY id");
	while (db_step_row(e->db, q)) {
		struct ck_site s = { .id = sqlite3_column_int64(q, 0) };
		s.func = engine_func_index(e, sqlite3_column_int64(q, 1));
		s.kind = sqlite3_column_int(q, 2);
		s.file = sqlite3_column_int64(q, 3);
		s.line = sqlite3_column_int(q, 4);
		s.col = sqlite3_column_int(q, 5);
		s.key = engine_key_get(e, db_col_text(q, 6));
		s.irq = sqlite3_column_int(q, 7);
		s.subclass = sqlite3_column_int(q, 8);
		s.irqs_off = sqlite3_column_int(q, 9);
		s.ltype = sqlite3_column_int(q, 10);
		s.is_read = sqlite3_column_int(q, 11) != 0;
		s.always = sqlite3_column_int(q, 16) != 0;
		s.last_put = sqlite3_column_int(q, 17) != 0;
		s.doomed = sqlite3_column_int(q, 18) != 0;
		if (sqlite3_column_type(q, 12) != SQLITE_NULL)
			s.callee_name = arena_strdup(&e->arena, db_col_text(q, 12));
		if (sqlite3_column_type(q, 13) != SQLITE_NULL)
			s.ind_index = engine_parse_index(e, db_col_text(q, 13));
		if (sqlite3_column_type(q, 14) != SQLITE_NULL && s.func >= 0)
			load_guards(e, &s, db_col_text(q, 14));
		if (s.callee_name && s.func >= 0) {
			add_format_guard(e, &s);
			add_context_call_guard(e, &s);
		}
		s.param_call = -1;
		s.dom = -1;
		s.ops = -1;
		s.slot = -1;
		if (sqlite3_column_type(q, 15) != SQLITE_NULL && s.func >= 0) {
			const char *ind = db_col_text(q, 15);
			s.ops = ops_site_ops(e, ind);
			keyname_is_param_of(ind, e->funcs.v[s.func].qname, &s.param_call);
			/* process_one_work()'s work->func(work): the work items are entries of their own */
			const struct lp_keyentry *ke = rules_keyentry_find(e->rules, ind);
			s.no_edge = ke && !ke->edge;   /* a 'callback' (probe()) is still called */
			if (ke && ke->edge && ke->ctx == CTX_PROCESS)
				s.process_callback = ke->key;
		}
		/* queue_work(), mod_timer(), call_rcu(): the work runs later, elsewhere;
		 * panic(), make_task_dead(): the system or the task ends there, and what
		 * they do on the way (do_exit's teardown) is not a path of this context;
		 * __warn_printk(): a WARN() fired, and what the warning does to print
		 * itself is the report of a bug already there, not a path of its own */
		if (s.callee_name)
			s.no_edge = s.no_edge || rules_defer(e->rules, s.callee_name) ||
				    rules_noreturn(e->rules, s.callee_name) || rules_bug_report(e->rules, s.callee_name);
		s.ends_context = s.callee_name && rules_ctxend(e->rules, s.callee_name);
		const struct lp_blocks_with *bw = rules_blocks_with(e->rules, s.callee_name);
		s.blocks_arg = bw ? bw->arg : -1;
		s.blocks_mask = bw ? bw->mask : 0;
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

/* Each site's dominating call (site.dom), in its own function. */
static void load_site_doms(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, dom FROM site WHERE dom IS NOT NULL");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		const struct ck_site *d = engine_site_by_id(e, sqlite3_column_int64(q, 1));
		if (s && d && s->func >= 0 && d->func == s->func)
			s->dom = (int)(d - e->sites.v);
	}
	sqlite3_finalize(q);
}

/* Load rows (site_id, ...) grouped by site into per-site arrays. */
static void load_site_locks(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, held, lock_key, acq_site FROM site_lock ORDER BY site_id");
	VEC(struct ck_lockref) buf = {0};
	struct ck_site *cur = NULL;
	for (bool more = db_step_row(e->db, q);; more = db_step_row(e->db, q)) {
		struct ck_site *s = more ? engine_site_by_id(e, sqlite3_column_int64(q, 0)) : NULL;
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
		struct ck_lockref l = { engine_key_get(e, db_col_text(q, 2)), sqlite3_column_int(q, 1) != 0, -1 };
		const struct ck_site *acq = l.held ? engine_site_by_id(e, sqlite3_column_int64(q, 3)) : NULL;
		if (acq)
			l.acq = (int)(acq - e->sites.v);
		if (acq && acq->kind != SITE_CALL) {
			l.ltype = acq->ltype;
			l.is_read = acq->is_read;
		} else if (acq) {
			l.ltype = LT_FROM_CALL;   /* a callee left it held: its class's kind (held_kinds) */
		}
		vec_push(&buf, l);
	}
	sqlite3_finalize(q);
	vec_free(&buf);
}

/* 'A:B' of 'FWD ? A : B' into A (B an int, or the row is not used), or
 * '|V' of 'FWD | V' into V. */
static bool load_cond(struct ck_arg *a, const char *text)
{
	long long then_v, else_v;
	if (text[0] == '|' && !a->masked) {   /* 'gfp | __GFP_ZERO' */
		a->ored = sscanf(text + 1, "%lld", &a->value) == 1;
		return a->ored;
	}
	if (sscanf(text, "%lld:%lld", &then_v, &else_v) != 2 || else_v < INT_MIN || else_v > INT_MAX)
		return false;
	a->cond = true;
	a->value = then_v;
	a->cond_else = (int)else_v;
	return true;
}

/* 'A:B@T,F' of 'CTX ? A : B' over a context test (A in the path states T,
 * B in F) into A (B an int, or the row is not used). */
static bool load_ctx_cond(struct ck_arg *a, const char *text)
{
	long long then_v, else_v;
	unsigned t, f;
	if (sscanf(text, "%lld:%lld@%u,%u", &then_v, &else_v, &t, &f) != 4 || else_v < INT_MIN ||
	    else_v > INT_MAX || (t | f) > GK_ALL_STATES)
		return false;
	a->ctx_cond = true;
	a->value = then_v;
	a->cond_else = (int)else_v;
	a->ctx_true = (unsigned char)t;
	a->ctx_false = (unsigned char)f;
	return true;
}

/* The one row of site_arg Q is at, or false for a row the engine does not
 * use (a registration's object: link/chains.c, unless it is the object's
 * address, which binds the parameter as not NULL). */
static bool load_arg(struct engine *e, sqlite3_stmt *q, struct ck_arg *a)
{
	bool has_value = sqlite3_column_type(q, 3) != SQLITE_NULL;
	*a = (struct ck_arg){ .n = sqlite3_column_int(q, 1), .key = -1, .field = CK_NO_FIELD, .fwd = -1,
			      .value = sqlite3_column_int64(q, 3) };
	if (sqlite3_column_type(q, 2) != SQLITE_NULL) {
		a->key = engine_key_get(e, db_col_text(q, 2));
	} else if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
		const char *f = db_col_text(q, 4);
		if (!strcmp(f, FORMAT_FIELD)) {   /* only the conversions a rule reads tell paths apart */
			long long read = rules_format_bits(e->rules);
			if (!read)
				return false;
			a->value &= read;
		}
		a->field = strcmp(f, "*") ? engine_field_id(e, f) : CK_ANY_FIELD;
		if (sqlite3_column_type(q, 5) != SQLITE_NULL)   /* 'item.report = report' */
			a->fwd = sqlite3_column_int(q, 5);
		else
			a->unknown = !has_value;
	} else if (sqlite3_column_type(q, 5) != SQLITE_NULL) {
		a->fwd = sqlite3_column_int(q, 5);
		a->masked = has_value;   /* 'flags & MSG_DONTWAIT' */
		if (sqlite3_column_type(q, 6) != SQLITE_NULL)
			return load_cond(a, db_col_text(q, 6));
		if (sqlite3_column_type(q, 7) != SQLITE_NULL) {   /* 'ab->gfp_mask' */
			a->from_field = true;
			a->src_field = engine_field_id(e, db_col_text(q, 7));
		}
	} else if (has_value) {
		a->is_const = true;
	} else if (sqlite3_column_type(q, 6) != SQLITE_NULL) {   /* 'in_atomic() ? GFP_ATOMIC : GFP_KERNEL' */
		return load_ctx_cond(a, db_col_text(q, 6));
	} else if (sqlite3_column_int(q, 8)) {   /* '&dispose': the callee's 'if (!dispose)' is dead */
		a->is_const = true;
		a->value = CK_ADDRESS_VALUE;
	} else {
		return false;
	}
	return true;
}

void engine_site_add_arg(struct engine *e, struct ck_site *s, struct ck_arg a)
{
	struct ck_arg *old = s->args;
	s->args = arena_alloc(&e->arena, (size_t)(s->nargs + 1) * sizeof(*s->args));
	if (old)
		memcpy(s->args, old, (size_t)s->nargs * sizeof(*s->args));
	s->args[s->nargs++] = a;
}

static void load_site_args(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, n, lock_key, value, field, fwd, cond, src_field, addr "
				     "FROM site_arg ORDER BY site_id, n, rowid");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		struct ck_arg a;
		if (s && load_arg(e, q, &a))
			engine_site_add_arg(e, s, a);
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
	int c = strcmp(x->spath ? x->spath : "", y->spath ? y->spath : "");
	if (c)
		return c;
	if (x->sline != y->sline)
		return (x->sline > y->sline) - (x->sline < y->sline);
	if (x->scol != y->scol)
		return (x->scol > y->scol) - (x->scol < y->scol);
	return (x->store > y->store) - (x->store < y->store);
}

/* One arena copy per distinct path (most stores share a few files). */
static const char *intern_path(struct engine *e, const char *path)
{
	bool created;
	int64_t *slot = strmap_put(&e->store_paths, path, &created);
	if (created)
		*slot = (int64_t)(intptr_t)arena_strdup(&e->arena, path);
	return (const char *)(intptr_t)*slot;
}

static void load_edges(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT c.site_id, c.callee, c.store_id, st.idx, sf.path, st.line, st.col "
				     "FROM call_edge c LEFT JOIN fnstore st ON st.id = c.store_id "
				     "LEFT JOIN file sf ON sf.id = st.file_id ORDER BY c.site_id, c.rowid");
	VEC(struct ck_callee) buf = {0};
	struct ck_site *cur = NULL;
	for (bool more = db_step_row(e->db, q);; more = db_step_row(e->db, q)) {
		struct ck_site *s = more ? engine_site_by_id(e, sqlite3_column_int64(q, 0)) : NULL;
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
		int f = engine_func_index(e, sqlite3_column_int64(q, 1));
		/* a soft hrtimer's function is not called by the clock's interrupt */
		bool deferred = init_modes_store_ctx(e->modes, sqlite3_column_int64(q, 2)) >= 0;
		if (s && f >= 0 && !deferred) {
			const struct ck_index *idx = sqlite3_column_type(q, 3) == SQLITE_NULL ? NULL
						     : engine_parse_index(e, db_col_text(q, 3));
			struct ck_callee ce = { f, sqlite3_column_int64(q, 2), idx, NULL, 0, 0 };
			if (sqlite3_column_type(q, 4) != SQLITE_NULL) {
				ce.spath = intern_path(e, db_col_text(q, 4));
				ce.sline = sqlite3_column_int(q, 5);
				ce.scol = sqlite3_column_int(q, 6);
			}
			vec_push(&buf, ce);
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
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		struct keyname_arg arg;
		if (!s || !keyname_parse_arg(db_col_text(q, 1), &arg))
			continue;
		struct ck_fnarg a = { arg.n, -1, -1, sqlite3_column_int64(q, 2) };
		if (sqlite3_column_type(q, 3) != SQLITE_NULL)
			a.func = engine_func_index(e, sqlite3_column_int64(q, 3));
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
		struct ck_alias a = { sqlite3_column_int64(q, 0), engine_key_get(e, db_col_text(q, 1)),
				      engine_key_get(e, db_col_text(q, 2)) };
		vec_push(&e->aliases, a);
	}
	sqlite3_finalize(q);
}


/*
 * Which of each function's parameters a path's bindings matter for: a
 * constant argument only to its own guards ('arg#N=V') and jump-table
 * indexes ('*,arg#N'), a lock argument to the locks its sites take or pass
 * on, a function argument to its calls through the parameter and the ones
 * it passes on.  The engine keeps no other binding in a state: printk's
 * constant arguments made a state per call site.  Bit 31 stands for
 * parameters past the 31st.
 */
static void use_guard_params(struct ck_func *f, const struct ck_guard *g)
{
	for (int a = 0; a < g->nalts; a++)
		for (int i = 0; i < g->alts[a].n; i++)
			use_guard_params(f, &g->alts[a].g[i]);
	if (!g->nalts && !g->key->ctx_dead)
		engine_use_param(&f->const_params, g->key->param);
}

static void load_param_uses(struct engine *e)
{
	for (size_t i = 0; i < e->sites.n; i++) {
		const struct ck_site *s = &e->sites.v[i];
		struct ck_func *f = &e->funcs.v[s->func];
		for (int g = 0; g < s->nguards; g++)
			use_guard_params(f, &s->guards[g]);
		for (int d = 0; s->ind_index && d < s->ind_index->n; d++)
			if (s->ind_index->kind[d] == DIM_PARAM)
				engine_use_param(&f->const_params, (int)s->ind_index->v[d]);
		if (s->key >= 0)
			engine_use_param(&f->lock_params, e->keys.v[s->key].argn);
		for (int l = 0; l < s->nlocks; l++)
			if (s->locks[l].key >= 0)
				engine_use_param(&f->lock_params, e->keys.v[s->locks[l].key].argn);
		for (int a = 0; a < s->nargs; a++)
			if (s->args[a].key >= 0)
				engine_use_param(&f->lock_params, e->keys.v[s->args[a].key].argn);
		engine_use_param(&f->fn_params, s->param_call);
		for (int a = 0; a < s->nfnargs; a++)
			engine_use_param(&f->fn_params, s->fnargs[a].fwd);
		for (int a = 0; a < s->nargs; a++)   /* a gfp mask passed on to kmalloc() */
			if (s->args[a].n == s->blocks_arg && s->args[a].fwd >= 0)
				engine_use_param(&f->const_params, s->args[a].fwd);
	}
}

/* The parameters function F's annotations say it writes (not their
 * members), and of those the ones it only masks (F->masks). */
static uint32_t written_params(struct engine *e, struct ck_func *f)
{
	uint32_t mask = 0;
	int param;
	char field[GUARDKEY_FIELD_MAX];
	const char *values;
	for (const char *p = f->annot; guardkey_next_write(&p, &param, field, &values);) {
		struct ck_mask m = { param, 0, 0 };
		if (field[0])
			continue;
		engine_use_param(&mask, param);
		struct guardkey_wif wif;
		if (guardkey_parse_wif(f->annot, param, &e->arena, &wif)) {
			struct guardkey_wif *old = f->wifs;
			f->wifs = arena_alloc(&e->arena, (size_t)(f->nwifs + 1) * sizeof(*f->wifs));
			if (old)
				memcpy(f->wifs, old, (size_t)f->nwifs * sizeof(*f->wifs));
			f->wifs[f->nwifs++] = wif;
		}
		if (!guardkey_parse_mask(values, &m.and_mask, &m.or_mask))
			continue;
		struct ck_mask *old = f->masks;
		f->masks = arena_alloc(&e->arena, (size_t)(f->nmasks + 1) * sizeof(*f->masks));
		if (old)
			memcpy(f->masks, old, (size_t)f->nmasks * sizeof(*f->masks));
		f->masks[f->nmasks++] = m;
	}
	return mask;
}

const struct guardkey_wif *engine_func_wif(const struct ck_func *f, int param)
{
	for (int i = 0; i < f->nwifs; i++)
		if (f->wifs[i].param == param)
			return &f->wifs[i];
	return NULL;
}

static void guard_wif(const struct ck_func *f, const struct ck_guard *g)
{
	for (int a = 0; a < g->nalts; a++)
		for (int i = 0; i < g->alts[a].n; i++)
			guard_wif(f, &g->alts[a].g[i]);
	struct guardkey *k = (struct guardkey *)g->key;   /* load_guard's own */
	if (!g->nalts && !k->ctx_dead && !k->at_entry && !k->field[0] && k->param >= 0)
		k->wif = engine_func_wif(f, k->param);
}

/* A guard on a parameter its function assigns under tests of its own
 * ('wif:'): the values it can hold follow from what the path passed. */
static void load_guard_wifs(struct engine *e)
{
	for (size_t i = 0; i < e->sites.n; i++) {
		struct ck_site *s = &e->sites.v[i];
		const struct ck_func *f = &e->funcs.v[s->func];
		for (int g = 0; f->nwifs && g < s->nguards; g++)
			guard_wif(f, &s->guards[g]);
	}
}

/*
 * A constant passed on unchanged ('async' from blk_mq_run_hw_queue() on to
 * __blk_mq_delay_run_hw_queue()) matters to the caller where the callee's
 * parameter does: one pass per call level, CK_FORWARD_DEPTH levels deep.
 */
static void forward_param_uses(struct engine *e)
{
	for (int pass = 0; pass < CK_FORWARD_DEPTH; pass++) {
		bool changed = false;
		for (size_t i = 0; i < e->sites.n; i++) {
			const struct ck_site *s = &e->sites.v[i];
			struct ck_func *f = &e->funcs.v[s->func];
			for (int a = 0; a < s->nargs; a++) {
				int k = s->args[a].fwd;
				if (k < 0 || engine_param_used(f->const_params, k))
					continue;
				for (int c = 0; c < s->ncallees; c++)
					if (engine_param_used(e->funcs.v[s->callees[c].func].const_params, s->args[a].n)) {
						engine_use_param(&f->const_params, k);
						changed = true;
						break;
					}
			}
		}
		if (!changed)
			break;
	}
}

/* A lock a called function left held (device_links_write_lock()) is the
 * kind of lock its class is elsewhere in the tree, not the kind of the call
 * site that took it: a mutex held through a helper is no spinlock. */
static void held_kinds(struct engine *e)
{
	for (size_t i = 0; i < e->sites.n; i++)
		for (int l = 0; l < e->sites.v[i].nlocks; l++) {
			struct ck_lockref *lr = &e->sites.v[i].locks[l];
			if (lr->ltype == LT_FROM_CALL)
				lr->ltype = engine_class_ltype(e, engine_key_class(e, lr->key));
		}
}

void engine_load(struct engine *e)
{
	load_classes(e);
	load_funcs_and_sites(e);
	load_site_doms(e);
	load_site_locks(e);
	load_site_args(e);
	e->modes = init_modes_load(e->db, e->rules);
	load_edges(e);
	e->st->kept_puts = (size_t)kept_puts_load(e);   /* after the edges: it reads direct callees */
	e->st->cast_cut = downcasts_prune(e);   /* before anything reads the edges */
	callee_effects_apply(e);   /* before lockdep_load moves lock keys */
	load_fnargs(e);
	load_aliases(e);
	lockdep_load(e);   /* lockdep's classes: may move sites onto a lock path's key */
	for (size_t i = 0; i < e->funcs.n; i++)
		e->funcs.v[i].written_params = written_params(e, &e->funcs.v[i]);
	load_guard_wifs(e);
	ret_members_load(e);
	zeroed_load(e);
	slot_tables_load(e);
	load_param_uses(e);
	member_binds_load(e);
	forward_param_uses(e);
	embedded_load(e);
	downcasts_load(e);
	registrars_load(e);
	owners_load(e);   /* before ops_reach_load: which ops its owners may bind */
	held_kinds(e);
	struct callgraph g;
	callgraph_build(e, &g);
	reach_load(e, &g);
	member_binds_reach(e, &g);
	reach_always_sleeps(e);
	ops_reach_load(e, &g);
	callgraph_free(&g);
}
