// SPDX-License-Identifier: GPL-2.0-only
/*
 * engine.c - the check engine (see engine.h).
 *
 * A state is one way to be in a function: its context, the lock classes
 * held by the callers, and which lock each lock parameter ('arg#N') is.
 * States are explored least guessed first (guess_eighths: how many targets the
 * path's indirect calls chose among), then shortest first, entries before
 * roots, so the first time a check fires at a site the path is the surest
 * one from an entry;
 * each state keeps its parent and the call (and store) that led to it, which
 * is the witness.  The held set at a site is the caller's set minus the
 * locks the function released since entry, plus those it acquired (both
 * recorded by extract as the site's local lock state).
 */
#include "check/engine_int.h"
#include "check/dropped.h"
#include "check/init_modes.h"
#include "check/ops_tables.h"
#include "check/registrars.h"
#include "check/downcasts.h"
#include "check/embedded.h"
#include "check/slot_tables.h"
#include "check/member_binds.h"
#include "check/member_owners.h"
#include "check/zeroed.h"
#include "check/lockdep.h"
#include "lib/keyname.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ accessors */

const char *engine_key_name(const struct engine *e, int key)
{
	return key >= 0 ? e->keys.v[key].name : "?";
}

const char *engine_class_name(const struct engine *e, int cls)
{
	return cls > 0 && cls <= (int)e->class_names.n ? e->class_names.v[cls - 1] : "?";
}

const struct ck_func *engine_func(const struct engine *e, int func)
{
	return &e->funcs.v[func];
}

const struct lp_rules *engine_rules(const struct engine *e)
{
	return e->rules;
}

void engine_end_path(struct engine *e)
{
	e->path_ended = true;
}

const struct ck_held *engine_spinning_held(const struct ck_visit *v)
{
	for (int i = 0; i < v->nheld; i++)
		if (v->held[i].ltype == LT_SPIN || v->held[i].ltype == LT_RWLOCK)
			return &v->held[i];
	return NULL;
}

bool engine_atomic(const struct ck_visit *v)
{
	return v->ctx != CTX_PROCESS || v->irqs_off || engine_spinning_held(v);
}

void **engine_data(struct engine *e, int check_id)
{
	return &e->check_data[check_id];
}

int engine_key_class(const struct engine *e, int key)
{
	return key >= 0 ? e->keys.v[key].cls : -1;
}

/* A key as seen in state S: lock parameters replaced by the caller's lock. */
static int resolve_key(const struct engine *e, const struct ck_state *s, int key)
{
	if (key < 0 || e->keys.v[key].argn < 0)
		return key;
	for (int i = 0; i < s->nbind; i++)
		if (s->bind[i].n == e->keys.v[key].argn)
			return s->bind[i].key;
	return -1;
}

int engine_site_key(const struct engine *e, const struct ck_visit *v)
{
	return resolve_key(e, v->path, v->site->key);
}

/* ------------------------------------------------------------ signatures */

void engine_state_signature(const struct engine *e, const struct ck_state *s, struct strbuf *sb)
{
	sb_reset(sb);
	sb_addf(sb, "%d:%d:%d", s->func, s->ctx, s->irqs);
	for (int i = 0; i < s->nheld; i++)
		sb_addf(sb, ",%d", s->held[i].cls);
	sb_add(sb, ";");
	for (int i = 0; i < s->nbind; i++)
		sb_addf(sb, "%d=%d,", s->bind[i].n, engine_key_class(e, s->bind[i].key));
	for (int i = 0; i < s->nconst; i++)
		sb_addf(sb, "#%d.%d=%lld,", s->consts[i].n, s->consts[i].field, s->consts[i].value);
	for (int i = 0; i < s->nfnbind; i++)
		sb_addf(sb, "@%d=%d,", s->fnbind[i].n, s->fnbind[i].func);
	for (int i = 0; i < s->nimpl; i++)
		sb_addf(sb, "^%d=%lld:%d,", s->impl[i].ops, (long long)s->impl[i].unit, s->impl[i].owner);
	for (int i = 0; i < s->nobj; i++)
		sb_addf(sb, "&%d=%d,", s->obj[i].n, s->obj[i].cont);
	for (int i = 0; i < s->nhead; i++)
		sb_addf(sb, "%%%d=%d,", s->head[i].n, s->head[i].cont);
	if (s->last_put)
		sb_add(sb, "!");
	if (s->kept_put)
		sb_add(sb, "~");
}

long long engine_index_value(const struct ck_state *s, const struct ck_index *p, int d)
{
	if (p->kind[d] == DIM_CONST)
		return p->v[d];
	if (p->kind[d] == DIM_PARAM)
		for (int i = 0; i < s->nconst; i++)
			if (s->consts[i].n == p->v[d] && s->consts[i].field == CK_NO_FIELD)
				return s->consts[i].value;
	return -1;
}

/* Does the element IDX ('3,2') of a jump table match the call's PATTERN
 * ('*,arg#1') in state S?  Unknown dimensions match anything. */
static bool index_matches(const struct ck_state *s, const struct ck_index *pattern, const struct ck_index *idx)
{
	if (!pattern || !idx)
		return true;
	for (int d = 0; d < pattern->n && d < idx->n; d++) {
		long long want = engine_index_value(s, pattern, d);
		long long have = idx->kind[d] == DIM_CONST ? idx->v[d] : 0;   /* as atoll read it */
		if (want >= 0 && want != have)
			return false;
	}
	return true;
}

/* ------------------------------------------------------------ the queue */

/* Whether queued A is visited before B: the least guessed path first, then
 * the shortest, then the first found. */
static bool queued_before(const struct ck_queued *a, const struct ck_queued *b)
{
	if (a->guess != b->guess)
		return a->guess < b->guess;
	if (a->hops != b->hops)
		return a->hops < b->hops;
	return a->state < b->state;
}

static void queue_push(struct engine *e, int state)
{
	const struct ck_path_state *s = &e->states.v[state];
	struct ck_queued q = { state, s->guess, s->hops };
	vec_push(&e->queue, q);
	size_t i = e->queue.n - 1;
	while (i > 0 && queued_before(&q, &e->queue.v[(i - 1) / 2])) {
		e->queue.v[i] = e->queue.v[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	e->queue.v[i] = q;
}

static struct ck_queued queue_pop(struct engine *e)
{
	struct ck_queued top = e->queue.v[0], last = e->queue.v[--e->queue.n];
	size_t i = 0, n = e->queue.n;
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && queued_before(&e->queue.v[c + 1], &e->queue.v[c]))
			c++;
		if (!queued_before(&e->queue.v[c], &last))
			break;
		e->queue.v[i] = e->queue.v[c];
		i = c;
	}
	if (n)
		e->queue.v[i] = last;
	return top;
}

/*
 * A state's guess (guess_eighths, lib/util.h): at an indirect call with N
 * possible targets the path guesses log2(N), in eighths of a bit (a direct call, or one target left after the
 * path's bindings, guesses nothing).  A path's guess is the sum over its
 * calls: the witness of do_cio_interrupt -> ... -> ccw_io_helper guesses
 * among 4 subchannel drivers, 10 ccw device handlers and 6 config_changed
 * callbacks (about 8 bits); one through an hrtimer's callback, a netlink
 * socket's input, an rtnetlink handler and a tc action's init guesses more
 * than 20.  States are visited least guessed first, so a site's first
 * finding is on its surest path, and a path that guessed more than the
 * bound is not followed (check_stats.max_guess).
 *
 * A call that runs only where a reference count hit zero (site.last_put:
 * kref_put's release, iput's iput_final) guesses that the path drops the
 * last reference, which nothing on the path shows: CK_LAST_PUT_GUESS
 * bits, the odds of one choice among eight.  The state remembers it, so
 * its findings say so and are counted apart, and a finding first found
 * that way gives way to one reached without it (engine_report).
 */

/* ------------------------------------------------------------ states */

/* The words S's held locks and bindings take in e->bodies: each part is a
 * whole number of words (16 or 8 bytes an element). */
