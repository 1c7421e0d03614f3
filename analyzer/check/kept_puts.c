// SPDX-License-Identifier: GPL-2.0-only
/*
 * kept_puts.c - a put that undoes the function's own get is not the last.
 *
 * A release runs only where a put drops the last reference (site.last_put),
 * and whether an interrupt's put can be the last is what the code does not
 * show: the path guesses there (engine.c, CK_LAST_PUT_GUESS).  One kind of
 * put shows it.  smc's link-down handler hands its link to a work item:
 *
 *	smcr_link_hold(lnk);
 *	if (!schedule_work(&lnk->link_down_wrk))
 *		smcr_link_put(lnk);
 *
 * The put drops the reference the function took two lines up, not its
 * caller's: the caller passed 'lnk' and holds its own reference for the
 * call, as every caller of a function that does not consume one must.  So
 * the count is at least two before that put, and the release below it
 * (the link group's teardown, which sleeps) is not on this path.  MPTCP's
 * mptcp_schedule_work() (sock_hold, then sock_put when the work was
 * pending) and NFS's state manager start (refcount_inc, then
 * nfs_put_client() when kthread_run() fails) are the same shape.
 *
 * A call P of function F is such a put when
 *  - P's callee G has last-put sites, all under a drop of one count of its
 *    parameter i (site.last_put_obj 'arg#i.refcnt': every release of G is
 *    that count's), and P passes F's own parameter j there unchanged (or
 *    G is a 'refcount-drop' rule, kref_put(&x->kref, ..), and P names the
 *    count of F's parameter: site.ref_obj); that is F's count
 *    'arg#j.refcnt';
 *  - a call Q before P on every path of F (P's chain of dominating calls,
 *    site.dom) takes a reference on that same count: a 'refcount-get' rule
 *    (refcount_inc(&clp->cl_count)) or a function that gets its parameter's
 *    count on every call (sock_hold(sk), get_task_struct(t): a get rule on
 *    every call of it, site.always) passed F's parameter j;
 *  - no call between Q and P in F (in the order the walk recorded them) is
 *    another put of that count.
 * The second shape needs no get: s390's pfault interrupt drops the wait
 * list's reference on the task it woke, 'put_task_struct(tsk)', and puts
 * the same task again at 'out:', the reference its own lookup took.  A
 * call P that puts its argument i (G's last-put sites drop a count of G's
 * parameter i) is not the last either when the function makes the same
 * call with the same local or parameter again on every path from P before
 * any write of it (site.again_arg): the count after P is at least one, or
 * that later put would be a use after free.
 *
 * The engine then enters G from P without its last-put sites (ck_state.
 * kept_put).  What it trades: a reassignment of F's parameter between Q
 * and P is not seen; a caller that passes an object it holds no reference
 * on (one it found under a lock it then drops) breaks the convention the
 * rule rests on.  A put of a local (a lookup's result) is not such a put:
 * the lookup may have given no reference at all.
 */
#include "check/kept_puts.h"
#include "check/engine_int.h"
#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per function: the one count its last-put sites drop ('arg#0.refcnt'),
 * and whether they name two (then none), and the count it gets on every
 * call ('arg#0.refcnt', or NULL). */
struct ref_fn { char *put, *get; bool put_mixed; };

struct kept_index {
	struct ref_fn *fn;            /* per function index */
	char **site_ref;              /* per site index: a rule call's site.ref_obj, or NULL */
};

static void note_put(struct ref_fn *f, const char *obj)
{
	if (f->put_mixed)
		return;
	if (!obj || (f->put && strcmp(f->put, obj))) {
		free(f->put);
		f->put = NULL;
		f->put_mixed = true;
		return;
	}
	if (!f->put)
		f->put = xstrdup(obj);
}

/* Each function's last-put count; each rule call's count; each function's
 * unconditional get. */
static void load_refs(struct engine *e, struct kept_index *k)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT func_id, last_put_obj FROM site WHERE last_put = 1 AND doomed = 0");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0)
			note_put(&k->fn[f], sqlite3_column_type(q, 1) == SQLITE_NULL ? NULL : db_col_text(q, 1));
	}
	sqlite3_finalize(q);
	q = db_prepare(e->db, "SELECT id, ref_obj FROM site WHERE ref_obj IS NOT NULL");
	while (db_step_row(e->db, q)) {
		const struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		if (!s || s->func < 0)
			continue;
		k->site_ref[engine_site_index(e, s)] = xstrdup(db_col_text(q, 1));
		struct ref_fn *f = &k->fn[s->func];
		if (s->always && !f->get && rules_refcount_get(e->rules, s->callee_name))
			f->get = xstrdup(db_col_text(q, 1));
	}
	sqlite3_finalize(q);
}

static const char *rule_ref(const struct engine *e, const struct kept_index *k, const struct ck_site *s)
{
	return k->site_ref[engine_site_index(e, s)];
}

