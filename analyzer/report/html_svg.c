// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_svg.c - a small drawing of a witness path as inline SVG: one box
 * per function, top to bottom from the entry, solid arrows for direct calls
 * and dashed ones, labelled with the key, for calls through a field or
 * table; badges for the locks each function takes and keeps, and for the
 * offending operation.  Written directly (no layout engine is needed for a
 * chain); text widths are estimated for the monospace font the style sets.
 */
#include "report/html_int.h"

#include <string.h>

#define BOX_H 34
#define GAP 30
#define CHAR_W 7.3
#define SMALL_W 6.1
#define PAD 12

static double text_w(const char *s, double cw)
{
	return s ? (double)strlen(s) * cw : 0;
}

static bool takes_here(const struct hx_lock *l, const char *func)
{
	return l->held && l->has_acq && l->acq_func && !strcmp(l->acq_func, func);
}

/* What the last hop of path P does wrong; path B of a lock-order finding
 * takes the held lock (the other order); the further paths of a cycle
 * each the lock at their end. */
static const char *bad_text(const struct hx_finding *hf, const struct hx_path *p, char **buf)
{
	const struct check_info *ci = rp_check(hf->f);
	const char *key = hf->f->lock_key;
	if (p != hf->path && ci->paths == CK_OTHER_ORDER)
		key = hf->npaths > 2 ? rp_path_lock(hf->f, (int)(p - hf->path)) : hf->f->held_key;
	if (ci->offence == CK_CONTEXT)
		*buf = xstrdup(ci->verb);
	else
		*buf = xasprintf("acquires %s", key ? key : "?");
	return *buf;
}

/* Width of the badges right of hop I's box. */
static double badges_width(const struct hx_finding *hf, const struct hx_path *p, int i)
{
	double w = i == 0 ? text_w(hf->f->context, SMALL_W) + 18 : 0;
	for (int k = 0; k < p->x[i].nlocks; k++)
		if (takes_here(&p->x[i].locks[k], p->hops[i].func))
			w += text_w(p->x[i].locks[k].cls, SMALL_W) + 6 * SMALL_W + 18;
	if (i == p->n - 1) {
		char *t;
		w += text_w(bad_text(hf, p, &t), SMALL_W) + 18;
		free(t);
	}
	return w;
}

static void badge(FILE *out, double x, double y, const char *cls, const char *text, double *used)
{
	double w = text_w(text, SMALL_W) + 12;
	fprintf(out, "<g class=\"badge %s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" rx=\"9\"/>"
		"<text x=\"%.1f\" y=\"%.1f\">", cls, x, y, w, x + 6, y + 13);
	hx_esc(out, text);
	fputs("</text></g>", out);
	*used = w + 6;
}

static void box(FILE *out, const struct hx_finding *hf, const struct hx_path *p, int i, double bw, double y)
{
	bool last = i == p->n - 1;
	fprintf(out, "<g class=\"hop%s%s\"><a href=\"#p%d-hop-%d\"><rect x=\"10\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"5\"/>",
		i == 0 ? " entry" : "", last ? " last" : "", (int)(p - hf->path), i, y, bw, BOX_H);
	fprintf(out, "<text class=\"fn\" x=\"%d\" y=\"%.1f\">", 10 + PAD, y + 15);
	hx_esc(out, p->hops[i].func);
	fprintf(out, "</text><text class=\"at\" x=\"%d\" y=\"%.1f\">", 10 + PAD, y + 28);
	hx_escf(out, "%s:%d", path_basename(p->hops[i].site.file ? p->hops[i].site.file : "?"), p->hops[i].site.line);
	fputs("</text></a></g>\n", out);
	double x = 10 + bw + 10, used;
	if (i == 0) {
		badge(out, x, y + 8, "ctx", hf->f->context, &used);
		x += used;
	}
	for (int k = 0; k < p->x[i].nlocks; k++)
		if (takes_here(&p->x[i].locks[k], p->hops[i].func)) {
			char *t = xasprintf("takes %s", p->x[i].locks[k].cls);
			badge(out, x, y + 8, "lock", t, &used);
			free(t);
			x += used;
		}
	if (last) {
		char *t;
		badge(out, x, y + 8, "bad", bad_text(hf, p, &t), &used);
		free(t);
	}
}

static void arrow(FILE *out, const struct hx_path *p, int i, double bw, double y)
{
	double x = 10 + bw / 2, y0 = y + BOX_H, y1 = y + BOX_H + GAP - 2;
	const char *key = p->hops[i + 1].via_key;
	fprintf(out, "<line class=\"call%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" marker-end=\"url(#arrow)\"/>",
		key ? " indirect" : "", x, y0, x, y1);
	if (key) {
		fprintf(out, "<text class=\"key\" x=\"%.1f\" y=\"%.1f\">", x + 8, y0 + GAP / 2 + 4);
		hx_esc(out, key);
		fputs("</text>", out);
	}
	fputc('\n', out);
}

void hx_svg_path(FILE *out, const struct hx_finding *hf, const struct hx_path *p)
{
	double bw = 160;
	for (int i = 0; i < p->n; i++) {
		double w = text_w(p->hops[i].func, CHAR_W) + 2 * PAD;
		bw = w > bw ? w : bw;
	}
	double keys = 0;
	for (int i = 1; i < p->n; i++) {
		double w = text_w(p->hops[i].via_key, SMALL_W) + 16 - bw / 2;
		keys = w > keys ? w : keys;
	}
	double right = keys;
	for (int i = 0; i < p->n; i++) {
		double w = badges_width(hf, p, i) + 10;
		right = w > right ? w : right;
	}
	double width = 10 + bw + 10 + right, height = 10 + p->n * (BOX_H + GAP) - GAP + 10;
	fprintf(out, "<svg class=\"pathsvg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
		"viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"call path\">\n", width, height, width, height);
	fputs("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
	      "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n", out);
	for (int i = 0; i < p->n; i++) {
		double y = 10 + i * (BOX_H + GAP);
		box(out, hf, p, i, bw, y);
		if (i + 1 < p->n)
			arrow(out, p, i, bw, y);
	}
	fputs("</svg>\n", out);
}
