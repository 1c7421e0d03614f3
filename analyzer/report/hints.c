// SPDX-License-Identifier: GPL-2.0-only
/*
 * hints.c - a "how this is usually fixed" hint per finding (rp_hints in
 * findings.h).  The words are data, the 'hint' directives of rules/
 * (hints.rules); this file decides which situation a finding is in, looks
 * for an example of the fix in the analysed tree, and fills the
 * placeholders.  It reads the database only, at report time.  It never
 * invents an example: a situation with an example ('defer-example') is used
 * only when the database shows one, else the generic text ('defer').
 */
#include "report/findings.h"
#include "lib/keyname.h"
#include "rules/rules.h"

#include <stdlib.h>
#include <string.h>

/* At most this many functions of one key are looked at for a deferring
 * example; keys reaching more are generic machinery, not "the same kind
 * of callback". */
#define HINT_MAX_KEY_CANDIDATES 64

struct cand { const char *name, *file; int line, col; };
struct cand_vec { struct cand *v; size_t n, cap; };
struct irq_ex { int64_t cls; const char *func, *file, *prim; int line, col; };

struct hint_ctx {
	struct lp_db *db;
	const struct lp_rules *r;
	struct rp_run *run;
	const char *root;               /* rp_source_root, or NULL */
	struct strmap queues_only;      /* func id -> 1 only queues work, 0 not */
	struct strmap key_cands;        /* call key -> index in cands + 1 (0: none qualify) */
	VEC(struct cand_vec) cands;
	bool irq_loaded;                /* irq_ex below is filled */
	struct strmap irq_class;        /* class id -> first index in irq_ex */
	VEC(struct irq_ex) irq_ex;
	bool order_loaded;
	struct strmap order;            /* 'A,B' class ids -> functions taking B with A held */
};

/* FILE relative to the source root, when below it. */
static const char *rel(const struct hint_ctx *h, const char *file)
{
	size_t n = h->root ? strlen(h->root) : 0;
	if (file && n && !strncmp(file, h->root, n) && file[n] == '/')
		return file + n + 1;
	return file ? file : "?";
}

/* ------------------------------------------------------------ filling */

struct ph { const char *name, *value; };

/* TEXT with every '{name}' replaced by its value in PH (the rules parser
 * allowed only the situation's placeholders; an unset one reads '?'). */
static char *fill(struct arena *a, const char *text, const struct ph *ph, int n)
{
	struct strbuf sb = {0};
	for (const char *p = text; *p;) {
		const char *b = strchr(p, '{'), *e = b ? strchr(b, '}') : NULL;
		if (!b || !e) {
			sb_add(&sb, p);
			break;
		}
		sb_addn(&sb, p, (size_t)(b - p));
		const char *v = "?";
		for (int i = 0; i < n; i++)
			if (strlen(ph[i].name) == (size_t)(e - b - 1) && !strncmp(ph[i].name, b + 1, (size_t)(e - b - 1)))
				v = ph[i].value ? ph[i].value : "?";
		sb_add(&sb, v);
		p = e + 1;
	}
	char *s = arena_strdup(a, sb_str(&sb));
	sb_free(&sb);
	return s;
}

/* Set F's hint from the rules' text for SITUATION, if they have one. */
static bool set_hint(struct hint_ctx *h, struct rp_finding *f, const char *situation, const struct ph *ph, int n)
{
	const char *text = rules_hint(h->r, f->rule, situation);
	if (!text)
		return false;
	f->hint = fill(&h->run->arena, text, ph, n);
	f->hint_situation = situation;
	return true;
}

/* ------------------------------------------------------------ a callback that only queues work */

static char *id_key(int64_t id)
{
	return xasprintf("%lld", (long long)id);
}

/* Whether the direct call SITE reaches only functions that do nothing a
 * hint cares about: each has a body with no site at all (no call, no lock). */
static bool call_is_leaf(struct hint_ctx *h, int64_t site)
{
	sqlite3_stmt *q = db_prepare(h->db,
		"SELECT (SELECT COUNT(*) FROM site x WHERE x.func_id = ce.callee) FROM call_edge ce WHERE ce.site_id = ?");
	db_bind_int(q, 1, site);
	int n = 0;
	bool leaf = true;
	while (db_step_row(h->db, q)) {
		n++;
		leaf = leaf && sqlite3_column_int64(q, 0) == 0;
	}
	sqlite3_finalize(q);
	return n && leaf;
}