#define PART_WORDS(s, arr, n) (((size_t)(s)->n * sizeof((s)->arr[0]) + 7) / 8)
#define FOR_EACH_PART(X, s) \
	X(s, held, nheld) X(s, bind, nbind) X(s, consts, nconst) \
	X(s, fnbind, nfnbind) X(s, obj, nobj) X(s, head, nhead) X(s, impl, nimpl)

static size_t body_words(const struct ck_state *s)
{
	size_t n = 0;
#define WORDS(s, arr, cnt) n += PART_WORDS(s, arr, cnt);
	FOR_EACH_PART(WORDS, s)
#undef WORDS
	return n;
}

static void pack_body(uint64_t *w, const struct ck_state *s)
{
#define PACK(s, arr, n) if ((s)->n) memcpy(w, (s)->arr, (size_t)(s)->n * sizeof((s)->arr[0])); w += PART_WORDS(s, arr, n);
	FOR_EACH_PART(PACK, s)
#undef PACK
}

/* Pack S into P, its body at word BODY of e->bodies (room for it there). */
static void pack_state(struct engine *e, const struct ck_state *s, struct ck_path_state *p, size_t body)
{
	*p = (struct ck_path_state){ .func = s->func, .ctx = s->ctx, .parent = s->parent, .irqs = s->irqs,
				     .last_put = s->last_put, .kept_put = s->kept_put, .visited = s->visited,
				     .nheld = (unsigned char)s->nheld, .nbind = (unsigned char)s->nbind,
				     .nconst = (unsigned char)s->nconst, .nfnbind = (unsigned char)s->nfnbind,
				     .nobj = (unsigned char)s->nobj, .nhead = (unsigned char)s->nhead,
				     .nimpl = (unsigned char)s->nimpl,
				     .guess = s->guess, .hops = s->hops, .via_site = s->via_site,
				     .via_store = s->via_store, .on_path = s->on_path, .body = body };
	if (e->bodies.v)   /* (NULL until a state binds anything) */
		pack_body(e->bodies.v + body, s);
}

void engine_state_load(const struct engine *e, int state, struct ck_state *out)
{
	const struct ck_path_state *p = &e->states.v[state];
	*out = (struct ck_state){ .func = p->func, .ctx = p->ctx, .parent = p->parent, .irqs = p->irqs,
				  .via_site = p->via_site, .via_store = p->via_store, .guess = p->guess,
				  .hops = p->hops, .on_path = p->on_path, .last_put = p->last_put,
				  .kept_put = p->kept_put,
				  .visited = p->visited, .nheld = p->nheld, .nbind = p->nbind,
				  .nconst = p->nconst, .nfnbind = p->nfnbind, .nobj = p->nobj, .nhead = p->nhead,
				  .nimpl = p->nimpl };
	if (!e->bodies.v)
		return;
	const uint64_t *w = e->bodies.v + p->body;
#define UNPACK(s, arr, n) if ((s)->n) memcpy((s)->arr, w, (size_t)(s)->n * sizeof((s)->arr[0])); w += PART_WORDS(s, arr, n);
	FOR_EACH_PART(UNPACK, out)
#undef UNPACK
}

/*
 * The per-function bound (CK_MAX_CONTEXTS): a function is visited in at
 * most K contexts, its K surest.  The queue pops states least guessed,
 * then shortest, then first found, and a state pushed later is never surer
 * than one popped before it (a callee's guess and length are at least its
 * caller's), so the first K states of a function to be popped are its K
 * surest (within a phase: hardirq entries, softirq, process, then roots,
 * each explored to the end before the next is seeded).  The bound is
 * therefore applied when a state is popped, and, once a function is full,
 * when one is pushed.  Applied only at the push, as until session 51, it
 * kept the first K contexts found: those of the callers that happened to
 * be visited first, however much their calls guessed (the
 * contexts-surest-kept tree).
 */
static bool function_full(const struct engine *e, int func)
{
	return (size_t)e->func_states[func] >= e->st->max_contexts;
}

/* S is not visited: its function is full.  Counted once per function, and
 * noted for the replay (its acquisitions, read off a kept twin: dropped.c). */
static void drop_context(struct engine *e, const struct ck_state *s)
{
	if ((size_t)e->func_states[s->func]++ == e->st->max_contexts)
		e->st->contexts_full++;
	if (e->st->replay_dropped)
		dropped_note(e, s);
}

/* Add a state unless an equivalent one exists (which takes the new one's
 * path if that is surer and it is still waiting); returns false when bounded. */
static bool push_state(struct engine *e, struct ck_state *s, struct strbuf *sig)
{
	engine_state_signature(e, s, sig);
	int64_t *old = strmap_get(&e->memo, sb_str(sig));
	if (old) {
		struct ck_path_state *o = &e->states.v[*old];
		struct ck_queued was = { (int)*old, o->guess, o->hops }, now = { (int)*old, s->guess, s->hops };
		if (!o->visited && queued_before(&now, &was)) {
			/* an equal signature has as many held locks and bindings of
			 * each kind (engine_state_signature): the body fits */
			pack_state(e, s, o, o->body);
			queue_push(e, (int)*old);
		}
		return true;
	}
	/* At the bound, the memo must not grow either: nothing is added. */
	if (e->states.n >= e->st->max_states) {
		e->st->capped = true;
		return false;
	}
	if (function_full(e, s->func)) {
		drop_context(e, s);   /* visited in K surer contexts already */
		return true;
	}
	int64_t *slot = strmap_put(&e->memo, sb_str(sig), NULL);
	*slot = (int64_t)e->states.n;
	queue_push(e, engine_add_state(e, s));
	return true;
}

int engine_add_state(struct engine *e, const struct ck_state *s)
{
	size_t body = e->bodies.n;
	for (size_t k = body_words(s); k; k--)
		vec_push(&e->bodies, 0);
	struct ck_path_state p;
	pack_state(e, s, &p, body);
	vec_push(&e->states, p);
	return (int)e->states.n - 1;
}

void engine_held_remove(struct ck_held *h, int *n, int cls)
{
	for (int i = 0; i < *n; i++)
		if (h[i].cls == cls) {
			memmove(&h[i], &h[i + 1], (size_t)(*n - i - 1) * sizeof(*h));
			(*n)--;
			return;
		}
}

/* Held classes stay sorted so that equal sets have equal signatures.  A
 * set of CK_MAX_HELD classes is full: X is not tracked, and ST counts it
 * (the report names the limit once, cli/common.c). */
void engine_held_add(struct check_stats *st, struct ck_held *h, int *n, struct ck_held x)
{
	assert(*n >= 0 && *n <= CK_MAX_HELD);
	int i = 0;
	while (i < *n && h[i].cls < x.cls)
		i++;
	if (i < *n && h[i].cls == x.cls)
		return;
	if (*n == CK_MAX_HELD) {
		st->held_full++;
		return;
	}
	memmove(&h[i + 1], &h[i], (size_t)(*n - i) * sizeof(*h));
	h[i] = x;
	(*n)++;
}

/* The locks held just before SITE when its function was entered in S. */
int engine_held_at(const struct engine *e, const struct ck_state *s, const struct ck_site *site,
		   struct ck_held *out)
{
	int n = s->nheld;
	assert(n >= 0 && n <= CK_MAX_HELD);
	memcpy(out, s->held, (size_t)n * sizeof(*out));
	for (int i = 0; i < site->nlocks; i++) {
		int key = resolve_key(e, s, site->locks[i].key);
		int cls = engine_key_class(e, key);
		if (cls < 0)
			continue;
		if (site->locks[i].held) {
			engine_held_add(e->st, out, &n, (struct ck_held){ cls, key, site->locks[i].acq,
					  site->locks[i].ltype, site->locks[i].is_read });
			continue;
		}
		engine_held_remove(out, &n, cls);
		/* the caller's lock dropped by its key: a lock of the key's type
		 * the path holds under a path's class of its own is dropped too */
		for (int h = n - 1; h >= 0; h--)
			if (lockdep_path_of(e, out[h].cls, cls))
				engine_held_remove(out, &n, out[h].cls);
	}
	return n;
}

