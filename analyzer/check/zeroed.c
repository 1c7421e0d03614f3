// SPDX-License-Identifier: GPL-2.0-only
/*
 * zeroed.c - a member of a zeroed new object holds 0 until written.
 *
 * The driver core's device_create() kzalloc()s a bare struct device,
 * fills in its class, parent and release, and calls device_add(), which
 * ends in bus_probe_device(dev): 'bus = dev->bus; if (!bus) return;'.  A
 * class device has no bus, so nothing below that test runs for it.  But
 * the probe goes on to __device_attach(), which hands the device to
 * bus_for_each_drv() inside a struct of its own stack, and from there
 * through 'dev->bus->probe' to every bus's probe and remove: z/VM's unit
 * record driver, which creates its node with device_create() while it
 * holds vmur_mutex, reached its own ccw remove that way and took the mutex
 * again (two findings of the virtio/cio scope on the whole s390 tree).
 * Every driver that allocates a device or a request and hands it to a
 * registration function has that shape.
 *
 * The engine already carries constants in a member of a parameter
 * (ck_const.field: 'args->force = true' just before a call).  This adds
 * the default of a zeroed object: a call that passes the pointer a
 * zeroed allocator returned (rules: 'fresh-object kzalloc zeroed'; the
 * local assigned nothing else, site_arg.ret_only) binds the callee's
 * parameter as zeroed (ck_const member CK_ZERO_FIELD, its value the
 * allocation's index here), and the binding goes down the path like the
 * member constants.  A guard on a member the path bound no constant to
 * ('arg#0.bus') then reads 0, unless the member is written: by the
 * allocating function itself, or by any function the object is handed to
 * there, or that one hands it on to as a parameter (func.member_writes,
 * extract/member_writes.h), anywhere in those functions and wherever the
 * call is.  That set is made once per allocation, when a guard first asks.
 *
 * What it trades: writes are matched by member name, of any struct, and
 * without their order (a member written after the call counts as written
 * before it), which only makes fewer members zero.  A write through
 * another pointer to the object is not seen: a function given one of its
 * members ('&dev->kobj') that goes back to the object with container_of(),
 * or one that finds the object on a list the path put it on.
 */
#include "check/zeroed.h"
#include "check/engine_int.h"

#include <stdlib.h>
#include <string.h>

/* Functions an allocation's object may be handed through before its set
 * is taken as every member (a limit of the search's memory, not a rule). */
#define ZEROED_MAX_REACH 100000

/* An allocation (one call, keyed by its site in by_ret_site) in function
 * FUNC: the calls that hand its object on (HANDED: site index and
 * argument), and once asked, the members written (sorted field ids; ALL:
 * every member). */
struct handed { int site, n; };
struct zalloc {
	int func;
	VEC(struct handed) handed;
	bool done, all;
	VEC(int) written;
};

/* Parameter PARAM of function FUNC, reached by the object. */
struct zparam { int func, param; };

/* What one function writes, by field id (sorted), or every member. */
struct fwrites { int *v; int n; bool all; };

struct zeroed_index {
	struct fwrites *writes;     /* per function ... */
	size_t nfuncs;              /* ... of these (e->funcs is freed first) */
	VEC(struct zalloc) allocs;  /* by their index (the binding's value) */
	struct strmap by_ret_site;  /* ret_site id -> index + 1 */
	uint32_t *seen;             /* per function: the parameters reached (bit 31: past the 31st) ... */
	int *seen_epoch;            /* ... in the search of this number */
	int epoch;
	VEC(struct zparam) queue;
};

/* func.member_writes 'a,b,c' into W. */
static void parse_writes(struct engine *e, const char *text, struct fwrites *w)
{
	VEC(int) ids = {0};
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, ",");
		char name[128];
		if (len == 1 && *p == '*')
			w->all = true;
		else if (len < sizeof(name)) {
			memcpy(name, p, len);
			name[len] = '\0';
			vec_push(&ids, engine_field_id(e, name));
		}
		p += len + (p[len] == ',');
	}
	if (ids.n > 1)
		qsort(ids.v, ids.n, sizeof(*ids.v), int_cmp);
	w->v = ids.v;
	w->n = (int)ids.n;
}

static void load_writes(struct engine *e, struct zeroed_index *z)
{
	z->writes = xcalloc(e->funcs.n + 1, sizeof(*z->writes));
	z->nfuncs = e->funcs.n;
	sqlite3_stmt *q = db_prepare(e->db, "SELECT id, member_writes FROM func WHERE member_writes IS NOT NULL");
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 0));
		if (f >= 0)
			parse_writes(e, db_col_text(q, 1), &z->writes[f]);
	}
	sqlite3_finalize(q);
}

/* The allocation of the call at RET_SITE in function FUNC (added when new). */
static int alloc_of(struct zeroed_index *z, int func, int64_t ret_site)
{
	char k[32];
	snprintf(k, sizeof(k), "%lld", (long long)ret_site);
	bool created;
	int64_t *slot = strmap_put(&z->by_ret_site, k, &created);
	if (created) {
		vec_push(&z->allocs, ((struct zalloc){ .func = func }));
		*slot = (int64_t)z->allocs.n;
	}
	return (int)*slot - 1;
}

