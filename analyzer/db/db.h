/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * db.h - the lockpath database: opening (create, migrate or refuse by
 * PRAGMA user_version), prepared-statement helpers that record the first
 * error as a clear message (db_error) for the command layer to print, and
 * interning of file paths.  The schema itself is in
 * schema.sql next to this file; this module owns no analysis.
 */
#ifndef LP_DB_H
#define LP_DB_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdbool.h>
#include "lib/util.h"
#include "db/columns.h"   /* the values of the enum columns */

#define LP_SCHEMA_VERSION 24  /* 2: site.guard; 3: fnstore.site_id, store_target;
				 * 4: site_arg.obj_key, fnstore.obj_key, chain tables;
				 * 5: site_arg.field, site_arg.fwd;
				 * 6: site.lock_path, site_arg.lock_path, lockdep_class;
				 * 7: site.always; 8: site.last_put, finding.last_put;
				 * 9: site.ind_obj, site.ind_member; 10: site_arg.cond;
				 * 11: site_arg.src_field, site_arg.ret_site, func_ret;
				 * 12: site_arg rows with both field and fwd,
				 * finding_hop.entry; 13: site.ind_slot, slot_store;
				 * 14: site.dom, site.exit_dom, func.exit_locks;
				 * 15: site.ind_table, site.ind_table_obj, table_store;
				 * 16: func.param_casts, site.ind_head;
				 * 17: a static's key names its file by the last three
				 * parts of its path (lib/keyname.h), not its base name;
				 * 18: site_arg.addr, tu.parse_cpu_ms;
				 * 19: site.doomed; 20: table_store.src_obj;
				 * 21: site_arg.walk, link_store;
				 * 22: func.member_writes, site_arg.ret_only;
				 * 23: func_ret.obj_key, result_store;
				 * 24: site.last_put_obj, site.ref_obj, site.again_arg,
				 * func.exit_irqs, site.irqs_off 2, 3, -3, 4 */

enum db_open_flags {
	DB_CREATE = 1,    /* create the file and schema if missing */
	DB_READONLY = 2,  /* report, gate: never write */
};

struct lp_db {
	sqlite3 *h;
	char *path;
	struct strmap files;   /* path -> file.id cache */
	int lock_slot;         /* the flock this connection holds (db.c), or -1 */
	struct strbuf err;     /* the first failure (db_error); empty while none */
};

/* Seconds db_open waits for another lockpath process using the database
 * (--wait); 0 refuses at once.  Default 30. */
extern int lp_db_wait;

/*
 * Open PATH.  A database of another schema version, or a file that is not a
 * lockpath database, is refused, never misread, and nothing is written to
 * it.  Writers (every mode but DB_READONLY) hold an exclusive lock on the
 * file until db_close, readers a shared one: a second lockpath process
 * waits up to lp_db_wait seconds for it, then is refused with a message
 * that says the database is in use.  Returns NULL on refusal, with one
 * sentence naming PATH (no "error:" prefix, no newline) added to ERR.
 */
struct lp_db *db_open(const char *path, enum db_open_flags flags, struct strbuf *err);
/* The sqlite URI that opens PATH for reading only (SQLITE_OPEN_URI), and
 * writes nothing next to it: 'immutable=1' when it has no write-ahead log
 * to read (the usual case: the last writer checkpointed it), so neither a
 * -wal nor a -shm file is made and a read-only file or directory is fine;
 * else 'mode=ro'.  The caller holds off lockpath writers (a shared flock)
 * or reads a baseline nobody writes.  Caller frees. */
char *db_readonly_uri(const char *path);
void db_close(struct lp_db *db);

/*
 * The statement helpers.  The first sqlite error is recorded on DB as a
 * sentence naming the file (db_error), and from then on the helpers run
 * nothing: db_prepare returns NULL (sqlite's bind, column, reset and
 * finalize calls accept it), db_step_row returns false, db_exec and
 * db_step_done do nothing, so no COMMIT follows a failed write and
 * db_close rolls the transaction back.  A phase thus runs to its end on a
 * failed connection; the command layer checks db_error after it.
 */
/* The first failure's message, or NULL while there is none. */
const char *db_error(const struct lp_db *db);
bool db_failed(const struct lp_db *db);

void db_exec(struct lp_db *db, const char *sql);
sqlite3_stmt *db_prepare(struct lp_db *db, const char *sql);
/* Step a statement that returns no row, then reset it. */
void db_step_done(struct lp_db *db, sqlite3_stmt *st);
/* Step; true if a row is ready, false at the end or on an error. */
bool db_step_row(struct lp_db *db, sqlite3_stmt *st);
void db_begin(struct lp_db *db);     /* BEGIN IMMEDIATE */
void db_commit(struct lp_db *db);

/* Bind a text that may be NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
void db_bind_int(sqlite3_stmt *st, int i, int64_t v);
void db_bind_null_or_int(sqlite3_stmt *st, int i, int64_t v);  /* v <= 0 binds NULL */
const char *db_col_text(sqlite3_stmt *st, int i);              /* "" for NULL */
const char *db_col_text_or_null(sqlite3_stmt *st, int i);      /* NULL for NULL */

/* Intern a path into table file; returns its id (0 on a failed connection). */
int64_t db_file_id(struct lp_db *db, const char *path);

void db_meta_set(struct lp_db *db, const char *key, const char *value);
/* Returns a malloc'd value or NULL. */
char *db_meta_get(struct lp_db *db, const char *key);

#endif
