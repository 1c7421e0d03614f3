// SPDX-License-Identifier: GPL-2.0-only
/*
 * engine_write.c - the check engine's output (engine_int.h): findings
 * reported by the checks, de-duplicated; their fingerprints (stable across
 * file moves and line shifts), witness paths, alias proofs and messages,
 * written to the finding tables.
 */
#include "check/engine_int.h"
#include "check/fingerprint.h"
#include "check/ops_tables.h"
#include "check/member_owners.h"
#include "check/registrars.h"
#include "check/slot_tables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Path K of F: 0 its own, 1 the other, 2.. a cycle's further dependencies. */
static const struct ck_witness *finding_path(const struct ck_finding *f, int k, struct ck_witness *buf)
{
	if (k == 0) {
		*buf = (struct ck_witness){ f->state, f->site, f->held, f->has_held };
		return buf;
	}
	return k == 1 ? &f->other : &f->more[k - 2];
}

static int finding_npaths(const struct ck_finding *f)
{
	return f->has_other ? 2 + f->nmore : 1;
}

/* Whether finding F needs one of its paths to drop the last reference of
 * something (a witness state's last_put, engine.c). */
static bool finding_last_put(const struct engine *e, const struct ck_finding *f)
{
	for (int k = 0; k < finding_npaths(f); k++) {
		struct ck_witness buf;
		if (e->states.v[finding_path(f, k, &buf)->state].last_put)
			return true;
	}
	return false;
}

/* Keep F under DEDUP: the first found, unless that one needed a last put
 * and F does not (a surer path found later, as guesses go). */
static struct ck_finding *keep_finding(struct engine *e, const char *dedup, struct ck_finding *f)
{
	bool created;
	int64_t *slot = strmap_put(&e->reported, dedup, &created);
	if (created) {
		*slot = (int64_t)e->findings.n;
		vec_push(&e->findings, *f);
		return &e->findings.v[e->findings.n - 1];
	}
	if (*slot < 0) {   /* a site that a finding below the same call stands for */
		free(f->message);
		return NULL;
	}
	struct ck_finding *old = &e->findings.v[*slot];
	/* neither a cycle nor a finding that stands for other sites is replaced */
	if (finding_last_put(e, old) && !finding_last_put(e, f) && !old->more && old->nbelow <= 1) {
		free(old->message);
		*old = *f;
		return old;
	}
	free(f->message);
	return NULL;
}

/* The de-duplication key of the sites below B's call. */
static const char *group_key(char *buf, size_t size, const char *rule, struct ck_below b)
{
	snprintf(buf, size, "%s/below:%lld:%d", rule, (long long)b.call->id, b.held_acq);
	return buf;
}

static bool same_below(struct ck_below a, struct ck_below b)
{
	return a.call == b.call && a.held_acq == b.held_acq;
}

void engine_report(struct engine *e, const struct ck_visit *v, const char *rule,
		   const struct ck_held *held, int key, const char *message)
{
	engine_report_below(e, v, rule, held, key, message, (struct ck_below){ NULL, 0 });
}

/*
 * What a path found below one call is one bug, the call, whichever site
 * below it the path met:
 * - a sleep inside an allocation that may block: trace_find_next_entry()'s
 *   kmalloc(.., GFP_KERNEL) under ftrace_dump() in the timer interrupt
 *   reaches 25 sleeps and locks of reclaim, compaction and the memcg charge;
 * - a lock re-taken, or a sleep, below a call made with a lock held: the
 *   bridge's multicast timer holds its lock across the query it sends, and
 *   the bridge's receive path re-takes it in nine places below that call.
 * Each site is still de-duplicated by its line first (a line another path
 * already reported stays that path's), so this only merges: the first site
 * found below a call stands for the later ones, and counts them.
 */
