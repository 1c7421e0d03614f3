// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_out.c - writing helpers for the HTML report: escaping, pages from
 * the template (reports/page.html: {{title}}, {{kind}}, {{root}},
 * {{version}} and {{body}}, where the page's content goes), links to source
 * lines, and copying the style and script.  The assets are compiled in
 * (generated/report/assets.h) so the binary alone writes a whole report.
 */
#include "report/html_int.h"
#include "report/assets.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

void hx_esc(FILE *out, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
}

void hx_escf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	hx_esc(out, s);
	free(s);
}

void hx_code(FILE *out, const char *s)
{
	fputs("<code>", out);
	hx_esc(out, s);
	fputs("</code>", out);
}

/* Write the template from FROM up to the next '{{body}}' (or its end),
 * filling in the other placeholders and leaving out '{{! comments}}'.
 * Returns where it stopped. */
static const char *fill(FILE *out, const char *from, const char *title, const char *root, const char *kind)
{
	const char *p = from;
	while (*p) {
		const char *open = strstr(p, "{{");
		const char *close = open ? strstr(open, "}}") : NULL;
		if (!open || !close) {
			fputs(p, out);
			return p + strlen(p);
		}
		fwrite(p, 1, (size_t)(open - p), out);
		size_t n = (size_t)(close - open - 2);
		const char *name = open + 2;
		if (n == 4 && !strncmp(name, "body", 4))
			return close + 2;
		if (n && *name == '!') {   /* the template's own comment, and its line end */
			p = close + 2 + (close[2] == '\n');
			continue;
		}
		if (n == 5 && !strncmp(name, "title", 5))
			hx_esc(out, title);
		else if (n == 4 && !strncmp(name, "root", 4))
			fputs(root, out);
		else if (n == 4 && !strncmp(name, "kind", 4))
			fputs(kind, out);
		else if (n == 7 && !strncmp(name, "version", 7))
			hx_esc(out, LP_VERSION);
		else
			fwrite(open, 1, (size_t)(close + 2 - open), out);
		p = close + 2;
	}
	return p;
}

void hx_page_begin(FILE *out, const char *title, const char *root, const char *kind)
{
	fill(out, (const char *)asset_page_html, title, root, kind);
}

void hx_page_end(FILE *out, const char *root)
{
	const char *body = strstr((const char *)asset_page_html, "{{body}}");
	if (body)
		fill(out, body + 8, "", root, "");
}

void hx_loc_link(FILE *out, struct hx_data *d, const struct rp_loc *loc, const char *root)
{
	if (!loc->file) {
		fputs("<span class=\"loc\">&lt;unknown&gt;</span>", out);
		return;
	}
	int page = hx_src_page(d, loc->file);
	fprintf(out, "<a class=\"loc\" href=\"%ssrc/%d.html#L%d\">", root, page, loc->line);
	hx_esc(out, hx_rel(d, loc->file));
	fprintf(out, ":%d</a>", loc->line);
}

FILE *hx_open(struct hx_file *pg, const char *path)
{
	pg->path = xstrdup(path);
	pg->tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
	unlink(pg->tmp);   /* one left by a killed run of this pid: not followed either */
	int fd = open(pg->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	pg->f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!pg->f) {
		int saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(pg->tmp);
		}
		free(pg->tmp);
		free(pg->path);
		errno = saved;
	}
	return pg->f;
}

int hx_close(struct hx_file *pg)
{
	errno = 0;
	bool bad = ferror(pg->f);
	int rc = fclose(pg->f) || bad ? -1 : 0;
	if (!rc && rename(pg->tmp, pg->path))
		rc = -1;
	int saved = errno ? errno : EIO;
	if (rc)
		unlink(pg->tmp);
	free(pg->tmp);
	free(pg->path);
	errno = saved;
	return rc;
}

static int write_file(const char *dir, const char *name, const unsigned char *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct hx_file pg;
	FILE *f = hx_open(&pg, path);
	free(path);
	if (!f)
		return -1;
	fwrite(data, 1, len, f);
	return hx_close(&pg);
}

int hx_write_assets(const char *dir)
{
	if (write_file(dir, "style.css", asset_style_css, sizeof(asset_style_css) - 1) ||
	    write_file(dir, "report.js", asset_report_js, sizeof(asset_report_js) - 1))
		return -1;
	return 0;
}