/* Whether function FUNC only queues work: it calls a deferral API that
 * runs its argument in process context (queue_work, schedule_work: a work
 * item), and otherwise only takes spinning locks or calls functions that
 * do nothing (no indirect call, no sleep, no sleeping lock, no other call). */
static bool only_queues_work(struct hint_ctx *h, int64_t func)
{
	char *k = id_key(func);
	int64_t *memo = strmap_get(&h->queues_only, k);
	if (memo) {
		free(k);
		return *memo;
	}
	sqlite3_stmt *q = db_prepare(h->db, "SELECT id, kind, callee_name, ind_key, ltype FROM site WHERE func_id = ?");
	db_bind_int(q, 1, func);
	bool queues = false, other = false;
	VEC(int64_t) calls = {0};
	while (!other && db_step_row(h->db, q)) {
		int kind = sqlite3_column_int(q, 1);
		const char *callee = db_col_text(q, 2);
		if (kind == SITE_CALL) {
			const struct lp_defer *d = *callee ? rules_defer(h->r, callee) : NULL;
			if (sqlite3_column_type(q, 3) != SQLITE_NULL || rules_sleep_reason(h->r, callee))
				other = true;
			else if (d)   /* a work item queues; a timer or an RCU callback is another pattern */
				queues = queues || d->ctx == CTX_PROCESS, other = d->ctx != CTX_PROCESS;
			else if (!rules_irqop(h->r, callee))
				vec_push(&calls, sqlite3_column_int64(q, 0));
		} else if (kind == SITE_ACQUIRE || kind == SITE_TRYLOCK) {
			int lt = sqlite3_column_int(q, 4);
			other = lt != LT_SPIN && lt != LT_RWLOCK;
		}
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < calls.n && !other; i++)
		other = !call_is_leaf(h, calls.v[i]);
	vec_free(&calls);
	bool yes = queues && !other;
	*strmap_put(&h->queues_only, k, NULL) = yes;
	free(k);
	return yes;
}

/* The functions called through KEY that only queue work (cached). */
static const struct cand *key_candidates(struct hint_ctx *h, const char *key, size_t *n)
{
	int64_t *memo = strmap_get(&h->key_cands, key);
	if (!memo) {
		sqlite3_stmt *q = db_prepare(h->db,
			"SELECT DISTINCT fn.id, fn.name, fl.path, fn.line, fn.col FROM key_target kt "
			"JOIN func fn ON fn.id = kt.func_id JOIN file fl ON fl.id = fn.file_id "
			"WHERE kt.key = ? ORDER BY fl.path, fn.line LIMIT ?");
		db_bind_text(q, 1, key);
		db_bind_int(q, 2, HINT_MAX_KEY_CANDIDATES + 1);
		struct cand_vec v = {0};
		VEC(int64_t) ids = {0};
		while (db_step_row(h->db, q)) {
			struct cand c = { arena_strdup(&h->run->arena, db_col_text(q, 1)),
					  arena_strdup(&h->run->arena, db_col_text(q, 2)),
					  sqlite3_column_int(q, 3), sqlite3_column_int(q, 4) };
			vec_push(&v, c);
			vec_push(&ids, sqlite3_column_int64(q, 0));
		}
		sqlite3_finalize(q);
		size_t kept = 0;
		for (size_t i = 0; v.n <= HINT_MAX_KEY_CANDIDATES && i < v.n; i++)
			if (only_queues_work(h, ids.v[i]))
				v.v[kept++] = v.v[i];
		v.n = v.n <= HINT_MAX_KEY_CANDIDATES ? kept : 0;
		vec_free(&ids);
		vec_push(&h->cands, v);
		memo = strmap_put(&h->key_cands, key, NULL);
		*memo = (int64_t)h->cands.n;
	}
	*n = h->cands.v[*memo - 1].n;
	return h->cands.v[*memo - 1].v;
}