/* The function parameter N is bound to in state S, or NULL. */
static const struct ck_callee *bound_fn(const struct ck_state *s, int n, struct ck_callee *out)
{
	for (int i = 0; i < s->nfnbind; i++)
		if (s->fnbind[i].n == n) {
			*out = (struct ck_callee){ s->fnbind[i].func, s->fnbind[i].store, NULL };
			return out;
		}
	return NULL;
}


static bool class_in(const uint64_t *set, int cls)
{
	return cls >= 0 && set[cls / 64] >> (cls % 64) & 1;
}

/*
 * Whether holding H into function F can still make a finding below it that
 * has not been made: F's subtree acquires H's class again (recursive-lock),
 * or may sleep while H spins in process context (sleep-in-atomic names the
 * lock; in an interrupt the context alone makes the sleep atomic), or
 * acquires a class that no path has yet acquired while holding H
 * (lock-order).  A held lock that can do none of these is left out of the
 * callee's state: the same path without it finds the same, and printk,
 * reached with hundreds of different sets of held locks, is then entered
 * with few.  A lock the subtree takes through a parameter could be any.
 */
static bool held_live(const struct engine *e, int ctx, const struct ck_held *h, const struct ck_func *f)
{
	if (f->acq_param_below || class_in(f->acq_below, h->cls))
		return true;
	if (ctx == CTX_PROCESS && f->below_sleep && (h->ltype == LT_SPIN || h->ltype == LT_RWLOCK))
		return true;
	const uint64_t *seen = h->cls >= 0 && (size_t)h->cls <= e->class_names.n ? e->order_seen[h->cls] : NULL;
	for (size_t w = 0; w < e->class_words; w++)
		if (f->acq_below[w] & ~(seen ? seen[w] : 0))
			return true;
	return false;
}

bool engine_order_known(const struct engine *e, int a, int b)
{
	const uint64_t *seen = a >= 0 && (size_t)a <= e->class_names.n ? e->order_seen[a] : NULL;
	return seen && b >= 0 && (size_t)b < e->class_words * 64 && class_in(seen, b);
}

void engine_order_seen(struct engine *e, int a, int b)
{
	if (a < 0 || b < 0 || (size_t)a > e->class_names.n || (size_t)b >= e->class_words * 64)
		return;
	if (!e->order_seen[a]) {
		e->order_seen[a] = arena_alloc(&e->arena, e->class_words * sizeof(uint64_t));
		memset(e->order_seen[a], 0, e->class_words * sizeof(uint64_t));
	}
	e->order_seen[a][b / 64] |= (uint64_t)1 << (b % 64);
}

/* Parameter N (member FIELD) of state S holds VALUE from now on. */
static void set_const(struct ck_state *s, int n, int field, long long value)
{
	for (int i = 0; i < s->nconst; i++)
		if (s->consts[i].n == n && s->consts[i].field == field) {
			s->consts[i].value = value;
			return;
		}
	if (s->nconst < CK_MAX_CONST)
		s->consts[s->nconst++] = (struct ck_const){ n, field, value };
}

/* Parameter N's member FIELD (every member: CK_ANY_FIELD) is not known. */
static void drop_const(struct ck_state *s, int n, int field)
{
	int k = 0;
	for (int i = 0; i < s->nconst; i++)
		if (s->consts[i].n != n || s->consts[i].field == CK_NO_FIELD ||
		    (field != CK_ANY_FIELD && s->consts[i].field != field))
			s->consts[k++] = s->consts[i];
	s->nconst = k;
}

/*
 * What the constant V of function F's parameter PARAM, bound on the path,
 * is where F passes the parameter on, into *OUT: V itself, V masked where F
 * only masks it (__stack_depot_save()'s 'alloc_flags &= (GFP_ATOMIC |
 * GFP_KERNEL)', an upper bound of its bits), the one value it can hold
 * where F assigns it only under tests (or only the value passed), or
 * nothing (false) where F assigns it otherwise.
 */
static bool passed_on(const struct ck_func *f, int param, long long v, long long *out);

/* What ARG passes of the caller's constant V of its parameter ARG->fwd (the
 * parameter itself, not a member), into *OUT; false if not known. */
static bool forwarded(const struct ck_func *f, const struct ck_arg *arg, long long v, long long *out)
{
	if (!passed_on(f, arg->fwd, v, out))
		return false;
	if (arg->masked)
		*out &= arg->value;
	if (arg->ored)   /* 'gfp | __GFP_ZERO' */
		*out |= arg->value;
	if (arg->cond)   /* 'priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO' */
		*out = *out ? arg->value : arg->cond_else;
	return true;
}

static bool passed_on(const struct ck_func *f, int param, long long v, long long *out)
{
	if (!engine_param_used(f->written_params, param)) {
		*out = v;
		return true;
	}
	const struct guardkey_wif *wif = engine_func_wif(f, param);
	if (wif) {   /* nfqnl_reinject(entry, NF_DROP) assigns only NF_DROP */
		long long vals[GUARDKEY_WIF_MAX + 1];
		int n;
		bool any;
		guardkey_wif_values(wif, v, vals, &n, GUARDKEY_WIF_MAX + 1, &any);
		if (!any && n == 1)
			*out = vals[0];
		return !any && n == 1;
	}
	for (int i = 0; i < f->nmasks; i++)
		if (f->masks[i].param == param) {
			*out = (v & f->masks[i].and_mask) | f->masks[i].or_mask;
			return true;
		}
	return false;
}

/*
 * An argument that moves a constant between a parameter and a member
 * (check/ret_members.c): 'ab->gfp_mask', the member the path set in the
 * caller's parameter FWD, passed as a value; or the caller's parameter FWD
 * as the member FIELD of the object the argument points to (the object a
 * call returned, having stored FWD there).  The value into *OUT.
 */
static bool member_passed(const struct engine *e, const struct ck_state *cur, const struct ck_arg *arg,
			  long long *out)
{
	int field = arg->from_field ? arg->src_field : CK_NO_FIELD;
	for (int i = 0; i < cur->nconst; i++) {
		if (cur->consts[i].n != arg->fwd || cur->consts[i].field != field)
			continue;
		if (field == CK_NO_FIELD)
			return passed_on(&e->funcs.v[cur->func], arg->fwd, cur->consts[i].value, out);
		*out = cur->consts[i].value;
		return true;
	}
	return false;
}

/* The value a context test chose for argument ARG ('(in_atomic() ||
 * irqs_disabled()) ? GFP_ATOMIC : GFP_KERNEL') on a path in CUR's context
 * with interrupts IRQS_OFF, into *OUT; false where the test may go either
 * way (in_atomic() in process context). */
static bool ctx_chosen(const struct ck_state *cur, const struct ck_arg *arg, bool irqs_off, long long *out)
{
	int st = guardkey_ctx_state(cur->ctx, irqs_off);
	if (!((arg->ctx_true | arg->ctx_false) >> st & 1))
		return false;
	*out = arg->ctx_true >> st & 1 ? arg->value : arg->cond_else;
	return true;
}

/* Bind the callee's parameter ARG->n in NEXT to what the call passes: a
 * constant, the members set just before the call, or what the caller's own
 * parameter was bound to in CUR (passed on unchanged, and not assigned by
 * the caller itself).  Rows of one argument come forwarded ones first.
 * MEMBERS: bind only the values of members (else only whole parameters'):
 * callee_state() binds the parameters first. */
