// SPDX-License-Identifier: GPL-2.0-only
/*
 * rules.c - parse the *.rules files of rules/ (format: docs/rules-format.md)
 * and answer look-ups.  Every directive has one parse function, listed once in
 * directives[]; every name maps (strmap) to an index into a VEC, so a
 * look-up is a single hash probe (the extractor asks for every call it sees).
 * This file does not decide what a rule means for the analysis: extract and
 * link do.  Pointers returned by look-ups stay valid until the next load.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "rules/rules.h"
#include "check/checks.h"
#include "lib/guardkey.h"
#include "lib/format.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include <sys/stat.h>

#ifndef LP_RULES_DIR
#define LP_RULES_DIR "rules"
#endif
#ifndef LP_RULES_REL
#define LP_RULES_REL "../share/lockpath/rules"   /* from the binary's directory */
#endif

#define MAX_ARG 255   /* largest argument index a rule may name */

struct lp_rules {
	unsigned long long digest;    /* of every text loaded, in order (rules_digest) */
	unsigned long long extract_digest;   /* of the tokens of every line extract reads */
	VEC(struct lp_lockprim) prims;
	VEC(struct lp_irqop) irqops;
	VEC(struct lp_entry) entries;
	VEC(struct lp_register) regs;
	VEC(int64_t) reg_next;        /* next registration of the same function, -1 at the end */
	VEC(struct lp_keyentry) keyentries;
	VEC(struct lp_defer) defers;
	VEC(struct lp_chain) chains;
	VEC(struct lp_lockdep) lockdeps;
	VEC(const char *) ops_binds;  /* ops structures bound for a whole path */
	VEC(struct lp_init_mode) init_modes;
	VEC(struct lp_blocks_with) blocks;
	VEC(struct lp_corruption) corruptions;
	VEC(struct lp_format_call) format_calls;
	long long format_bits;        /* every format_calls mask, or'ed */
	VEC(struct lp_defer_on) defer_ons;
	VEC(char *) reasons;          /* sleep and noreturn reasons, indexed by their maps */
	VEC(char *) prefixes;         /* drop-flag prefixes, indexed by prefix_map */
	VEC(char *) names;            /* the strings the structs above point to */
	VEC(char *) hints;            /* hint texts, indexed by hint_map */
	VEC(char *) alts;             /* hint-alternative names, indexed by alt_map */
	struct strmap prim_map, irq_map, entry_map, reg_map, keyentry_map, defer_map;
	struct strmap sleep_map, passthrough_map, member_map, locktype_map;
	struct strmap noreturn_map;   /* function -> index in reasons */
	struct strmap bugreport_map;  /* function -> index in reasons */
	struct strmap ctxend_map;     /* function -> index in reasons */
	struct strmap irqson_map;     /* function -> index in reasons ('irqs-on') */
	struct strmap refdrop_map;    /* 'refcount-drop' functions -> 1 */
	struct strmap refget_map;     /* 'refcount-get' functions -> 1 */
	struct strmap fresh_map;      /* 'fresh-object' functions -> 1, 2 when 'zeroed' */
	struct strmap retarg_map;     /* 'returns-arg' functions -> the argument */
	struct strmap blocks_map;     /* function -> index in blocks */
	struct strmap corruption_map; /* function -> index in corruptions */
	struct strmap format_map;     /* 'FUNC CALLEE' -> index in format_calls */
	struct strmap format_callee_map;   /* every format_calls CALLEE -> 1 */
	struct strmap ctxtest_map;    /* 'context-test' names -> true states | false states << 8 */
	struct strmap ctxcall_map;    /* 'context-call' 'FUNC CALLEE' -> the states it is false in */
	struct strmap ctxcall_reason_map;   /* 'FUNC CALLEE' -> index in reasons */
	struct strmap ctxcall_callee_map;   /* every context-call CALLEE -> 1 */
	struct strmap chain_map;      /* function -> index in chains */
	struct strmap lockdep_map;    /* function -> index in lockdeps */
	struct strmap lockdep_key_map;   /* key name -> enum lp_lockdep_key */
	struct strmap drop_map, prefix_map;
	struct strmap hint_map;       /* 'RULE SITUATION' -> index in hints */
	struct strmap alt_map;        /* sleeping function -> index in alts */
};

struct lp_rules *rules_new(void)
{
	return xcalloc(1, sizeof(struct lp_rules));
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

void rules_free(struct lp_rules *r)
{
	if (!r)
		return;
	free_strings(r->names.v, r->names.n);
	free_strings(r->reasons.v, r->reasons.n);
	free_strings(r->prefixes.v, r->prefixes.n);
	free_strings(r->hints.v, r->hints.n);
	free_strings(r->alts.v, r->alts.n);
	vec_free(&r->hints);
	vec_free(&r->alts);
	vec_free(&r->prims);
	vec_free(&r->irqops);
	vec_free(&r->entries);
	vec_free(&r->regs);
	vec_free(&r->reg_next);
	vec_free(&r->keyentries);
	vec_free(&r->defers);
	vec_free(&r->chains);
	vec_free(&r->lockdeps);
	vec_free(&r->ops_binds);
	vec_free(&r->init_modes);
	vec_free(&r->blocks);
	vec_free(&r->corruptions);
	vec_free(&r->format_calls);
	vec_free(&r->defer_ons);
	vec_free(&r->reasons);
	vec_free(&r->prefixes);
	vec_free(&r->names);
	struct strmap *maps[] = {
		&r->prim_map, &r->irq_map, &r->entry_map, &r->reg_map, &r->keyentry_map,
		&r->defer_map, &r->sleep_map, &r->passthrough_map, &r->member_map,
		&r->locktype_map, &r->drop_map, &r->prefix_map, &r->noreturn_map, &r->bugreport_map, &r->chain_map,
		&r->ctxend_map, &r->irqson_map, &r->refdrop_map, &r->refget_map, &r->fresh_map, &r->retarg_map, &r->ctxtest_map, &r->ctxcall_map, &r->ctxcall_reason_map, &r->ctxcall_callee_map, &r->blocks_map, &r->corruption_map, &r->format_map, &r->format_callee_map, &r->hint_map, &r->alt_map, &r->lockdep_map, &r->lockdep_key_map,
	};
	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++)
		strmap_free(maps[i]);
	free(r);
}

/* ------------------------------------------------------------ storing */

/* A copy of S that lives as long as R. */
static const char *own(struct lp_rules *r, const char *s)
{
	char *c = xstrdup(s);
	vec_push(&r->names, c);
	return c;
}

/*
 * Define ITEM under KEY in MAP / VEC: a new name is appended, a known one is
 * overwritten in place (later definitions replace earlier ones).  FIELD is
 * the item's name member, which points to a string owned by R.
 */
#define PUT(r, map, vec, key, item, field) do { \
	bool created_; \
	int64_t *slot_ = strmap_put((map), (key), &created_); \
	if (created_) { \
		*slot_ = (int64_t)(vec)->n; \
		(item).field = own((r), (key)); \
		vec_push((vec), (item)); \
	} else { \
		(item).field = (vec)->v[*slot_].field; \
		(vec)->v[*slot_] = (item); \
	} \
} while (0)

static void put_flag(struct strmap *m, const char *key, int64_t val)
{
	*strmap_put(m, key, NULL) = val;
}

/* TEXT under KEY in MAP, an index into the string vector VEC (the vector
 * owns its copies); a later definition replaces the earlier text. */
#define PUT_TEXT(map, vec, key, text) do { \
	bool created_; \
	int64_t *slot_ = strmap_put((map), (key), &created_); \
	if (created_) { \
		*slot_ = (int64_t)(vec)->n; \
		vec_push((vec), xstrdup(text)); \
	} else { \
		free((vec)->v[*slot_]); \
		(vec)->v[*slot_] = xstrdup(text); \
	} \
} while (0)

static void put_reason(struct lp_rules *r, struct strmap *map, const char *func, const char *reason)
{
	PUT_TEXT(map, &r->reasons, func, reason);
}

/* A function may register several arguments (request_threaded_irq: handler
 * and thread_fn); a later rule for the same (function, argument) replaces. */
static void put_register(struct lp_rules *r, const char *func, int arg, enum lp_context ctx)
{
	bool created;
	int64_t *slot = strmap_put(&r->reg_map, func, &created);
	int64_t last = -1;
	for (int64_t i = created ? -1 : *slot; i >= 0; i = r->reg_next.v[i]) {
		if (r->regs.v[i].arg == arg) {
			r->regs.v[i].ctx = ctx;
			return;
		}
		last = i;
	}
	int64_t idx = (int64_t)r->regs.n;
	struct lp_register reg = { created ? own(r, func) : r->regs.v[*slot].func, arg, ctx };
	vec_push(&r->regs, reg);
	vec_push(&r->reg_next, -1);
	if (created)
		*slot = idx;
	else
		r->reg_next.v[last] = idx;
}

