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
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
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

/* Line LN of S without its newline. */
static void put_line(FILE *out, const struct hx_src *s, int ln)
{
	int a = s->line[ln], b = s->line[ln + 1];
	while (b > a && (s->text[b - 1] == '\n' || s->text[b - 1] == '\r'))
		b--;
	char *t = xstrndup(s->text + a, (size_t)(b - a));
	hx_esc(out, t);
	free(t);
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
		put_line(out, s, ln);
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
		for (int ln = 1; ln <= s->nlines; ln++) {
			fprintf(out, "<span class=\"l\" id=\"L%d\"><a class=\"n\" href=\"#L%d\">%d</a>", ln, ln, ln);
			put_line(out, s, ln);
			fputs("</span>", out);
		}
		fputs("</pre>\n", out);
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
