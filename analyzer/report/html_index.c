// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_index.c - the report's front page (index.html): the run (tree,
 * compile database, tool, dates, translation units and their parse errors),
 * counts by rule, entry point and lock class, the transport matrix, and the
 * findings table that report.js filters and sorts in the browser.  Every
 * row is in the HTML itself, so the page reads without script too.
 */
#include "report/html_int.h"
#include "report/funnels.h"

#include <string.h>
#include <time.h>

/* A combined report's databases: where each one's findings and transport columns come from. */
static void sources_info(FILE *out, const struct hx_data *d)
{
	fputs("</dd><dt>databases</dt><dd><ul id=\"sources\">", out);
	for (int k = 0; k < d->nsrc; k++) {
		const struct hx_source *s = &d->srcs[k];
		fputs("<li><b>", out);
		hx_esc(out, s->label);
		fputs("</b>: ", out);
		hx_code(out, s->path);
		if (s->arch) {
			fputs(", ", out);
			hx_esc(out, s->arch);
		}
		fprintf(out, ", %d translation unit%s, findings ", s->run->ntus, s->run->ntus == 1 ? "" : "s");
		if (s->run->n)
			fprintf(out, "#%d&ndash;#%d", s->first + 1, s->first + s->run->n);
		else
			fputs("none", out);
		fputs(", transports", out);
		int any = 0;
		for (int t = 0; t < d->ntr; t++)
			if (d->tr_srcs[t] & (1ULL << k)) {
				fputs(any++ ? ", " : " ", out);
				hx_esc(out, d->transports[t]);
			}
		if (!any)
			fputs(" none", out);
		fputs("</li>", out);
	}
	fputs("</ul>", out);
}

static void run_info(FILE *out, struct hx_data *d)
{
	const struct rp_run *run = d->run;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	strftime(now, sizeof(now), "%Y-%m-%d %H:%M UTC", gmtime_r(&t, &tm));
	fputs("<section id=\"run\"><dl class=\"run\">", out);
	fputs("<dt>tree</dt><dd>", out);
	hx_code(out, d->tree ? d->tree : "(no translation units)");
	fputs("</dd><dt>compile database</dt><dd>", out);
	hx_code(out, run->compdb ? run->compdb : "(unknown)");
	if (d->nsrc > 1)
		sources_info(out, d);
	fputs("</dd><dt>scope</dt><dd id=\"scope\">", out);
	if (run->scope) {
		hx_code(out, run->scope);
		fprintf(out, " (%d finding%s outside it left out)", run->n_out_of_scope, run->n_out_of_scope == 1 ? "" : "s");
	} else {
		fputs("the whole tree", out);
	}
	fputs("</dd><dt>tool</dt><dd>lockpath ", out);
	hx_esc(out, run->version);
	fputs("</dd><dt>report written</dt><dd>", out);
	hx_esc(out, now);
	if (d->extracted_at) {
		fputs("</dd><dt>facts extracted</dt><dd>", out);
		hx_esc(out, d->extracted_at);
	}
	fprintf(out, "</dd><dt>translation units</dt><dd><span id=\"tu-count\">%d</span> analysed", run->ntus);
	if (run->tus_with_errors)
		fprintf(out, ", <a class=\"warn\" href=\"#tus\">%d with parse errors</a> (their facts are incomplete)",
			run->tus_with_errors);
	else
		fputs(", none with parse errors", out);
	fputs("</dd></dl></section>\n", out);
}

/* What the reader must know before trusting the findings (findings.h). */
static void notices(FILE *out, struct hx_data *d)
{
	const struct rp_run *run = d->run;
	if (!run->nnotices)
		return;
	fputs("<section id=\"notices\"><h2>Before you trust these results</h2><ul class=\"notices\">\n", out);
	for (int i = 0; i < run->nnotices; i++) {
		const struct rp_notice *n = &run->notices[i];
		fputs("<li class=\"", out);
		hx_esc(out, n->kind);
		fputs("\"><span class=\"kind\">", out);
		hx_esc(out, n->kind);
		fputs("</span> ", out);
		if (n->loc.file) {
			hx_loc_link(out, d, &n->loc, "");
			fputs(": ", out);
		}
		hx_esc(out, n->message);
		fputs("</li>\n", out);
	}
	fputs("</ul></section>\n", out);
}

/* ------------------------------------------------------------ counts */

struct count { const char *name; int n; };
struct countv { struct count *v; size_t n, cap; };

static void count_add(struct countv *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].name, name)) {
			v->v[i].n++;
			return;
		}
	vec_push(v, ((struct count){ name, 1 }));
}

static int by_count(const void *a, const void *b)
{
	const struct count *x = a, *y = b;
	return x->n != y->n ? y->n - x->n : strcmp(x->name, y->name);
}