static void put_drop_flag(struct lp_rules *r, const char *flag)
{
	size_t n = strlen(flag);
	if (!n || flag[n - 1] != '*') {
		put_flag(&r->drop_map, flag, 1);
		return;
	}
	char *prefix = xstrndup(flag, n - 1);
	bool created;
	int64_t *slot = strmap_put(&r->prefix_map, prefix, &created);
	if (created) {
		*slot = (int64_t)r->prefixes.n;
		vec_push(&r->prefixes, prefix);
	} else {
		free(prefix);
	}
}

/* ------------------------------------------------------------ look-ups */

const struct lp_lockprim *rules_lockprim(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->prim_map, func);
	return i ? &r->prims.v[*i] : NULL;
}

const struct lp_irqop *rules_irqop(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->irq_map, func);
	return i ? &r->irqops.v[*i] : NULL;
}

int rules_passthrough_arg(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->passthrough_map, func);
	return i ? (int)*i : -1;
}

bool rules_is_lock_member(const struct lp_rules *r, const char *member)
{
	return strmap_get(&r->member_map, member) != NULL;
}

bool rules_is_locktype(const struct lp_rules *r, const char *type_spelling)
{
	return strmap_get(&r->locktype_map, type_spelling) != NULL;
}

const char *rules_sleep_reason(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->sleep_map, func);
	return i ? r->reasons.v[*i] : NULL;
}

const char *rules_noreturn(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->noreturn_map, func);
	return i ? r->reasons.v[*i] : NULL;
}

const char *rules_bug_report(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->bugreport_map, func);
	return i ? r->reasons.v[*i] : NULL;
}

const char *rules_ctxend(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->ctxend_map, func);
	return i ? r->reasons.v[*i] : NULL;
}

const char *rules_irqs_on(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->irqson_map, func);
	return i ? r->reasons.v[*i] : NULL;
}

bool rules_refcount_drop(const struct lp_rules *r, const char *func)
{
	return func && strmap_get(&r->refdrop_map, func) != NULL;
}

bool rules_refcount_get(const struct lp_rules *r, const char *func)
{
	return func && strmap_get(&r->refget_map, func) != NULL;
}

bool rules_fresh_object(const struct lp_rules *r, const char *func)
{
	return func && strmap_get(&r->fresh_map, func) != NULL;
}

bool rules_fresh_zeroed(const struct lp_rules *r, const char *func)
{
	const int64_t *v = func ? strmap_get(&r->fresh_map, func) : NULL;
	return v && *v == 2;
}

int rules_returns_arg(const struct lp_rules *r, const char *func)
{
	int64_t *n = func ? strmap_get(&r->retarg_map, func) : NULL;
	return n ? (int)*n : -1;
}

bool rules_context_test(const struct lp_rules *r, const char *name, unsigned *when_true, unsigned *when_false)
{
	int64_t *v = name ? strmap_get(&r->ctxtest_map, name) : NULL;
	if (!v)
		return false;
	*when_true = (unsigned)(*v & 0xff);
	*when_false = (unsigned)(*v >> 8 & 0xff);
	return true;
}

/* The value MAP keeps for the pair 'FUNC CALLEE' (format-call,
 * context-call), or NULL.  Asked for every call site of the tree, and most
 * callees are no rule's: CALLEES, every rule's CALLEE, answers first. */
static const int64_t *pair_get(const struct strmap *map, const struct strmap *callees, const char *func,
			       const char *callee)
{
	if (!func || !callee || !strmap_get(callees, callee))
		return NULL;
	struct strbuf key = {0};
	sb_addf(&key, "%s %s", func, callee);
	const int64_t *v = strmap_get(map, key.buf);
	sb_free(&key);
	return v;
}

unsigned rules_context_call(const struct lp_rules *r, const char *func, const char *callee, const char **reason)
{
	const int64_t *v = pair_get(&r->ctxcall_map, &r->ctxcall_callee_map, func, callee);
	if (v && reason)
		*reason = r->reasons.v[*pair_get(&r->ctxcall_reason_map, &r->ctxcall_callee_map, func, callee)];
	return v ? (unsigned)*v : 0;
}

const struct lp_corruption *rules_corruption_report(const struct lp_rules *r, const char *func)
{
	int64_t *i = func ? strmap_get(&r->corruption_map, func) : NULL;
	return i ? &r->corruptions.v[*i] : NULL;
}

const struct lp_blocks_with *rules_blocks_with(const struct lp_rules *r, const char *func)
{
	int64_t *i = func ? strmap_get(&r->blocks_map, func) : NULL;
	return i ? &r->blocks.v[*i] : NULL;
}

const struct lp_format_call *rules_format_call(const struct lp_rules *r, const char *func, const char *callee)
{
	const int64_t *i = pair_get(&r->format_map, &r->format_callee_map, func, callee);
	return i ? &r->format_calls.v[*i] : NULL;
}

long long rules_format_bits(const struct lp_rules *r)
{
	return r->format_bits;
}

const struct lp_defer *rules_defer(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->defer_map, func);
	return i ? &r->defers.v[*i] : NULL;
}

const struct lp_register *rules_register(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->reg_map, func);
	return i ? &r->regs.v[*i] : NULL;
}

const struct lp_register *rules_register_next(const struct lp_rules *r, const struct lp_register *prev)
{
	int64_t next = r->reg_next.v[prev - r->regs.v];
	return next >= 0 ? &r->regs.v[next] : NULL;
}

bool rules_drop_flag(const struct lp_rules *r, const char *flag)
{
	if (strmap_get(&r->drop_map, flag))
		return true;
	for (size_t i = 0; i < r->prefixes.n; i++)
		if (!strncmp(flag, r->prefixes.v[i], strlen(r->prefixes.v[i])))
			return true;
	return false;
}

const struct lp_lockdep *rules_lockdep(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->lockdep_map, func);
	return i ? &r->lockdeps.v[*i] : NULL;
}

enum lp_lockdep_key rules_lockdep_key(const struct lp_rules *r, const char *name)
{
	int64_t *i = strmap_get(&r->lockdep_key_map, name);
	return i ? (enum lp_lockdep_key)*i : LOCKDEP_KEY_PLAIN;
}

const char *rules_hint(const struct lp_rules *r, const char *rule, const char *situation)
{
	char *k = xasprintf("%s %s", rule, situation);
	int64_t *i = strmap_get(&r->hint_map, k);
	free(k);
	return i ? r->hints.v[*i] : NULL;
}

const char *rules_hint_alternative(const struct lp_rules *r, const char *func)
{
	int64_t *i = strmap_get(&r->alt_map, func);
	return i ? r->alts.v[*i] : NULL;
}

size_t rules_entry_count(const struct lp_rules *r) { return r->entries.n; }
const struct lp_entry *rules_entry(const struct lp_rules *r, size_t i) { return &r->entries.v[i]; }
size_t rules_keyentry_count(const struct lp_rules *r) { return r->keyentries.n; }
size_t rules_init_mode_count(const struct lp_rules *r) { return r->init_modes.n; }
size_t rules_defer_on_count(const struct lp_rules *r) { return r->defer_ons.n; }
const struct lp_defer_on *rules_defer_on(const struct lp_rules *r, size_t i) { return &r->defer_ons.v[i]; }
const struct lp_init_mode *rules_init_mode(const struct lp_rules *r, size_t i) { return &r->init_modes.v[i]; }
size_t rules_ops_bind_count(const struct lp_rules *r) { return r->ops_binds.n; }
const char *rules_ops_bind(const struct lp_rules *r, size_t i) { return r->ops_binds.v[i]; }
const struct lp_keyentry *rules_keyentry(const struct lp_rules *r, size_t i) { return &r->keyentries.v[i]; }

size_t rules_chain_count(const struct lp_rules *r) { return r->chains.n; }
size_t rules_lockdep_count(const struct lp_rules *r) { return r->lockdeps.n; }
const struct lp_lockdep *rules_lockdep_at(const struct lp_rules *r, size_t i) { return &r->lockdeps.v[i]; }
const struct lp_chain *rules_chain(const struct lp_rules *r, size_t i) { return &r->chains.v[i]; }

const struct lp_chain *rules_chain_of(const struct lp_rules *r, const char *func)
{
	int64_t *i = func ? strmap_get(&r->chain_map, func) : NULL;
	return i ? &r->chains.v[*i] : NULL;
}

const struct lp_keyentry *rules_keyentry_find(const struct lp_rules *r, const char *key)
{
	for (size_t i = 0; i < r->keyentries.n; i++)
		if (!strcmp(r->keyentries.v[i].key, key))
			return &r->keyentries.v[i];
	return NULL;
}

/* The rules installed beside the running binary (LP_RULES_REL from its
 * directory: ../share/lockpath/rules), or NULL when there are none (a
 * binary in the build tree).  Computed once. */
static const char *installed_rules_dir(void)
{
	static char *dir;
	static bool done;
	if (done)
		return dir;
	done = true;
	char *exe = realpath("/proc/self/exe", NULL);
	char *slash = exe ? strrchr(exe, '/') : NULL;
	if (slash) {
		*slash = 0;
		char *d = xasprintf("%s/%s", exe, LP_RULES_REL);
		struct stat st;
		if (stat(d, &st) == 0 && S_ISDIR(st.st_mode))
			dir = realpath(d, NULL);   /* PREFIX/share/..., not PREFIX/bin/../share/... */
		free(d);
	}
	free(exe);
	return dir;
}

