// SPDX-License-Identifier: GPL-2.0-only
/*
 * store.c - the single writer of extracted facts.  Each TU is replaced in
 * one transaction, so a run interrupted at any point leaves every finished
 * TU committed and no TU half-written.  Header-owned facts (inline
 * functions) are keyed by header version and shared by all TUs.
 */
#include "extract/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct store {
	struct lp_db *db;
	sqlite3_stmt *ins_tu, *ins_inc, *ins_diag, *ins_hdr, *sel_hdr, *ins_func,
		*ins_site, *ins_lock, *ins_arg, *ins_store, *ins_alias, *ins_ret, *ins_slot, *ins_table, *ins_result, *ins_link, *sel_tu;
};

/*
 * The fact tables, each with how its rows hang from the TU or the header
 * version that owns them: through a site of one of the owner's functions,
 * through one of its functions, by the owner's own column, or (a TU's
 * includes and diagnostics) by the TU alone.  Children come first, so
 * that no delete leaves a row pointing to one that went.  The three ways
 * facts go (a TU replaced, header versions no TU includes any more, every
 * fact at once) are made from this one list: a new table goes here.
 */
enum fact_owner { BY_SITE, BY_FUNC, BY_OWNER, BY_TU };
static const struct fact_table {
	const char *name;
	enum fact_owner owner;
} fact_tables[] = {
	{ "site_lock", BY_SITE },   { "site_arg", BY_SITE },     { "func_ret", BY_FUNC },
	{ "slot_store", BY_FUNC },  { "table_store", BY_FUNC },  { "result_store", BY_FUNC },
	{ "link_store", BY_FUNC },  { "site", BY_FUNC },         { "func", BY_OWNER },
	{ "fnstore", BY_OWNER },    { "lockalias", BY_OWNER },   { "tu_include", BY_TU },
	{ "tu_diag", BY_TU },
};
#define NFACT_TABLES (sizeof(fact_tables) / sizeof(fact_tables[0]))

/* The statement that deletes table T's rows of the owners COL (tu_id or
 * hdr_id) matches with OWNERS ('= ?1', 'IN (SELECT ..)'); NULL where the
 * table has none (a TU's own rows, for a header). */
static char *delete_sql(const struct fact_table *t, const char *col, const char *owners)
{
	struct strbuf sb = {0};
	switch (t->owner) {
	case BY_SITE:
		sb_addf(&sb, "DELETE FROM %s WHERE site_id IN (SELECT s.id FROM site s JOIN func f ON "
			"s.func_id = f.id WHERE f.%s %s)", t->name, col, owners);
		break;
	case BY_FUNC:
		sb_addf(&sb, "DELETE FROM %s WHERE func_id IN (SELECT id FROM func WHERE %s %s)", t->name, col,
			owners);
		break;
	case BY_TU:
		if (strcmp(col, "tu_id"))
			return NULL;
		/* fall through */
	case BY_OWNER:
		sb_addf(&sb, "DELETE FROM %s WHERE %s %s", t->name, col, owners);
		break;
	}
	return sb_detach(&sb);
}

/* Run SQL (which it frees) with ?1 bound to BIND, unless BIND is 0. */
static void exec_owned(struct store *s, char *sql, int64_t bind)
{
	sqlite3_stmt *st = db_prepare(s->db, sql);
	if (bind)
		db_bind_int(st, 1, bind);
	db_step_done(s->db, st);
	sqlite3_finalize(st);
	free(sql);
}

/* Delete every fact of the owners COL OWNERS, then the owners themselves
 * (rows of OWNER_TABLE), in the caller's transaction. */
static void delete_owned(struct store *s, const char *col, const char *owners, const char *owner_table,
			 int64_t bind)
{
	for (size_t i = 0; i < NFACT_TABLES; i++) {
		char *sql = delete_sql(&fact_tables[i], col, owners);
		if (sql)
			exec_owned(s, sql, bind);
	}
	struct strbuf sb = {0};
	sb_addf(&sb, "DELETE FROM %s WHERE id %s", owner_table, owners);
	exec_owned(s, sb_detach(&sb), bind);
}