static void bind_const_arg(const struct engine *e, const struct ck_state *cur, const struct ck_arg *arg,
			   struct ck_state *next, bool irqs_off, bool members)
{
	if (arg->is_const) {
		if (!members)
			set_const(next, arg->n, CK_NO_FIELD, arg->value);
	} else if (arg->ctx_cond) {
		long long v;
		if (!members && ctx_chosen(cur, arg, irqs_off, &v))
			set_const(next, arg->n, CK_NO_FIELD, v);
	} else if (arg->fwd >= 0 && (arg->from_field || arg->field != CK_NO_FIELD)) {
		long long v;
		if ((arg->field != CK_NO_FIELD) == members && member_passed(e, cur, arg, &v))
			set_const(next, arg->n, arg->field, v);
	} else if (arg->fwd >= 0) {
		const struct ck_func *f = &e->funcs.v[cur->func];
		for (int i = 0; i < cur->nconst; i++) {
			long long v = cur->consts[i].value;
			if (cur->consts[i].n != arg->fwd || (cur->consts[i].field != CK_NO_FIELD) != members ||
			    ((arg->masked || arg->ored || arg->cond) && cur->consts[i].field != CK_NO_FIELD))
				continue;
			if (cur->consts[i].field == CK_NO_FIELD && !forwarded(f, arg, v, &v))
				continue;
			set_const(next, arg->n, cur->consts[i].field, v);
		}
	} else if (arg->field != CK_NO_FIELD && members) {
		if (arg->unknown)
			drop_const(next, arg->n, arg->field);
		else
			set_const(next, arg->n, arg->field, arg->value);
	}
}

/* The state entered from V's call site into CALLEE: the caller's held locks
 * and irq state, and the callee's parameters bound to the call's lock,
 * constant and function arguments. */
/* A call of a chain's call API whose callbacks run in process context with
 * interrupts enabled (rules: 'chain-call ... process'): or NULL. */
static const struct lp_chain *process_chain_call(const struct engine *e, const struct ck_site *site)
{
	const struct lp_chain *c = site->kind == SITE_CALL ? rules_chain_of(e->rules, site->callee_name) : NULL;
	return c && c->entry < 0 && c->process ? c : NULL;
}

const char *engine_irqs_on_why(struct engine *e, int state)
{
	for (int s = state; s >= 0; s = e->states.v[s].parent) {
		const struct ck_path_state *st = &e->states.v[s];
		if (st->parent < 0)
			return e->funcs.v[st->func].irqs_on_why;
		const struct ck_site *site = engine_site_by_id(e, st->via_site);
		if (st->irqs == IRQS_ON && site && process_chain_call(e, site))
			return arena_printf(&e->arena, "%s is called through %s, whose callbacks run in process "
					    "context with interrupts enabled (rules)", e->funcs.v[st->func].name,
					    site->callee_name);
	}
	return NULL;
}

/*
 * A path enters each function once.  A call into a function the path is
 * already in is recursion, and what a second activation could find depends
 * on the objects of the first one coming round again: a netlink tap's
 * dev_queue_xmit() back into the neighbour code that sent the notification,
 * a quota read through a second file system's read_folio(), smc's
 * setsockopt() through proto_ops.setsockopt into itself.  The call graph
 * has those cycles because indirect calls are resolved by type and a
 * direct call cannot say which object it is on; the kernel bounds its
 * real recursion (a stacked device's dev_xmit_recursion(), a tree walk one
 * level down) and takes a lock of another object, not the one it holds.
 * So a recursive call is not followed: a lock taken again only through the
 * cycle is left unreported, which is what lockpath trades for a list a
 * maintainer reads.  The states keep a bit per function (its index modulo
 * 64) so that the walk up the path runs only when the bit is set.
 *
 * The memo keeps the path a state was first reached by: a state first
 * reached through G, whose call into G was not followed, is not visited
 * again when a path without G reaches it, and what that call would find
 * there is lost.  Visiting such a state once more (tried in session 13)
 * changed 2 of the whole s390 tree's 945 findings, so it is not done.
 */
static uint64_t func_bit(int func)
{
	return (uint64_t)1 << (func & 63);
}

bool engine_path_enters(const struct engine *e, int si, int func)
{
	if (!(e->states.v[si].on_path & func_bit(func)))
		return false;
	for (int s = si; s >= 0; s = e->states.v[s].parent)
		if (e->states.v[s].func == func)
			return true;
	return false;
}

static void callee_state(struct engine *e, int si, const struct ck_visit *v, const struct ck_callee *callee,
			 struct ck_state *next)
{
	const struct ck_site *site = v->site;
	const struct ck_state *cur = v->path;
	*next = (struct ck_state){ .func = callee->func, .ctx = cur->ctx, .parent = si,
				   .irqs = v->irqs_off ? IRQS_OFF : v->irqs_on ? IRQS_ON : IRQS_AS_AT_ENTRY,
				   .via_site = site->id, .via_store = callee->store,
				   .on_path = cur->on_path | func_bit(callee->func),
				   .last_put = cur->last_put || site->last_put,
				   .kept_put = site->kept_put,
				   .nheld = v->nheld,
				   .nimpl = cur->nimpl };
	memcpy(next->impl, cur->impl, sizeof(next->impl));
	if (next->irqs == IRQS_AS_AT_ENTRY && cur->ctx == CTX_PROCESS && !engine_spinning_held(v) &&
	    process_chain_call(e, site))
		next->irqs = IRQS_ON;   /* blocking_notifier_call_chain() sleeps: its callbacks run with irqs on */
	ops_enter(e, next, callee->func);
	owners_bind(e, site, next);
	next->nheld = 0;
	for (int i = 0; i < v->nheld; i++)
		if (held_live(e, cur->ctx, &v->held[i], &e->funcs.v[callee->func]))
			next->held[next->nheld++] = v->held[i];
	const struct ck_func *cf = &e->funcs.v[callee->func];
	/* A whole parameter's value first, then members: the slots are few,
	 * and ida_destroy()'s 'xas_store(&xas, NULL)' passes the eight members
	 * XA_STATE() set before the NULL, which xas_store() tests as 'if
	 * (entry) .. xas_create()' (an allocation under the xarray's lock). */
	for (int a = 0; a < site->nargs; a++) {
		const struct ck_arg *arg = &site->args[a];
		if (arg->key < 0 && engine_param_used(cf->const_params, arg->n))
			bind_const_arg(e, cur, arg, next, v->irqs_off, false);
	}
	for (int a = 0; a < site->nargs; a++) {
		const struct ck_arg *arg = &site->args[a];
		if (arg->key < 0) {
			if (engine_param_used(cf->const_params, arg->n))
				bind_const_arg(e, cur, arg, next, v->irqs_off, true);
			continue;   /* a binding the callee never looks at only splits states */
		}
		if (!engine_param_used(cf->lock_params, arg->n))
			continue;
		if (next->nbind >= CK_MAX_BIND) {
			e->st->bind_full++;   /* the callee's lock parameter stays unknown (a limit) */
			continue;
		}
		int key = resolve_key(e, cur, arg->key);
		if (engine_key_class(e, key) >= 0) {
			next->bind[next->nbind].n = arg->n;
			next->bind[next->nbind].key = key;
			next->nbind++;
		}
	}
	for (int a = 0; a < site->nfnargs && next->nfnbind < CK_MAX_BIND; a++) {
		const struct ck_fnarg *fa = &site->fnargs[a];
		struct ck_callee fwd;
		if (!engine_param_used(cf->fn_params, fa->n))
			continue;
		if (fa->func >= 0)
			next->fnbind[next->nfnbind++] = (struct ck_fnbind){ fa->n, fa->func, fa->store };
		else if (bound_fn(cur, fa->fwd, &fwd))
			next->fnbind[next->nfnbind++] = (struct ck_fnbind){ fa->n, fwd.func, fwd.store };
	}
	embedded_bind(e, cur, site, next);
	downcasts_bind(e, cur, site, next);
	member_binds_enter(e, cur, site, next);
}

/* Whether the call at SITE can reach callee C on the path of state CUR. */
static bool callee_possible(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
			    const struct ck_callee *c)
{
	if (!index_matches(cur, site->ind_index, c->idx))
		return false;   /* dev_jumptable[state][DEV_EVENT_INTERRUPT]: another event's handler */
	/* an object has one ops table: the one of the driver the path came through
	 * (a virtio device's config ops: vdev->config->get from vp_interrupt is pci's) */
	/* a request's completion: the one stored through its own request type
	 * (crypto_finalize_akcipher_request()'s '&req->base' reaches akcipher's) */
	/* a table in an array slot: the one registered into the slot the path
	 * names (mlx5's rep_ops[REP_IB] is mlx5_ib's), whatever the path's binding */
	int by_slot = slot_tables_allow(e, cur, site, c);
	if (!by_slot)
		return false;
	/* a socket's data-ready callback: the one of its own protocol, whose
	 * functions read the socket as their struct (netlink's as a netlink_sock) */
	return (by_slot > 0 || ops_allows(e, cur, site, c)) && embedded_allows(e, cur, site, c) &&
	       downcasts_allows(e, cur, site, c);
}

