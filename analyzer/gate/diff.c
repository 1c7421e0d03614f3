// SPDX-License-Identifier: GPL-2.0-only
/*
 * diff.c - read a unified diff (see diff.h).  Written here because Debian 12
 * has no maintained C library that reads unified diffs as 'diff -u' writes
 * them: libgit2 (libgit2-dev 1.5) parses only git's format (a plain 'diff -u'
 * is "no patch found" there) and would bring a large dependency for a few
 * hundred lines; patchutils and diffutils are programs, not libraries.
 * Handled: 'diff --git' with its extended headers (new/deleted file,
 * renames, copies, similarity, binary), '---'/'+++' with /dev/null, quoted
 * names and timestamps, several files and hunks, '@@ -3 +3,2 @@' (counts
 * left out), the text after the second '@@', '\ No newline at end of file'.
 * Anything between patches is skipped, so a mail or 'git format-patch' file
 * reads as well as a bare diff.
 */
#include "gate/diff.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <string.h>

#define SHOW 60   /* at most this much of a bad line is quoted in a message */

struct parser {
	struct diff *d;
	struct strbuf *err;
	int line;                 /* the line being read, from 1 */
	struct diff_file *file;   /* the file being read (d->files' last), or NULL */
	bool headers;             /* ... its '---'/'+++' lines have been read */
	/* the hunk being read: lines of each side still to come */
	struct diff_hunk *hunk;
	int old_left, new_left, new_line;
	char last;                /* the kind (' ', '-', '+') of the hunk's last line */
	bool after_hunk;          /* the previous line ended a hunk */
	int block_at;             /* the run of '-'/'+' lines: new-side line where it began, or 0 */
	bool block_minus, block_plus;
};