/* The zeroing allocations' objects passed to calls (site_arg.ret_site). */
static void load_handed(struct engine *e, struct zeroed_index *z)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT a.site_id, a.n, a.ret_site, a.ret_only, r.callee_name "
				     "FROM site_arg a JOIN site r ON r.id = a.ret_site "
				     "WHERE a.ret_site IS NOT NULL ORDER BY a.site_id, a.n");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		if (!s || s->kind != SITE_CALL || !rules_fresh_zeroed(e->rules, db_col_text_or_null(q, 4)))
			continue;
		int n = sqlite3_column_int(q, 1);
		int a = alloc_of(z, s->func, sqlite3_column_int64(q, 2));
		struct zalloc *al = &z->allocs.v[a];
		vec_push(&al->handed, ((struct handed){ engine_site_index(e, s), n }));
		if (sqlite3_column_int(q, 3) && s->ncallees)
			engine_site_add_arg(e, s, (struct ck_arg){ .n = n, .key = -1, .field = CK_ZERO_FIELD,
								   .fwd = -1, .value = a });
	}
	sqlite3_finalize(q);
}

void zeroed_load(struct engine *e)
{
	struct zeroed_index *z = xcalloc(1, sizeof(*z));
	e->zeroed = z;
	load_writes(e, z);
	load_handed(e, z);
	z->seen = xcalloc(e->funcs.n + 1, sizeof(*z->seen));
	z->seen_epoch = xcalloc(e->funcs.n + 1, sizeof(*z->seen_epoch));
}

/* Queue parameter PARAM of FUNC in this search, once. */
static void reach(struct zeroed_index *z, int func, int param)
{
	uint32_t bit = param >= 0 && param < 31 ? (uint32_t)1 << param : (uint32_t)1 << 31;
	if (z->seen_epoch[func] != z->epoch) {
		z->seen_epoch[func] = z->epoch;
		z->seen[func] = 0;
	}
	if (z->seen[func] & bit)
		return;
	z->seen[func] |= bit;
	vec_push(&z->queue, ((struct zparam){ func, param }));
}

/* Whether argument A passes the caller's parameter P itself on. */
static bool passes_param(const struct ck_arg *a, int p)
{
	return a->fwd == p && a->key < 0 && a->field == CK_NO_FIELD && !a->from_field && !a->masked && !a->ored && !a->cond;
}

/* Add function F's writes to AL's; false once that is every member. */
static bool add_writes(struct zeroed_index *z, struct zalloc *al, int f)
{
	if (z->writes[f].all)
		return false;
	for (int i = 0; i < z->writes[f].n; i++)
		vec_push(&al->written, z->writes[f].v[i]);
	return true;
}

/* AL's written members: its function's, and those of every function its
 * object reaches as a parameter from the calls that hand it on. */
static void close_writes(const struct engine *e, struct zeroed_index *z, struct zalloc *al)
{
	al->done = true;
	z->epoch++;
	z->queue.n = 0;
	for (size_t h = 0; h < al->handed.n; h++) {
		const struct ck_site *s = &e->sites.v[al->handed.v[h].site];
		for (int c = 0; c < s->ncallees; c++)
			reach(z, s->callees[c].func, al->handed.v[h].n);
	}
	bool ok = add_writes(z, al, al->func);
	for (size_t i = 0; ok && i < z->queue.n; i++) {
		int f = z->queue.v[i].func, p = z->queue.v[i].param;
		ok = i < ZEROED_MAX_REACH && add_writes(z, al, f);
		const struct ck_func *fn = &e->funcs.v[f];
		for (int k = 0; ok && k < fn->nsites; k++) {
			const struct ck_site *s = &e->sites.v[fn->sites[k]];
			for (int a = 0; a < s->nargs; a++)
				if (passes_param(&s->args[a], p))
					for (int c = 0; c < s->ncallees; c++)
						reach(z, s->callees[c].func, s->args[a].n);
		}
	}
	al->all = !ok;
	if (al->written.n > 1)
		qsort(al->written.v, al->written.n, sizeof(*al->written.v), int_cmp);
	size_t k = 0;
	for (size_t i = 0; i < al->written.n; i++)
		if (!k || al->written.v[k - 1] != al->written.v[i])
			al->written.v[k++] = al->written.v[i];
	al->written.n = k;
}

bool zeroed_member_is_zero(const struct engine *e, const struct ck_state *s, int param, int field)
{
	struct zeroed_index *z = e->zeroed;
	for (int i = 0; z && i < s->nconst; i++) {
		if (s->consts[i].n != param || s->consts[i].field != CK_ZERO_FIELD)
			continue;
		struct zalloc *al = &z->allocs.v[s->consts[i].value];
		if (!al->done)
			close_writes(e, z, al);
		return !al->all && !(al->written.n &&
				     bsearch(&field, al->written.v, al->written.n, sizeof(int), int_cmp));
	}
	return false;
}

void zeroed_free(struct engine *e)
{
	struct zeroed_index *z = e->zeroed;
	if (!z)
		return;
	for (size_t f = 0; f < z->nfuncs; f++)
		free(z->writes[f].v);
	free(z->writes);
	for (size_t i = 0; i < z->allocs.n; i++) {
		vec_free(&z->allocs.v[i].handed);
		vec_free(&z->allocs.v[i].written);
	}
	vec_free(&z->allocs);
	strmap_free(&z->by_ret_site);
	free(z->seen);
	free(z->seen_epoch);
	vec_free(&z->queue);
	free(z);
	e->zeroed = NULL;
}