/* The callees of the call at SITE on the path of state S: the function the
 * path bound a call through its own parameter, or through a member a
 * function on the path set from one (member_binds.c), to (into BOUND), else
 * the site's; their number in *N. */
static const struct ck_callee *path_callees(const struct engine *e, const struct ck_state *s,
					    const struct ck_site *site, struct ck_callee *bound, int *n)
{
	if (site->param_call >= 0 && bound_fn(s, site->param_call, bound)) {
		*n = 1;
		return bound;
	}
	int by_member = member_binds_callee(e, s, site, bound);
	if (by_member >= 0) {
		*n = by_member;
		return bound;
	}
	*n = site->ncallees;
	return site->callees;
}

/* Whether every callee the call at SITE may reach on the path of state S
 * always sleeps, or says it may (reach.c): a path atomic at the call has
 * broken its context in it. */
static bool call_always_sleeps(const struct engine *e, const struct ck_state *s, const struct ck_site *site)
{
	if (site->no_edge)
		return false;   /* not followed (panic()): its sleeps are not the path's */
	struct ck_callee bound;
	int n, possible = 0;
	const struct ck_callee *callees = path_callees(e, s, site, &bound, &n);
	for (int c = 0; c < n; c++) {
		if (!callee_possible(e, s, site, &callees[c]))
			continue;
		const struct ck_func *f = &e->funcs.v[callees[c].func];
		if (!f->always_sleeps)
			return false;
		possible++;
	}
	return possible > 0;
}

/* Whether the call at SITE may block on the path of state CUR (interrupts
 * IRQS_OFF): a 'blocks-with' call (kmalloc) whose mask argument is a
 * constant, passed, bound or chosen by the context, without the rule's
 * bits (GFP_ATOMIC) cannot; unknown, it may. */
static bool call_may_block(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
			   bool irqs_off)
{
	for (int a = 0; a < site->nargs; a++) {
		const struct ck_arg *arg = &site->args[a];
		if (arg->n != site->blocks_arg)
			continue;
		long long v;
		if (arg->is_const)
			return (arg->value & site->blocks_mask) != 0;
		if (arg->ctx_cond)
			return ctx_chosen(cur, arg, irqs_off, &v) ? (v & site->blocks_mask) != 0 : true;
		if (arg->fwd < 0)
			continue;
		if (arg->from_field)   /* kmalloc(.., ab->gfp_mask) */
			return member_passed(e, cur, arg, &v) ? (v & site->blocks_mask) != 0 : true;
		for (int i = 0; i < cur->nconst; i++) {
			if (cur->consts[i].n == arg->fwd && cur->consts[i].field == CK_NO_FIELD &&
			    forwarded(&e->funcs.v[cur->func], arg, cur->consts[i].value, &v))
				return (v & site->blocks_mask) != 0;
		}
	}
	return true;
}

/*
 * Follow V's call into its callees.  A call through the function's own
 * parameter goes to the function the path bound it to (kref_put(k, release)
 * reached from a path that passed foo_release calls foo_release, not every
 * release function in the tree); unbound, to every function link found for
 * it, unless the key is wide (link.h), which has no edges.
 */
static void enter_callees(struct engine *e, int si, const struct ck_visit *v, struct strbuf *sig)
{
	const struct ck_site *site = v->site;
	if (site->no_edge)
		return;   /* a deferral, a dispatcher of deferred work, a call that never returns */
	if (site->blocks_arg >= 0 && !call_may_block(e, v->path, site, v->irqs_off))
		return;   /* kmalloc(.., GFP_ATOMIC): it neither sleeps nor reclaims, nor calls back */
	if (e->st->capped)
		return;   /* the bound is hit: finish the states queued, start no more */
	struct ck_callee bound;
	int n;
	const struct ck_callee *callees = path_callees(e, v->path, site, &bound, &n);
	int possible = 0;
	for (int c = 0; c < n; c++)
		possible += callee_possible(e, v->path, site, &callees[c]);
	int guess = v->path->guess + guess_eighths(possible) + (site->last_put ? CK_LAST_PUT_GUESS : 0);
	for (int c = 0; c < n; c++) {
		if (!callee_possible(e, v->path, site, &callees[c]))
			continue;
		const struct ck_func *callee = &e->funcs.v[callees[c].func];
		if (!callee->below_acquire && !callee->below_sleep && !callee->below_irqs_on)
			continue;   /* no check can fire below it (reach.c) */
		if (engine_path_enters(e, si, callees[c].func)) {
			e->st->recursion_cut++;
			continue;   /* recursion (engine_path_enters) */
		}
		if (guess > e->st->max_guess) {
			e->st->guess_cut++;
			return;     /* a guess too far: the path is not followed (lib/util.h) */
		}
		struct ck_state next;
		callee_state(e, si, v, &callees[c], &next);
		next.guess = guess;
		next.hops = v->path->hops + 1;
		if (!push_state(e, &next, sig))
			return;
	}
}

/* Whether a site under guard G can run on the path of state S: under 'case 0:' of
 * 'switch (err)', with err bound to the constant -ENODEV and never assigned
 * 0 by the function itself, it cannot (ccw_device_verify_done()); nor under
 * 'if (may_sleep)' with may_sleep bound to false (__hvc_poll(hp, false)),
 * nor under 'if (!args->force)' with force set just before the call; nor
 * in the else branch of 'if (in_hardirq() || irqs_disabled())' on a
 * hardirq path. */
static bool guard_allows(const struct engine *e, const struct ck_state *s, const struct ck_guard *g, bool irqs_off)
{
	if (g->nalts) {   /* past a label a goto jumps to from outside a test ('alt:') */
		for (int a = 0; a < g->nalts; a++) {
			bool all = true;
			for (int i = 0; i < g->alts[a].n && all; i++)
				all = guard_allows(e, s, &g->alts[a].g[i], irqs_off);
			if (all)
				return true;
		}
		return false;
	}
	if (g->key->ctx_dead)   /* 'if (in_hardirq() || irqs_disabled())' */
		return guardkey_ctx_allows(g->key, guardkey_ctx_state(s->ctx, irqs_off));
	for (int i = 0; i < s->nconst; i++)
		if (s->consts[i].n == g->key->param && s->consts[i].field == g->field)
			return guardkey_allows(g->key, s->consts[i].value);
	/* 'if (!bus) return' on device_create()'s kzalloc()ed device (zeroed.c) */
	if (g->field >= 0 && zeroed_member_is_zero(e, s, g->key->param, g->field))
		return guardkey_allows(g->key, 0);
	return true;
}

/* ... and under every test around it ('if (notify && rd)': rd passed NULL). */
static bool guards_allow(const struct engine *e, const struct ck_state *s, const struct ck_site *site, bool irqs_off)
{
	for (int i = 0; i < site->nguards; i++)
		if (!guard_allows(e, s, &site->guards[i], irqs_off))
			return false;
	return true;
}

/* Whether SITE asserts, on every call of its function, that a sleeping
 * lock is held (lockdep_assert_held(&dev->mutex) at the top): the function
 * runs under that mutex, so never in an interrupt or softirq.  A path that
 * gets there in one came through a call the kernel does not make (a
 * function pointer resolved too widely), and goes no further. */
static bool asserts_sleeping_lock(struct engine *e, const struct ck_site *site)
{
	if (site->kind != SITE_ASSERT || !site->always)
		return false;
	int cls = engine_key_class(e, site->key);
	int ltype = cls >= 0 ? engine_class_ltype(e, cls) : site->ltype;
	return ltype >= LT_MUTEX;
}

