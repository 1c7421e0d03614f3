// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_source.c - source code in the HTML report: snippets (a few lines
 * around a location, its line marked) and one page per source file that a
 * page links to (src/N.html, every line with an anchor #LN).  Files are read
 * from disk at report time, once each; a file that is gone is said to be
 * gone, never guessed.  Tabs stay tabs (the style sets tab-size: 8).
 */
#include "report/html_int.h"

#include <errno.h>
#include <string.h>

int hx_src_page(struct hx_data *d, const char *path)
{
	bool created;
	int64_t *slot = strmap_put(&d->srcmap, path, &created);
	if (created) {
		struct hx_src s = { arena_strdup(&d->arena, path) };
		vec_push(&d->src, s);
		*slot = (int64_t)d->src.n;
	}
	return (int)*slot;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && sb.len < (1u << 30))   /* int offsets (src_get) */
		sb_addn(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* The file of page PAGE, read and split into lines on first use; NULL if unreadable. */
static struct hx_src *src_get(struct hx_data *d, int page)
{
	struct hx_src *s = &d->src.v[page - 1];
	if (s->tried)
		return s->text ? s : NULL;
	s->tried = true;
	size_t len = 0;
	s->text = read_all(s->path, &len);
	if (!s->text)
		return NULL;
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += s->text[i] == '\n';
	s->line = xmalloc(((size_t)n + 3) * sizeof(int));
	s->line[1] = 0;
	int k = 1;
	for (size_t i = 0; i < len; i++)
		if (s->text[i] == '\n')
			s->line[++k] = (int)i + 1;
	s->nlines = len && s->text[len - 1] != '\n' ? k : k - 1;
	s->line[s->nlines + 1] = (int)len;
	return s;
}

/* Bounds on what one report shows of a file: a line is clipped to
 * HX_LINE_SHOWN bytes (around the column of interest), a source page stops
 * at HX_PAGE_SHOWN bytes of HTML (some 40000 lines of kernel C).  A 50 MB
 * line next to a finding once made a 501 MB report. */
#define HX_LINE_SHOWN 400
#define HX_PAGE_SHOWN (4L << 20)

/* Move P back to the start of the UTF-8 character it is in (within [A, P]). */
static int char_start(const char *text, int a, int p)
{
	while (p > a && ((unsigned char)text[p] & 0xc0) == 0x80)
		p--;
	return p;
}

static void put_bytes(FILE *out, const char *p, int n)
{
	char *t = xstrndup(p, (size_t)n);
	hx_esc(out, t);
	free(t);
}

/* Line LN of S without its newline; longer than HX_LINE_SHOWN, only the
 * HX_LINE_SHOWN bytes around column COL (1-based; 0: the start), with a
 * marker that says how much is left out on each side. */
static void put_line(FILE *out, const struct hx_src *s, int ln, int col)
{
	int a = s->line[ln], b = s->line[ln + 1];
	while (b > a && (s->text[b - 1] == '\n' || s->text[b - 1] == '\r'))
		b--;
	if (b - a <= HX_LINE_SHOWN) {
		put_bytes(out, s->text + a, b - a);
		return;
	}
	int from = col > 0 ? a + col - 1 - HX_LINE_SHOWN / 2 : a;
	if (from > b - HX_LINE_SHOWN)
		from = b - HX_LINE_SHOWN;
	if (from < a)
		from = a;
	from = char_start(s->text, a, from);
	int to = char_start(s->text, from, from + HX_LINE_SHOWN);
	if (from > a)
		fprintf(out, "<span class=\"clip\">[%d bytes left out]</span>", from - a);
	put_bytes(out, s->text + from, to - from);
	if (to < b)
		fprintf(out, "<span class=\"clip\">[%d more bytes left out]</span>", b - to);
}

void hx_snippet(FILE *out, struct hx_data *d, const struct rp_loc *loc, int before, int after, const char *root)
{
	if (!loc->file || loc->line <= 0)
		return;
	int page = hx_src_page(d, loc->file);
	const struct hx_src *s = src_get(d, page);
	if (!s || loc->line > s->nlines) {
		fputs("<pre class=\"snip missing\">source not available at report time</pre>\n", out);
		return;
	}
	int from = loc->line - before < 1 ? 1 : loc->line - before;
	int to = loc->line + after > s->nlines ? s->nlines : loc->line + after;
	fputs("<pre class=\"snip\">", out);
	for (int ln = from; ln <= to; ln++) {
		fprintf(out, "<span class=\"l%s\"><a class=\"n\" href=\"%ssrc/%d.html#L%d\">%d</a>",
			ln == loc->line ? " hl" : "", root, page, ln, ln);
		put_line(out, s, ln, ln == loc->line ? loc->col : 0);
		fputs("</span>", out);
	}
	fputs("</pre>\n", out);
}

static int write_source(const char *dir, struct hx_data *d, int page)
{
	char *path = xasprintf("%s/src/%d.html", dir, page);
	struct hx_file pg;
	FILE *out = hx_open(&pg, path);
	free(path);
	if (!out)
		return -1;
	const struct hx_src *s = src_get(d, page);
	const char *rel = hx_rel(d, d->src.v[page - 1].path);
	hx_page_begin(out, rel, "../", "source");
	fputs("<h1 class=\"file\">", out);
	hx_esc(out, rel);
	fputs("</h1>\n", out);
	if (!s) {
		fputs("<p class=\"warn\">This file could not be read when the report was written.</p>\n", out);
	} else {
		fputs("<pre class=\"source\">", out);
		long start = ftell(out);
		int ln;
		for (ln = 1; ln <= s->nlines && ftell(out) - start < HX_PAGE_SHOWN; ln++) {
			fprintf(out, "<span class=\"l\" id=\"L%d\"><a class=\"n\" href=\"#L%d\">%d</a>", ln, ln, ln);
			put_line(out, s, ln, 0);
			fputs("</span>", out);
		}
		fputs("</pre>\n", out);
		if (ln <= s->nlines)
			fprintf(out, "<p class=\"warn\">This page stops at line %d of %d: a source page is at most "
				"%ld MB, and shows lines of at most %d bytes.</p>\n", ln - 1, s->nlines,
				HX_PAGE_SHOWN >> 20, HX_LINE_SHOWN);
	}
	hx_page_end(out, "../");
	return hx_close(&pg);
}

/* Pages are registered while the other pages are written: write them last. */
int hx_write_sources(const char *dir, struct hx_data *d)
{
	for (size_t i = 0; i < d->src.n; i++)
		if (write_source(dir, d, (int)i + 1))
			return -1;
	return 0;
}

void hx_src_free(struct hx_data *d)
{
	for (size_t i = 0; i < d->src.n; i++) {
		free(d->src.v[i].text);
		free(d->src.v[i].line);
	}
	vec_free(&d->src);
}
