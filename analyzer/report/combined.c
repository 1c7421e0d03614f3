// SPDX-License-Identifier: GPL-2.0-only
/*
 * combined.c - the combined report over several databases (combined.h):
 * their runs concatenated, the matrix built once over all of them
 * (hx_load_sources), then written as text (a table after the findings),
 * as SARIF run properties, and as the HTML report.  It does not open
 * the databases nor decide which may be combined: cli/cmd_report.c does.
 */
#include "report/combined.h"
#include "report/html.h"
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>

const char *rp_db_arch(struct lp_db *db, struct arena *a)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT args FROM tu ORDER BY id LIMIT 1");
	const char *arch = NULL;
	if (db_step_row(db, q)) {
		const char *args = db_col_text(q, 0), *p = strstr(args, "/arch/"), *t = strstr(args, "--target=");
		const char *end = p ? strchr(p + 6, '/') : NULL;
		if (p && end && !strncmp(end, "/include", 8) && end > p + 6) {
			arch = arena_printf(a, "%.*s", (int)(end - p - 6), p + 6);
		} else if (t) {
			size_t len = strcspn(t + 9, "\n ");
			arch = len ? arena_printf(a, "%.*s", (int)len, t + 9) : NULL;
		}
	}
	sqlite3_finalize(q);
	return arch;
}

/* OUT (OUTN elements): the arrays FIELD (COUNT elements) of the N runs RUNS, one after the other, in arena A. */
#define CONCAT(a, field, count, runs, n, out, outn) do {                                   \
		size_t total_ = 0;                                                          \
		for (int k_ = 0; k_ < (n); k_++)                                            \
			total_ += (size_t)(runs)[k_].count;                                 \
		(out) = arena_alloc((a), (total_ + 1) * sizeof(*(out)));                    \
		(outn) = 0;                                                                  \
		for (int k_ = 0; k_ < (n); k_++)                                            \
			if ((runs)[k_].count) {                                             \
				memcpy((out) + (outn), (runs)[k_].field,                    \
				       (size_t)(runs)[k_].count * sizeof(*(out)));          \
				(outn) += (runs)[k_].count;                                 \
			}                                                                   \
	} while (0)

void rp_concat(struct rp_run *all, const struct rp_run *runs, int n)
{
	memset(all, 0, sizeof(*all));
	CONCAT(&all->arena, f, n, runs, n, all->f, all->n);
	CONCAT(&all->arena, tus, ntus, runs, n, all->tus, all->ntus);
	CONCAT(&all->arena, notices, nnotices, runs, n, all->notices, all->nnotices);
	const char *compdb = "";
	for (int k = 0; k < n; k++) {
		all->tus_with_errors += runs[k].tus_with_errors;
		all->tus_failed += runs[k].tus_failed;
		all->n_out_of_scope += runs[k].n_out_of_scope;
		compdb = arena_printf(&all->arena, "%s%s%s", compdb, k ? "; " : "", runs[k].compdb ? runs[k].compdb : "(unknown)");
	}
	all->compdb = compdb;
	all->version = n ? runs[0].version : LP_VERSION;
	all->scope = n ? runs[0].scope : NULL;
}

/* ------------------------------------------------------------ text */

static const char *cell_word(const struct hx_cell *c)
{
	return c->status == HX_NONE ? "-" : hx_status_name(c->status);
}

static void text_cell(FILE *out, const struct hx_data *d, const struct hx_row *r, int t, int width)
{
	const struct hx_cell *c = &r->cells[t];
	fprintf(out, "  %-*s %-9s", width, d->transports[t], cell_word(c));
	for (int i = 0; i < c->nrefs; i++)
		fprintf(out, "%s#%d%s %s", i ? ", " : " ", c->refs[i].num, c->refs[i].transferred ? "+" : "",
			d->f[c->refs[i].num - 1].f->rule);
	if (c->why)
		fprintf(out, " %s", c->why);
	if (c->ndismissed) {
		fputs(" (cross-transport:", out);
		for (int i = 0; i < c->ndismissed; i++)
			fprintf(out, " #%d", c->dismissed[i]);
		fputs(")", out);
	}
	fputs("\n", out);
}

/* The matrix as text, after the findings: the columns' origins, then one
 * block per callback with a line per transport.  #N is the Nth finding
 * printed above (and the HTML report's findings/N.html); '+' marks a
 * finding carried from another transport (the HTML report's dagger). */