/* The held lock that V's acquisition takes again, or NULL.  A trylock never
 * waits; a '_nested' acquisition with a non-zero subclass is lockdep's "another
 * instance of this class"; rwlock readers may nest. */
const struct ck_held *engine_reacquired(const struct engine *e, const struct ck_visit *v)
{
	if (v->site->kind != SITE_ACQUIRE || v->site->subclass != 0)
		return NULL;
	int cls = engine_key_class(e, engine_site_key(e, v));
	if (cls < 0 || !lockdep_nests(e, cls))
		return NULL;   /* lockdep validates nothing of it, or decides its class per object */
	for (int i = 0; i < v->nheld; i++) {
		const struct ck_held *h = &v->held[i];
		if (h->cls == cls && !(h->is_read && v->site->is_read && h->ltype == LT_RWLOCK))
			return h;
	}
	return NULL;
}

/* Run the checks on every site of state SI's function and enter its callees.
 * Once a path re-acquires a held lock, that CPU spins there for ever: the
 * recursive-lock is reported once.  Past that point the function's own
 * sites are still checked (ccw_io_helper's wait_event() sleeps in hardirq
 * whatever the locks), but its calls are not followed: no CPU gets there on
 * this path, and following them (ccw_device_start() back into the device
 * state machine) would only restate the same bug along a longer path.  A
 * later acquisition of the same class in the function is not reported
 * again.  A check may end the path the same way (engine_end_path): a sleep
 * in atomic context is the bug of this path, and what the sleeping code
 * calls next (iput()'s might_sleep() then evict() and the file system's
 * inode teardown) is code the kernel only runs where it may sleep.  So is
 * a might_sleep(), or a call that makes one on every call (folio_lock()):
 * past it the path is either that bug or a path the kernel never takes,
 * and its locks (folio_mark_dirty() into the file system's dirty_inode)
 * would be evidence of neither. */
static void visit_state(struct engine *e, int si, struct strbuf *sig)
{
	struct ck_state cur;    /* a visited state's body no longer changes (push_state) */
	engine_state_load(e, si, &cur);
	const struct ck_state *st = &cur;
	const struct ck_func *f = &e->funcs.v[st->func];
	struct ck_held held[CK_MAX_HELD];
	int stuck_cls = -1;
	bool stuck_here = false;
	for (int i = 0; i < f->nsites; i++) {
		const struct ck_site *site = &e->sites.v[f->sites[i]];
		int irqs = engine_site_irqs(site, st->irqs);
		if (site->doomed)
			continue;   /* 'pr_err(..); BUG();', slub's report before add_taint(): a broken state */
		if (site->last_put && st->kept_put)
			continue;   /* the put undid its caller's own get: not the last (kept_puts.c) */
		if (site->nguards && !guards_allow(e, st, site, irqs > 0))
			continue;   /* a case of 'switch (param)' this path's constant argument never takes */
		if (st->ctx != CTX_PROCESS && asserts_sleeping_lock(e, site))
			return;     /* the path cannot be here: its function runs under a mutex */
		int nheld = engine_held_at(e, st, site, held);
		struct ck_visit v = { si, site, held, nheld, st->ctx, irqs > 0, irqs < 0, stuck_cls, st };
		if (site->kind == SITE_ACQUIRE && e->st->replay_dropped)
			dropped_seen(e, &v);   /* what the contexts past the bound would take (dropped.c) */
#define CHECK(fn, ...) check_##fn(e, &v);
#include "check/check_list.h"
#undef CHECK
		/* a call that ended the path (schedule() in an interrupt) is not
		 * entered either: what it does next is not this context's */
		stuck_here = stuck_here || e->path_ended;
		e->path_ended = false;
		if (site->kind == SITE_CALL && !stuck_here) {
			enter_callees(e, si, &v, sig);
			/* audit_receive()'s audit_ctl_lock() is its mutex_lock(): in an
			 * interrupt, the path slept there as at a sleep of its own;
			 * folio_lock() says it may (might_sleep()) on every call */
			stuck_here = engine_atomic(&v) && call_always_sleeps(e, st, site);
		}
		const struct ck_held *again = engine_reacquired(e, &v);
		if (again && stuck_cls < 0)
			stuck_cls = again->cls;
		stuck_here = stuck_here || again || site->ends_context;
	}
}

/* Visit the queued states, least guessed first, until none is left. */
static void explore(struct engine *e, struct strbuf *sig)
{
	while (e->queue.n) {
		struct ck_queued q = queue_pop(e);
		struct ck_path_state *s = &e->states.v[q.state];
		if (s->visited || s->guess != q.guess || s->hops != q.hops)
			continue;   /* popped already, or queued again on a surer path */
		s->visited = true;
		if (function_full(e, s->func)) {
			struct ck_state dropped = { .func = s->func };
			if (e->st->replay_dropped)   /* only the replay reads the rest */
				engine_state_load(e, q.state, &dropped);
			drop_context(e, &dropped);
			continue;
		}
		e->func_states[s->func]++;
		if (e->st->replay_dropped)
			dropped_kept(e, s->func, q.state);
		visit_state(e, q.state, sig);
	}
	e->st->states = e->states.n;
}

/* Hardirq handlers run with interrupts off; other entries with them on.
 * Roots (functions nobody calls) start unknown: their callers are not in
 * the tree, and may well have disabled interrupts. */
static void seed(struct engine *e, int func, int ctx, struct strbuf *sig)
{
	struct ck_state s = { .func = func, .ctx = ctx, .parent = -1, .irqs = ctx == CTX_HARDIRQ ? 1 : -1,
			      .on_path = func_bit(func) };
	/* once per file whose objects its registrations were made on (registrars.h) */
	struct reg_seed seeds[REG_MAX_SEEDS];
	int nseeds = registrars_seeds(e, func, seeds);
	for (int i = 0; i < nseeds; i++) {
		struct ck_state bound = s;
		ops_bind_file(e, &bound, seeds[i].file, func);
		ops_enter(e, &bound, func);
		push_state(e, &bound, sig);
	}
	if (!nseeds) {
		ops_enter(e, &s, func);
		push_state(e, &s, sig);
	}
	e->funcs.v[func].called = true;   /* an entry is not also a root */
	e->st->entries++;
}

typedef VEC(int) int_vec;

/* The registration rule that an 'arg:F#N' store key is an argument of
 * ('arg:request_irq#1': request_irq's handler), or NULL.  A static API's
 * key names it 'file.c:name'; the rules name it 'name'. */
static const struct lp_register *store_registration(const struct engine *e, const char *store_key)
{
	struct keyname_arg arg;
	if (!keyname_parse_arg(store_key, &arg))
		return NULL;
	char fn[256];
	keyname_arg_api(&arg, fn, sizeof(fn));
	for (const struct lp_register *r = rules_register(e->rules, fn); r; r = rules_register_next(e->rules, r))
		if (r->arg == arg.n)
			return r;
	return NULL;
}

/* Functions passed to registration APIs, found once (scan_registrations):
 * each with the context its API gives it, and every (function, store) pair
 * that reached an API's argument, which a 'keyentry' field's context must
 * not override. */
struct registrations {
	int_vec funcs;
	VEC(const struct lp_register *) rule;   /* parallel to funcs: the API's rule */
	struct strmap stores;       /* "func_id/store_id" -> 1 */
};

/* "func_id/store_id" of the row at Q's columns 1 and 2, into BUF[48]. */
static const char *store_pair(char *buf, sqlite3_stmt *q)
{
	snprintf(buf, 48, "%lld/%lld", (long long)sqlite3_column_int64(q, 1), (long long)sqlite3_column_int64(q, 2));
	return buf;
}

/* Functions passed to a registration API: request_irq's handler is stored
 * into 'arg:request_irq#1'; the rules say argument 1 is a hardirq entry.
 * The key is closed over parameters: io_uring's create_worker_cont reaches
 * 'arg:task_work.h:init_task_work#1' through its helper's parameter. */