static void count_table(FILE *out, const char *title, struct countv *v, bool code)
{
	if (v->n)
		qsort(v->v, v->n, sizeof(*v->v), by_count);
	fprintf(out, "<table class=\"counts\"><caption>%s</caption><tbody>", title);
	for (size_t i = 0; i < v->n; i++) {
		fputs("<tr><td>", out);
		if (code)
			hx_code(out, v->v[i].name);
		else
			hx_esc(out, v->v[i].name);
		fprintf(out, "</td><td class=\"n\">%d</td></tr>", v->v[i].n);
	}
	if (!v->n)
		fputs("<tr><td class=\"none\">none</td><td></td></tr>", out);
	fputs("</tbody></table>\n", out);
}

static const char *finding_class(const struct hx_finding *hf)
{
	return hf->f->has_held && hf->held_cls ? hf->held_cls : hf->lock_cls ? hf->lock_cls : "(no lock)";
}

static void counts(FILE *out, const struct hx_data *d)
{
	struct countv rules = {0}, entries = {0}, classes = {0};
	for (int r = 0; r < CHECK_COUNT; r++)
		vec_push(&rules, ((struct count){ checks[r].name, 0 }));
	for (int i = 0; i < d->n; i++) {
		count_add(&rules, d->f[i].f->rule);
		count_add(&entries, d->f[i].f->entry);
		count_add(&classes, finding_class(&d->f[i]));
	}
	fprintf(out, "<section id=\"summary\"><h2><span id=\"finding-count\">%d</span> finding%s</h2>\n"
		"<div class=\"countgrid\">\n", d->n, d->n == 1 ? "" : "s");
	count_table(out, "by rule", &rules, false);
	count_table(out, "by entry point", &entries, true);
	count_table(out, "by lock class", &classes, true);
	fputs("</div></section>\n", out);
	vec_free(&rules);
	vec_free(&entries);
	vec_free(&classes);
}

/* The busiest entries and the one call most of their findings make
 * (report/funnels.h): where the reviewer of a large tree starts. */
static void funnels(FILE *out, struct hx_data *d)
{
	struct rp_funnel fu[RP_FUNNEL_HTML];
	int n = rp_funnels(d->run, fu, RP_FUNNEL_HTML);
	if (!n)
		return;
	fprintf(out, "<section id=\"funnels\"><h2>Where the findings come from</h2>\n<p>Entry points with "
		"%d or more findings, and the deepest call at least %d%% of their paths make: judge that call "
		"and you have judged them.</p>\n<table class=\"funnels\"><thead><tr><th>entry</th><th>context</th>"
		"<th>findings</th><th>call most of them make</th><th>where</th><th>through it</th></tr></thead><tbody>\n",
		RP_FUNNEL_MIN, (int)(RP_FUNNEL_SHARE * 100));
	for (int i = 0; i < n; i++) {
		fputs("<tr><td>", out);
		hx_code(out, fu[i].entry);
		fputs("</td><td>", out);
		hx_esc(out, fu[i].context);
		fprintf(out, "</td><td class=\"n\">%d</td><td>", fu[i].nfindings);
		if (fu[i].caller) {
			hx_code(out, fu[i].caller);
			fputs(" &rarr; ", out);
			hx_code(out, fu[i].callee);
			fprintf(out, " (%d call%s in)</td><td>", fu[i].depth, fu[i].depth == 1 ? "" : "s");
			hx_loc_link(out, d, &fu[i].site, "");
			fprintf(out, "</td><td class=\"n\">%d</td></tr>\n", fu[i].nthrough);
		} else {
			fputs("<span class=\"none\">none: the paths part at the entry</span></td><td></td><td></td></tr>\n", out);
		}
	}
	fputs("</tbody></table></section>\n", out);
}

/* ------------------------------------------------------------ table */

static const struct hx_path *callback_path(const struct hx_finding *hf)
{
	for (int i = 0; i < hf->npaths; i++)
		if (hf->path[i].cb >= 0)
			return &hf->path[i];
	return NULL;
}

static void search_text(FILE *out, const struct hx_finding *hf)
{
	fputs(" data-search=\"", out);
	for (int p = 0; p < hf->npaths; p++)
		for (int i = 0; i < hf->path[p].n; i++) {
			hx_esc(out, hf->path[p].hops[i].func);
			fputc(' ', out);
		}
	hx_esc(out, hf->f->lock_key);
	fputc(' ', out);
	hx_esc(out, hf->f->held_key);
	fputs("\"", out);
}