const char *rules_default_dir(void)
{
	const char *inst = installed_rules_dir();
	return inst ? inst : LP_RULES_DIR;
}

/* ------------------------------------------------------------ one line */

struct tok {
	char *s;            /* the text, quotes and escapes removed */
	const char *raw;    /* as written, for error messages */
	int rawlen;
	bool quoted;
};

struct line {
	struct lp_rules *r;
	const char *file;
	unsigned lineno;
	VEC(struct tok) t;
	struct strbuf *err;
};

/* Set the error to "FILE:LINE: message" and return -1. */
static int fail(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct line *l, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc((size_t)n + 1);
	vsnprintf(msg, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	if (l->err) {
		sb_reset(l->err);
		sb_addf(l->err, "%s:%u: %s", l->file, l->lineno, msg);
	}
	free(msg);
	return -1;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int check_byte(struct line *l, char c)
{
	unsigned char u = (unsigned char)c;
	if ((u < 0x20 && c != '\t' && c != '\r') || u == 0x7f)
		return fail(l, "expected printable text, got byte 0x%02x", u);
	return 0;
}

/* A "quoted string" at *P (on the opening quote); \" and \\ are escapes. */
static int quoted_token(struct line *l, const char **pp, const char *end, struct strbuf *sb)
{
	const char *p = *pp + 1;
	for (; p < end && *p != '"'; p++) {
		if (check_byte(l, *p))
			return -1;
		if (*p == '\\' && p + 1 < end && (p[1] == '"' || p[1] == '\\'))
			p++;
		sb_addc(sb, *p);
	}
	if (p == end)
		return fail(l, "expected a closing '\"' before the end of the line");
	p++;
	if (p < end && !is_space(*p))
		return fail(l, "expected a space after the closing '\"'");
	*pp = p;
	return 0;
}

static int next_token(struct line *l, const char **pp, const char *end)
{
	const char *p = *pp, *start = p;
	struct strbuf sb = {0};
	struct tok t = { .raw = start, .quoted = *p == '"' };
	if (t.quoted) {
		if (quoted_token(l, &p, end, &sb)) {
			sb_free(&sb);
			return -1;
		}
	} else {
		for (; p < end && !is_space(*p); p++) {
			if (check_byte(l, *p)) {
				sb_free(&sb);
				return -1;
			}
		}
		sb_addn(&sb, start, (size_t)(p - start));
	}
	t.rawlen = (int)(p - start);
	t.s = sb_detach(&sb);
	vec_push(&l->t, t);
	*pp = p;
	return 0;
}

/* Split [P, END) into tokens; '#' at the start of a token begins a comment. */
static int tokenize(struct line *l, const char *p, const char *end)
{
	for (;;) {
		while (p < end && is_space(*p))
			p++;
		if (p == end || *p == '#')
			return 0;
		if (next_token(l, &p, end))
			return -1;
	}
}

/* ------------------------------------------------------------ fields */

static int nargs(const struct line *l) { return (int)l->t.n; }

/* "got 'TOKEN'" text for messages, or nothing when the token is missing. */
static int missing_or_got(struct line *l, int i, const char *what, const char *after)
{
	if (i >= nargs(l))
		return fail(l, "expected %s after '%s'", what, after);
	const struct tok *t = &l->t.v[i];
	return fail(l, "expected %s after '%s', got '%.*s'", what, after, t->rawlen, t->raw);
}

static bool is_ident(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* Token I as a C identifier (a function, member or type name). */
static int want_ident(struct line *l, int i, const char *what, const char *after, const char **out)
{
	if (i >= nargs(l) || l->t.v[i].quoted || !is_ident(l->t.v[i].s))
		return missing_or_got(l, i, what, after);
	*out = l->t.v[i].s;
	return 0;
}

static bool parse_index(const char *s, int *out)
{
	if (*s < '0' || *s > '9' || strlen(s) > 3)
		return false;
	char *e;
	long v = strtol(s, &e, 10);
	if (*e || v > MAX_ARG)
		return false;
	*out = (int)v;
	return true;
}

static int want_arg(struct line *l, int i, const char *after, int *out)
{
	if (i >= nargs(l) || l->t.v[i].quoted || !parse_index(l->t.v[i].s, out))
		return missing_or_got(l, i, "an argument index", after);
	return 0;
}

static int want_quoted(struct line *l, int i, const char *after)
{
	if (i >= nargs(l) || !l->t.v[i].quoted || !l->t.v[i].s[0])
		return missing_or_got(l, i, "a quoted reason", after);
	return 0;
}

static int want_end(struct line *l, int i, const char *after)
{
	if (i < nargs(l))
		return missing_or_got(l, i, "the end of the line", after);
	return 0;
}

/* A keyword and its value; a set of them with its list for messages. */
struct word { const char *s; int v; };
struct wordset { const struct word *w; size_t n; const char *list; };
#define WORDSET(arr, list) { arr, sizeof(arr) / sizeof(arr[0]), list }

static const struct word ctx_words[] = {
	{ "hardirq", CTX_HARDIRQ }, { "softirq", CTX_SOFTIRQ }, { "process", CTX_PROCESS },
};
static const struct word irq_on_words[] = {
	{ "save", IRQ_SAVE }, { "disable", IRQ_DISABLE }, { "bh-off", IRQ_BH_OFF },
};
static const struct word irq_off_words[] = {
	{ "restore", IRQ_RESTORE }, { "enable", IRQ_ENABLE }, { "bh-on", IRQ_BH_ON },
};
static const struct word irq_words[] = {
	{ "save", IRQ_SAVE }, { "disable", IRQ_DISABLE }, { "restore", IRQ_RESTORE },
	{ "enable", IRQ_ENABLE }, { "bh-off", IRQ_BH_OFF }, { "bh-on", IRQ_BH_ON },
};
static const struct word type_words[] = {
	{ "spin", LT_SPIN }, { "rwlock", LT_RWLOCK }, { "mutex", LT_MUTEX },
	{ "rwsem", LT_RWSEM }, { "sem", LT_SEM },
};
static const struct wordset contexts = WORDSET(ctx_words, "one of hardirq, softirq, process");
static const struct wordset irq_acquire = WORDSET(irq_on_words, "one of save, disable, bh-off");
static const struct wordset irq_release = WORDSET(irq_off_words, "one of restore, enable, bh-on");
static const struct wordset irq_any = WORDSET(irq_words,
	"one of save, disable, restore, enable, bh-off, bh-on");
static const struct wordset types = WORDSET(type_words, "one of spin, rwlock, mutex, rwsem, sem");

static bool word_value(const struct wordset *ws, const char *s, int *out)
{
	for (size_t i = 0; i < ws->n; i++) {
		if (!strcmp(ws->w[i].s, s)) {
			*out = ws->w[i].v;
			return true;
		}
	}
	return false;
}

static int want_word(struct line *l, int i, const struct wordset *ws, const char *after, int *out)
{
	if (i >= nargs(l) || l->t.v[i].quoted || !word_value(ws, l->t.v[i].s, out))
		return missing_or_got(l, i, ws->list, after);
	return 0;
}

/* ------------------------------------------------------------ options */

/* What the options after a directive's operands ("acquire FUNC ARG", "lockdep-class
 * FUNC LOCK KEY") may say: 'key=value' words and bare words. */
enum { OPT_TYPE = 1, OPT_IRQ = 2, OPT_SLEEPS = 4, OPT_READ = 8, OPT_NESTED = 16, OPT_SUBCLASS = 32, OPT_FAILS = 64 };

struct optspec {
	unsigned opts;               /* the OPT_* a directive takes; 0: none, the line ends */
	const struct wordset *irqs;  /* irq= values allowed */
	const char *list;            /* for messages */
};

/* The options' values, as the directive's defaults before parse_opts. */
struct optvals {
	enum lp_locktype type;
	enum lp_irq irq;
	bool sleeps, read, fails;
	int nested_arg, subclass;    /* argument indexes, -1 if none */
};

/* One "key=value" option S: 0, -1 (error set) or -2 (not an option SPEC takes). */
static int value_opt(struct line *l, const struct optspec *spec, const char *s, struct optvals *v)
{
	const char *val = strchr(s, '=') + 1;
	size_t klen = (size_t)(val - s);
	int x;
	if ((spec->opts & OPT_TYPE) && klen == 5 && !strncmp(s, "type=", 5)) {
		if (!word_value(&types, val, &x))
			return fail(l, "expected %s after 'type=', got '%s'", types.list, val);
		v->type = (enum lp_locktype)x;
	} else if ((spec->opts & OPT_IRQ) && klen == 4 && !strncmp(s, "irq=", 4)) {
		if (!word_value(spec->irqs, val, &x))
			return fail(l, "expected %s after 'irq=', got '%s'", spec->irqs->list, val);
		v->irq = (enum lp_irq)x;
	} else if ((spec->opts & OPT_NESTED) && klen == 7 && !strncmp(s, "nested=", 7)) {
		if (!parse_index(val, &v->nested_arg))
			return fail(l, "expected an argument index after 'nested=', got '%s'", val);
	} else if ((spec->opts & OPT_SUBCLASS) && klen == 9 && !strncmp(s, "subclass=", 9)) {
		if (!parse_index(val, &v->subclass))
			return fail(l, "expected an argument index after 'subclass=', got '%s'", val);
	} else {
		return -2;
	}
	return 0;
}

/* Token I, an option of SPEC after AFTER (the directive's usage so far). */
static int one_opt(struct line *l, const struct optspec *spec, int i, const char *after, struct optvals *v)
{
	const struct tok *t = &l->t.v[i];
	if (!t->quoted && strchr(t->s, '=')) {
		int rc = value_opt(l, spec, t->s, v);
		if (rc != -2)
			return rc;
	} else if (!t->quoted && (spec->opts & OPT_SLEEPS) && !strcmp(t->s, "sleeps")) {
		v->sleeps = true;
		return 0;
	} else if (!t->quoted && (spec->opts & OPT_READ) && !strcmp(t->s, "read")) {
		v->read = true;
		return 0;
	} else if (!t->quoted && (spec->opts & OPT_FAILS) && !strcmp(t->s, "fails")) {
		v->fails = true;
		return 0;
	}
	if (!spec->opts)
		return want_end(l, i, after);
	return fail(l, "expected an option (%s) after '%s', got '%.*s'", spec->list, after,
		    t->rawlen, t->raw);
}

/* Tokens FIRST.. of L: options of SPEC into V, after AFTER. */
static int parse_opts(struct line *l, const struct optspec *spec, int first, const char *after,
		      struct optvals *v)
{
	for (int i = first; i < nargs(l); i++)
		if (one_opt(l, spec, i, after, v))
			return -1;
	return 0;
}

/* ------------------------------------------------------------ directives */

static int parse_locktype(struct line *l)
{
	const char *w = NULL;
	struct strbuf name = {0};
	if (nargs(l) < 2)
		return missing_or_got(l, 1, "a type name", "locktype");
	for (int i = 1; i < nargs(l); i++) {   /* "struct mutex" is two tokens */
		if (want_ident(l, i, "a type name", "locktype", &w)) {
			sb_free(&name);
			return -1;
		}
		if (name.len)
			sb_addc(&name, ' ');
		sb_add(&name, w);
	}
	put_flag(&l->r->locktype_map, name.buf, 1);
	sb_free(&name);
	return 0;
}

static int parse_member(struct line *l)
{
	const char *m = NULL;
	if (want_ident(l, 1, "a member name", "member", &m) || want_end(l, 2, "member NAME"))
		return -1;
	put_flag(&l->r->member_map, m, 1);
	return 0;
}

/* "acquire FUNC ARG [options]" & co */
struct lockop {
	const char *name;            /* the directive */
	enum lp_site_kind kind;
	struct optspec opts;
};

static const struct lockop op_acquire = { "acquire", SITE_ACQUIRE,
	{ OPT_TYPE | OPT_IRQ | OPT_SLEEPS | OPT_READ | OPT_NESTED | OPT_FAILS, &irq_acquire,
	  "type=, irq=, sleeps, read, nested= or fails" } };
static const struct lockop op_release = { "release", SITE_RELEASE,
	{ OPT_TYPE | OPT_IRQ | OPT_READ, &irq_release, "type=, irq= or read" } };
static const struct lockop op_trylock = { "trylock", SITE_TRYLOCK,
	{ OPT_TYPE | OPT_IRQ | OPT_READ, &irq_acquire, "type=, irq= or read" } };
static const struct lockop op_assert = { "assert", SITE_ASSERT, { 0, NULL, NULL } };

static int parse_lockop(struct line *l, const struct lockop *op)
{
	char after[64];
	struct lp_lockprim p = { .kind = op->kind };
	struct optvals v = { .irq = IRQ_NONE, .type = LT_SPIN, .nested_arg = -1, .subclass = -1 };
	const char *func;
	if (want_ident(l, 1, "a function name", op->name, &func))
		return -1;
	snprintf(after, sizeof(after), "%s FUNC", op->name);
	if (want_arg(l, 2, after, &p.arg))
		return -1;
	snprintf(after, sizeof(after), "%s FUNC ARG", op->name);
	if (parse_opts(l, &op->opts, 3, after, &v))
		return -1;
	p.irq = v.irq;
	p.type = v.type;
	p.sleeps = v.sleeps;
	p.read = v.read;
	p.fails = v.fails;
	p.nested_arg = v.nested_arg;
	PUT(l->r, &l->r->prim_map, &l->r->prims, func, p, name);
	return 0;
}

/* 'assert-lock NAME LOCK': NAME (ASSERT_RTNL, no lock argument) asserts that
 * LOCK, a lock key as lockpath writes it ('rtnetlink.c:rtnl_mutex'), is held. */
static int parse_assert_lock(struct line *l)
{
	struct lp_lockprim p = { .kind = SITE_ASSERT, .arg = -1, .nested_arg = -1 };
	const char *func;
	if (want_ident(l, 1, "a macro or function name", "assert-lock", &func))
		return -1;
	if (nargs(l) < 3 || !*l->t.v[2].s)
		return missing_or_got(l, 2, "a lock ('dir/file.c:global_lock', 'struct.member')", "assert-lock NAME");
	if (want_end(l, 3, "assert-lock NAME LOCK"))
		return -1;
	p.lock = own(l->r, l->t.v[2].s);
	PUT(l->r, &l->r->prim_map, &l->r->prims, func, p, name);
	return 0;
}

static int parse_acquire(struct line *l) { return parse_lockop(l, &op_acquire); }
static int parse_release(struct line *l) { return parse_lockop(l, &op_release); }
static int parse_trylock(struct line *l) { return parse_lockop(l, &op_trylock); }
static int parse_assert(struct line *l) { return parse_lockop(l, &op_assert); }

static int parse_passthrough(struct line *l)
{
	const char *func;
	int arg = 0;
	if (want_ident(l, 1, "a function name", "passthrough", &func) ||
	    want_arg(l, 2, "passthrough FUNC", &arg) || want_end(l, 3, "passthrough FUNC ARG"))
		return -1;
	put_flag(&l->r->passthrough_map, func, arg);
	return 0;
}

static int parse_irq(struct line *l)
{
	struct lp_irqop op;
	const char *func;
	int irq = 0;
	if (want_ident(l, 1, "a function name", "irq", &func) ||
	    want_word(l, 2, &irq_any, "irq FUNC", &irq) || want_end(l, 3, "irq FUNC EFFECT"))
		return -1;
	op.irq = (enum lp_irq)irq;
	PUT(l->r, &l->r->irq_map, &l->r->irqops, func, op, name);
	return 0;
}

/* 'DIRECTIVE FUNC "REASON"' (sleep, noreturn, bug-report, context-end, irqs-on): FUNC's reason into MAP. */
static int parse_func_reason(struct line *l, const char *directive, struct strmap *map)
{
	const char *func;
	char usage[64];
	if (want_ident(l, 1, "a function name", directive, &func))
		return -1;
	snprintf(usage, sizeof(usage), "%s FUNC", directive);
	if (want_quoted(l, 2, usage))
		return -1;
	snprintf(usage, sizeof(usage), "%s FUNC \"REASON\"", directive);
	if (want_end(l, 3, usage))
		return -1;
	put_reason(l->r, map, func, l->t.v[2].s);
	return 0;
}

static int parse_sleep(struct line *l)
{
	return parse_func_reason(l, "sleep", &l->r->sleep_map);
}

/* 'might-sleep NAME "REASON"': the kernel's word that its caller may sleep
 * (might_sleep()).  The checks take it as a sleep: a path that breaks its
 * context there ends there, as at one (check/engine.c, visit_state). */
static int parse_might_sleep(struct line *l)
{
	return parse_func_reason(l, "might-sleep", &l->r->sleep_map);
}
/* A context-test state list: '-' or comma-separated hardirq, softirq,
 * process, irqs-off, as the path states (lib/guardkey.h) they cover. */
static int want_ctx_states(struct line *l, int i, const char *after, unsigned *out)
{
	static const struct { const char *name; unsigned states; } words[] = {
		{ "hardirq", 1u << GK_HARDIRQ },
		{ "softirq", 1u << GK_SOFTIRQ | 1u << GK_SOFTIRQ_IRQS_OFF },
		{ "process", 1u << GK_PROCESS | 1u << GK_PROCESS_IRQS_OFF },
		{ "irqs-off", 1u << GK_HARDIRQ | 1u << GK_SOFTIRQ_IRQS_OFF | 1u << GK_PROCESS_IRQS_OFF },
	};
	const char *what = "'-' or a comma-separated list of hardirq, softirq, process, irqs-off";
	const char *s = i < nargs(l) && !l->t.v[i].quoted ? l->t.v[i].s : "";
	unsigned seen = 0;
	*out = 0;
	if (!strcmp(s, "-"))
		return 0;
	while (*s) {
		size_t len = strcspn(s, ","), w = 0;
		while (w < sizeof(words) / sizeof(words[0]) &&
		       (strlen(words[w].name) != len || strncmp(words[w].name, s, len)))
			w++;
		/* 'hardirq,' and 'hardirq,hardirq': a word left out or written twice */
		if (w == sizeof(words) / sizeof(words[0]) || (seen >> w & 1) || (s[len] == ',' && !s[len + 1]))
			return missing_or_got(l, i, what, after);
		seen |= 1u << w;
		*out |= words[w].states;
		s += len + (s[len] == ',');
	}
	return *out ? 0 : missing_or_got(l, i, what, after);
}

/* 'context-test NAME TRUE-IN FALSE-IN': a macro (or function) testing the
 * context ('in_interrupt'), true in the states of TRUE-IN, false in those
 * of FALSE-IN, unknown elsewhere (extract/guard.c). */
static int parse_context_test(struct line *l)
{
	const char *name;
	unsigned t = 0, f = 0;
	if (want_ident(l, 1, "a macro or function name", "context-test", &name) ||
	    want_ctx_states(l, 2, "context-test NAME", &t) ||
	    want_ctx_states(l, 3, "context-test NAME TRUE-IN", &f) ||
	    want_end(l, 4, "context-test NAME TRUE-IN FALSE-IN"))
		return -1;
	if (t & f)
		return fail(l, "'%s' cannot be both true and false in %s", name,
			    guardkey_ctx_name(__builtin_ctz(t & f)));
	if (!t && !f)
		return fail(l, "'%s' is neither true nor false anywhere: expected a state after 'context-test NAME'",
			    name);
	put_flag(&l->r->ctxtest_map, name, (int64_t)(t | f << 8));
	return 0;
}

/* 'context-call FUNC CALLEE FALSE-IN "REASON"': FUNC's calls of CALLEE are
 * never made in the states of FALSE-IN, for a reason FUNC's own code cannot
 * show (migrate_enable()'s slow path needs a task switched out since its
 * migrate_disable(), which no interrupt's pair is).  Check makes it a
 * context test around each such call (check/engine_load.c). */
static int parse_context_call(struct line *l)
{
	const char *func = NULL, *callee = NULL;
	unsigned f = 0;
	if (want_ident(l, 1, "a function name", "context-call", &func) ||
	    want_ident(l, 2, "a function name", "context-call FUNC", &callee) ||
	    want_ctx_states(l, 3, "context-call FUNC CALLEE", &f) ||
	    want_quoted(l, 4, "context-call FUNC CALLEE FALSE-IN") ||
	    want_end(l, 5, "context-call FUNC CALLEE FALSE-IN \"REASON\""))
		return -1;
	if (!f)
		return fail(l, "a call made in every state needs no rule: expected a state after 'context-call FUNC CALLEE'");
	struct strbuf key = {0};   /* a later rule for the same pair replaces it */
	sb_addf(&key, "%s %s", func, callee);
	put_flag(&l->r->ctxcall_map, key.buf, f);
	put_reason(l->r, &l->r->ctxcall_reason_map, key.buf, l->t.v[4].s);
	sb_free(&key);
	put_flag(&l->r->ctxcall_callee_map, callee, 1);
	return 0;
}

static int parse_noreturn(struct line *l) { return parse_func_reason(l, "noreturn", &l->r->noreturn_map); }
static int parse_bug_report(struct line *l) { return parse_func_reason(l, "bug-report", &l->r->bugreport_map); }
static int parse_ctxend(struct line *l) { return parse_func_reason(l, "context-end", &l->r->ctxend_map); }
static int parse_irqson(struct line *l) { return parse_func_reason(l, "irqs-on", &l->r->irqson_map); }

static int parse_entry(struct line *l)
{
	struct lp_entry e;
	const char *func;
	int ctx = 0;
	if (want_ident(l, 1, "a function name", "entry", &func) ||
	    want_word(l, 2, &contexts, "entry FUNC", &ctx) || want_end(l, 3, "entry FUNC CONTEXT"))
		return -1;
	e.ctx = (enum lp_context)ctx;
	PUT(l->r, &l->r->entry_map, &l->r->entries, func, e, func);
	return 0;
}

static int parse_register(struct line *l)
{
	const char *func;
	int arg = 0, ctx = 0;
	if (want_ident(l, 1, "a function name", "register", &func) ||
	    want_arg(l, 2, "register FUNC", &arg) ||
	    want_word(l, 3, &contexts, "register FUNC ARG", &ctx) ||
	    want_end(l, 4, "register FUNC ARG CONTEXT"))
		return -1;
	put_register(l->r, func, arg, (enum lp_context)ctx);
	return 0;
}

/* KEY is any one token ("irqaction.handler"), quoted if it has spaces;
 * DIRECTIVE is 'keyentry' or 'callback' (EDGE). */
static int parse_key_context(struct line *l, const char *directive, bool edge)
{
	struct lp_keyentry k = { .edge = edge };
	int ctx = 0;
	char what[32], full[48];
	snprintf(what, sizeof(what), "%s KEY", directive);
	snprintf(full, sizeof(full), "%s KEY CONTEXT", directive);
	if (nargs(l) < 2 || !*l->t.v[1].s)
		return missing_or_got(l, 1, "a key", directive);
	const char *key = l->t.v[1].s;
	if (want_word(l, 2, &contexts, what, &ctx) || want_end(l, 3, full))
		return -1;
	k.ctx = (enum lp_context)ctx;
	PUT(l->r, &l->r->keyentry_map, &l->r->keyentries, key, k, key);
	return 0;
}

static int parse_keyentry(struct line *l) { return parse_key_context(l, "keyentry", false); }
static int parse_callback(struct line *l) { return parse_key_context(l, "callback", true); }

static int parse_defer(struct line *l)
{
	struct lp_defer d;
	const char *func;
	int ctx = 0;
	if (want_ident(l, 1, "a function name", "defer", &func) ||
	    want_arg(l, 2, "defer FUNC", &d.arg) ||
	    want_word(l, 3, &contexts, "defer FUNC ARG", &ctx) ||
	    want_end(l, 4, "defer FUNC ARG CONTEXT"))
		return -1;
	d.ctx = (enum lp_context)ctx;
	PUT(l->r, &l->r->defer_map, &l->r->defers, func, d, func);
	return 0;
}

/* A number, decimal or 0x-hex, maybe negative; WHAT names it in the message. */
static int want_number(struct line *l, int i, const char *what, const char *after, long long *out)
{
	char *e = NULL;
	const char *s = i < nargs(l) && !l->t.v[i].quoted ? l->t.v[i].s : "";
	const char *digits = *s == '-' ? s + 1 : s;
	long long v = *digits >= '0' && *digits <= '9' ? strtoll(s, &e, 0) : 0;
	if (!e || *e)
		return missing_or_got(l, i, what, after);
	*out = v;
	return 0;
}

/* A non-zero bit mask, decimal or 0x-hex ('0x4'). */
static int want_mask(struct line *l, int i, const char *after, long long *out)
{
	const char *what = "a bit mask ('0x4')";
	if (want_number(l, i, what, after, out))
		return -1;
	return *out > 0 ? 0 : missing_or_got(l, i, what, after);
}

/* Constants from 0 to 63, comma-separated ('1,2'), as a set: bit V for V. */
static int want_values(struct line *l, int i, const char *after, unsigned long long *out)
{
	const char *what = "constants from 0 to 63, comma-separated ('1,2')";
	const char *s = i < nargs(l) && !l->t.v[i].quoted ? l->t.v[i].s : "";
	*out = 0;
	do {
		char *e = NULL;
		long v = *s >= '0' && *s <= '9' ? strtol(s, &e, 10) : -1;
		if (v < 0 || v > 63 || !e || (*e && *e != ','))
			return missing_or_got(l, i, what, after);
		*out |= 1ULL << v;
		s = *e ? e + 1 : e;
	} while (*s);
	return 0;
}

/* 'defer-on FUNC ARG QUEUE CONTEXT' */
static int parse_defer_on(struct line *l)
{
	struct lp_defer_on d = {0};
	int ctx = 0;
	if (want_ident(l, 1, "a function name", "defer-on", &d.func) ||
	    want_arg(l, 2, "defer-on FUNC", &d.arg) ||
	    want_arg(l, 3, "defer-on FUNC ARG", &d.queue) ||
	    want_word(l, 4, &contexts, "defer-on FUNC ARG QUEUE", &ctx) ||
	    want_end(l, 5, "defer-on FUNC ARG QUEUE CONTEXT"))
		return -1;
	d.func = own(l->r, d.func);
	d.ctx = (enum lp_context)ctx;
	vec_push(&l->r->defer_ons, d);
	return 0;
}

/* 'format-call FUNC ARG CALLEE CONVERSION...' */
static int parse_format_call(struct line *l)
{
	struct lp_format_call fc = {0};
	const char *func = NULL, *callee = NULL;
	if (want_ident(l, 1, "a function name", "format-call", &func) ||
	    want_arg(l, 2, "format-call FUNC", &fc.arg) ||
	    want_ident(l, 3, "a function name", "format-call FUNC ARG", &callee))
		return -1;
	if (nargs(l) < 5)
		return missing_or_got(l, 4, "a conversion ('p', 'pf')", "format-call FUNC ARG CALLEE");
	for (int i = 4; i < nargs(l); i++) {
		long long bit;
		if (l->t.v[i].quoted || !format_spec_bit(l->t.v[i].s, &bit))
			return missing_or_got(l, i, "a conversion ('p', 'pf')", "format-call FUNC ARG CALLEE");
		fc.mask |= bit;
	}
	struct strbuf key = {0};
	sb_addf(&key, "%s %s", func, callee);
	fc.func = own(l->r, func);
	fc.callee = own(l->r, callee);
	*strmap_put(&l->r->format_callee_map, callee, NULL) = 1;
	bool created;
	int64_t *slot = strmap_put(&l->r->format_map, key.buf, &created);
	sb_free(&key);
	if (created) {   /* a later rule for the same pair replaces it */
		*slot = (int64_t)l->r->format_calls.n;
		vec_push(&l->r->format_calls, fc);
	} else {
		l->r->format_calls.v[*slot] = fc;
	}
	l->r->format_bits |= fc.mask;
	return 0;
}

/* 'blocks-with FUNC ARG MASK' */
static int parse_blocks_with(struct line *l)
{
	struct lp_blocks_with b = {0};
	const char *func;
	if (want_ident(l, 1, "a function name", "blocks-with", &func) ||
	    want_arg(l, 2, "blocks-with FUNC", &b.arg) ||
	    want_mask(l, 3, "blocks-with FUNC ARG", &b.mask) ||
	    want_end(l, 4, "blocks-with FUNC ARG MASK"))
		return -1;
	PUT(l->r, &l->r->blocks_map, &l->r->blocks, func, b, func);
	return 0;
}

/* 'corruption-report FUNC ARG VALUE "REASON"' */
static int parse_corruption_report(struct line *l)
{
	struct lp_corruption c = {0};
	const char *func;
	if (want_ident(l, 1, "a function name", "corruption-report", &func) ||
	    want_arg(l, 2, "corruption-report FUNC", &c.arg) ||
	    want_number(l, 3, "the argument's constant value ('1')", "corruption-report FUNC ARG", &c.value) ||
	    want_quoted(l, 4, "corruption-report FUNC ARG VALUE") ||
	    want_end(l, 5, "corruption-report FUNC ARG VALUE \"REASON\""))
		return -1;
	PUT(l->r, &l->r->corruption_map, &l->r->corruptions, func, c, func);
	return 0;
}

/* The 'KEY CONTEXT' that end an init-mode or file-mode line, from word I
 * on (HEAD: the words before KEY, for the errors), into M, which is kept. */
static int parse_mode_key(struct line *l, int i, const char *head, struct lp_init_mode *m)
{
	char after_key[64], whole[64];
	int ctx = 0;
	snprintf(after_key, sizeof(after_key), "%s KEY", head);
	snprintf(whole, sizeof(whole), "%s KEY CONTEXT", head);
	if (nargs(l) < i + 1 || l->t.v[i].quoted || !strchr(l->t.v[i].s, '.'))
		return missing_or_got(l, i, "a key 'struct.member'", head);
	if (want_word(l, i + 1, &contexts, after_key, &ctx) || want_end(l, i + 2, whole))
		return -1;
	m->func = own(l->r, m->func);
	m->key = own(l->r, l->t.v[i].s);
	m->ctx = (enum lp_context)ctx;
	vec_push(&l->r->init_modes, *m);
	return 0;
}

/* 'init-mode FUNC OBJ MODE MASK KEY CONTEXT' */
static int parse_init_mode(struct line *l)
{
	struct lp_init_mode m = {0};
	if (want_ident(l, 1, "a function name", "init-mode", &m.func) ||
	    want_arg(l, 2, "init-mode FUNC", &m.obj) ||
	    want_arg(l, 3, "init-mode FUNC OBJ", &m.mode) ||
	    want_mask(l, 4, "init-mode FUNC OBJ MODE", &m.mask))
		return -1;
	return parse_mode_key(l, 5, "init-mode FUNC OBJ MODE MASK", &m);
}

/* 'file-mode FUNC MODE VALUES KEY CONTEXT' */
static int parse_file_mode(struct line *l)
{
	struct lp_init_mode m = { .obj = LP_MODE_FILE };
	if (want_ident(l, 1, "a function name", "file-mode", &m.func) ||
	    want_arg(l, 2, "file-mode FUNC", &m.mode) ||
	    want_values(l, 3, "file-mode FUNC MODE", &m.values))
		return -1;
	return parse_mode_key(l, 4, "file-mode FUNC MODE VALUES", &m);
}

/* 'chain-register FUNC CONTAINER ENTRY KEY' / 'chain-call FUNC CONTAINER KEY' */
static int parse_chain(struct line *l, bool is_call)
{
	const char *dir = is_call ? "chain-call" : "chain-register";
	struct lp_chain c = { .entry = -1 };
	const char *func;
	char after[64];
	if (want_ident(l, 1, "a function name", dir, &func))
		return -1;
	snprintf(after, sizeof(after), "%s FUNC", dir);
	if (want_arg(l, 2, after, &c.container))
		return -1;
	int at = 3;
	if (!is_call) {
		snprintf(after, sizeof(after), "%s FUNC CONTAINER", dir);
		if (want_arg(l, at++, after, &c.entry))
			return -1;
	}
	snprintf(after, sizeof(after), is_call ? "%s FUNC CONTAINER" : "%s FUNC CONTAINER ENTRY", dir);
	if (at >= nargs(l) || !*l->t.v[at].s || !strchr(l->t.v[at].s, '.'))
		return missing_or_got(l, at, "a key 'struct.member'", after);
	c.key = own(l->r, l->t.v[at].s);
	snprintf(after, sizeof(after), is_call ? "%s FUNC CONTAINER KEY" : "%s FUNC CONTAINER ENTRY KEY", dir);
	/* 'chain-call blocking_notifier_call_chain 0 KEY process': its callbacks
	 * run in process context with interrupts enabled (the API sleeps) */
	if (is_call && at + 1 < nargs(l) && !l->t.v[at + 1].quoted && !strcmp(l->t.v[at + 1].s, "process")) {
		c.process = true;
		at++;
		snprintf(after, sizeof(after), "%s FUNC CONTAINER KEY process", dir);
	}
	if (want_end(l, at + 1, after))
		return -1;
	PUT(l->r, &l->r->chain_map, &l->r->chains, func, c, func);
	return 0;
}

static int parse_chain_register(struct line *l) { return parse_chain(l, false); }
static int parse_chain_call(struct line *l) { return parse_chain(l, true); }

static int parse_drop_flag(struct line *l)
{
	if (nargs(l) < 2 || l->t.v[1].quoted || l->t.v[1].s[0] != '-')
		return missing_or_got(l, 1, "a flag starting with '-'", "drop-flag");
	if (want_end(l, 2, "drop-flag FLAG"))
		return -1;
	put_drop_flag(l->r, l->t.v[1].s);
	return 0;
}

/* 'ops-bind STRUCT': an object's ops table of STRUCT is the one of the
 * implementation the path came through, however far below (check/ops_tables.c). */
static int parse_ops_bind(struct line *l)
{
	if (nargs(l) < 2 || l->t.v[1].quoted || !*l->t.v[1].s || strpbrk(l->t.v[1].s, ".:#"))
		return missing_or_got(l, 1, "a struct name", "ops-bind");
	if (want_end(l, 2, "ops-bind STRUCT"))
		return -1;
	const char *name = own(l->r, l->t.v[1].s);
	vec_push(&l->r->ops_binds, name);
	return 0;
}

/* 'DIRECTIVE FUNC', a directive that names one function (DIRECTIVE_FUNC,
 * its form for messages): FUNC into MAP. */
static int parse_one_func(struct line *l, const char *directive, const char *directive_func, struct strmap *map)
{
	const char *func = NULL;
	if (want_ident(l, 1, "a function name", directive, &func) || want_end(l, 2, directive_func))
		return -1;
	*strmap_put(map, func, NULL) = 1;
	return 0;
}

/* 'refcount-drop FUNC': FUNC drops a reference and returns whether it was
 * the last (refcount_dec_and_test, kref_put). */
static int parse_refcount_drop(struct line *l)
{
	return parse_one_func(l, "refcount-drop", "refcount-drop FUNC", &l->r->refdrop_map);
}

/* 'refcount-get FUNC': FUNC takes a reference on an object whose count is
 * at least one (refcount_inc, kref_get). */
static int parse_refcount_get(struct line *l)
{
	return parse_one_func(l, "refcount-get", "refcount-get FUNC", &l->r->refget_map);
}

/* 'fresh-object FUNC [zeroed]': FUNC returns a new object that nothing
 * else points to yet and that holds no pointer it was not given after
 * (kzalloc); 'zeroed': every member of it is 0 until written. */
static int parse_fresh_object(struct line *l)
{
	const char *func = NULL;
	if (want_ident(l, 1, "a function name", "fresh-object", &func))
		return -1;
	bool zeroed = nargs(l) > 2 && !l->t.v[2].quoted && !strcmp(l->t.v[2].s, "zeroed");
	if (!zeroed && nargs(l) > 2)
		return missing_or_got(l, 2, "'zeroed' or the end of the line", "fresh-object FUNC");
	if (want_end(l, 3, "fresh-object FUNC zeroed"))
		return -1;
	*strmap_put(&l->r->fresh_map, func, NULL) = zeroed ? 2 : 1;
	return 0;
}

/* 'returns-arg FUNC ARG': FUNC returns its argument ARG, or NULL when that
 * is NULL (get_device(), kobject_get(): a reference taken). */
static int parse_returns_arg(struct line *l)
{
	const char *func = NULL;
	int arg = 0;
	if (want_ident(l, 1, "a function name", "returns-arg", &func) ||
	    want_arg(l, 2, "returns-arg FUNC", &arg) ||
	    want_end(l, 3, "returns-arg FUNC ARG"))
		return -1;
	*strmap_put(&l->r->retarg_map, func, NULL) = arg;
	return 0;
}

/* ------------------------------------------------------------ lockdep classes */

/* "lockdep-init FUNC LOCK KEY" / "lockdep-class FUNC LOCK KEY [subclass=N]",
 * in the shape of "acquire FUNC ARG [options]". */
struct lockdep_dir {
	const char *name;            /* the directive */
	bool init;                   /* an init site's API (__mutex_init), not lockdep_set_class() & co */
	struct optspec opts;
};

static const struct lockdep_dir dir_lockdep_init = { "lockdep-init", true, { 0, NULL, NULL } };
static const struct lockdep_dir dir_lockdep_class = { "lockdep-class", false,
	{ OPT_SUBCLASS, NULL, "subclass=" } };

static int parse_lockdep(struct line *l, const struct lockdep_dir *dir)
{
	struct lp_lockdep d = { .init = dir->init };
	struct optvals v = { .nested_arg = -1, .subclass = -1 };
	const char *func;
	char after[64];
	if (want_ident(l, 1, "a function name", dir->name, &func))
		return -1;
	snprintf(after, sizeof(after), "%s FUNC", dir->name);
	if (want_arg(l, 2, after, &d.lock))
		return -1;
	snprintf(after, sizeof(after), "%s FUNC LOCK", dir->name);
	if (want_arg(l, 3, after, &d.key))
		return -1;
	snprintf(after, sizeof(after), "%s FUNC LOCK KEY", dir->name);
	if (parse_opts(l, &dir->opts, 4, after, &v))
		return -1;
	d.subclass = v.subclass;
	PUT(l->r, &l->r->lockdep_map, &l->r->lockdeps, func, d, func);
	return 0;
}

static int parse_lockdep_init(struct line *l) { return parse_lockdep(l, &dir_lockdep_init); }

/* "lockdep-class-macro NAME LOCK KEY|novalidate|keep [subclass=N]": a
 * re-key macro the configuration compiled to '(void)(key)' or to nothing. */
static int parse_lockdep_class_macro(struct line *l)
{
	struct lp_lockdep d = { .key = -1, .subclass = -1, .macro = true };
	const char *func, *k = nargs(l) > 3 && !l->t.v[3].quoted ? l->t.v[3].s : "";
	struct optvals v = { .nested_arg = -1, .subclass = -1 };
	if (want_ident(l, 1, "a macro name", "lockdep-class-macro", &func) ||
	    want_arg(l, 2, "lockdep-class-macro NAME", &d.lock))
		return -1;
	if (!strcmp(k, "novalidate"))
		d.key = LP_LOCKDEP_MACRO_NOVALIDATE;
	else if (!strcmp(k, "keep"))
		d.key = LP_LOCKDEP_MACRO_KEEP;
	else if (nargs(l) <= 3 || l->t.v[3].quoted || !parse_index(l->t.v[3].s, &d.key))
		return missing_or_got(l, 3, "an argument index, 'novalidate' or 'keep'", "lockdep-class-macro NAME LOCK");
	if (parse_opts(l, &dir_lockdep_class.opts, 4, "lockdep-class-macro NAME LOCK KEY", &v))
		return -1;
	d.subclass = v.subclass;
	PUT(l->r, &l->r->lockdep_map, &l->r->lockdeps, func, d, func);
	return 0;
}

/* "lockdep-init-macro NAME": an init macro that leaves only a store. */
static int parse_lockdep_init_macro(struct line *l)
{
	struct lp_lockdep d = { .lock = 0, .key = -1, .subclass = -1, .init = true, .macro = true };
	const char *func;
	if (want_ident(l, 1, "a macro name", "lockdep-init-macro", &func) ||
	    want_end(l, 2, "lockdep-init-macro NAME"))
		return -1;
	PUT(l->r, &l->r->lockdep_map, &l->r->lockdeps, func, d, func);
	return 0;
}
static int parse_lockdep_class(struct line *l) { return parse_lockdep(l, &dir_lockdep_class); }

static const struct word lockdep_key_words[] = {
	{ "novalidate", LOCKDEP_KEY_NOVALIDATE }, { "keep", LOCKDEP_KEY_KEEP },
};
static const struct wordset lockdep_keys = WORDSET(lockdep_key_words, "one of novalidate, keep");

/* 'lockdep-key NAME novalidate|keep': NAME is a key as lockpath names
 * objects ('__lockdep_no_validate__', '*lockdep_map.key'): any token,
 * quoted if it has spaces, like keyentry's KEY. */
static int parse_lockdep_key(struct line *l)
{
	int kind = 0;
	if (nargs(l) < 2 || !*l->t.v[1].s)
		return missing_or_got(l, 1, "a key name", "lockdep-key");
	if (want_word(l, 2, &lockdep_keys, "lockdep-key NAME", &kind) ||
	    want_end(l, 3, "lockdep-key NAME KIND"))
		return -1;
	put_flag(&l->r->lockdep_key_map, l->t.v[1].s, kind);
	return 0;
}

/* ------------------------------------------------------------ hints */

/* The situations a hint may be written for: the case report/hints.c found,
 * the rules (check/check_list.h's names; the unit test checks that each is
 * a check) it applies to, and the placeholders its text may use
 * (docs/rules-format.md, "hint").  A hint names a rule of checks[]. */
static const struct hint_situation {
	const char *name;
	const char *rules;          /* the rules it applies to, ' ' between */
	const char *placeholders;   /* ' ' between */
} hint_situations[] = {
	{ "defer", "recursive-lock sleep-in-atomic", "func lock held context" },
	{ "defer-example", "recursive-lock sleep-in-atomic",
	  "func lock held context callback key example example-loc" },
	{ "split", "recursive-lock", "func lock held" },
	{ "alternative", "sleep-in-atomic", "func alternative held" },
	{ "outside", "sleep-in-atomic", "func held" },
	{ "irqs-off", "sleep-in-atomic", "func" },
	{ "irqsave", "irq-inversion", "lock" },
	{ "irqsave-example", "irq-inversion", "lock example example-loc primitive" },
	{ "order", "lock-order", "a b" },
	{ "order-count", "lock-order", "a b first second count total" },
	{ "cycle", "lock-order", "chain" },
	{ "irqs-on", "irqs-off-call", "func context" },
};
#define N_HINT_SITUATIONS (sizeof(hint_situations) / sizeof(hint_situations[0]))

/* Whether WORD (LEN bytes) is one of the ' '-separated words of LIST. */
static bool in_list(const char *list, const char *word, size_t len)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, " ");
		if (n == len && !strncmp(p, word, len))
			return true;
		p += n;
		p += *p == ' ';
	}
	return false;
}

