// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdep.c - lockdep's class rules for the checks (see lockdep.h).  A class
 * without a row in lockdep_class is one lockdep class, validated: that is
 * every class of a tree extracted without CONFIG_LOCKDEP, where this file
 * loads nothing and moves nothing.
 */
#include "check/lockdep.h"
#include "check/engine_int.h"

#include <string.h>

enum { LD_NOVALIDATE = 1, LD_SPLIT = 2 };

struct lockdep_info {
	size_t nclasses;
	unsigned char *flags;       /* per class id: LD_* */
	const char **notes;         /* per class id, or NULL */
	int *origin;                /* per class id: a path's class, the class of the key its
				     * sites named (0: none, not a path's class) */
};

static bool in_range(const struct engine *e, int cls)
{
	return e->lockdep && cls > 0 && (size_t)cls < e->lockdep->nclasses;
}

bool lockdep_validated(const struct engine *e, int cls)
{
	return !in_range(e, cls) || !(e->lockdep->flags[cls] & LD_NOVALIDATE);
}

bool lockdep_nests(const struct engine *e, int cls)
{
	return !in_range(e, cls) || !e->lockdep->flags[cls];
}

const char *lockdep_note(const struct engine *e, int cls)
{
	return in_range(e, cls) ? e->lockdep->notes[cls] : NULL;
}

bool lockdep_path_of(const struct engine *e, int path_cls, int cls)
{
	return in_range(e, path_cls) && cls > 0 && e->lockdep->origin[path_cls] == cls;
}

/* The key of lock path PATH when link gave it a class of its own, else -1. */
static int path_key(const struct engine *e, const char *path)
{
	int64_t *k = strmap_get(&e->key_index, path);
	return k && e->keys.v[*k].cls > 0 ? (int)*k : -1;
}

/* Sites (lock operations) whose lock path has its own class act on it; a
 * lock a site holds that such a site took is held as that path too. */
static void move_sites(struct engine *e)
{
	VEC(int64_t) moved = {0};   /* site ids, ascending */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, lock_path FROM site WHERE lock_path IS NOT NULL ORDER BY id");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		int k = s ? path_key(e, db_col_text(q, 1)) : -1;
		if (k >= 0) {
			int from = engine_key_class(e, s->key), to = engine_key_class(e, k);
			if (in_range(e, to) && from > 0 && from != to)
				e->lockdep->origin[to] = from;
			s->key = k;
			vec_push(&moved, s->id);
		}
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < e->sites.n && moved.n; i++)
		for (int l = 0; l < e->sites.v[i].nlocks; l++) {
			struct ck_lockref *lr = &e->sites.v[i].locks[l];
			if (!lr->held || lr->acq < 0)
				continue;
			const struct ck_site *acq = &e->sites.v[lr->acq];
			size_t m = lower_bound_i64(moved.v, moved.n, sizeof(*moved.v), 0, acq->id);
			if (m < moved.n && moved.v[m] == acq->id)
				lr->key = acq->key;
		}
	vec_free(&moved);
}

/* Lock arguments ('helper(&d->tx.lock)') bind the callee's parameter to the path's class. */
static void move_args(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT site_id, n, lock_path FROM site_arg "
				     "WHERE lock_path IS NOT NULL AND lock_key IS NOT NULL");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		int k = s ? path_key(e, db_col_text(q, 2)) : -1;
		for (int a = 0; k >= 0 && a < s->nargs; a++)
			if (!s->args[a].is_const && s->args[a].n == sqlite3_column_int(q, 1))
				s->args[a].key = k;
	}
	sqlite3_finalize(q);
}

void lockdep_load(struct engine *e)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT class_id, validate, nests, note FROM lockdep_class");
	struct lockdep_info *ld = NULL;
	while (db_step_row(e->db, q)) {
		if (!ld) {
			ld = arena_alloc(&e->arena, sizeof(*ld));
			ld->nclasses = e->class_names.n + 1;
			ld->flags = arena_alloc(&e->arena, ld->nclasses);
			memset(ld->flags, 0, ld->nclasses);
			ld->notes = arena_alloc(&e->arena, ld->nclasses * sizeof(*ld->notes));
			memset(ld->notes, 0, ld->nclasses * sizeof(*ld->notes));
			ld->origin = arena_alloc(&e->arena, ld->nclasses * sizeof(*ld->origin));
			memset(ld->origin, 0, ld->nclasses * sizeof(*ld->origin));
		}
		int cls = sqlite3_column_int(q, 0);
		if (cls <= 0 || (size_t)cls >= ld->nclasses)
			continue;
		ld->flags[cls] = (sqlite3_column_int(q, 1) ? 0 : LD_NOVALIDATE) | (sqlite3_column_int(q, 2) ? 0 : LD_SPLIT);
		if (sqlite3_column_type(q, 3) != SQLITE_NULL)
			ld->notes[cls] = arena_strdup(&e->arena, db_col_text(q, 3));
	}
	sqlite3_finalize(q);
	e->lockdep = ld;
	if (ld) {
		move_sites(e);
		move_args(e);
	}
}