void engine_report_below(struct engine *e, const struct ck_visit *v, const char *rule,
			 const struct ck_held *held, int key, const char *message, struct ck_below below)
{
	/* one finding per rule and source line (wait_event() is might_sleep() and
	 * schedule() on one line): the first path found is a shortest one */
	char sink[128], group[128];
	snprintf(sink, sizeof(sink), "%s/%lld:%d", rule, (long long)v->site->file, v->site->line);
	int64_t *first = below.call ? strmap_get(&e->reported, group_key(group, sizeof(group), rule, below)) : NULL;
	if (first && !same_below(e->findings.v[*first].below, below))
		first = NULL;   /* that finding was replaced by a surer path (keep_finding) */
	if (first && !strmap_get(&e->reported, sink)) {
		e->findings.v[*first].nbelow++;
		*strmap_put(&e->reported, sink, NULL) = -1;   /* its later paths are dropped too */
		return;
	}
	struct ck_finding f = { rule, xstrdup(message), v->state, v->site, {0}, held != NULL, key,
				.below = below, .nbelow = below.call != NULL };
	if (held)
		f.held = *held;
	struct ck_finding *kept = keep_finding(e, sink, &f);
	if (kept && below.call && !first)
		*strmap_put(&e->reported, group, NULL) = kept - e->findings.v;
}

/* The finding kept for A and B (engine_report_pair), or NULL. */
static struct ck_finding *report_pair(struct engine *e, const struct ck_witness *a, const struct ck_witness *b,
				      const char *rule, int key, const char *dedup, const char *message)
{
	struct ck_finding f = { rule, xstrdup(message), a->state, a->site, a->held, a->has_held, key,
				true, *b };
	return keep_finding(e, dedup, &f);
}

void engine_report_pair(struct engine *e, const struct ck_witness *a, const struct ck_witness *b,
			const char *rule, int key, const char *dedup, const char *message)
{
	report_pair(e, a, b, rule, key, dedup, message);
}