/* How many leading directory components A and B share. */
static int common_dirs(const char *a, const char *b)
{
	int n = 0;
	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		n += a[i] == '/';
	return n;
}

/* The candidate of C[0..N) nearest to FILE (most directories in common,
 * then by path and line), other than the function at NOT; NULL if none. */
static const struct cand *nearest(const struct cand *c, size_t n, const char *file, const struct rp_loc *not)
{
	const struct cand *best = NULL;
	int best_d = -1;
	for (size_t i = 0; i < n; i++) {
		if (not->file && !strcmp(c[i].file, not->file) && c[i].line == not->line)
			continue;
		int d = common_dirs(c[i].file, file);
		if (d > best_d) {   /* c is in path and line order: the first of a distance wins */
			best = &c[i];
			best_d = d;
		}
	}
	return best;
}

/* recursive-lock and sleep-in-atomic in an interrupt: defer the work.  The
 * example: walking the path back from the offence, the first function
 * called through a key that another function of that key, which only
 * queues work, shows how to do it. */
static void hint_defer(struct hint_ctx *h, struct rp_finding *f, const char *func)
{
	struct ph ph[8] = { { "func", func }, { "lock", f->lock_key }, { "held", f->held_key },
			    { "context", f->context } };
	for (int i = f->nhops - 1; i > 0; i--) {
		const struct rp_hop *hop = &f->hops[i];
		if (!hop->via_key || !hop->has_store || keyname_is_type(hop->store_key))
			continue;
		size_t n;
		const struct cand *c = key_candidates(h, hop->via_key, &n);
		const struct cand *best = nearest(c, n, hop->func_loc.file ? hop->func_loc.file : "", &hop->func_loc);
		if (!best)
			continue;
		struct arena *a = &h->run->arena;
		char *loc = arena_printf(a, "%s:%d", rel(h, best->file), best->line);
		ph[4] = (struct ph){ "callback", hop->func };
		ph[5] = (struct ph){ "key", hop->via_key };
		ph[6] = (struct ph){ "example", best->name };
		ph[7] = (struct ph){ "example-loc", loc };
		if (!set_hint(h, f, "defer-example", ph, 8))
			break;
		f->has_hint_example = true;
		f->hint_example = (struct rp_loc){ best->file, best->line, best->col };
		f->hint_example_msg = arena_printf(a, "%s, also called through %s, only queues work: the fix's "
						   "pattern", best->name, hop->via_key);
		return;
	}
	set_hint(h, f, "defer", ph, 4);
}

/* ------------------------------------------------------------ irq-inversion */

static int64_t class_of(struct hint_ctx *h, const char *key)
{
	if (!key)
		return -1;
	sqlite3_stmt *q = db_prepare(h->db, "SELECT class_id FROM lock_class WHERE key = ?");
	db_bind_text(q, 1, key);
	int64_t c = db_step_row(h->db, q) ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	return c;
}

/* Every acquisition that disables interrupts (irqsave, irq), by class. */
static void load_irq_examples(struct hint_ctx *h)
{
	h->irq_loaded = true;
	sqlite3_stmt *q = db_prepare(h->db,
		"SELECT c.class_id, fn.name, fl.path, s.line, s.col, s.callee_name FROM site s "
		"JOIN lock_class c ON c.key = s.lock_key JOIN func fn ON fn.id = s.func_id "
		"JOIN file fl ON fl.id = s.file_id WHERE s.kind = ? AND s.irq IN (?, ?) "
		"ORDER BY c.class_id, fl.path, s.line, s.col");
	db_bind_int(q, 1, SITE_ACQUIRE);
	db_bind_int(q, 2, IRQ_SAVE);
	db_bind_int(q, 3, IRQ_DISABLE);
	struct arena *a = &h->run->arena;
	while (db_step_row(h->db, q)) {
		struct irq_ex e = { sqlite3_column_int64(q, 0), arena_strdup(a, db_col_text(q, 1)),
				    arena_strdup(a, db_col_text(q, 2)), arena_strdup(a, db_col_text(q, 5)),
				    sqlite3_column_int(q, 3), sqlite3_column_int(q, 4) };
		char *k = id_key(e.cls);
		bool created;
		int64_t *slot = strmap_put(&h->irq_class, k, &created);
		if (created)
			*slot = (int64_t)h->irq_ex.n;
		free(k);
		vec_push(&h->irq_ex, e);
	}
	sqlite3_finalize(q);
}