/* "{a}, {b}" from the list "a b", for messages; caller frees. */
static char *braced_list(const char *list)
{
	struct strbuf sb = {0};
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, " ");
		sb_addf(&sb, "%s{%.*s}", sb.len ? ", " : "", (int)n, p);
		p += n;
		p += *p == ' ';
	}
	return sb_detach(&sb);
}

/* Every '{name}' of TEXT must be a placeholder of situation S. */
static int check_placeholders(struct line *l, const struct hint_situation *s, const char *after,
			      const char *text)
{
	for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
		size_t n = strcspn(p + 1, "{} ");
		if (p[1 + n] != '}')
			return fail(l, "expected a placeholder name and '}' after '{' in '%s', got '%.*s'",
				    after, (int)(n + 1), p);
		if (!in_list(s->placeholders, p + 1, n)) {
			char *list = braced_list(s->placeholders);
			fail(l, "expected one of %s in '%s', got '%.*s'", list, after, (int)(n + 2), p);
			free(list);
			return -1;
		}
	}
	return 0;
}

/* 'hint RULE SITUATION "TEXT"' */
static int parse_hint(struct line *l)
{
	const char *rule = nargs(l) > 1 && !l->t.v[1].quoted ? l->t.v[1].s : NULL;
	if (!rule || check_find(rule) < 0) {
		struct strbuf list = {0};
		for (size_t i = 0; i < CHECK_COUNT; i++)
			sb_addf(&list, "%s%s", i ? ", " : "", checks[i].name);
		char *what = xasprintf("one of %s", list.buf);
		missing_or_got(l, 1, what, "hint");
		free(what);
		sb_free(&list);
		return -1;
	}
	char after[96];
	snprintf(after, sizeof(after), "hint %s", rule);
	const char *sit = nargs(l) > 2 && !l->t.v[2].quoted ? l->t.v[2].s : NULL;
	const struct hint_situation *s = NULL;
	struct strbuf list = {0};
	for (size_t i = 0; i < N_HINT_SITUATIONS; i++) {
		if (!in_list(hint_situations[i].rules, rule, strlen(rule)))
			continue;
		sb_addf(&list, "%s%s", list.len ? ", " : "", hint_situations[i].name);
		if (sit && !strcmp(sit, hint_situations[i].name))
			s = &hint_situations[i];
	}
	if (!s) {
		char *what = xasprintf("one of %s", list.buf);
		missing_or_got(l, 2, what, after);
		free(what);
		sb_free(&list);
		return -1;
	}
	sb_free(&list);
	snprintf(after, sizeof(after), "hint %s %s", rule, s->name);
	if (nargs(l) < 4 || !l->t.v[3].quoted || !*l->t.v[3].s)
		return missing_or_got(l, 3, "a quoted hint", after);
	if (check_placeholders(l, s, after, l->t.v[3].s))
		return -1;
	snprintf(after, sizeof(after), "hint %s %s \"TEXT\"", rule, s->name);
	if (want_end(l, 4, after))
		return -1;
	char *key = xasprintf("%s %s", rule, s->name);
	PUT_TEXT(&l->r->hint_map, &l->r->hints, key, l->t.v[3].s);
	free(key);
	return 0;
}