static int fail(struct parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct parser *ps, const char *fmt, ...)
{
	sb_reset(ps->err);
	sb_addf(ps->err, "%s:%d: ", ps->d->name, ps->line);
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(ps->err, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *adup(struct diff *d, const char *s, size_t n)
{
	char *p = arena_alloc(&d->arena, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

static bool starts(const char *p, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && !memcmp(p, prefix, k);
}

/* A line quoted in a message: at most SHOW bytes, controls as '?'. */
static const char *quote(struct parser *ps, const char *p, size_t n)
{
	char *q = arena_alloc(&ps->d->arena, SHOW + 4);
	size_t k = n < SHOW ? n : SHOW;
	for (size_t i = 0; i < k; i++)
		q[i] = (unsigned char)p[i] < 0x20 || p[i] == 0x7f ? '?' : p[i];
	memcpy(q + k, n > SHOW ? "..." : "", n > SHOW ? 4 : 1);
	return q;
}

/* ------------------------------------------------------------ names */

/* A C-style quoted name as git writes one ("a/x\tb", octal escapes) at P
 * (on '"'): the name into *out, the bytes read into *used; false if the
 * quote is not closed. */
static bool unquote(struct diff *d, const char *p, size_t n, const char **out, size_t *used)
{
	struct strbuf sb = {0};
	size_t i = 1;
	for (; i < n && p[i] != '"'; i++) {
		if (p[i] != '\\' || i + 1 >= n) {
			sb_addc(&sb, p[i]);
			continue;
		}
		char c = p[++i];
		if (c >= '0' && c <= '7') {
			int v = 0, k = 0;
			for (; k < 3 && i < n && p[i] >= '0' && p[i] <= '7'; k++, i++)
				v = v * 8 + (p[i] - '0');
			i--;
			sb_addc(&sb, (char)v);
			continue;
		}
		const char *from = "abtnvfr", *to = "\a\b\t\n\v\f\r", *e = strchr(from, c);
		sb_addc(&sb, c && e ? to[e - from] : c);
	}
	if (i >= n) {
		sb_free(&sb);
		return false;
	}
	*out = adup(d, sb_str(&sb), sb.len);
	*used = i + 1;
	sb_free(&sb);
	return true;
}

/* PREFIX ("a/", "b/") taken off NAME; /dev/null is NULL. */
static const char *strip(const char *name, const char *prefix)
{
	if (!strcmp(name, "/dev/null"))
		return NULL;
	size_t k = strlen(prefix);
	return !strncmp(name, prefix, k) && name[k] ? name + k : name;
}

/* The name on a '---', '+++', 'rename from' line after its keyword: quoted,
 * or up to a tab (diff -u's timestamp, git's mark of a name with a space). */
static int header_name(struct parser *ps, const char *p, size_t n, const char *prefix, const char **out)
{
	const char *name;
	size_t used;
	if (n && p[0] == '"') {
		if (!unquote(ps->d, p, n, &name, &used))
			return fail(ps, "expected a closing '\"' in the file name '%s'", quote(ps, p, n));
	} else {
		const char *tab = memchr(p, '\t', n);
		size_t k = tab ? (size_t)(tab - p) : n;
		if (!k)
			return fail(ps, "expected a file name, got '%s'", quote(ps, p, n));
		name = adup(ps->d, p, k);
	}
	*out = prefix ? strip(name, prefix) : name;
	return 0;
}

/* 'diff --git a/X b/Y': X and Y, quoted or not.  Unquoted names with spaces
 * are split where both halves name the same file, as git does; else at the
 * first " b/".  The '---'/'+++' and 'rename' lines, when there, win. */
static int git_names(struct parser *ps, const char *p, size_t n, struct diff_file *f)
{
	const char *a = NULL, *b = NULL;
	size_t used;
	if (n && p[0] == '"') {
		if (!unquote(ps->d, p, n, &a, &used))
			return fail(ps, "expected a closing '\"' in 'diff --git %s'", quote(ps, p, n));
		p += used, n -= used;
		while (n && *p == ' ')
			p++, n--;
		if (n && p[0] == '"') {
			if (!unquote(ps->d, p, n, &b, &used))
				return fail(ps, "expected a closing '\"' in 'diff --git ...%s'", quote(ps, p, n));
		} else {
			b = adup(ps->d, p, n);
		}
	} else {
		size_t split = 0, h = n / 2;
		if (n % 2 && p[h] == ' ' && (!memcmp(p, p + h + 1, h) ||   /* "S S" (--no-prefix), "a/S b/S" */
		    (starts(p, n, "a/") && starts(p + h + 1, n - h - 1, "b/") && !memcmp(p + 2, p + h + 3, h - 2))))
			split = h;
		for (size_t i = 0; i + 3 < n && !split; i++)   /* renamed: at the first " b/" */
			if (!memcmp(p + i, " b/", 3))
				split = i;
		const char *sp = split ? NULL : memchr(p, ' ', n);
		if (sp && !memchr(sp + 1, ' ', n - (size_t)(sp + 1 - p)))   /* renamed, --no-prefix: one space */
			split = (size_t)(sp - p);
		if (!split)   /* ambiguous: the '---'/'+++' or 'rename' lines will name the files */
			return 0;
		a = adup(ps->d, p, split);
		const char *q = p + split + 1;
		if (n - split - 1 && q[0] == '"') {
			if (!unquote(ps->d, q, n - split - 1, &b, &used))
				return fail(ps, "expected a closing '\"' in 'diff --git ...%s'", quote(ps, q, n - split - 1));
		} else {
			b = adup(ps->d, q, n - split - 1);
		}
	}
	f->old_path = strip(a, "a/");
	f->new_path = strip(b, "b/");
	return 0;
}

/* ------------------------------------------------------------ files and hunks */

static void new_file(struct parser *ps, bool git)
{
	struct diff_file f = { .line = ps->line, .git = git, .similarity = -1 };
	vec_push(&ps->d->files, f);
	ps->file = &ps->d->files.v[ps->d->files.n - 1];
	ps->headers = false;
	ps->hunk = NULL;
	ps->after_hunk = false;
}

/* A git extended header line of the current file; false if P is none. */
static bool git_header(struct parser *ps, const char *p, size_t n, int *rc)
{
	struct diff_file *f = ps->file;
	*rc = 0;
	if (starts(p, n, "new file mode ")) {
		f->created = true;
	} else if (starts(p, n, "deleted file mode ")) {
		f->deleted = true;
	} else if (starts(p, n, "rename from ") || starts(p, n, "copy from ")) {
		size_t k = p[0] == 'r' ? 12 : 10;
		*rc = header_name(ps, p + k, n - k, NULL, &f->old_path);
		f->renamed |= p[0] == 'r';
		f->copied |= p[0] == 'c';
	} else if (starts(p, n, "rename to ") || starts(p, n, "copy to ")) {
		size_t k = p[0] == 'r' ? 10 : 8;
		*rc = header_name(ps, p + k, n - k, NULL, &f->new_path);
	} else if (starts(p, n, "similarity index ") || starts(p, n, "dissimilarity index ")) {
		const char *s = p + (p[0] == 'd' ? 20 : 17);   /* after "[dis]similarity index " */
		int v = 0;
		while (s < p + n && isdigit((unsigned char)*s) && v < 1000)
			v = v * 10 + (*s++ - '0');
		f->similarity = p[0] == 'd' ? 100 - v : v;
	} else if (starts(p, n, "GIT binary patch") || (starts(p, n, "Binary files ") && n > 7 &&
		   !memcmp(p + n - 7, " differ", 7))) {
		f->binary = true;
	} else if (!starts(p, n, "old mode ") && !starts(p, n, "new mode ") && !starts(p, n, "index ")) {
		return false;
	}
	return true;
}

/* Digits at *P into *v (at most INT_MAX / 2); false if there are none. */
static bool number(const char **p, const char *end, int *v)
{
	const char *s = *p;
	long x = 0;
	while (s < end && isdigit((unsigned char)*s) && x <= INT_MAX / 2)
		x = x * 10 + (*s++ - '0');
	if (s == *p || x > INT_MAX / 2)
		return false;
	*v = (int)x;
	*p = s;
	return true;
}

/* "START[,COUNT]" after SIGN ('-' or '+'); COUNT is 1 when left out. */
static bool range(const char **p, const char *end, char sign, int *start, int *count)
{
	if (*p >= end || **p != sign)
		return false;
	(*p)++;
	if (!number(p, end, start))
		return false;
	*count = 1;
	if (*p < end && **p == ',') {
		(*p)++;
		if (!number(p, end, count))
			return false;
	}
	return true;
}

static int hunk_header(struct parser *ps, const char *p, size_t n)
{
	struct diff_file *f = ps->file;
	if (!f || !ps->headers)
		return fail(ps, "expected a file header ('--- OLD' and '+++ NEW') before the hunk '%s'", quote(ps, p, n));
	struct diff_hunk h = { .line = ps->line };
	const char *s = p + 3, *end = p + n;
	bool ok = range(&s, end, '-', &h.old_start, &h.old_count) && s < end && *s++ == ' ' &&
		  range(&s, end, '+', &h.new_start, &h.new_count) && end - s >= 3 && !memcmp(s, " @@", 3);
	if (!ok)
		return fail(ps, "expected a hunk header '@@ -START[,COUNT] +START[,COUNT] @@', got '%s'", quote(ps, p, n));
	s += 3;
	h.range = adup(ps->d, p, (size_t)(s - p));
	while (s < end && isspace((unsigned char)*s))
		s++;
	const char *ce = end;
	while (ce > s && isspace((unsigned char)ce[-1]))
		ce--;
	h.context = ce > s ? adup(ps->d, s, (size_t)(ce - s)) : NULL;
	if (!h.old_count && !h.new_count)
		return fail(ps, "expected a hunk of at least one line, got '%s'", quote(ps, p, n));
	if (f->hunks.n) {   /* in order, and apart: what 'diff -u' and git write */
		const struct diff_hunk *pr = &f->hunks.v[f->hunks.n - 1];
		int old_end = pr->old_start + pr->old_count, new_end = pr->new_start + pr->new_count;
		const char *name = f->new_path ? f->new_path : f->old_path;
		if (h.old_start < old_end || h.new_start < new_end)
			return fail(ps, "expected the hunks of '%s' in order, but '%s' starts inside or before '%s' "
				    "(line %d)", quote(ps, name, strlen(name)), h.range, pr->range, pr->line);
	}
	vec_push(&f->hunks, h);
	ps->hunk = &f->hunks.v[f->hunks.n - 1];
	ps->old_left = h.old_count;
	ps->new_left = h.new_count;
	/* a side of no lines names the line before it: a pure deletion at 4 is '+4,0' */
	ps->new_line = h.new_count ? h.new_start : h.new_start + 1;
	ps->block_at = 0;
	ps->block_minus = ps->block_plus = false;
	return 0;
}

/* The end of a run of '-'/'+' lines: one with no '+' is a pure deletion. */
static void end_block(struct parser *ps)
{
	if (ps->block_at && ps->block_minus && !ps->block_plus)
		vec_push(&ps->hunk->removed_at, ps->block_at);
	ps->block_at = 0;
	ps->block_minus = ps->block_plus = false;
}

/* One line inside a hunk (an empty line is an empty context line, as
 * mailers leave it). */
static int hunk_line(struct parser *ps, const char *p, size_t n)
{
	struct diff_hunk *h = ps->hunk;
	char c = n ? p[0] : ' ';
	const char *text = n ? p + 1 : p;
	size_t tn = n ? n - 1 : 0;
	if (c == '\\') {   /* '\ No newline at end of file': for the line before */
		h->no_newline_old |= ps->last != '+';
		h->no_newline_new |= ps->last != '-';
		return 0;
	}
	if (c != ' ' && c != '-' && c != '+')
		return fail(ps, "expected %d more line%s of the hunk '%s' (line %d) starting with ' ', '-' or '+', "
			    "got '%s'", ps->old_left > ps->new_left ? ps->old_left : ps->new_left,
			    (ps->old_left > ps->new_left ? ps->old_left : ps->new_left) == 1 ? "" : "s", h->range,
			    h->line, quote(ps, p, n));
	if ((c != '+' && !ps->old_left) || (c != '-' && !ps->new_left))
		return fail(ps, "expected a '%c' line: the header '%s' (line %d) counts %d more old and %d more new "
			    "line%s, got '%s'", ps->old_left ? '-' : '+', h->range, h->line, ps->old_left,
			    ps->new_left, ps->new_left == 1 ? "" : "s", quote(ps, p, n));
	if (c == ' ') {
		end_block(ps);
	} else if (!ps->block_at) {
		ps->block_at = ps->new_line;
	}
	ps->block_minus |= c == '-';
	ps->block_plus |= c == '+';
	if (c != '+')
		ps->old_left--;
	if (c != '-') {
		ps->new_left--;
		if (c == '+')
			vec_push(&h->added, ps->new_line);
		struct diff_text t = { adup(ps->d, text, tn), tn };
		vec_push(&h->new_text, t);
		ps->new_line++;
	}
	ps->last = c;
	if (!ps->old_left && !ps->new_left) {
		end_block(ps);
		ps->hunk = NULL;
		ps->after_hunk = true;
	}
	return 0;
}

/* A line right after a hunk that looks like more of it: the counts lied. */
static bool hunk_overrun(const char *p, size_t n)
{
	if (!n || (p[0] != ' ' && p[0] != '+' && p[0] != '-'))
		return false;
	return !(n == 3 && !memcmp(p, "-- ", 3)) && !starts(p, n, "--- ");   /* a signature, a next file */
}

/* One line outside a hunk.  NEXT (NN bytes, or NULL at the end) is the line
 * after it; *skip is set when both were read ('---' and '+++'). */
static int outside(struct parser *ps, const char *p, size_t n, const char *next, size_t nn, bool *skip)
{
	int rc;
	bool after = ps->after_hunk;
	ps->after_hunk = false;
	if (after && n && p[0] == '\\') {   /* the last line of the hunk just read had no newline */
		struct diff_hunk *h = &ps->file->hunks.v[ps->file->hunks.n - 1];
		h->no_newline_old |= ps->last != '+';
		h->no_newline_new |= ps->last != '-';
		ps->after_hunk = true;
		return 0;
	}
	if (after && hunk_overrun(p, n)) {
		const struct diff_hunk *h = &ps->file->hunks.v[ps->file->hunks.n - 1];
		return fail(ps, "expected the hunk '%s' (line %d) to end here, as its header counts, got '%s'",
			    h->range, h->line, quote(ps, p, n));
	}
	if (starts(p, n, "diff --git ")) {
		new_file(ps, true);
		return git_names(ps, p + 11, n - 11, ps->file);
	}
	if (starts(p, n, "--- ")) {
		if (!next || !starts(next, nn, "+++ ")) {
			if (ps->file && ps->file->git && !ps->headers && !ps->file->hunks.n)
				return fail(ps, "expected '+++ NEW' on the line after '%s'", quote(ps, p, n));
			return 0;   /* a line of text, not a file header */
		}
		if (!ps->file || !ps->file->git || ps->headers)
			new_file(ps, false);
		struct diff_file *f = ps->file;
		if ((rc = header_name(ps, p + 4, n - 4, "a/", &f->old_path)))
			return rc;
		ps->line++;
		if ((rc = header_name(ps, next + 4, nn - 4, "b/", &f->new_path)))
			return rc;
		if (!f->old_path && !f->new_path)
			return fail(ps, "expected a file name on '---' or '+++', not /dev/null on both");
		f->created |= !f->old_path;
		f->deleted |= !f->new_path;
		ps->headers = true;
		*skip = true;
		return 0;
	}
	if (starts(p, n, "@@ "))
		return hunk_header(ps, p, n);
	if (ps->file && ps->file->git && !ps->headers && !ps->file->hunks.n && git_header(ps, p, n, &rc))
		return rc;
	return 0;   /* between patches: a commit message, 'Only in', a signature */
}

static void finish(struct diff *d)
{
	for (size_t i = 0; i < d->files.n; i++) {
		struct diff_file *f = &d->files.v[i];
		if (f->created && !f->deleted)   /* both: a broken header; keep the names */
			f->old_path = NULL;
		if (f->deleted && !f->created)
			f->new_path = NULL;
	}
}

int diff_parse_buffer(struct diff *d, const char *name, const char *data, size_t len, struct strbuf *err)
{
	d->name = arena_strdup(&d->arena, name);
	struct parser ps = { .d = d, .err = err };
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		size_t n = (size_t)(eol - p);
		if (n && p[n - 1] == '\r')
			n--;
		ps.line++;
		const char *next = nl ? nl + 1 : end;
		int rc;
		if (ps.hunk) {
			rc = hunk_line(&ps, p, n);
		} else {
			const char *nx = next < end ? next : NULL;
			const char *nnl = nx ? memchr(nx, '\n', (size_t)(end - nx)) : NULL;
			size_t nn = nx ? (size_t)((nnl ? nnl : end) - nx) : 0;
			if (nn && nx[nn - 1] == '\r')
				nn--;
			bool skip = false;
			rc = outside(&ps, p, n, nx, nn, &skip);
			if (skip)
				next = nnl ? nnl + 1 : end;
		}
		if (rc)
			return -1;
		p = next;
	}
	if (ps.hunk) {
		int left = ps.old_left > ps.new_left ? ps.old_left : ps.new_left;
		ps.line++;
		return fail(&ps, "expected %d more line%s of the hunk '%s' (line %d), got the end of the diff", left,
			    left == 1 ? "" : "s", ps.hunk->range, ps.hunk->line);
	}
	if (!d->files.n) {   /* text but no patch: not what was meant (an empty diff is fine) */
		for (p = data; p < end && isspace((unsigned char)*p); p++)
			;
		if (p < end) {
			ps.line = 1;
			return fail(&ps, "expected a unified diff ('--- OLD', '+++ NEW', then '@@ -A,B +C,D @@' "
				    "hunks), found no file header");
		}
	}
	finish(d);
	return 0;
}

int diff_parse_file(struct diff *d, const char *path, struct strbuf *err)
{
	bool in = !strcmp(path, "-");
	FILE *fp = in ? stdin : fopen(path, "rb");
	if (!fp) {
		sb_addf(err, "%s: cannot read the diff: %s", path, strerror(errno));
		d->name = arena_strdup(&d->arena, path);
		return -1;
	}
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_addn(&sb, buf, n);
	bool bad = ferror(fp);
	if (!in)
		fclose(fp);
	int rc = -1;
	if (bad) {
		sb_addf(err, "%s: cannot read the diff: read error", in ? "standard input" : path);
		d->name = arena_strdup(&d->arena, path);
	} else {
		rc = diff_parse_buffer(d, in ? "<stdin>" : path, sb_str(&sb), sb.len, err);
	}
	sb_free(&sb);
	return rc;
}

void diff_free(struct diff *d)
{
	for (size_t i = 0; i < d->files.n; i++) {
		struct diff_file *f = &d->files.v[i];
		for (size_t k = 0; k < f->hunks.n; k++) {
			vec_free(&f->hunks.v[k].added);
			vec_free(&f->hunks.v[k].removed_at);
			vec_free(&f->hunks.v[k].new_text);
		}
		vec_free(&f->hunks);
	}
	vec_free(&d->files);
	arena_free(&d->arena);
	memset(d, 0, sizeof(*d));
}

bool diff_context_func(const struct diff_hunk *h, char *out, size_t n)
{
	const char *c = h->context, *paren = c ? strchr(c, '(') : NULL;
	if (!paren || !n)
		return false;
	const char *e = paren;
	while (e > c && e[-1] == ' ')
		e--;
	const char *s = e;
	while (s > c && (isalnum((unsigned char)s[-1]) || s[-1] == '_'))
		s--;
	if (s == e || isdigit((unsigned char)*s) || (size_t)(e - s) >= n)
		return false;
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = 0;
	return true;
}

static void dump_lines(FILE *out, const char *what, const int *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%d", i ? "," : what, v[i]);
}

void diff_dump(FILE *out, const struct diff *d)
{
	for (size_t i = 0; i < d->files.n; i++) {
		const struct diff_file *f = &d->files.v[i];
		fprintf(out, "file %s -> %s%s%s%s%s%s%s", f->old_path ? f->old_path : "/dev/null",
			f->new_path ? f->new_path : "/dev/null", f->git ? " git" : "", f->created ? " new" : "",
			f->deleted ? " deleted" : "", f->renamed ? " renamed" : "", f->copied ? " copied" : "",
			f->binary ? " binary" : "");
		if (f->similarity >= 0)
			fprintf(out, " similarity %d%%", f->similarity);
		fprintf(out, "\n");
		for (size_t k = 0; k < f->hunks.n; k++) {
			const struct diff_hunk *h = &f->hunks.v[k];
			fprintf(out, "hunk %s", h->range);
			if (h->context)
				fprintf(out, " in %s", h->context);
			dump_lines(out, " added ", h->added.v, h->added.n);
			dump_lines(out, " removed-at ", h->removed_at.v, h->removed_at.n);
			if (h->no_newline_old || h->no_newline_new)
				fprintf(out, " no-newline%s%s", h->no_newline_old ? " old" : "", h->no_newline_new ? " new" : "");
			fprintf(out, "\n");
		}
	}
}