void engine_report_cycle(struct engine *e, const struct ck_witness *w, int n, const char *rule, int key,
			 const char *dedup, const char *message)
{
	struct ck_finding *kept = report_pair(e, &w[0], &w[1], rule, key, dedup, message);
	if (n <= 2 || !kept)
		return;   /* a cycle is never replaced (keep_finding); a pair may give way to one */
	struct ck_witness *more = arena_alloc(&e->arena, (size_t)(n - 2) * sizeof(*more));
	memcpy(more, w + 2, (size_t)(n - 2) * sizeof(*more));
	kept->more = more;
	kept->nmore = n - 2;
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

/*
 * The finding's fingerprint, "lockpath/v1" in SARIF (definition in
 * docs/ci.md): xxh3-128 in 32 hex digits of 'RULE|CLASS|PATH'
 * (fingerprint_hash), where CLASS is the held lock's class (else the
 * acquired one's) as fingerprint_class writes it and PATH the function
 * names from the offending function to the entry (see fingerprint_path).
 * A finding with N paths (lock-order,
 * irq-inversion: two; a lock-order cycle: one per dependency) has the
 * class of each path and each path, both lists sorted, so the order in
 * which the search met them does not matter: 'RULE|A,B|P1|P2',
 * 'RULE|A,B,C|P1|P2|P3'.  No file name, line or database id goes in.
 */
static void fingerprint(const struct engine *e, const struct ck_finding *f, char out[33])
{
	int n = finding_npaths(f);
	char **cls = xcalloc((size_t)n, sizeof(*cls)), **path = xcalloc((size_t)n, sizeof(*path));
	for (int k = 0; k < n; k++) {
		struct ck_witness buf;
		const struct ck_witness *w = finding_path(f, k, &buf);
		struct strbuf c = {0};
		/* path 0's acquired key is the finding's (bound) key; the others' their site's */
		int key = k ? w->site->key : f->key;
		fingerprint_class(&c, engine_class_name(e, w->has_held ? w->held.cls : engine_key_class(e, key)));
		cls[k] = c.buf ? sb_detach(&c) : xstrdup("");
		path[k] = fingerprint_path(e, w->state, w->site);
	}
	fingerprint_hash(f->rule, cls, path, n, out);
	for (int k = 0; k < n; k++) {
		free(cls[k]);
		free(path[k]);
	}
	free(cls);
	free(path);
}

static void write_path(struct engine *e, int64_t fid, int path, int state, const struct ck_site *last,
		       sqlite3_stmt *ins)
{
	VEC(int) chain = {0};   /* any length: a witness always starts at its entry */
	for (int s = state; s >= 0; s = e->states.v[s].parent)
		vec_push(&chain, s);
	for (int i = (int)chain.n - 1, seq = 0; i >= 0; i--, seq++) {
		const struct ck_path_state *s = &e->states.v[chain.v[i]];
		int64_t call = i > 0 ? e->states.v[chain.v[i - 1]].via_site : last->id;
		db_bind_int(ins, 1, fid);
		db_bind_int(ins, 2, path);
		db_bind_int(ins, 3, seq);
		db_bind_int(ins, 4, e->funcs.v[s->func].id);
		db_bind_int(ins, 5, call);
		db_bind_null_or_int(ins, 6, s->via_store);
		/* each path says how it starts: a lock-order's other path may be
		 * another context's (a process-context entry against an interrupt) */
		bool root = (size_t)chain.v[i] >= e->first_root;
		db_bind_text(ins, 7, seq ? NULL : root ? "root" : context_name(s->ctx));
		db_step_done(e->db, ins);
	}
	vec_free(&chain);
}

static void write_hops(struct engine *e, int64_t fid, const struct ck_finding *f, sqlite3_stmt *ins)
{
	for (int k = 0; k < finding_npaths(f); k++) {
		struct ck_witness buf;
		const struct ck_witness *w = finding_path(f, k, &buf);
		write_path(e, fid, k, w->state, w->site, ins);
	}
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
		const struct ck_path_state *st = &e->states.v[i];
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

/* When CUR's binding for OPS is the one ROOT, its path's first state, was
 * seeded with by its entry's registrar (registrars.h), not one of a file
 * the path entered: the method the registration came through; else -1. */
static int seeded_method(const struct engine *e, const struct ck_state *root, const struct ck_state *cur, int ops)
{
	for (int b = 0; b < cur->nimpl; b++) {
		if (cur->impl[b].ops != ops)
			continue;
		for (int r = 0; r < root->nimpl; r++)
			if (root->impl[r].ops == ops && root->impl[r].unit == cur->impl[b].unit)
				return registrars_method(e, root->func, cur->impl[b].unit);
		return -1;
	}
	return -1;
}

/* Calls on the path that one object, one ops table narrowed (ops_tables.h),
 * or a table's array slot (slot_tables.h): the message says which
 * implementation or slot they were kept to. */
static void ops_restricted_calls(struct engine *e, int state, struct strbuf *sb)
{
	int first = state;
	while (first >= 0 && e->states.v[first].parent >= 0)
		first = e->states.v[first].parent;
	struct ck_state root;
	bool root_loaded = false;
	for (int i = state; i >= 0 && e->states.v[i].parent >= 0; i = e->states.v[i].parent) {
		const struct ck_path_state *st = &e->states.v[i];
		const struct ck_site *site = engine_site_by_id(e, st->via_site);
		struct ck_state caller;
		if (site)
			engine_state_load(e, st->parent, &caller);
		long long index;
		const char *slot = site ? slot_tables_deciding(e, &caller, site, &index) : NULL;
		const char *unit = site && !slot ? ops_restricted_to(e, &caller, site) : NULL;
		if (!unit && !slot)
			continue;
		if (!slot && !root_loaded) {
			engine_state_load(e, first, &root);
			root_loaded = true;
		}
		int method = slot ? -1 : seeded_method(e, &root, &caller, site->ops);
		int owner = slot ? -1 : ops_binding_owner(&caller, site->ops);
		char *clause = slot ? xasprintf("; the call in %s went to the tables registered into %s[%lld] only",
						e->funcs.v[site->func].name, slot, index)
			       : owner >= 0 ? xasprintf("; the call in %s went to %s's ops table only: its object came "
							"from %s, which only that file's methods fill",
							e->funcs.v[site->func].name, unit, owners_member(e, owner))
			       : method >= 0 ? xasprintf("; the call in %s went to %s's ops table only: %s is registered "
							 "below %s, a method of that file's tables",
							 e->funcs.v[site->func].name, unit,
							 e->funcs.v[root.func].name, e->funcs.v[method].name)
				    : xasprintf("; the call in %s went to %s's ops table only, the implementation this "
						"path came through", e->funcs.v[site->func].name, unit);
		if (!strstr(sb_str(sb), clause))   /* said once when two paths make the same call */
			sb_add(sb, clause);
		free(clause);
	}
}

/* The first call on the path to STATE that runs only where a reference
 * count hit zero (the state it enters), or -1. */
static int first_last_put(const struct engine *e, int state)
{
	int first = -1;
	for (int i = state; i >= 0 && e->states.v[i].parent >= 0; i = e->states.v[i].parent)
		if (e->states.v[i].last_put && !e->states.v[e->states.v[i].parent].last_put)
			first = i;
	return first;
}

/* The call on the path that needs the last reference dropped, said once. */
static void last_put_call(struct engine *e, int state, struct strbuf *sb)
{
	int i = first_last_put(e, state);
	if (i < 0 || strstr(sb_str(sb), "drops the last reference"))
		return;
	const struct ck_path_state *st = &e->states.v[i];
	sb_addf(sb, "; only where the put in %s drops the last reference (it calls %s only then)",
		e->funcs.v[e->states.v[st->parent].func].name, e->funcs.v[st->func].name);
}

/* The call a finding was found below, and how many sites below it the
 * finding stands for (engine_report_below), when that is more than itself:
 * the path already shows the call of a finding that stands alone. */
static void below_call(struct engine *e, const struct ck_finding *f, struct strbuf *sb)
{
	const struct ck_site *c = f->below.call;
	if (!c || f->nbelow < 2)
		return;
	sb_add(sb, "; it is below the call");
	if (c->callee_name)
		sb_addf(sb, " to %s", c->callee_name);
	sb_addf(sb, " in %s (line %d), ", e->funcs.v[c->func].name, c->line);
	if (f->below.held_acq == CK_BELOW_ALLOC)
		sb_add(sb, "an allocation that may block here");
	else if (f->below.held_acq == CK_BELOW_CONTEXT)
		sb_add(sb, "the last call through a function pointer on the path");
	else
		sb_addf(sb, "made with %s held (line %d)", engine_key_name(e, f->held.key),
			e->sites.v[f->below.held_acq].line);
	sb_addf(sb, ": this finding stands for the %d %s found below that call", f->nbelow,
		f->below.held_acq >= 0 && !strcmp(f->rule, checks[CHECK_ID_recursive_lock].name) ?
		"acquisitions" : "sleeps");
}

static char *finding_message(struct engine *e, const struct ck_finding *f)
{
	struct strbuf sb = {0};
	sb_add(&sb, f->message);
	for (int k = 0; k < finding_npaths(f); k++) {
		struct ck_witness buf;
		bytype_calls(e, finding_path(f, k, &buf)->state, &sb);
		ops_restricted_calls(e, finding_path(f, k, &buf)->state, &sb);
		last_put_call(e, finding_path(f, k, &buf)->state, &sb);
	}
	below_call(e, f, &sb);
	return sb_detach(&sb);
}

void engine_write_findings(struct engine *e)
{
	db_exec(e->db, "DELETE FROM finding_alias; DELETE FROM finding_hop; DELETE FROM finding;");
	sqlite3_stmt *fi = db_prepare(e->db,
		"INSERT INTO finding(rule, fingerprint, message, entry_func, context, lock_key, held_key, site_id, held_site, "
		"from_root, last_put) "
		"VALUES (?,?,?,?,?,?,?,?,?,?,?)");
	sqlite3_stmt *hop = db_prepare(e->db,
		"INSERT INTO finding_hop(finding_id, path, seq, func_id, site_id, store_id, entry) VALUES (?,?,?,?,?,?,?)");
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
		db_bind_null_or_int(fi, 9, f->has_held && f->held.acq >= 0 ? e->sites.v[f->held.acq].id : 0);
		db_bind_int(fi, 10, (size_t)entry >= e->first_root);
		db_bind_int(fi, 11, finding_last_put(e, f));
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