static void hint_irq_inversion(struct hint_ctx *h, struct rp_finding *f)
{
	struct ph ph[4] = { { "lock", f->lock_key } };
	int64_t cls = class_of(h, f->lock_key);
	if (cls >= 0 && !h->irq_loaded)
		load_irq_examples(h);
	char *k = id_key(cls);
	int64_t *first = cls >= 0 ? strmap_get(&h->irq_class, k) : NULL;
	free(k);
	const struct irq_ex *best = NULL;
	int best_d = -1;
	for (size_t i = first ? (size_t)*first : h->irq_ex.n; i < h->irq_ex.n && h->irq_ex.v[i].cls == cls; i++) {
		int d = common_dirs(h->irq_ex.v[i].file, f->site.file ? f->site.file : "");
		if (d > best_d) {
			best = &h->irq_ex.v[i];
			best_d = d;
		}
	}
	if (best) {
		struct arena *a = &h->run->arena;
		ph[1] = (struct ph){ "example", best->func };
		ph[2] = (struct ph){ "example-loc", arena_printf(a, "%s:%d", rel(h, best->file), best->line) };
		ph[3] = (struct ph){ "primitive", best->prim };
		if (set_hint(h, f, "irqsave-example", ph, 4)) {
			f->has_hint_example = true;
			f->hint_example = (struct rp_loc){ best->file, best->line, best->col };
			f->hint_example_msg = arena_printf(a, "%s takes %s with interrupts disabled (%s) here",
							   best->func, f->lock_key, best->prim);
			return;
		}
	}
	set_hint(h, f, "irqsave", ph, 1);
}

/* ------------------------------------------------------------ lock-order */

/* For every two classes A != B: how many acquisitions of B are made with A
 * taken earlier in the same function body (site_lock), the only order
 * the database records outside the findings' own paths. */
static void load_orders(struct hint_ctx *h)
{
	h->order_loaded = true;
	sqlite3_stmt *q = db_prepare(h->db,
		"SELECT ca.class_id, cb.class_id, COUNT(DISTINCT s.func_id) FROM site s "
		"JOIN site_lock sl ON sl.site_id = s.id AND sl.held = 1 "
		"JOIN lock_class cb ON cb.key = s.lock_key JOIN lock_class ca ON ca.key = sl.lock_key "
		"WHERE s.kind = ? AND ca.class_id != cb.class_id GROUP BY 1, 2");
	db_bind_int(q, 1, SITE_ACQUIRE);
	while (db_step_row(h->db, q)) {
		char *k = xasprintf("%lld,%lld", (long long)sqlite3_column_int64(q, 0),
				    (long long)sqlite3_column_int64(q, 1));
		*strmap_put(&h->order, k, NULL) = sqlite3_column_int64(q, 2);
		free(k);
	}
	sqlite3_finalize(q);
}

static int64_t order_count(struct hint_ctx *h, int64_t a, int64_t b)
{
	char *k = xasprintf("%lld,%lld", (long long)a, (long long)b);
	int64_t *n = strmap_get(&h->order, k);
	free(k);
	return n ? *n : 0;
}

