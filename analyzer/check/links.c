// SPDX-License-Identifier: GPL-2.0-only
/*
 * links.c - two objects a function links both ways are each other's.
 *
 * io_subchannel_initialize_dev(sch, cdev) puts a ccw device on its
 * subchannel: 'cdev->dev.parent = &sch->dev', and 'sch_set_cdev(sch,
 * cdev)', which stores cdev as the driver data of '&sch->dev'.  From then
 * on the subchannel of a device, 'to_subchannel(cdev->dev.parent)', has
 * that device as its 'sch_get_cdev()'.  The 3215 console polls its own
 * subchannel with ccw_device_wait_idle(raw->cdev): cio_tsch() on the
 * device's subchannel calls the subchannel driver's irq(), which gets the
 * device back and calls its handler.  By key that handler is every ccw
 * driver's; on the path it is the console's own (embedded.c), once the
 * path knows that the device it got back is the one it started from.
 *
 * Extract names such pointers by walks from a parameter (extract/links.c:
 * 'arg#0/E:ccw_device.dev/L:device.parent/U:subchannel.dev') and records
 * every store of a walk into a member walk (link_store).  Here the stores
 * a function's callees make on its parameters become its own (a direct
 * call passing its parameters, or walks from them, a few calls deep:
 * sch_set_cdev() -> dev_set_drvdata() stores 'd->driver_data = data'),
 * and a function that stores q's walk Vq into p's member walk Wp and p's
 * walk Vp into q's member walk Wq links them both ways: from any object
 * the way Up = Wp + back(Vq) leads to its partner, and Uq = Wq + back(Vp)
 * leads back ('back' undoes the address of an embedded member: E:M is
 * undone by U:M; a walk that loads a pointer cannot be undone).  So Uq
 * after Up is the object itself, and so is Up after Uq.
 *
 * What it trades: the link is taken to be the only one.  Another function
 * may link the device to another subchannel (a device moved between
 * subchannels stores it again): a store of NULL only unlinks, and cio
 * moves a device with both halves again, but lockpath does not check that
 * every store into the member is paired.
 */
#include "check/links.h"
#include "check/engine_int.h"
#include "lib/keyname.h"

#include <stdlib.h>
#include <string.h>

#define LINK_DEPTH 4    /* calls a store is carried up through */

/* Function FUNC (index) stores parameter SP's walk SW into parameter DP's
 * member walk DW (steps, 'E:subchannel.dev/L:device.driver_data'). */
struct link { int func, dp, sp; const char *dw, *sw; };
/* At call site SITE (index), argument N is the caller's parameter P's walk W ("" itself). */
struct link_arg { int site, n, p; const char *w; };

struct link_pairs {
	struct strmap pairs;   /* 'A\x1fB': B after A is the object itself */
	struct strmap starts;  /* A of some pair */
	struct arena arena;
};

/* A then B, or NULL past KEYNAME_WALK_STEPS. */
static const char *join(struct arena *a, const char *x, const char *y)
{
	if (keyname_walk_steps(x) + keyname_walk_steps(y) > KEYNAME_WALK_STEPS)
		return NULL;
	if (!*x || !*y)
		return *x ? x : y;
	return arena_printf(a, "%s/%s", x, y);
}

/* The steps that undo walk V (only addresses of embedded members: 'E:a/E:b'
 * is undone by 'U:b/U:a'), or NULL. */
static const char *undo(struct arena *a, const char *v)
{
	struct strbuf sb = {0};
	const char *end = v + strlen(v);
	while (end > v) {
		const char *start = end;
		while (start > v && start[-1] != '/')
			start--;
		if (strncmp(start, "E:", 2)) {
			sb_free(&sb);
			return NULL;
		}
		sb_addf(&sb, "%sU:%.*s", sb.len ? "/" : "", (int)(end - start - 2), start + 2);
		end = start > v ? start - 1 : v;
	}
	const char *r = arena_strdup(a, sb.len ? sb.buf : "");
	sb_free(&sb);
	return r;
}

typedef VEC(struct link) link_vec;
typedef VEC(struct link_arg) arg_vec;

static void load_links(struct engine *e, struct arena *a, link_vec *out)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT func_id, dst, src FROM link_store ORDER BY rowid");
	while (db_step_row(e->db, q)) {
		struct link l = { engine_func_index(e, sqlite3_column_int64(q, 0)), 0, 0, NULL, NULL };
		l.dp = keyname_walk_split(db_col_text(q, 1), &l.dw);
		l.sp = keyname_walk_split(db_col_text(q, 2), &l.sw);
		if (l.func < 0 || l.dp < 0 || l.sp < 0 || l.dp == l.sp || !*l.dw)
			continue;
		l.dw = arena_strdup(a, l.dw);
		l.sw = arena_strdup(a, l.sw);
		vec_push(out, l);
	}
	sqlite3_finalize(q);
}