/* 'hint-alternative FUNC ALTERNATIVE': what to call instead of sleeping FUNC. */
static int parse_hint_alternative(struct line *l)
{
	const char *func = NULL, *alt = NULL;
	if (want_ident(l, 1, "a function name", "hint-alternative", &func) ||
	    want_ident(l, 2, "a function name", "hint-alternative FUNC", &alt) ||
	    want_end(l, 3, "hint-alternative FUNC ALTERNATIVE"))
		return -1;
	PUT_TEXT(&l->r->alt_map, &l->r->alts, func, alt);
	return 0;
}

/* CHECK_ONLY: no extract code reads what the directive says (its look-ups
 * are link's, check's or the report's), so a TU's facts do not depend on
 * it and its lines stay out of the extract digest: a new 'context-call' or
 * 'entry' line, or a comment, re-checks the database but parses no TU
 * again.  A directive that extract starts to read must lose the flag
 * (test repo/check-only-rules, scripts/check-only-rules.sh, fails when an
 * extract file calls a marked directive's look-up). */
static const struct directive {
	const char *name;
	int (*parse)(struct line *l);
	bool check_only;
} directives[] = {
	{ "locktype", parse_locktype },
	{ "member", parse_member },
	{ "acquire", parse_acquire },
	{ "release", parse_release },
	{ "trylock", parse_trylock },
	{ "assert", parse_assert },
	{ "assert-lock", parse_assert_lock },
	{ "passthrough", parse_passthrough },
	{ "irq", parse_irq },
	{ "sleep", parse_sleep },
	{ "might-sleep", parse_might_sleep },
	{ "context-test", parse_context_test },
	{ "context-call", parse_context_call, true },
	{ "noreturn", parse_noreturn, true },
	{ "bug-report", parse_bug_report, true },
	{ "corruption-report", parse_corruption_report },
	{ "context-end", parse_ctxend, true },
	{ "irqs-on", parse_irqson, true },
	{ "entry", parse_entry, true },
	{ "register", parse_register, true },
	{ "keyentry", parse_keyentry, true },
	{ "callback", parse_callback, true },
	{ "defer", parse_defer, true },
	{ "init-mode", parse_init_mode, true },
	{ "file-mode", parse_file_mode, true },
	{ "defer-on", parse_defer_on, true },
	{ "blocks-with", parse_blocks_with, true },
	{ "format-call", parse_format_call, true },
	{ "chain-register", parse_chain_register, true },
	{ "chain-call", parse_chain_call, true },
	{ "lockdep-init", parse_lockdep_init },
	{ "lockdep-init-macro", parse_lockdep_init_macro },
	{ "lockdep-class-macro", parse_lockdep_class_macro },
	{ "lockdep-class", parse_lockdep_class },
	{ "lockdep-key", parse_lockdep_key },
	{ "drop-flag", parse_drop_flag },
	{ "ops-bind", parse_ops_bind, true },
	{ "refcount-drop", parse_refcount_drop },
	{ "refcount-get", parse_refcount_get },
	{ "fresh-object", parse_fresh_object, true },
	{ "returns-arg", parse_returns_arg },
	{ "hint", parse_hint, true },
	{ "hint-alternative", parse_hint_alternative, true },
};
#define N_DIRECTIVES (sizeof(directives) / sizeof(directives[0]))

