// SPDX-License-Identifier: GPL-2.0-only
/*
 * suppress.c - suppressions: the checked-in file ('FINGERPRINT reason' or
 * 'RULE:FUNCTION reason', one a line, the reason mandatory) and inline
 * source comments ('lockpath: ignore RULE reason' in a comment on the
 * offending line, or alone on the line above).  Parsing reports the first
 * bad line as "FILE:LINE: expected ..."; matching counts hits so the gate
 * can call a suppression that silenced nothing stale.  The format is
 * documented in docs/ci.md.
 */
#include "gate/gate.h"
#include "report/report.h"

#include <ctype.h>
#include <errno.h>
#include <string.h>

#define SHOW 64   /* at most this much of a bad token is quoted in a message */

static bool rule_known(const char *s, size_t n)
{
	for (int i = 0; i < CHECK_COUNT; i++)
		if (strlen(checks[i].name) == n && !strncmp(checks[i].name, s, n))
			return true;
	return false;
}

static void rule_list(struct strbuf *sb)
{
	for (int i = 0; i < CHECK_COUNT; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", checks[i].name);
}

static bool is_ident(const char *s, size_t n)
{
	if (!n || isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return false;
	return true;
}

static size_t hex_run(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isxdigit((unsigned char)s[i]))
		i++;
	return i;
}

void suppress_free(struct suppressions *s)
{
	for (size_t i = 0; i < s->v.n; i++) {
		free(s->v.v[i].fingerprint);
		free(s->v.v[i].rule);
		free(s->v.v[i].func);
		free(s->v.v[i].reason);
	}
	vec_free(&s->v);
	free(s->file);
	s->file = NULL;
}

/* ------------------------------------------------------------ the file */

struct cursor { const char *name; int line; struct strbuf *err; };

static int fail(const struct cursor *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(const struct cursor *c, const char *fmt, ...)
{
	sb_reset(c->err);
	sb_addf(c->err, "%s:%d: ", c->name, c->line);
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(c->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* The target (TOK, N bytes) of a line into X: a fingerprint or RULE:FUNCTION. */
static int parse_target(const struct cursor *c, const char *tok, size_t n, struct suppression *x)
{
	const char *colon = memchr(tok, ':', n);
	if (!colon) {
		if (hex_run(tok, n) != n)
			return fail(c, "expected a fingerprint (%d hex digits) or RULE:FUNCTION, got '%.*s'",
				    GATE_FP_LEN, (int)(n < SHOW ? n : SHOW), tok);
		if (n != GATE_FP_LEN)
			return fail(c, "expected a fingerprint of %d hex digits, got %zu digits", GATE_FP_LEN, n);
		x->fingerprint = xstrndup(tok, n);
		for (char *p = x->fingerprint; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		return 0;
	}
	size_t rn = (size_t)(colon - tok), fn = n - rn - 1;
	if (!rule_known(tok, rn)) {
		struct strbuf rules = {0};
		rule_list(&rules);
		fail(c, "expected a rule (%s) before ':', got '%.*s'", sb_str(&rules), (int)(rn < SHOW ? rn : SHOW), tok);
		sb_free(&rules);
		return -1;
	}
	if (!is_ident(colon + 1, fn))
		return fail(c, "expected a function name after '%.*s:', got '%.*s'", (int)rn, tok,
			    (int)(fn < SHOW ? fn : SHOW), colon + 1);
	x->rule = xstrndup(tok, rn);
	x->func = xstrndup(colon + 1, fn);
	return 0;
}

static bool same_target(const struct suppression *a, const struct suppression *b)
{
	if (a->fingerprint || b->fingerprint)
		return a->fingerprint && b->fingerprint && !strcmp(a->fingerprint, b->fingerprint);
	return !strcmp(a->rule, b->rule) && !strcmp(a->func, b->func);
}

static int check_unique(const struct cursor *c, const struct suppressions *s, const struct suppression *x,
			const char *tok, size_t n)
{
	for (size_t i = 0; i < s->v.n; i++)
		if (same_target(&s->v.v[i], x))
			return fail(c, "expected each suppression once; '%.*s' is also on line %d",
				    (int)(n < SHOW ? n : SHOW), tok, s->v.v[i].line);
	return 0;
}

/* One line (no line end) into S; blank lines and '#' comments add nothing. */
static int parse_line(const struct cursor *c, struct suppressions *s, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f)
			return fail(c, "expected printable text, got byte 0x%02x", (unsigned char)p[i]);
	const char *end = p + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p == end || *p == '#')
		return 0;
	const char *tok = p;
	while (p < end && *p != ' ' && *p != '\t')
		p++;
	size_t n = (size_t)(p - tok);
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	struct suppression x = { .line = c->line };
	int rc = parse_target(c, tok, n, &x);
	if (!rc && p == end)
		rc = fail(c, "expected a reason after '%.*s' (why this finding is not a bug)",
			  (int)(n < SHOW ? n : SHOW), tok);
	if (!rc)
		rc = check_unique(c, s, &x, tok, n);
	if (rc) {
		free(x.fingerprint);
		free(x.rule);
		free(x.func);
		return -1;
	}
	x.reason = xstrndup(p, (size_t)(end - p));
	vec_push(&s->v, x);
	return 0;
}

int suppress_load_buffer(struct suppressions *s, const char *name, const char *data, size_t len,
			 struct strbuf *err)
{
	free(s->file);
	s->file = xstrdup(name);
	struct cursor c = { name, 0, err };
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		size_t n = (size_t)(eol - p);
		if (n && p[n - 1] == '\r')
			n--;
		c.line++;
		if (parse_line(&c, s, p, n))
			return -1;
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int suppress_load_file(struct suppressions *s, const char *path, struct strbuf *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		sb_addf(err, "%s: cannot read the suppressions file: %s", path, strerror(errno));
		return -1;
	}
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_addn(&sb, buf, n);
	bool bad = ferror(fp);
	fclose(fp);
	int rc = -1;
	if (bad)
		sb_addf(err, "%s: cannot read the suppressions file: read error", path);
	else
		rc = suppress_load_buffer(s, path, sb_str(&sb), sb.len, err);
	sb_free(&sb);
	return rc;
}

static bool on_hops(const struct rp_hop *hops, int n, const char *func)
{
	for (int i = 0; i < n; i++)
		if (hops[i].func && !strcmp(hops[i].func, func))
			return true;
	return false;
}

/* FUNC is on one of the finding's paths (lock-order, irq-inversion: the other
 * path too; a lock-order cycle: every dependency's). */
static bool on_path(const struct rp_finding *f, const char *func)
{
	if (on_hops(f->hops, f->nhops, func) || on_hops(f->hops2, f->nhops2, func))
		return true;
	for (int k = 2; k < f->npaths; k++)
		if (on_hops(f->paths[k].hops, f->paths[k].n, func))
			return true;
	return false;
}

static bool matches(const struct suppression *x, const struct rp_finding *f)
{
	if (x->fingerprint)
		return f->fingerprint && !strcmp(x->fingerprint, f->fingerprint);
	return !strcmp(x->rule, f->rule) && on_path(f, x->func);
}

struct suppression *suppress_match(struct suppressions *s, const struct rp_finding *f)
{
	struct suppression *first = NULL;
	for (size_t i = 0; i < s->v.n; i++)
		if (matches(&s->v.v[i], f)) {
			s->v.v[i].hits++;   /* a second match is redundant, not stale */
			if (!first)
				first = &s->v.v[i];
		}
	return first;
}

/* ------------------------------------------------------------ inline comments */

static const char *find_n(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, needle, k))
			return s + i;
	return NULL;
}

static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* The text of the first comment in LINE that starts with 'lockpath:', or NULL. */
static const char *directive(const char *line, size_t len, const char **end)
{
	const char *lend = line + len;
	for (const char *p = line; p + 1 < lend; p++) {
		if (p[0] != '/' || (p[1] != '*' && p[1] != '/'))
			continue;
		const char *close = p[1] == '*' ? find_n(p + 2, (size_t)(lend - p - 2), "*/") : NULL;
		const char *t = skip_ws(p + 2, close ? close : lend);
		if ((size_t)((close ? close : lend) - t) >= 9 && !memcmp(t, "lockpath:", 9)) {
			*end = close ? close : lend;
			return t + 9;
		}
	}
	return NULL;
}

int suppress_inline_parse(const char *line, size_t len, char **rule, char **reason, struct strbuf *err)
{
	const char *end, *p = directive(line, len, &end);
	if (!p)
		return 0;
	p = skip_ws(p, end);
	if (end - p < 7 || memcmp(p, "ignore", 6) || (p[6] != ' ' && p[6] != '\t')) {
		sb_addf(err, "expected 'ignore RULE reason' after 'lockpath:'");
		return -1;
	}
	const char *r = skip_ws(p + 7, end), *re = r;
	while (re < end && *re != ' ' && *re != '\t')
		re++;
	if (!rule_known(r, (size_t)(re - r))) {
		sb_add(err, "expected a rule (");
		rule_list(err);
		sb_addf(err, ") after 'lockpath: ignore', got '%.*s'", (int)(re - r < SHOW ? re - r : SHOW), r);
		return -1;
	}
	const char *why = skip_ws(re, end), *we = end;
	while (we > why && (we[-1] == ' ' || we[-1] == '\t'))
		we--;
	if (we == why) {
		sb_addf(err, "expected a reason after 'lockpath: ignore %.*s'", (int)(re - r), r);
		return -1;
	}
	for (const char *c = why; c < we; c++)
		if (((unsigned char)*c < 0x20 && *c != '\t') || *c == 0x7f) {
			sb_addf(err, "expected printable text in the reason, got byte 0x%02x", (unsigned char)*c);
			return -1;
		}
	*rule = xstrndup(r, (size_t)(re - r));
	*reason = xstrndup(why, (size_t)(we - why));
	return 1;
}

/* True when LINE holds nothing but one comment. */
static bool comment_only(const char *line, size_t len)
{
	const char *end = line + len, *p = skip_ws(line, end);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (end - p >= 2 && p[0] == '/' && p[1] == '/')
		return true;
	if (end - p < 4 || p[0] != '/' || p[1] != '*')
		return false;
	const char *close = find_n(p + 2, (size_t)(end - p - 2), "*/");
	return close && close + 2 == end;
}

/* Lines LINE-1 and LINE of PATH (malloc'd, NULL when absent). */
static void read_lines(const char *path, int line, char **above, char **at)
{
	*above = *at = NULL;
	FILE *fp = fopen(path, "r");
	if (!fp)
		return;
	char *buf = NULL;
	size_t cap = 0;
	for (int n = 1; n <= line && getline(&buf, &cap, fp) >= 0; n++) {
		buf[strcspn(buf, "\n")] = 0;
		if (n == line - 1)
			*above = xstrdup(buf);
		else if (n == line)
			*at = xstrdup(buf);
	}
	free(buf);
	fclose(fp);
}

/* Check one source line for F's rule: 1 with *reason, 0, or -1 with *err located. */
static int check_line(const struct rp_finding *f, const char *text, int line, char **reason, struct strbuf *err)
{
	char *rule = NULL, *why = NULL;
	struct strbuf msg = {0};
	int rc = text ? suppress_inline_parse(text, strlen(text), &rule, &why, &msg) : 0;
	if (rc < 0)
		sb_addf(err, "%s:%d: %s", f->site.file, line, sb_str(&msg));
	else if (rc > 0 && strcmp(rule, f->rule))
		rc = 0;
	if (rc > 0)
		*reason = xasprintf("%s:%d: %s", display_path(f->site.file), line, why);
	free(rule);
	free(why);
	sb_free(&msg);
	return rc;
}

int suppress_inline_find(const struct rp_finding *f, char **reason, struct strbuf *err)
{
	*reason = NULL;
	if (!f->site.file || f->site.line < 1)
		return 0;
	char *above, *at;
	read_lines(f->site.file, f->site.line, &above, &at);
	int rc = check_line(f, at, f->site.line, reason, err);
	if (rc == 0 && above && comment_only(above, strlen(above)))
		rc = check_line(f, above, f->site.line - 1, reason, err);
	free(above);
	free(at);
	return rc;
}
