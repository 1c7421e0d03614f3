// SPDX-License-Identifier: GPL-2.0-only
/*
 * guardkey.c - parse and format guards and their writes annotations (the
 * grammar is in guardkey.h).
 */
#include "lib/guardkey.h"

#include <stdlib.h>
#include <string.h>
#include "db/columns.h"   /* enum lp_context */

static const char *const ctx_names[GK_NSTATES] = {
	[GK_HARDIRQ] = "hardirq", [GK_SOFTIRQ] = "softirq", [GK_SOFTIRQ_IRQS_OFF] = "softirq+irqs-off",
	[GK_PROCESS] = "process", [GK_PROCESS_IRQS_OFF] = "process+irqs-off",
};

const char *guardkey_ctx_name(int s)
{
	return s >= 0 && s < GK_NSTATES ? ctx_names[s] : "?";
}

int guardkey_ctx_state(int ctx, bool irqs_off)
{
	if (ctx == CTX_HARDIRQ)
		return GK_HARDIRQ;
	if (ctx == CTX_SOFTIRQ)
		return irqs_off ? GK_SOFTIRQ_IRQS_OFF : GK_SOFTIRQ;
	return irqs_off ? GK_PROCESS_IRQS_OFF : GK_PROCESS;
}

/* 'S1,S2' up to the end: the states' bits into *DEAD. */
static bool parse_ctx_states(const char *p, unsigned *dead)
{
	*dead = 0;
	while (*p) {
		size_t len = strcspn(p, ",");
		int s = 0;
		while (s < GK_NSTATES && (strlen(ctx_names[s]) != len || strncmp(ctx_names[s], p, len)))
			s++;
		if (s == GK_NSTATES)
			return false;
		*dead |= 1u << s;
		p += len;
		if (*p == ',' && !*++p)
			return false;
	}
	return *dead != 0;
}

/* 'N' or 'N.F' after 'arg#': the parameter and member; P advanced past them. */
static bool parse_subject(const char **p, int *param, char field[GUARDKEY_FIELD_MAX])
{
	char *end;
	long n = strtol(*p, &end, 10);
	if (end == *p || n < 0 || n > 1000)
		return false;
	*param = (int)n;
	field[0] = '\0';
	if (*end == '.') {
		size_t len = strcspn(end + 1, "&!=;");
		if (len == 0 || len >= GUARDKEY_FIELD_MAX)
			return false;
		memcpy(field, end + 1, len);
		field[len] = '\0';
		end += 1 + len;
	}
	*p = end;
	return true;
}

/* Comma-separated numbers up to ';' or the end, into V (N of them). */
static bool parse_values(const char *p, long long *v, int *n)
{
	*n = 0;
	while (*p && *p != ';') {
		char *end;
		long long x = strtoll(p, &end, 10);
		if (end == p || *n == GUARDKEY_MAX_VALUES)
			return false;
		v[(*n)++] = x;
		p = *end == ',' ? end + 1 : end;
		if (*end != ',' && *end && *end != ';')
			return false;
	}
	return *n > 0;
}

bool guardkey_parse(const char *text, struct guardkey *out)
{
	struct guardkey g = { 0 };
	const char *p = text;
	if (p && !strncmp(p, "ctx!=", 5)) {
		g.param = -1;
		if (!parse_ctx_states(p + 5, &g.ctx_dead))
			return false;
		*out = g;
		return true;
	}
	if (p && !strncmp(p, "entry#", 6)) {
		g.at_entry = true;
		p += 2;   /* 'entry#' is as long as 'arg#' and two more */
	} else if (!p || strncmp(p, "arg#", 4)) {
		return false;
	}
	p += 4;
	if (!parse_subject(&p, &g.param, g.field))
		return false;
	if (*p == '&') {   /* 'arg#N&M': a test of bits M */
		char *end;
		g.mask = strtoll(p + 1, &end, 10);
		if (end == p + 1 || !g.mask)
			return false;
		p = end;
	}
	g.except = *p == '!';
	p += g.except;
	if (*p != '=' || !parse_values(p + 1, g.v, &g.n))
		return false;
	*out = g;
	return true;
}

void guardkey_format(struct strbuf *sb, const struct guardkey *g)
{
	if (g->ctx_dead) {
		sb_add(sb, "ctx!=");
		for (int s = 0, first = 1; s < GK_NSTATES; s++)
			if (g->ctx_dead >> s & 1) {
				sb_addf(sb, "%s%s", first ? "" : ",", ctx_names[s]);
				first = 0;
			}
		return;
	}
	sb_addf(sb, "%s#%d%s%s", g->at_entry ? "entry" : "arg", g->param, g->field[0] ? "." : "", g->field);
	if (g->mask)
		sb_addf(sb, "&%lld", g->mask);
	sb_add(sb, g->except ? "!=" : "=");
	for (int i = 0; i < g->n; i++)
		sb_addf(sb, i ? ",%lld" : "%lld", g->v[i]);
}