struct store *store_new(struct lp_db *db)
{
	struct store *s = xcalloc(1, sizeof(*s));
	s->db = db;
	s->ins_tu = db_prepare(db, "INSERT INTO tu(file_id, directory, args, args_hash, status, n_errors, "
			       "parse_ms, parse_cpu_ms, walk_ms, extracted_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
	s->ins_inc = db_prepare(db, "INSERT OR IGNORE INTO tu_include(tu_id, file_id, hash) VALUES (?,?,?)");
	s->ins_diag = db_prepare(db, "INSERT INTO tu_diag(tu_id, severity, file_id, line, col, message) "
				 "VALUES (?,?,?,?,?,?)");
	s->ins_hdr = db_prepare(db, "INSERT OR IGNORE INTO hdr(file_id, hash) VALUES (?,?)");
	s->sel_hdr = db_prepare(db, "SELECT id FROM hdr WHERE file_id = ? AND hash = ?");
	s->ins_func = db_prepare(db, "INSERT OR IGNORE INTO func(tu_id, hdr_id, usr, name, file_id, line, col, "
				 "end_line, is_static, nparams, annot, exit_locks, param_casts, member_writes, exit_irqs) "
				 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	s->ins_site = db_prepare(db, "INSERT INTO site(func_id, kind, file_id, line, col, callee_usr, callee_name, "
				 "ind_key, text, lock_key, irq, subclass, irqs_off, ltype, is_read, ind_index, guard, "
				 "lock_path, always, last_put, ind_obj, ind_member, ind_slot, dom, exit_dom, "
				 "ind_table, ind_table_obj, ind_head, doomed, last_put_obj, ref_obj, again_arg) "
				 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	s->ins_lock = db_prepare(db, "INSERT INTO site_lock(site_id, held, lock_key, acq_site) VALUES (?,?,?,?)");
	s->ins_arg = db_prepare(db, "INSERT INTO site_arg(site_id, n, lock_key, value, obj_key, field, fwd, "
				 "lock_path, cond, src_field, ret_site, addr, walk, ret_only) "
				 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	s->ins_ret = db_prepare(db, "INSERT INTO func_ret(func_id, field, param, site_id, obj_key) VALUES (?,?,?,?,?)");
	s->ins_slot = db_prepare(db, "INSERT INTO slot_store(func_id, slot, idx, value) VALUES (?,?,?,?)");
	s->ins_table = db_prepare(db, "INSERT INTO table_store(func_id, member, obj_key, value, src_obj) VALUES (?,?,?,?,?)");
	s->ins_result = db_prepare(db, "INSERT INTO result_store(func_id, member, site_id) VALUES (?,?,?)");
	s->ins_link = db_prepare(db, "INSERT INTO link_store(func_id, dst, src) VALUES (?,?,?)");
	s->ins_store = db_prepare(db, "INSERT INTO fnstore(tu_id, hdr_id, func_id, file_id, line, col, key, "
				  "src_usr, src_name, src_key, idx, site_id, obj_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
	s->ins_alias = db_prepare(db, "INSERT INTO lockalias(tu_id, hdr_id, func_id, file_id, line, col, "
				  "lhs_key, rhs_key, text) VALUES (?,?,?,?,?,?,?,?,?)");
	s->sel_tu = db_prepare(db, "SELECT t.id, t.args_hash, t.status FROM tu t JOIN file f ON t.file_id = f.id "
			       "WHERE f.path = ?");
	return s;
}

void store_free(struct store *s)
{
	if (!s)
		return;
	sqlite3_stmt *all[] = { s->ins_tu, s->ins_inc, s->ins_diag, s->ins_hdr, s->sel_hdr, s->ins_func,
				s->ins_site, s->ins_lock, s->ins_arg, s->ins_store, s->ins_alias, s->ins_ret, s->ins_slot, s->ins_table, s->ins_result,
				s->ins_link, s->sel_tu };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		sqlite3_finalize(all[i]);
	free(s);
}

static void delete_tu(struct store *s, int64_t tu_id)
{
	delete_owned(s, "tu_id", "= ?1", "tu", tu_id);
}

static int64_t find_tu(struct store *s, const char *path, char *args_hash, int *status)
{
	db_bind_text(s->sel_tu, 1, path);
	int64_t id = 0;
	if (db_step_row(s->db, s->sel_tu)) {
		id = sqlite3_column_int64(s->sel_tu, 0);
		if (args_hash)
			snprintf(args_hash, 33, "%s", db_col_text(s->sel_tu, 1));
		if (status)
			*status = sqlite3_column_int(s->sel_tu, 2);
	}
	sqlite3_reset(s->sel_tu);
	return id;
}

static int64_t hdr_id(struct store *s, int64_t file_id, const char *hash)
{
	db_bind_int(s->ins_hdr, 1, file_id);
	db_bind_text(s->ins_hdr, 2, hash);
	db_step_done(s->db, s->ins_hdr);
	db_bind_int(s->sel_hdr, 1, file_id);
	db_bind_text(s->sel_hdr, 2, hash);
	int64_t id = db_step_row(s->db, s->sel_hdr) ? sqlite3_column_int64(s->sel_hdr, 0) : 0;
	sqlite3_reset(s->sel_hdr);
	return id;
}

/* The owner columns (tu_id, hdr_id) for facts of header HDR (-1: the TU). */
static void bind_owner(struct store *s, sqlite3_stmt *st, int col, int64_t tu_id, int hdr,
		       const int64_t *file_ids, const struct tu_facts *f)
{
	if (hdr < 0) {
		db_bind_int(st, col, tu_id);
		sqlite3_bind_null(st, col + 1);
		return;
	}
	const char *hash = "";
	for (size_t i = 0; i < f->includes.n; i++)
		if (!strcmp(f->includes.v[i].path, f->files.v[hdr]))
			hash = f->includes.v[i].hash;
	sqlite3_bind_null(st, col);
	db_bind_int(st, col + 1, hdr_id(s, file_ids[hdr], hash));
}

/* Writes F's sites; returns their row ids by TU-local index (0: not written), for the
 * caller to free. */
static int64_t *store_sites(struct store *s, const struct tu_facts *f, const int64_t *file_ids,
			    const int64_t *func_ids)
{
	int64_t *site_ids = xcalloc(f->sites.n ? f->sites.n : 1, sizeof(int64_t));
	for (size_t i = 0; i < f->sites.n; i++) {
		const struct xsite *x = &f->sites.v[i];
		if (func_ids[x->func] <= 0)
			continue;   /* a header function another TU stored already */
		sqlite3_stmt *st = s->ins_site;
		db_bind_int(st, 1, func_ids[x->func]);
		db_bind_int(st, 2, x->kind);
		db_bind_int(st, 3, file_ids[x->file]);
		db_bind_int(st, 4, x->line);
		db_bind_int(st, 5, x->col);
		db_bind_text(st, 6, x->callee_usr);
		db_bind_text(st, 7, x->callee_name);
		db_bind_text(st, 8, x->ind_key);
		db_bind_text(st, 9, x->text);
		db_bind_text(st, 10, x->lock_key);
		db_bind_int(st, 11, x->irq);
		db_bind_int(st, 12, x->subclass);
		db_bind_int(st, 13, x->irqs_off);
		db_bind_int(st, 14, x->ltype);
		db_bind_int(st, 15, x->is_read);
		db_bind_text(st, 16, x->ind_index);
		db_bind_text(st, 17, x->guard);
		db_bind_text(st, 18, x->lock_path);
		db_bind_int(st, 19, x->always);
		db_bind_int(st, 20, x->last_put);
		db_bind_text(st, 21, x->ind_obj);
		db_bind_text(st, 22, x->ind_member);
		db_bind_text(st, 23, x->ind_slot);
		db_bind_null_or_int(st, 24, x->dom >= 0 ? site_ids[x->dom] : 0);   /* an earlier site */
		db_bind_int(st, 25, x->exit_dom);
		db_bind_text(st, 26, x->ind_table);
		db_bind_text(st, 27, x->ind_table_obj);
		db_bind_text(st, 28, x->ind_head);
		db_bind_int(st, 29, x->doomed);
		db_bind_text(st, 30, x->last_put_obj);
		db_bind_text(st, 31, x->ref_obj);
		if (x->again1)
			db_bind_int(st, 32, x->again1 - 1);
		else
			sqlite3_bind_null(st, 32);
		db_step_done(s->db, st);
		site_ids[i] = sqlite3_last_insert_rowid(s->db->h);
		for (int j = 0; j < x->nlocks; j++) {
			const struct xlock *l = &x->locks[j];
			db_bind_int(s->ins_lock, 1, site_ids[i]);
			db_bind_int(s->ins_lock, 2, l->held);
			db_bind_text(s->ins_lock, 3, l->key);
			db_bind_null_or_int(s->ins_lock, 4, l->held && l->acq_site >= 0 ? site_ids[l->acq_site] : 0);
			db_step_done(s->db, s->ins_lock);
		}
		for (int j = 0; j < x->nargs; j++) {
			db_bind_int(s->ins_arg, 1, site_ids[i]);
			db_bind_int(s->ins_arg, 2, x->args[j].n);
			db_bind_text(s->ins_arg, 3, x->args[j].obj ? NULL : x->args[j].key);
			db_bind_text(s->ins_arg, 5, x->args[j].obj ? x->args[j].key : NULL);
			db_bind_text(s->ins_arg, 6, x->args[j].field);
			if (x->args[j].fwd1)   /* parameter 0 is a value, not NULL */
				db_bind_int(s->ins_arg, 7, x->args[j].fwd1 - 1);
			else
				sqlite3_bind_null(s->ins_arg, 7);
			db_bind_text(s->ins_arg, 8, x->args[j].path);
			if (x->args[j].fwd1 && x->args[j].fwd_mask)   /* 'flags & MSG_DONTWAIT' */
				db_bind_int(s->ins_arg, 4, x->args[j].fwd_mask);
			else if (x->args[j].key || x->args[j].unknown || x->args[j].fwd1 || x->args[j].ret_site1 ||
				 x->args[j].walk || x->args[j].cond)
				sqlite3_bind_null(s->ins_arg, 4);
			else
				db_bind_int(s->ins_arg, 4, x->args[j].value);
			char cond[64];
			bool ored = x->args[j].fwd1 && x->args[j].fwd_or;
			if (ored)   /* 'gfp | __GFP_ZERO' */
				snprintf(cond, sizeof(cond), "|%lld", x->args[j].fwd_or);
			else if (x->args[j].fwd1)
				snprintf(cond, sizeof(cond), "%lld:%lld", x->args[j].cond_then, x->args[j].cond_else);
			else   /* 'CTX ? A : B': A:B@states where A,states where B */
				snprintf(cond, sizeof(cond), "%lld:%lld@%u,%u", x->args[j].cond_then, x->args[j].cond_else,
					 x->args[j].ctx_true, x->args[j].ctx_false);
			db_bind_text(s->ins_arg, 9, x->args[j].cond || ored ? cond : NULL);
			db_bind_text(s->ins_arg, 10, x->args[j].fwd1 ? x->args[j].src_field : NULL);
			db_bind_null_or_int(s->ins_arg, 11, x->args[j].ret_site1 ? site_ids[x->args[j].ret_site1 - 1] : 0);
			db_bind_null_or_int(s->ins_arg, 12, x->args[j].addr);
			db_bind_text(s->ins_arg, 13, x->args[j].walk);
			db_bind_null_or_int(s->ins_arg, 14, x->args[j].ret_only);
			db_step_done(s->db, s->ins_arg);
		}
	}
	return site_ids;
}

/* What F's functions return pointers to (func_ret). */
static void store_rets(struct store *s, const struct tu_facts *f, const int64_t *func_ids, const int64_t *site_ids)
{
	for (size_t i = 0; i < f->rets.n; i++) {
		const struct xret *x = &f->rets.v[i];
		if (func_ids[x->func] <= 0)
			continue;   /* a header function another TU stored already */
		db_bind_int(s->ins_ret, 1, func_ids[x->func]);
		db_bind_text(s->ins_ret, 2, x->field);
		if (x->field)
			db_bind_int(s->ins_ret, 3, x->param);
		else
			sqlite3_bind_null(s->ins_ret, 3);
		db_bind_null_or_int(s->ins_ret, 4, x->site >= 0 ? site_ids[x->site] : 0);
		db_bind_text(s->ins_ret, 5, x->obj);
		db_step_done(s->db, s->ins_ret);
	}
}

/* What F's functions store into array slots (slot_store). */
static void store_slots(struct store *s, const struct tu_facts *f, const int64_t *func_ids)
{
	for (size_t i = 0; i < f->slots.n; i++) {
		const struct xslot *x = &f->slots.v[i];
		if (func_ids[x->func] <= 0)
			continue;   /* a header function another TU stored already */
		db_bind_int(s->ins_slot, 1, func_ids[x->func]);
		db_bind_text(s->ins_slot, 2, x->slot);
		db_bind_text(s->ins_slot, 3, x->idx);
		db_bind_text(s->ins_slot, 4, x->value);
		db_step_done(s->db, s->ins_slot);
	}
}

/* What F's functions store into member walks (link_store). */
static void store_links(struct store *s, const struct tu_facts *f, const int64_t *func_ids)
{
	for (size_t i = 0; i < f->links.n; i++) {
		const struct xlink *x = &f->links.v[i];
		if (func_ids[x->func] <= 0)
			continue;   /* a header function another TU stored already */
		db_bind_int(s->ins_link, 1, func_ids[x->func]);
		db_bind_text(s->ins_link, 2, x->dst);
		db_bind_text(s->ins_link, 3, x->src);
		db_step_done(s->db, s->ins_link);
	}
}

/* What F's functions store into members that point to ops tables (table_store). */
static void store_tables(struct store *s, const struct tu_facts *f, const int64_t *func_ids)
{
	for (size_t i = 0; i < f->tables.n; i++) {
		const struct xtable *x = &f->tables.v[i];
		if (func_ids[x->func] <= 0)
			continue;   /* a header function another TU stored already */
		db_bind_int(s->ins_table, 1, func_ids[x->func]);
		db_bind_text(s->ins_table, 2, x->member);
		db_bind_text(s->ins_table, 3, x->obj);
		db_bind_text(s->ins_table, 4, x->value);
		db_bind_text(s->ins_table, 5, x->src);
		db_step_done(s->db, s->ins_table);
	}
}

/* What F's functions store into members that point to holders of tables (result_store). */
static void store_results(struct store *s, const struct tu_facts *f, const int64_t *func_ids,
			  const int64_t *site_ids)
{
	for (size_t i = 0; i < f->results.n; i++) {
		const struct xresult *x = &f->results.v[i];
		if (func_ids[x->func] <= 0)
			continue;   /* a header function another TU stored already */
		db_bind_int(s->ins_result, 1, func_ids[x->func]);
		db_bind_text(s->ins_result, 2, x->member);
		db_bind_null_or_int(s->ins_result, 3, x->site >= 0 ? site_ids[x->site] : 0);
		db_step_done(s->db, s->ins_result);
	}
}

void store_tu(struct store *s, const struct tu_facts *f)
{
	struct lp_db *db = s->db;
	db_begin(db);
	int64_t old = find_tu(s, f->main_file, NULL, NULL);
	if (old)
		delete_tu(s, old);

	int64_t *file_ids = xcalloc(f->files.n + 1, sizeof(int64_t));
	for (size_t i = 0; i < f->files.n; i++)
		file_ids[i] = db_file_id(db, f->files.v[i]);

	char when[32];
	time_t now = time(NULL);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	sqlite3_stmt *st = s->ins_tu;
	db_bind_int(st, 1, db_file_id(db, f->main_file));
	db_bind_text(st, 2, f->directory);
	db_bind_text(st, 3, f->args);
	db_bind_text(st, 4, f->args_hash);
	db_bind_int(st, 5, f->status);
	db_bind_int(st, 6, f->n_errors);
	db_bind_int(st, 7, (int64_t)f->parse_ms);
	db_bind_int(st, 8, (int64_t)f->parse_cpu_ms);
	db_bind_int(st, 9, (int64_t)f->walk_ms);
	db_bind_text(st, 10, when);
	db_step_done(db, st);
	int64_t tu_id = sqlite3_last_insert_rowid(db->h);

	for (size_t i = 0; i < f->includes.n; i++) {
		db_bind_int(s->ins_inc, 1, tu_id);
		db_bind_int(s->ins_inc, 2, db_file_id(db, f->includes.v[i].path));
		db_bind_text(s->ins_inc, 3, f->includes.v[i].hash);
		db_step_done(db, s->ins_inc);
	}
	for (size_t i = 0; i < f->diags.n; i++) {
		const struct xdiag *d = &f->diags.v[i];
		db_bind_int(s->ins_diag, 1, tu_id);
		db_bind_int(s->ins_diag, 2, d->severity);
		db_bind_null_or_int(s->ins_diag, 3, d->file >= 0 ? file_ids[d->file] : 0);
		db_bind_int(s->ins_diag, 4, d->line);
		db_bind_int(s->ins_diag, 5, d->col);
		db_bind_text(s->ins_diag, 6, d->message);
		db_step_done(db, s->ins_diag);
	}

	int64_t *func_ids = xcalloc(f->funcs.n + 1, sizeof(int64_t));
	for (size_t i = 0; i < f->funcs.n; i++) {
		const struct xfunc *x = &f->funcs.v[i];
		st = s->ins_func;
		bind_owner(s, st, 1, tu_id, x->hdr, file_ids, f);
		db_bind_text(st, 3, x->usr);
		db_bind_text(st, 4, x->name);
		db_bind_int(st, 5, file_ids[x->file]);
		db_bind_int(st, 6, x->line);
		db_bind_int(st, 7, x->col);
		db_bind_int(st, 8, x->end_line);
		db_bind_int(st, 9, x->is_static);
		db_bind_int(st, 10, x->nparams);
		db_bind_text(st, 11, x->annot);
		db_bind_text(st, 12, x->exit_locks);
		db_bind_text(st, 13, x->param_casts);
		db_bind_text(st, 14, x->member_writes);
		db_bind_int(st, 15, x->exit_irqs);
		db_step_done(db, st);
		func_ids[i] = sqlite3_changes(db->h) ? sqlite3_last_insert_rowid(db->h) : 0;
	}
	int64_t *site_ids = store_sites(s, f, file_ids, func_ids);
	store_rets(s, f, func_ids, site_ids);
	store_slots(s, f, func_ids);
	store_tables(s, f, func_ids);
	store_results(s, f, func_ids, site_ids);
	store_links(s, f, func_ids);

	for (size_t i = 0; i < f->stores.n; i++) {
		const struct xstore *x = &f->stores.v[i];
		if (x->func >= 0 && func_ids[x->func] <= 0)
			continue;
		st = s->ins_store;
		bind_owner(s, st, 1, tu_id, x->func >= 0 ? x->hdr : -1, file_ids, f);
		db_bind_null_or_int(st, 3, x->func >= 0 ? func_ids[x->func] : 0);
		db_bind_int(st, 4, file_ids[x->file]);
		db_bind_int(st, 5, x->line);
		db_bind_int(st, 6, x->col);
		db_bind_text(st, 7, x->key);
		db_bind_text(st, 8, x->src_usr);
		db_bind_text(st, 9, x->src_name);
		db_bind_text(st, 10, x->src_key);
		db_bind_text(st, 11, x->idx);
		db_bind_null_or_int(st, 12, x->site >= 0 ? site_ids[x->site] : 0);
		db_bind_text(st, 13, x->obj);
		db_step_done(db, st);
	}
	for (size_t i = 0; i < f->aliases.n; i++) {
		const struct xalias *x = &f->aliases.v[i];
		if (x->func >= 0 && func_ids[x->func] <= 0)
			continue;
		st = s->ins_alias;
		bind_owner(s, st, 1, tu_id, x->func >= 0 ? x->hdr : -1, file_ids, f);
		db_bind_null_or_int(st, 3, x->func >= 0 ? func_ids[x->func] : 0);
		db_bind_int(st, 4, file_ids[x->file]);
		db_bind_int(st, 5, x->line);
		db_bind_int(st, 6, x->col);
		db_bind_text(st, 7, x->lhs);
		db_bind_text(st, 8, x->rhs);
		db_bind_text(st, 9, x->text);
		db_step_done(db, st);
	}
	free(func_ids);
	free(site_ids);
	free(file_ids);
	db_commit(db);
}

bool store_tu_current(struct store *s, const char *main_file, const char *args_hash,
		      bool (*hash_of)(void *ctx, const char *path, char out[33]), void *ctx)
{
	char old_hash[33] = "";
	int status = TU_CLEAN;
	int64_t id = find_tu(s, main_file, old_hash, &status);
	if (!id || status == TU_FAILED || strcmp(old_hash, args_hash))
		return false;
	sqlite3_stmt *st = db_prepare(s->db, "SELECT f.path, i.hash FROM tu_include i JOIN file f "
				      "ON i.file_id = f.id WHERE i.tu_id = ?");
	db_bind_int(st, 1, id);
	bool current = true;
	while (current && db_step_row(s->db, st)) {
		char now[33];
		current = hash_of(ctx, db_col_text(st, 0), now) && !strcmp(now, db_col_text(st, 1));
	}
	sqlite3_finalize(st);
	return current;
}

int store_prune_tus(struct store *s, const struct strmap *keep)
{
	sqlite3_stmt *st = db_prepare(s->db, "SELECT t.id, f.path FROM tu t JOIN file f ON t.file_id = f.id");
	VEC(int64_t) gone = {0};
	while (db_step_row(s->db, st))
		if (!strmap_get(keep, db_col_text(st, 1)))
			vec_push(&gone, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (gone.n) {
		db_begin(s->db);
		for (size_t i = 0; i < gone.n; i++)
			delete_tu(s, gone.v[i]);
		db_commit(s->db);
	}
	int n = (int)gone.n;
	vec_free(&gone);
	return n;
}

void store_gc_headers(struct store *s, bool every)
{
	db_begin(s->db);
	db_exec(s->db, "CREATE TEMP TABLE IF NOT EXISTS dead_hdr(id INTEGER PRIMARY KEY)");
	db_exec(s->db, "DELETE FROM dead_hdr");
	/* one pass over tu_include (its key starts with tu_id): as a correlated
	 * NOT EXISTS it was a scan per header, 68 s on the whole kernel for a
	 * run that re-parsed one TU */
	db_exec(s->db, every ? "INSERT INTO dead_hdr SELECT id FROM hdr" :
		"INSERT INTO dead_hdr SELECT h.id FROM hdr h WHERE (h.file_id, h.hash) NOT IN "
		"(SELECT file_id, hash FROM tu_include)");
	delete_owned(s, "hdr_id", "IN (SELECT id FROM dead_hdr)", "hdr", 0);
	db_commit(s->db);
}

void store_drop_facts(struct store *s)
{
	/* no WHERE: sqlite empties each table without visiting its rows */
	char sql[64];
	db_begin(s->db);
	for (size_t i = 0; i < NFACT_TABLES; i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s", fact_tables[i].name);
		db_exec(s->db, sql);
	}
	db_exec(s->db, "DELETE FROM tu");
	db_exec(s->db, "DELETE FROM hdr");
	db_commit(s->db);
}

void store_each_header_func(struct store *s, void (*fn)(void *ctx, const char *usr, const char *hash,
							 const char *path), void *ctx)
{
	sqlite3_stmt *st = db_prepare(s->db, "SELECT f.usr, h.hash, fl.path FROM func f JOIN hdr h ON f.hdr_id = h.id "
				     "JOIN file fl ON fl.id = h.file_id");
	while (db_step_row(s->db, st))
		fn(ctx, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2));
	sqlite3_finalize(st);
}