static void scan_registrations(struct engine *e, struct registrations *out)
{
	/* never an entry guessed by type (link's fallback stores are 'type:' ones) */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT DISTINCT k.key, k.func_id, k.store_id FROM key_target k "
				     "JOIN fnstore s ON s.id = k.store_id "
				     "WHERE k.key LIKE 'arg:%#%' AND s.key NOT LIKE 'type:%'");
	while (db_step_row(e->db, q)) {
		const struct lp_register *r = store_registration(e, db_col_text(q, 0));
		int f = engine_func_index(e, sqlite3_column_int64(q, 1));
		if (!r || f < 0)
			continue;
		vec_push(&out->funcs, f);
		vec_push(&out->rule, r);
		char pair[48];
		*strmap_put(&out->stores, store_pair(pair, q), NULL) = 1;
	}
	sqlite3_finalize(q);
}

static void registrations_free(struct registrations *r)
{
	vec_free(&r->funcs);
	vec_free(&r->rule);
	strmap_free(&r->stores);
}

/* The functions stored into KE's field, into OUT (duplicates possible),
 * but with SKIP those whose store reached the field through a registration
 * API's argument: they run in the context that API gives them, not the
 * field's (init_task_work() and call_rcu() both store into
 * callback_head.func, but task work runs in process context). */
static void keyentry_targets(struct engine *e, const struct lp_keyentry *ke, const struct registrations *skip,
			     int_vec *out)
{
	/* never an entry guessed by type (link's fallback stores are 'type:' ones) */
	sqlite3_stmt *q = db_prepare(e->db, "SELECT DISTINCT k.key, k.func_id, k.store_id FROM key_target k "
				     "JOIN fnstore s ON s.id = k.store_id WHERE k.key = ? AND s.key NOT LIKE 'type:%'");
	db_bind_text(q, 1, ke->key);
	while (db_step_row(e->db, q)) {
		int f = engine_func_index(e, sqlite3_column_int64(q, 1));
		char pair[48];
		if (f >= 0 && !(skip && strmap_get(&skip->stores, store_pair(pair, q))))
			vec_push(out, f);
	}
	sqlite3_finalize(q);
}

/* The kind of lock class CLS is (LT_*), from the sites that acquire it;
 * -1 when nothing in the tree acquires it or they disagree.  Computed for
 * every class in one pass over the sites, on first use. */
int engine_class_ltype(struct engine *e, int cls)
{
	if (!e->class_ltypes) {
		size_t n = e->class_names.n + 1;
		e->class_ltypes = arena_alloc(&e->arena, n * sizeof(int));
		for (size_t c = 0; c < n; c++)
			e->class_ltypes[c] = -2;   /* no acquisition seen */
		for (size_t i = 0; i < e->sites.n; i++) {
			const struct ck_site *s = &e->sites.v[i];
			int c = engine_key_class(e, s->key);
			if ((s->kind != SITE_ACQUIRE && s->kind != SITE_TRYLOCK) || c < 0 || (size_t)c >= n)
				continue;
			int *t = &e->class_ltypes[c];
			*t = *t == -2 || *t == s->ltype ? s->ltype : -1;
		}
	}
	int t = cls >= 0 && (size_t)cls <= e->class_names.n ? e->class_ltypes[cls] : -1;
	return t == -2 ? -1 : t;
}

/* A root's callers are not in the tree, but __must_hold(l) and
 * lockdep_assert_held(l) say what they hold: start with it, as the kind of
 * lock the tree's acquisitions of its class are (a spinlock held by the
 * callers makes a sleep here a sleep-in-atomic). */
static void root_held(struct engine *e, const struct ck_func *f, struct ck_state *s)
{
	enum keyname_annot kind;
	const char *k;
	size_t len;
	for (const char *p = f->annot; keyname_next_annot(&p, &kind, &k, &len);) {
		if (kind != KEYNAME_MUST_HOLD)
			continue;
		char *name = xstrndup(k, len);
		int key = engine_key_get(e, name);
		free(name);
		int cls = engine_key_class(e, key);
		if (cls >= 0)
			engine_held_add(e->st, s->held, &s->nheld, (struct ck_held){ cls, key, -1, engine_class_ltype(e, cls), false });
	}
	for (int i = 0; i < f->nsites; i++) {
		const struct ck_site *site = &e->sites.v[f->sites[i]];
		/* only an assertion before the function locked anything speaks for its callers */
		int cls = engine_key_class(e, site->key);
		if (site->kind == SITE_ASSERT && !site->nlocks && cls >= 0)
			engine_held_add(e->st, s->held, &s->nheld, (struct ck_held){ cls, site->key, f->sites[i],
					  engine_class_ltype(e, cls), false });
	}
}

/* Whether SITE holds a spinning lock its function took. */
static bool site_spins(const struct ck_site *site)
{
	for (int l = 0; l < site->nlocks; l++)
		if (site->locks[l].held && (site->locks[l].ltype == LT_SPIN || site->locks[l].ltype == LT_RWLOCK))
			return true;
	return false;
}

/*
 * Why root F (a function nobody in the tree calls) runs with interrupts on,
 * or NULL: it sleeps itself (a sleeping call or lock) outside any spinlock,
 * with interrupts as its caller left them, under no parameter test, and
 * its caller's locks (S, from its annotations) spin on none.  Sleeping with
 * interrupts off is a bug of its own, so its callers must enable them.
 */
static const char *root_sleep_proof(struct engine *e, const struct ck_func *f, const struct ck_state *s)
{
	for (int i = 0; i < s->nheld; i++)
		if (s->held[i].ltype == LT_SPIN || s->held[i].ltype == LT_RWLOCK)
			return NULL;
	for (int i = 0; i < f->nsites; i++) {
		const struct ck_site *site = &e->sites.v[f->sites[i]];
		const char *why = site->kind == SITE_CALL && site->callee_name ?
				  rules_sleep_reason(e->rules, site->callee_name) : NULL;
		if (site->kind == SITE_ACQUIRE && site->ltype >= LT_MUTEX)
			why = "a sleeping lock";
		if (why && !site->nguards && (site->irqs_off == IRQS_AS_AT_ENTRY || site->irqs_off == IRQS_RESTORED) &&
		    !site_spins(site))
			return arena_printf(&e->arena, "%s sleeps at line %d (%s), which it may only do with "
					    "interrupts enabled", f->name, site->line, why);
	}
	return NULL;
}

int engine_path_start(const struct engine *e, int state)
{
	while (e->states.v[state].parent >= 0)
		state = e->states.v[state].parent;
	return e->states.v[state].func;
}

/* The last call through a function pointer on STATE's path below the
 * frame of function HOLDER, else HOLDER's own call on the path; with HOLDER
 * -1, the last such call on the whole path, else NULL.  NULL too when
 * HOLDER is not on the path above STATE. */
static const struct ck_site *call_below(struct engine *e, int state, int holder)
{
	int64_t deepest_indirect = 0;
	for (int s = state; e->states.v[s].parent >= 0; s = e->states.v[s].parent) {
		const struct ck_path_state *st = &e->states.v[s];
		if (st->via_store && !deepest_indirect)
			deepest_indirect = st->via_site;
		if (holder >= 0 && e->states.v[st->parent].func == holder)
			return engine_site_by_id(e, deepest_indirect ? deepest_indirect : st->via_site);
	}
	return holder < 0 && deepest_indirect ? engine_site_by_id(e, deepest_indirect) : NULL;
}

const struct ck_site *engine_call_under(struct engine *e, int state, const struct ck_held *h)
{
	if (!h || h->acq < 0)
		return NULL;   /* held at the entry */
	return call_below(e, state, e->sites.v[h->acq].func);
}

const struct ck_site *engine_last_indirect_call(struct engine *e, int state)
{
	return call_below(e, state, -1);
}

const struct ck_site *engine_blocking_call(struct engine *e, int state)
{
	const struct ck_site *outermost = NULL;
	for (int s = state; e->states.v[s].parent >= 0; s = e->states.v[s].parent) {
		const struct ck_site *call = engine_site_by_id(e, e->states.v[s].via_site);
		if (call && call->blocks_arg >= 0)
			outermost = call;   /* entered: call_may_block() said it may */
	}
	return outermost;
}