static int unknown_directive(struct line *l)
{
	struct strbuf names = {0};
	for (size_t i = 0; i < N_DIRECTIVES; i++)
		sb_addf(&names, "%s%s", i ? ", " : "", directives[i].name);
	const struct tok *t = &l->t.v[0];
	fail(l, "unknown directive '%.*s', expected one of %s", t->rawlen, t->raw, names.buf);
	sb_free(&names);
	return -1;
}

static const struct directive *find_directive(const struct line *l)
{
	if (!l->t.v[0].quoted)
		for (size_t i = 0; i < N_DIRECTIVES; i++)
			if (!strcmp(l->t.v[0].s, directives[i].name))
				return &directives[i];
	return NULL;
}

/* The line's tokens into the extract digest, unless its directive is one
 * extract never reads: the words as parsed, so that spacing and comments
 * change nothing. */
static void digest_for_extract(struct line *l, const struct directive *d)
{
	if (d->check_only)
		return;
	for (size_t i = 0; i < l->t.n; i++) {
		const struct tok *t = &l->t.v[i];
		char kind = t->quoted ? '"' : ' ';
		l->r->extract_digest = XXH3_64bits_withSeed(&kind, 1, l->r->extract_digest);
		l->r->extract_digest = XXH3_64bits_withSeed(t->s, strlen(t->s), l->r->extract_digest);
	}
	l->r->extract_digest = XXH3_64bits_withSeed("\n", 1, l->r->extract_digest);
}