static void matrix_text(FILE *out, struct hx_data *d)
{
	fprintf(out, "transport matrix: %d transport%s from %d databases, %d driver callback%s\n", d->ntr,
		d->ntr == 1 ? "" : "s", d->nsrc, d->nrows, d->nrows == 1 ? "" : "s");
	int width = 4;
	for (int t = 0; t < d->ntr; t++) {
		fprintf(out, "  %s: from %s\n", d->transports[t], hx_transport_origin(d, t));
		if ((int)strlen(d->transports[t]) > width)
			width = (int)strlen(d->transports[t]);
	}
	for (int i = 0; i < d->nrows; i++) {
		const struct hx_row *r = &d->rows[i];
		fprintf(out, "%s (%s, %s) at %s:%d\n", r->cb, r->driver, r->cb_key ? r->cb_key : "?",
			r->cb_loc.file ? r->cb_loc.file : "?", r->cb_loc.line);
		for (int t = 0; t < d->ntr; t++)
			text_cell(out, d, r, t, width);
	}
	if (d->partial)
		fputs("transport matrix: a limit of the analysis was hit, or findings are out of date: a safe cell is "
		      "not proven\n", out);
}

/* ------------------------------------------------------------ SARIF */

static json_t *jstr(const char *s)
{
	return json_string(s ? s : "");
}

static json_t *sarif_cell(const struct hx_data *d, const struct hx_row *r, int t)
{
	const struct hx_cell *c = &r->cells[t];
	json_t *results = json_array(), *reached = json_array();
	for (int i = 0; i < c->nrefs; i++)   /* indexes into runs[0].results */
		json_array_append_new(results, json_integer(c->refs[i].num - 1));
	for (int ctx = CTX_HARDIRQ; ctx >= CTX_PROCESS; ctx--)
		if (c->reach[ctx])
			json_array_append_new(reached, json_pack("{s:o, s:o, s:o}", "context", jstr(c->reach[ctx]->ctx),
				"entry", jstr(c->reach[ctx]->entry), "path", jstr(c->reach[ctx]->path)));
	json_t *j = json_pack("{s:o, s:s, s:o, s:o}", "transport", jstr(d->transports[t]),
			      "status", c->status == HX_NONE ? "not reached" : hx_status_name(c->status),
			      "results", results, "reached", reached);
	if (c->why)
		json_object_set_new(j, "why", jstr(c->why));
	return j;
}

/* run.properties: the databases, and the matrix (columns with their
 * origin, rows with a cell per column). */
static json_t *sarif_props(struct hx_data *d)
{
	json_t *dbs = json_array(), *cols = json_array(), *rows = json_array();
	for (int k = 0; k < d->nsrc; k++) {
		const struct hx_source *s = &d->srcs[k];
		json_t *j = json_pack("{s:o, s:o, s:i, s:i}", "name", jstr(s->label), "path", jstr(s->path),
				      "firstResult", s->first, "results", s->run->n);
		if (s->arch)
			json_object_set_new(j, "architecture", jstr(s->arch));
		json_array_append_new(dbs, j);
	}
	for (int t = 0; t < d->ntr; t++) {
		json_t *from = json_array();
		for (int k = 0; k < d->nsrc; k++)
			if (d->tr_srcs[t] & (1ULL << k))
				json_array_append_new(from, jstr(d->srcs[k].label));
		json_array_append_new(cols, json_pack("{s:o, s:o}", "transport", jstr(d->transports[t]), "databases", from));
	}
	for (int i = 0; i < d->nrows; i++) {
		const struct hx_row *r = &d->rows[i];
		json_t *cells = json_array();
		for (int t = 0; t < d->ntr; t++)
			json_array_append_new(cells, sarif_cell(d, r, t));
		json_array_append_new(rows, json_pack("{s:o, s:o, s:o, s:o, s:i, s:o}", "callback", jstr(r->cb),
			"driver", jstr(r->driver), "calledAs", jstr(r->cb_key), "file", jstr(r->cb_loc.file),
			"line", r->cb_loc.line, "cells", cells));
	}
	return json_pack("{s:o, s:{s:o, s:o, s:b}}", "databases", dbs, "transportMatrix", "columns", cols, "rows", rows,
			 "partial", d->partial);
}

/* ------------------------------------------------------------ sequence */

int report_combined(const struct hx_source *srcs, int n, const struct rp_run *all, const struct lp_rules *r,
		    const struct rp_combined_out *o, struct strbuf *err)
{
	struct hx_data d;
	hx_load_sources(&d, srcs, n, all, r);
	int rc = 0;
	if (o->text && d.has_matrix)
		matrix_text(o->text, &d);
	if (o->sarif) {
		const char **dbs = xcalloc((size_t)all->n + 1, sizeof(*dbs));
		for (int i = 0; i < all->n; i++)
			dbs[i] = d.srcs[d.f[i].src].label;
		rc = report_sarif_props(o->sarif, all, sarif_props(&d), dbs, err);
		free(dbs);
	}
	hx_free(&d);
	if (!rc && o->html && report_html_sources(o->html, srcs, n, all, r)) {
		sb_addf(err, "cannot write the HTML report to %s: %s", o->html, strerror(errno));
		rc = -1;
	}
	return rc;
}