static void table_row(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	const struct rp_finding *f = hf->f;
	const struct hx_path *cp = callback_path(hf);
	fputs("<tr data-rule=\"", out);
	hx_esc(out, f->rule);
	fputs("\"", out);
	search_text(out, hf);
	fprintf(out, "><td class=\"n\" data-value=\"%d\"><a href=\"findings/%d.html\">#%d</a></td>", hf->num, hf->num, hf->num);
	fputs("<td><span class=\"rule ", out);
	hx_esc(out, f->rule);
	fputs("\">", out);
	hx_esc(out, f->rule);
	fprintf(out, "</span></td><td><a class=\"msg\" href=\"findings/%d.html\">", hf->num);
	hx_esc(out, f->message);
	fputs("</a></td><td>", out);
	hx_loc_link(out, d, &f->site, "");
	fputs("</td><td>", out);
	hx_code(out, f->entry);
	fputs(" <span class=\"ctx\">", out);
	hx_esc(out, f->context);
	fputs("</span></td><td>", out);
	hx_code(out, finding_class(hf));
	fputs("</td><td>", out);
	if (cp && cp->tr_before >= 0)
		hx_esc(out, d->transports[cp->tr_before]);
	if (cp && cp->tr_after >= 0 && cp->tr_before < 0)   /* the callback was called from no transport's code */
		hx_escf(out, "%s, after the callback", d->transports[cp->tr_after]);
	else if (cp && cp->tr_after >= 0 && cp->tr_after != cp->tr_before)
		hx_escf(out, " \u2192 %s", d->transports[cp->tr_after]);
	fputs("</td><td>", out);
	if (cp)
		hx_code(out, cp->hops[cp->cb].func);
	fputs("</td></tr>\n", out);
}

static void findings_table(FILE *out, struct hx_data *d)
{
	fputs("<section id=\"findings\"><h2>Findings</h2>\n<div class=\"filters\">"
	      "<input id=\"filter\" type=\"search\" placeholder=\"filter by function, lock, file, rule&hellip;\" "
	      "aria-label=\"filter findings\">"
	      "<select id=\"rule-filter\" aria-label=\"rule\"><option value=\"\">all rules</option>", out);
	for (int r = 0; r < CHECK_COUNT; r++) {
		fputs("<option>", out);
		hx_esc(out, checks[r].name);
		fputs("</option>", out);
	}
	fprintf(out, "</select><span id=\"shown\">%d of %d</span></div>\n", d->n, d->n);
	fputs("<div class=\"scroll\"><table id=\"findings-table\" class=\"findings\"><thead><tr>"
	      "<th data-sort=\"num\">#</th><th data-sort>rule</th><th data-sort>message</th><th data-sort>where</th>"
	      "<th data-sort>entry, context</th><th data-sort>lock class</th>"
	      "<th data-sort>transport</th><th data-sort>callback</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < d->n; i++)
		table_row(out, d, &d->f[i]);
	fputs("</tbody></table></div>\n", out);
	if (!d->n)
		fputs("<p class=\"empty\">No findings: no check fired on any path from any entry point.</p>\n", out);
	fputs("</section>\n", out);
}

/* ------------------------------------------------------------ TUs */

static void tu_row(FILE *out, struct hx_data *d, const struct rp_tu *t)
{
	fprintf(out, "<tr class=\"%s\"><td>", t->status != TU_CLEAN ? "bad" : "ok");
	hx_code(out, hx_rel(d, t->file));
	fprintf(out, "</td><td>%s</td><td class=\"n\">%d</td><td>",
		t->status == TU_CLEAN ? "clean" : t->status == TU_ERRORS ? "parsed with errors" : "not parsed", t->n_errors);
	hx_esc(out, t->first_error ? t->first_error : "");
	fputs("</td></tr>\n", out);
}

static void tus(FILE *out, struct hx_data *d)
{
	const struct rp_run *run = d->run;
	fputs("<section id=\"tus\"><h2>Translation units</h2>\n", out);
	if (run->tus_with_errors) {
		fprintf(out, "<p class=\"warn\">%d translation unit%s had parse errors; lockpath analysed what clang could "
			"parse, so paths through the missing code are not checked.</p>\n", run->tus_with_errors,
			run->tus_with_errors == 1 ? "" : "s");
		fputs("<table class=\"tus\"><thead><tr><th>file</th><th>status</th><th>errors</th><th>first error</th></tr>"
		      "</thead><tbody>\n", out);
		for (int i = 0; i < run->ntus; i++)
			if (run->tus[i].status)
				tu_row(out, d, &run->tus[i]);
		fputs("</tbody></table>\n", out);
	}
	fprintf(out, "<details><summary>all %d translation units</summary><table class=\"tus\"><thead><tr><th>file</th>"
		"<th>status</th><th>errors</th><th>first error</th></tr></thead><tbody>\n", run->ntus);
	for (int i = 0; i < run->ntus; i++)
		tu_row(out, d, &run->tus[i]);
	fputs("</tbody></table></details></section>\n", out);
}

int hx_write_index(const char *dir, struct hx_data *d)
{
	char *path = xasprintf("%s/index.html", dir);
	struct hx_file pg;
	FILE *out = hx_open(&pg, path);
	free(path);
	if (!out)
		return -1;
	hx_page_begin(out, "lockpath report", "", "index");
	fputs("<h1>lockpath report</h1>\n", out);
	run_info(out, d);
	notices(out, d);
	counts(out, d);
	funnels(out, d);
	hx_matrix_write(out, d);
	findings_table(out, d);
	tus(out, d);
	hx_page_end(out, "");
	return hx_close(&pg);
}