void guardkey_format_writes(struct strbuf *sb, int param, const char *field, bool any,
			    const long long *v, int n)
{
	sb_addf(sb, "writes:arg#%d%s%s=", param, field && *field ? "." : "", field ? field : "");
	if (any || n == 0)
		sb_addc(sb, '*');
	for (int i = 0; !any && i < n; i++)
		sb_addf(sb, i ? ",%lld" : "%lld", v[i]);
	sb_addc(sb, ';');
}

void guardkey_format_mask(struct strbuf *sb, int param, long long and_mask, long long or_mask)
{
	sb_addf(sb, "writes:arg#%d=&%lld|%lld;", param, and_mask, or_mask);
}

bool guardkey_parse_mask(const char *values, long long *and_mask, long long *or_mask)
{
	char *end;
	if (*values != '&')
		return false;
	*and_mask = strtoll(values + 1, &end, 10);
	if (end == values + 1 || *end != '|')
		return false;
	const char *o = end + 1;
	*or_mask = strtoll(o, &end, 10);
	return end != o && (*end == ';' || !*end);
}

bool guardkey_next_write(const char **cursor, int *param, char field[GUARDKEY_FIELD_MAX], const char **values)
{
	for (const char *p = *cursor; p && (p = strstr(p, "writes:arg#")); p++) {
		const char *q = p + strlen("writes:arg#");
		if (!parse_subject(&q, param, field) || *q != '=')
			continue;
		*values = q + 1;
		*cursor = q + 1;
		return true;
	}
	return false;
}

void guardkey_load_writes(struct guardkey *g, const char *annot)
{
	g->writes_any = false;
	g->writes_masked = false;
	g->nwrites = 0;
	int param;
	char field[GUARDKEY_FIELD_MAX];
	const char *values;
	if (g->at_entry)
		return;   /* the value as passed: what the function writes later does not count */
	for (const char *p = annot; guardkey_next_write(&p, &param, field, &values);) {
		if (param != g->param || strcmp(field, g->field))
			continue;
		if (*values == '&')
			g->writes_masked = guardkey_parse_mask(values, &g->and_mask, &g->or_mask);
		else if (*values == '*' || !parse_values(values, g->writes, &g->nwrites))
			g->nwrites = 0;
		g->writes_any = !g->writes_masked && !g->nwrites;   /* '*', or not numbers: anything */
		return;
	}
}

bool guardkey_takes(const struct guardkey *g, long long value)
{
	if (g->mask)
		value &= g->mask;
	bool listed = false;
	for (int i = 0; i < g->n && !listed; i++)
		listed = g->v[i] == value;
	return listed != g->except;
}

#define MASKED_BITS_MAX 6   /* bits a mask may or may not have changed, tried one by one */

/*
 * Whether G takes some value the function's masks can make of VALUE.
 * Whether each write happens, and in which order, is not known: a bit the
 * AND mask clears may still be set, a bit the OR mask sets may still be
 * clear.  So the value is VALUE's bits that no mask clears, plus any of the
 * bits that change ('flags |= EXT4_GET_BLOCKS_METADATA_NOFAIL' never sets
 * EXT4_GET_BLOCKS_CONVERT).  More than a few such bits that the guard
 * reads: it may take one.
 */
static bool masked_takes(const struct guardkey *g, long long value)
{
	unsigned long long low = (unsigned long long)(value & g->and_mask);
	unsigned long long high = (unsigned long long)(value | g->or_mask);
	unsigned long long change = high & ~low;
	if (g->mask)
		change &= (unsigned long long)g->mask;
	if (__builtin_popcountll(change) > MASKED_BITS_MAX)
		return true;
	for (unsigned long long sub = change;; sub = (sub - 1) & change) {   /* every subset */
		if (guardkey_takes(g, (long long)(low | sub)))
			return true;
		if (!sub)
			return false;
	}
}

/* Guard TEXT[0..LEN) of an alternative, parsed into G. */
static bool parse_one(const char *text, size_t len, struct guardkey *g)
{
	char buf[256];
	if (len == 0 || len >= sizeof(buf))
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return guardkey_parse(buf, g) && !g->ctx_dead;
}

void guardkey_alts_count(const char *text, size_t len, int *nalt, int *nguard)
{
	*nalt = *nguard = 1;
	for (size_t i = 0; i < len; i++) {
		*nalt += text[i] == '/';
		*nguard += text[i] == '/' || text[i] == '^';
	}
}

bool guardkey_alts_each(const char *text, size_t len, guardkey_alt_fn each, void *ctx)
{
	for (size_t i = 0, alt = 0; i <= len; alt++)
		for (;;) {
			size_t n = strcspn(text + i, "^/");
			if (i + n > len)
				n = len - i;
			if (!each(ctx, (int)alt, text + i, n))
				return false;
			i += n + 1;
			if (i > len || text[i - 1] == '/')
				break;
		}
	return true;
}