static void hint_lock_order(struct hint_ctx *h, struct rp_finding *f)
{
	struct arena *a = &h->run->arena;
	if (f->npaths > 2) {   /* a cycle of three or more classes */
		struct strbuf sb = {0};
		for (int k = 0; k <= f->npaths; k++)
			sb_addf(&sb, "%s%s", k ? " -> " : "", rp_cycle_lock(f, k % f->npaths));
		struct ph ph[1] = { { "chain", arena_strdup(a, sb_str(&sb)) } };
		sb_free(&sb);
		set_hint(h, f, "cycle", ph, 1);
		return;
	}
	const char *ka = f->held_key ? f->held_key : "?", *kb = f->lock_key ? f->lock_key : "?";
	struct ph ph[6] = { { "a", ka }, { "b", kb } };
	int64_t ca = class_of(h, f->held_key), cb = class_of(h, f->lock_key);
	if (ca >= 0 && cb >= 0 && ca != cb) {
		if (!h->order_loaded)
			load_orders(h);
		int64_t ab = order_count(h, ca, cb), ba = order_count(h, cb, ca);
		if (ab + ba >= 2 && ab != ba) {
			ph[2] = (struct ph){ "first", ab > ba ? ka : kb };
			ph[3] = (struct ph){ "second", ab > ba ? kb : ka };
			ph[4] = (struct ph){ "count", arena_printf(a, "%lld", (long long)(ab > ba ? ab : ba)) };
			ph[5] = (struct ph){ "total", arena_printf(a, "%lld", (long long)(ab + ba)) };
			if (set_hint(h, f, "order-count", ph, 6))
				return;
		}
	}
	set_hint(h, f, "order", ph, 2);
}

/* ------------------------------------------------------------ per rule */

/* The offending site's function name (the sleeping call, the lock
 * primitive), or NULL. */
static const char *site_callee(struct hint_ctx *h, const struct rp_finding *f)
{
	sqlite3_stmt *q = db_prepare(h->db,
		"SELECT s.callee_name FROM finding f JOIN site s ON s.id = f.site_id WHERE f.id = ?");
	db_bind_int(q, 1, f->id);
	const char *name = NULL;
	if (db_step_row(h->db, q) && sqlite3_column_type(q, 0) != SQLITE_NULL)
		name = arena_strdup(&h->run->arena, db_col_text(q, 0));
	sqlite3_finalize(q);
	return name;
}

static void hint_one(struct hint_ctx *h, struct rp_finding *f)
{
	const char *last = f->nhops ? f->hops[f->nhops - 1].func : NULL;
	bool irq = context_from_name(f->context) != CTX_PROCESS;
	if (!strcmp(f->rule, "recursive-lock")) {
		if (irq) {
			hint_defer(h, f, last);
		} else {
			struct ph ph[3] = { { "func", last }, { "lock", f->lock_key }, { "held", f->held_key } };
			set_hint(h, f, "split", ph, 3);
		}
	} else if (!strcmp(f->rule, "sleep-in-atomic")) {
		const char *callee = site_callee(h, f);
		const char *alt = callee ? rules_hint_alternative(h->r, callee) : NULL;
		struct ph ph[3] = { { "func", callee }, { "held", f->held_key }, { "alternative", alt } };
		if (irq)
			hint_defer(h, f, callee);
		else if (alt)
			set_hint(h, f, "alternative", ph, 3);
		else if (f->held_key)
			set_hint(h, f, "outside", ph, 2);
		else
			set_hint(h, f, "irqs-off", ph, 1);
	} else if (!strcmp(f->rule, "irq-inversion")) {
		hint_irq_inversion(h, f);
	} else if (!strcmp(f->rule, "lock-order")) {
		hint_lock_order(h, f);
	} else if (!strcmp(f->rule, "irqs-off-call")) {
		struct ph ph[2] = { { "func", site_callee(h, f) },
				    { "context", irq ? "an interrupt handler" : "the critical section" } };
		set_hint(h, f, "irqs-on", ph, 2);
	}
}

void rp_hints(struct lp_db *db, struct rp_run *run, const struct lp_rules *r)
{
	struct hint_ctx h = { .db = db, .r = r, .run = run };
	char *root = rp_source_root(run);
	h.root = root;
	bool own_txn = sqlite3_get_autocommit(db->h);
	if (own_txn)
		db_exec(db, "BEGIN");
	for (int i = 0; i < run->n; i++)
		hint_one(&h, &run->f[i]);
	if (own_txn)
		db_exec(db, "COMMIT");
	for (size_t i = 0; i < h.cands.n; i++)
		vec_free(&h.cands.v[i]);
	vec_free(&h.cands);
	vec_free(&h.irq_ex);
	strmap_free(&h.queues_only);
	strmap_free(&h.key_cands);
	strmap_free(&h.irq_class);
	strmap_free(&h.order);
	free(root);
}