static int dispatch(struct line *l)
{
	const struct directive *d = find_directive(l);
	if (!d)
		return unknown_directive(l);
	digest_for_extract(l, d);
	return d->parse(l);
}

static int parse_line(struct line *l, const char *p, const char *end)
{
	int rc = tokenize(l, p, end);
	if (!rc && l->t.n)
		rc = dispatch(l);
	for (size_t i = 0; i < l->t.n; i++)
		free(l->t.v[i].s);
	vec_free(&l->t);
	return rc;
}

/* ------------------------------------------------------------ loading */

int rules_load_buffer(struct lp_rules *r, const char *name, const char *data, size_t len,
		      struct strbuf *err)
{
	const char *p = data, *end = data + (data ? len : 0);
	struct line l = { .r = r, .file = name, .err = err };
	if (data)
		r->digest = XXH3_64bits_withSeed(data, len, r->digest);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		l.lineno++;
		if (parse_line(&l, p, eol))
			return -1;
		p = nl ? nl + 1 : end;
	}
	return 0;
}

static int io_error(struct strbuf *err, const char *path, const char *what)
{
	if (err) {
		sb_reset(err);
		sb_addf(err, "%s: cannot %s: %s", path, what, strerror(errno));
	}
	return -1;
}

int rules_load_file(struct lp_rules *r, const char *path, struct strbuf *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return io_error(err, path, "open");
	struct strbuf sb = {0};
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_addn(&sb, buf, n);
	int rc = ferror(f) ? io_error(err, path, "read") : 0;
	fclose(f);
	if (!rc)
		rc = rules_load_buffer(r, path, sb_str(&sb), sb.len, err);
	sb_free(&sb);
	return rc;
}

static bool is_rules_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 6 && !strcmp(name + n - 6, ".rules");
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int rules_load_dir(struct lp_rules *r, const char *dir, struct strbuf *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return io_error(err, dir, "open rules directory");
	VEC(char *) names = {0};
	struct dirent *de;
	while ((de = readdir(d)))
		if (is_rules_name(de->d_name))
			vec_push(&names, xstrdup(de->d_name));
	closedir(d);
	if (names.n)
		qsort(names.v, names.n, sizeof(names.v[0]), cmp_names);
	int rc = 0;
	if (!names.n) {
		errno = ENOENT;
		rc = io_error(err, dir, "find *.rules files");
	}
	for (size_t i = 0; i < names.n && !rc; i++) {
		char *path = xasprintf("%s/%s", dir, names.v[i]);
		rc = rules_load_file(r, path, err);
		free(path);
	}
	free_strings(names.v, names.n);
	vec_free(&names);
	return rc;
}

unsigned long long rules_digest(const struct lp_rules *r)
{
	return r->digest;
}

unsigned long long rules_extract_digest(const struct lp_rules *r)
{
	return r->extract_digest;
}