/* The caller's parameter site S passes unchanged as argument N, or -1. */
static int passed_param(const struct ck_site *s, int n)
{
	for (int i = 0; i < s->nargs; i++) {
		const struct ck_arg *a = &s->args[i];
		if (a->n == n && a->fwd >= 0 && a->key < 0 && a->field == CK_NO_FIELD && !a->masked && !a->ored &&
		    !a->cond && !a->from_field)
			return a->fwd;
	}
	return -1;
}

/* S's direct callee, or -1 (an indirect call, or one with no body). */
static int direct_callee(const struct ck_site *s)
{
	return s->kind == SITE_CALL && s->callee_name && s->ncallees == 1 ? s->callees[0].func : -1;
}

/* OBJ ('arg#I.refcnt', a callee's count) as the caller's: 'arg#J.refcnt'
 * where S passes the caller's parameter J as argument I; false if not. */
static bool as_callers(const struct ck_site *s, const char *obj, char *out, size_t size)
{
	int i, used = 0;
	if (!obj || sscanf(obj, "arg#%d%n", &i, &used) != 1)
		return false;
	int j = passed_param(s, i);
	return j >= 0 && snprintf(out, size, "arg#%d%s", j, obj + used) < (int)size;
}

/* The count of the caller's parameter that site S takes a reference on, into OUT. */
static bool get_of(const struct engine *e, const struct kept_index *k, const struct ck_site *s, char *out, size_t size)
{
	if (s->kind != SITE_CALL || !s->callee_name)
		return false;
	if (rules_refcount_get(e->rules, s->callee_name)) {
		const char *r = rule_ref(e, k, s);
		return r && snprintf(out, size, "%s", r) < (int)size;
	}
	int g = direct_callee(s);
	return g >= 0 && as_callers(s, k->fn[g].get, out, size);
}

/* The count of the caller's parameter whose last put site S's callee
 * releases under, into OUT. */
static bool put_of(const struct engine *e, const struct kept_index *k, const struct ck_site *s, char *out, size_t size)
{
	int g = direct_callee(s);
	if (g < 0 || !k->fn[g].put)
		return false;
	if (rules_refcount_drop(e->rules, s->callee_name)) {   /* kref_put(&x->kref, release) */
		const char *r = rule_ref(e, k, s);
		return r && snprintf(out, size, "%s", r) < (int)size;
	}
	return as_callers(s, k->fn[g].put, out, size);
}

/* Whether a put of count OBJ is recorded in function F between the sites
 * FROM and TO (indexes into e->sites; exclusive). */
static bool put_between(const struct engine *e, const struct kept_index *k, int from, int to, const char *obj)
{
	const struct ck_func *f = &e->funcs.v[e->sites.v[to].func];
	char other[128];
	for (int i = 0; i < f->nsites; i++) {
		int si = f->sites[i];
		if (si <= from || si >= to)
			continue;
		const struct ck_site *s = &e->sites.v[si];
		if (put_of(e, k, s, other, sizeof(other)) && !strcmp(other, obj))
			return true;
		const char *r = rule_ref(e, k, s);
		if (r && rules_refcount_drop(e->rules, s->callee_name) && !strcmp(r, obj))
			return true;
	}
	return false;
}

/* Whether put P is made again, on every path from it, with the argument
 * whose count its callee's last put drops (site.again_arg). */
static bool put_again(const struct kept_index *k, const struct ck_site *s, int again)
{
	int g = direct_callee(s), i;
	return g >= 0 && again >= 0 && k->fn[g].put && sscanf(k->fn[g].put, "arg#%d", &i) == 1 && i == again;
}

/* Whether put P balances a get of the same count on P's chain of dominating calls. */
static bool balances_own_get(const struct engine *e, const struct kept_index *k, int p)
{
	char obj[128], got[128];
	if (!put_of(e, k, &e->sites.v[p], obj, sizeof(obj)))
		return false;
	for (int q = e->sites.v[p].dom; q >= 0; q = e->sites.v[q].dom)
		if (get_of(e, k, &e->sites.v[q], got, sizeof(got)) && !strcmp(got, obj))
			return !put_between(e, k, q, p, obj);
	return false;
}

int kept_puts_load(struct engine *e)
{
	struct kept_index k = { xcalloc(e->funcs.n + 1, sizeof(*k.fn)), xcalloc(e->sites.n + 1, sizeof(char *)) };
	load_refs(e, &k);
	int n = 0;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, again_arg FROM site WHERE again_arg IS NOT NULL");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		if (s && s->func >= 0 && put_again(&k, s, sqlite3_column_int(q, 1))) {
			s->kept_put = true;
			n++;
		}
	}
	sqlite3_finalize(q);
	for (size_t i = 0; i < e->sites.n; i++)
		if (e->sites.v[i].func >= 0 && !e->sites.v[i].kept_put && balances_own_get(e, &k, (int)i)) {
			e->sites.v[i].kept_put = true;
			n++;
		}
	for (size_t i = 0; i < e->funcs.n; i++) {
		free(k.fn[i].put);
		free(k.fn[i].get);
	}
	free(k.fn);
	for (size_t i = 0; i < e->sites.n; i++)
		free(k.site_ref[i]);
	free(k.site_ref);
	return n;
}