/* Rules' entries by name and by key ('irqaction.handler') of context CTX,
 * then the registrations (request_irq's handler, timers, work) of CTX. */
static const struct engine *rank_engine;   /* for by_rank (qsort has no context) */

static int by_rank(const void *a, const void *b)
{
	int ra = rank_engine->funcs.v[*(const int *)a].rank, rb = rank_engine->funcs.v[*(const int *)b].rank;
	return (ra > rb) - (ra < rb);
}

/* Why entry F of a process-context key runs with interrupts on. */
static void note_callback(struct engine *e, int f, const struct lp_keyentry *ke)
{
	if (!e->funcs.v[f].irqs_on_why)
		e->funcs.v[f].irqs_on_why = arena_printf(&e->arena, "%s is called through %s, which runs in "
							 "process context with interrupts enabled (rules)",
							 e->funcs.v[f].name, ke->key);
}

static void seed_entries(struct engine *e, enum lp_context ctx, const struct registrations *reg,
			 struct strbuf *sig)
{
	int_vec seeds = {0};
	for (size_t i = 0; i < rules_entry_count(e->rules); i++) {
		const struct lp_entry *en = rules_entry(e->rules, i);
		for (size_t f = 0; f < e->funcs.n && en->ctx == ctx; f++)
			if (!strcmp(e->funcs.v[f].name, en->func))
				vec_push(&seeds, (int)f);
	}
	for (size_t i = 0; i < rules_keyentry_count(e->rules); i++) {
		const struct lp_keyentry *ke = rules_keyentry(e->rules, i);
		if (ke->ctx != ctx)
			continue;
		size_t first = seeds.n;
		keyentry_targets(e, ke, reg, &seeds);
		for (size_t k = first; k < seeds.n && ctx == CTX_PROCESS; k++)
			note_callback(e, seeds.v[k], ke);
	}
	for (size_t i = 0; i < reg->funcs.n; i++)
		if (reg->rule.v[i]->ctx == ctx)
			vec_push(&seeds, reg->funcs.v[i]);
	for (size_t i = 0; i < init_modes_entry_count(e->modes); i++) {
		const struct init_mode_entry *m = init_modes_entry(e->modes, i);
		int f = engine_func_index(e, m->func_id);
		if (m->ctx == (int)ctx && f >= 0)
			vec_push(&seeds, f);
	}
	rank_engine = e;
	if (seeds.n)
		qsort(seeds.v, seeds.n, sizeof(int), by_rank);
	for (size_t i = 0; i < seeds.n; i++)
		seed(e, seeds.v[i], ctx, sig);
	vec_free(&seeds);
}

/*
 * Functions the tree registers as deferred process-context work: stored into
 * a process 'keyentry' field (work_struct.func) or passed as a process
 * 'register' argument (request_threaded_irq's thread function).  They are
 * written to sleep; check_sleep_in_atomic reports a direct call to one on an
 * atomic path once, at the call, instead of every sleep below it.
 */
static void mark_deferred_work(struct engine *e, const struct registrations *reg)
{
	int_vec work = {0};
	for (size_t i = 0; i < rules_keyentry_count(e->rules); i++) {
		const struct lp_keyentry *ke = rules_keyentry(e->rules, i);
		if (ke->ctx != CTX_PROCESS || ke->edge)
			continue;
		work.n = 0;
		keyentry_targets(e, ke, NULL, &work);   /* its own field names the work */
		for (size_t k = 0; k < work.n; k++)
			if (!e->funcs.v[work.v[k]].deferred_as)
				e->funcs.v[work.v[k]].deferred_as = arena_printf(&e->arena, "%s work", ke->key);
	}
	vec_free(&work);
	for (size_t i = 0; i < reg->funcs.n; i++)
		if (reg->rule.v[i]->ctx == CTX_PROCESS && !e->funcs.v[reg->funcs.v[i]].deferred_as)
			e->funcs.v[reg->funcs.v[i]].deferred_as = arena_printf(&e->arena, "process-context work "
									       "passed to %s", reg->rule.v[i]->func);
}

/* Hardirq entries first, then softirq, then process, then roots: a line
 * reachable from several entries is reported once, on the path from the
 * most constrained context (the I/O interrupt rather than the timer that
 * reaches the same handler), on its least guessed path within it. */
static void seed_and_explore(struct engine *e)
{
	struct strbuf sig = {0};
	struct registrations reg = {0};
	scan_registrations(e, &reg);
	mark_deferred_work(e, &reg);
	static const enum lp_context order[] = { CTX_HARDIRQ, CTX_SOFTIRQ, CTX_PROCESS };
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		seed_entries(e, order[i], &reg, &sig);
		explore(e, &sig);
	}
	registrations_free(&reg);
	e->first_root = e->states.n;
	for (size_t i = 0; i < e->funcs.n; i++) {
		int f = e->order[i];
		if (!e->funcs.v[f].called) {
			struct ck_state s = { .func = f, .ctx = CTX_PROCESS, .parent = -1,
					      .on_path = func_bit(f) };
			ops_enter(e, &s, f);
			root_held(e, &e->funcs.v[f], &s);
			e->funcs.v[f].irqs_on_why = root_sleep_proof(e, &e->funcs.v[f], &s);
			if (e->funcs.v[f].irqs_on_why)
				s.irqs = IRQS_ON;
			push_state(e, &s, &sig);
			e->st->roots++;
		}
	}
	explore(e, &sig);
	sb_free(&sig);
}

static void engine_free(struct engine *e)
{
	for (size_t i = 0; i < e->findings.n; i++)
		free(e->findings.v[i].message);
	vec_free(&e->findings);
	vec_free(&e->keys);
	vec_free(&e->class_names);
	vec_free(&e->funcs);
	vec_free(&e->sites);
	vec_free(&e->aliases);
	vec_free(&e->states);
	vec_free(&e->bodies);
	vec_free(&e->queue);
	free(e->func_states);
	free(e->order_seen);
	strmap_free(&e->key_index);
	strmap_free(&e->memo);
	strmap_free(&e->reported);
	strmap_free(&e->store_paths);
	strmap_free(&e->field_ids);
	ops_free(e);
	embedded_free(e);
	downcasts_free(e);
	slot_tables_free(e);
	registrars_free(e);
	owners_free(e);
	member_binds_free(e);
	zeroed_free(e);
	dropped_free(e);
	init_modes_free(e->modes);
	arena_free(&e->arena);
}

int check_run(struct lp_db *db, const struct lp_rules *r, const struct check_opts *opts,
	      struct check_stats *st)
{
	double t0 = now_ms();
	memset(st, 0, sizeof(*st));
	/* The bound trades completeness for time and memory (about 0.2 KB and
	 * 25 us per state); $LOCKPATH_MAX_STATES moves it (docs/failures.md). */
	st->max_states = opts->max_states ? opts->max_states : CK_MAX_STATES;
	st->max_contexts = opts->max_contexts ? opts->max_contexts : CK_MAX_CONTEXTS;
	st->max_guess = 8 * (opts->max_guess_bits ? opts->max_guess_bits : CK_MAX_GUESS_BITS);
	st->replay_dropped = opts->replay_dropped;
	struct engine e = { .db = db, .rules = r, .st = st };
	db_begin(db);
	engine_load(&e);
	if (db_failed(db))
		goto out;   /* facts missing: no search on a part of them */
	e.func_states = xcalloc(e.funcs.n + 1, sizeof(int));
	e.order_seen = xcalloc(e.class_names.n + 2, sizeof(uint64_t *));
	seed_and_explore(&e);
	if (st->replay_dropped)
		st->replayed = dropped_replay(&e);
#define CHECK(fn, ...) check_##fn##_done(&e);
#include "check/check_list.h"
#undef CHECK
	engine_write_findings(&e);
	db_commit(db);
out:
	engine_free(&e);
	st->ms = now_ms() - t0;
	return db_failed(db) ? -1 : 0;
}