/* The parameters (and walks from them) direct calls pass, sorted by site. */
static void load_args(struct engine *e, struct arena *a, arg_vec *out)
{
	sqlite3_stmt *q = db_prepare(e->db, "SELECT a.site_id, a.n, coalesce(a.walk, a.obj_key) FROM site_arg a "
				     "JOIN site s ON s.id = a.site_id WHERE s.callee_usr IS NOT NULL AND "
				     "(a.walk IS NOT NULL OR a.obj_key LIKE 'arg#%') ORDER BY a.site_id");
	while (db_step_row(e->db, q)) {
		struct ck_site *s = engine_site_by_id(e, sqlite3_column_int64(q, 0));
		struct link_arg la = { s ? engine_site_index(e, s) : -1, sqlite3_column_int(q, 1), 0, NULL };
		la.p = keyname_walk_split(db_col_text(q, 2), &la.w);
		if (la.site < 0 || la.p < 0)
			continue;
		la.w = arena_strdup(a, la.w);
		vec_push(out, la);
	}
	sqlite3_finalize(q);
}

static const struct link_arg *arg_at(const arg_vec *args, int site, int n)
{
	for (size_t i = lower_bound_int(args->v, args->n, sizeof(*args->v), site);
	     i < args->n && args->v[i].site == site; i++)
		if (args->v[i].n == n)
			return &args->v[i];
	return NULL;
}

static int by_func(const void *x, const void *y)
{
	const struct link *a = x, *b = y;
	return (a->func > b->func) - (a->func < b->func);
}

/* The links at [FROM, links->n), sorted by function, carried into the
 * direct callers of their functions (appended); whether any was. */
static bool carry_up(struct engine *e, struct arena *a, link_vec *links, size_t from, const arg_vec *args,
		     int *first)
{
	size_t end = links->n;
	qsort(links->v + from, end - from, sizeof(*links->v), by_func);
	for (size_t i = end; i-- > from;)
		first[links->v[i].func] = (int)i;
	bool any = false;
	for (size_t si = 0; si < e->sites.n; si++) {
		const struct ck_site *s = &e->sites.v[si];
		if (s->kind != SITE_CALL || s->ncallees != 1 || first[s->callees[0].func] < 0)
			continue;
		int callee = s->callees[0].func;
		for (size_t i = (size_t)first[callee]; i < end && links->v[i].func == callee; i++) {
			const struct link l = links->v[i];
			const struct link_arg *d = arg_at(args, (int)si, l.dp), *src = arg_at(args, (int)si, l.sp);
			if (!d || !src || d->p == src->p)
				continue;
			struct link up = { s->func, d->p, src->p, join(a, d->w, l.dw), join(a, src->w, l.sw) };
			if (!up.dw || !up.sw)
				continue;
			vec_push(links, up);
			any = true;
		}
	}
	for (size_t i = from; i < end; i++)
		first[links->v[i].func] = -1;
	return any;
}

static void add_pair(struct link_pairs *p, const char *x, const char *y)
{
	char *k = xasprintf("%s\x1f%s", x, y);
	strmap_put(&p->pairs, k, NULL);
	free(k);
	strmap_put(&p->starts, x, NULL);
}

/* Two links of one function that link its parameters both ways. */
static void pair_up(struct link_pairs *p, const struct link *a, const struct link *b)
{
	if (a->dp != b->sp || a->sp != b->dp)
		return;
	const char *ba = undo(&p->arena, a->sw), *bb = undo(&p->arena, b->sw);
	if (!ba || !bb)
		return;
	const char *ua = join(&p->arena, a->dw, ba), *ub = join(&p->arena, b->dw, bb);
	if (!ua || !ub)
		return;
	add_pair(p, ua, ub);
	add_pair(p, ub, ua);
}

struct link_pairs *links_pairs_load(struct engine *e)
{
	struct link_pairs *p = xcalloc(1, sizeof(*p));
	link_vec links = {0};
	arg_vec args = {0};
	load_links(e, &p->arena, &links);
	if (!links.n)
		return p;
	load_args(e, &p->arena, &args);
	int *first = xmalloc((e->funcs.n + 1) * sizeof(int));
	for (size_t f = 0; f <= e->funcs.n; f++)
		first[f] = -1;
	for (size_t from = 0, depth = 0; depth < LINK_DEPTH; depth++) {
		size_t end = links.n;
		if (!carry_up(e, &p->arena, &links, from, &args, first))
			break;
		from = end;
	}
	qsort(links.v, links.n, sizeof(*links.v), by_func);
	for (size_t i = 0; i < links.n; i++)
		for (size_t j = i + 1; j < links.n && links.v[j].func == links.v[i].func; j++)
			pair_up(p, &links.v[i], &links.v[j]);
	free(first);
	vec_free(&links);
	vec_free(&args);
	return p;
}

void links_pairs_free(struct link_pairs *p)
{
	if (!p)
		return;
	strmap_free(&p->pairs);
	strmap_free(&p->starts);
	arena_free(&p->arena);
	free(p);
}

bool links_starts(const struct link_pairs *p, const char *walk)
{
	return p && strmap_get((struct strmap *)&p->starts, walk);
}

char *links_follow(const struct link_pairs *p, const char *obj, const char *walk)
{
	const char *sep = strchr(obj, LINKS_SEP);
	if (!sep)
		return links_starts(p, walk) ? xasprintf("%s%c%s", obj, LINKS_SEP, walk) : NULL;
	char *k = xasprintf("%s\x1f%s", sep + 1, walk);
	bool back = strmap_get((struct strmap *)&p->pairs, k);
	free(k);
	return back ? xstrndup(obj, (size_t)(sep - obj)) : NULL;
}

size_t links_npairs(const struct link_pairs *p)
{
	return p ? p->pairs.n : 0;
}
