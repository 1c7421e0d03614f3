// SPDX-License-Identifier: GPL-2.0-only
/*
 * member_owners.c - a member that only one implementation's methods fill
 * holds that implementation's objects (see member_owners.h).
 *
 * Netlink copies every message to its taps: __netlink_deliver_tap() walks
 * the tap list and hands each tap's device to __netlink_deliver_tap_skb(),
 * which sets 'nskb->dev = dev' and calls dev_queue_xmit(nskb); six calls
 * further down __netdev_start_xmit() calls 'ops->ndo_start_xmit(skb,
 * dev)'.  By key that is every network driver's transmit, and a bridge's,
 * a vxlan's or openvswitch's takes locks a netlink sender may hold: on the
 * whole s390 tree 28 findings went through it.  But the only function
 * that stores a device into a tap ('nlmon->nt.dev = dev') is nlmon's
 * ndo_open, a method of nlmon.c's net_device_ops: a tap's device is an
 * nlmon device, and its transmit is nlmon_xmit().
 *
 * So for each member that extract saw pointers stored into (table_store
 * with the stored object, 'arg#0': a parameter of the storing function),
 * the way up from the storing functions is walked as from an entry's
 * registrars (registrars.h) to methods.  If every store stores a
 * parameter and every way up ends at methods of one file, the member's
 * objects are that file's: a call that passes an object read from the
 * member (site_arg.obj_key '*netlink_tap.dev') binds its callee to that
 * file's tables (ops_bind_owner), in place of the binding of a file the
 * path went through before (the object in hand decides), and the binding
 * is kept while a call through those ops structures is up to eight calls
 * below, as far as the engine forwards an object (embedded.c).
 *
 * What it trades: the object the later call dispatches on is taken to be
 * the one passed (the tap's device put into the clone's 'dev').  A store
 * lockpath does not see (a static initialiser of the containing struct, a
 * copy of the whole struct, a module outside the tree) is not counted; a
 * store of anything but the storing function's parameter (a global, a
 * value lockpath cannot name) leaves the member without an owner, as does
 * a way up that ends at no method (an exported helper nobody in the tree
 * calls: any module may pass any device) or at methods of two files.
 */
#include "check/member_owners.h"
#include "check/engine_int.h"
#include "check/ops_tables.h"
#include "check/registrars.h"
#include "lib/keyname.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct owner { char *member; int64_t file; };
/* The call at site index SITE passes an object read from OWNER's member. */
struct owner_site { int64_t site; int owner; };
typedef VEC(int) int_vec;

struct owner_index {
	VEC(struct owner) owners;
	VEC(struct owner_site) sites;   /* sorted by site */
};

/* A member's stores end: own it if they all stored a parameter and the
 * way up from their functions ends at methods of one file. */
static void settle_member(struct engine *e, struct owner_index *x, const char *member, int_vec *funcs, bool ok)
{
	struct reg_seed seeds[REG_MAX_SEEDS];
	if (ok && funcs->n && registrars_files_above(e, funcs->v, (int)funcs->n, seeds) == 1) {
		vec_push(&x->owners, ((struct owner){ xstrdup(member), seeds[0].file }));
		ops_mark_owner(e, seeds[0].file);
	}
	funcs->n = 0;
}

static void load_owners(struct engine *e, struct owner_index *x)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT member, func_id, value IS NULL, src_obj FROM table_store "
				     "ORDER BY member");
	char *member = NULL;
	int_vec funcs = {0};
	bool ok = true;
	while (db_step_row(e->db, q)) {
		const char *m = db_col_text(q, 0);
		if (!member || strcmp(member, m) != 0) {
			if (member)
				settle_member(e, x, member, &funcs, ok);
			free(member);
			member = xstrdup(m);
			ok = true;
		}
		int func = sqlite3_column_type(q, 1) == SQLITE_NULL ? -1
			   : engine_func_index(e, sqlite3_column_int64(q, 1));
		const char *src = db_col_text(q, 3);   /* the storing function's parameter itself: 'arg#0' */
		if (func < 0 || !sqlite3_column_int(q, 2) || keyname_lock_param(src) < 0)
			ok = false;   /* a table, or a pointer of no parameter: any object */
		else
			vec_push(&funcs, func);
	}
	if (member)
		settle_member(e, x, member, &funcs, ok);
	sqlite3_finalize(q);
	free(member);
	vec_free(&funcs);
}

static int by_member(const void *a, const void *b)
{
	return strcmp(((const struct owner *)a)->member, ((const struct owner *)b)->member);
}

static int by_site(const void *a, const void *b)
{
	const struct owner_site *x = a, *y = b;
	if (x->site != y->site)
		return (x->site > y->site) - (x->site < y->site);
	return x->owner - y->owner;
}

/* The calls that pass an object read from an owned member. */
static void load_sites(struct engine *e, struct owner_index *x)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT DISTINCT site_id, substr(obj_key, 2) FROM site_arg "
				     "WHERE obj_key LIKE '*%'");
	while (db_step_row(e->db, q)) {
		struct owner key = { .member = (char *)db_col_text(q, 1) };
		const struct owner *o = bsearch(&key, x->owners.v, x->owners.n, sizeof(*x->owners.v), by_member);
		const struct ck_site *site = o ? engine_site_by_id(e, sqlite3_column_int64(q, 0)) : NULL;
		if (site)
			vec_push(&x->sites, ((struct owner_site){ site - e->sites.v, (int)(o - x->owners.v) }));
	}
	sqlite3_finalize(q);
	if (x->sites.n > 1)
		qsort(x->sites.v, x->sites.n, sizeof(*x->sites.v), by_site);
}

void owners_load(struct engine *e)
{
	struct owner_index *x = xcalloc(1, sizeof(*x));
	load_owners(e, x);   /* in member order: sorted for bsearch */
	if (x->owners.n)
		load_sites(e, x);
	e->owners = x;
}

void owners_free(struct engine *e)
{
	struct owner_index *x = e->owners;
	if (!x)
		return;
	for (size_t i = 0; i < x->owners.n; i++)
		free(x->owners.v[i].member);
	vec_free(&x->owners);
	vec_free(&x->sites);
	free(x);
	e->owners = NULL;
}

void owners_bind(const struct engine *e, const struct ck_site *site, struct ck_state *next)
{
	const struct owner_index *x = e->owners;
	if (!x || !x->sites.n)
		return;
	int64_t si = site - e->sites.v;
	size_t i = lower_bound_i64(x->sites.v, x->sites.n, sizeof(*x->sites.v), offsetof(struct owner_site, site), si);
	for (; i < x->sites.n && x->sites.v[i].site == si; i++) {
		int owner = x->sites.v[i].owner;
		ops_bind_owner(e, next, x->owners.v[owner].file, next->func, owner);
	}
}

const char *owners_member(const struct engine *e, int owner)
{
	return e->owners->owners.v[owner].member;
}