/* Where parse_alts puts the next guard. */
struct alt_fill { struct guardkey_write *w; struct guardkey *next; };

static bool fill_alt(void *ctx, int alt, const char *text, size_t len)
{
	struct alt_fill *af = ctx;
	if (alt == af->w->nalt)
		af->w->alt[af->w->nalt++] = (struct guardkey_alt){ 0, af->next };
	struct guardkey_alt *a = &af->w->alt[alt];
	af->next++;
	return parse_one(text, len, &a->g[a->n++]);
}

/* The alternatives after '@' up to ';' or the end into W. */
static bool parse_alts(const char *p, struct arena *a, struct guardkey_write *w)
{
	size_t end = strcspn(p, ";");
	int nalt, nguard;
	guardkey_alts_count(p, end, &nalt, &nguard);
	w->alt = arena_alloc(a, (size_t)nalt * sizeof(*w->alt));
	w->nalt = 0;
	struct alt_fill af = { w, arena_alloc(a, (size_t)nguard * sizeof(struct guardkey)) };
	return guardkey_alts_each(p, end, fill_alt, &af) && w->nalt > 0;
}

bool guardkey_parse_wif(const char *annot, int param, struct arena *a, struct guardkey_wif *out)
{
	struct guardkey_write w[GUARDKEY_WIF_MAX];
	int n = 0;
	for (const char *p = annot; p && (p = strstr(p, "wif:arg#")); p++) {
		const char *q = p + strlen("wif:arg#");
		int pn;
		char field[GUARDKEY_FIELD_MAX];
		if (!parse_subject(&q, &pn, field) || *q != '=')
			return false;
		if (pn != param || field[0])
			continue;
		if (n == GUARDKEY_WIF_MAX)
			return false;
		struct guardkey_write *wr = &w[n++];
		*wr = (struct guardkey_write){ .any = q[1] == '*' };
		char *end = (char *)q + 2;
		if (!wr->any)
			wr->v = strtoll(q + 1, &end, 10);
		if (end == q + 1 || (*end != '@' && *end != ';' && *end))
			return false;
		if (*end == '@' && !parse_alts(end + 1, a, wr))
			return false;
	}
	if (!n)
		return false;
	out->param = param;
	out->n = n;
	out->w = arena_alloc(a, (size_t)n * sizeof(*out->w));
	memcpy(out->w, w, (size_t)n * sizeof(*out->w));
	return true;
}

/* Whether guard C of an assignment can hold: on the value as passed for
 * 'entry#N', else on one of the values V[0..N) (or any). */
static bool cond_may_hold(const struct guardkey *c, long long passed, const long long *v, int n, bool any)
{
	if (c->at_entry)
		return guardkey_takes(c, passed);
	if (any)
		return true;
	for (int i = 0; i < n; i++)
		if (guardkey_takes(c, v[i]))
			return true;
	return false;
}

static bool write_may_run(const struct guardkey_write *w, long long passed, const long long *v, int n, bool any)
{
	if (!w->nalt)
		return true;
	for (int a = 0; a < w->nalt; a++) {
		bool all = true;
		for (int i = 0; i < w->alt[a].n && all; i++)
			all = cond_may_hold(&w->alt[a].g[i], passed, v, n, any);
		if (all)
			return true;
	}
	return false;
}

void guardkey_wif_values(const struct guardkey_wif *wif, long long value, long long *v, int *n, int max,
			 bool *any)
{
	bool done[GUARDKEY_WIF_MAX] = { false };
	*any = false;
	*n = 0;
	v[(*n)++] = value;
	for (bool changed = true; changed && !*any;) {
		changed = false;
		for (int i = 0; i < wif->n && !*any; i++) {
			const struct guardkey_write *w = &wif->w[i];
			if (done[i] || !write_may_run(w, value, v, *n, false))
				continue;
			done[i] = changed = true;
			bool known = false;
			for (int k = 0; k < *n && !known; k++)
				known = v[k] == w->v;
			if (w->any || (!known && *n == max))
				*any = true;
			else if (!known)
				v[(*n)++] = w->v;
		}
	}
}

bool guardkey_allows(const struct guardkey *g, long long value)
{
	if (g->wif) {
		long long v[GUARDKEY_WIF_MAX + 1];
		int n;
		bool any;
		guardkey_wif_values(g->wif, value, v, &n, GUARDKEY_WIF_MAX + 1, &any);
		for (int i = 0; i < n && !any; i++)
			any = guardkey_takes(g, v[i]);
		return any;
	}
	if (g->writes_masked)
		return masked_takes(g, value);
	if (g->writes_any || guardkey_takes(g, value))
		return true;
	for (int i = 0; i < g->nwrites; i++)
		if (guardkey_takes(g, g->writes[i]))
			return true;
	return false;
}
