// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_matrix.c - the transport matrix: drivers' callbacks (rows) as each
 * transport's interrupt path delivers them (columns).  A cell joins the
 * reach that check/matrix.c recorded with the findings whose witness path
 * goes through the callback: 'deadlock' or 'sleeps' when one does on that
 * transport, 'safe' when the transport reaches the callback and none does,
 * '-' when it does not reach it.  The rules are printed under the table
 * (method_note), and a reviewer can check every cell by its links.
 * A combined report (several databases, hx_load_sources) has one matrix:
 * a row is a callback by name and file, whichever database reached it; a
 * column a transport by name, its header naming the databases (and their
 * architectures) it came from; a safe cell says why (hx_matrix_why).
 */
#include "report/html_int.h"
#include "rules/rules.h"

#include <string.h>

const char *hx_status_name(enum hx_status s)
{
	static const char *const names[] = { "not reached", "safe", "finding", "sleeps", "deadlock" };
	return names[s];
}

enum hx_status hx_rule_status(const struct rp_finding *f)
{
	if (f->rule_id < 0)
		return HX_OTHER;
	return rp_check(f)->offence == CK_CONTEXT ? HX_SLEEPS : HX_DEADLOCK;
}

static const char *driver_name(struct hx_data *d, const char *file)
{
	const char *b = path_basename(file ? file : "?");
	const char *dot = strrchr(b, '.');
	return arena_printf(&d->arena, "%.*s", (int)(dot ? dot - b : (long)strlen(b)), b);
}

/* FILE's last two components ('virtio/virtio_balloon.c'): a callback's file
 * names its row, the same whichever build directory, tree or patched copy
 * of the source a database read it from. */
static const char *row_file(const char *file)
{
	if (!file)
		return "?";
	const char *b = path_basename(file);
	if (b == file)
		return file;
	const char *p = b - 1;
	while (p > file && p[-1] != '/')
		p--;
	return p;
}

/* The row of callback CB defined in FILE, or NULL. */
static struct hx_row *find_row(struct hx_data *d, const char *cb, const char *file)
{
	const char *f = row_file(file);
	for (int i = 0; i < d->nrows; i++) {
		const char *k = d->rows[i].key, *at = strrchr(k, '@');
		if (!strncmp(k, cb ? cb : "?", (size_t)(at - k)) && !(cb ? cb : "?")[at - k] && !strcmp(at + 1, f))
			return &d->rows[i];
	}
	return NULL;
}

/* The row of callback CB defined in FILE, made if new (CAP: the rows' capacity). */
static struct hx_row *row_for(struct hx_data *d, const char *cb, const char *file, size_t *cap)
{
	struct hx_row *found = find_row(d, cb, file);
	if (found)
		return found;
	const char *key = arena_printf(&d->arena, "%s@%s", cb ? cb : "?", row_file(file));
	if ((size_t)d->nrows == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct hx_row *v = arena_alloc(&d->arena, ncap * sizeof(*v));
		if (d->nrows)
			memcpy(v, d->rows, (size_t)d->nrows * sizeof(*v));
		d->rows = v;
		*cap = ncap;
	}
	struct hx_row *r = &d->rows[d->nrows++];
	memset(r, 0, sizeof(*r));
	r->key = key;
	r->cells = arena_alloc(&d->arena, ((size_t)d->ntr + 1) * sizeof(*r->cells));
	memset(r->cells, 0, ((size_t)d->ntr + 1) * sizeof(*r->cells));
	return r;
}

static void add_ref(struct hx_data *d, struct hx_cell *c, int num, bool transferred, enum hx_status st)
{
	for (int i = 0; i < c->nrefs; i++)
		if (c->refs[i].num == num)
			return;
	struct hx_cellref *v = arena_alloc(&d->arena, ((size_t)c->nrefs + 1) * sizeof(*v));
	if (c->nrefs)
		memcpy(v, c->refs, (size_t)c->nrefs * sizeof(*v));
	v[c->nrefs++] = (struct hx_cellref){ num, transferred };
	c->refs = v;
	if (st > c->status)
		c->status = st;
}

static void add_dismissed(struct hx_data *d, struct hx_cell *c, int num)
{
	for (int i = 0; i < c->ndismissed; i++)
		if (c->dismissed[i] == num)
			return;
	int *v = arena_alloc(&d->arena, ((size_t)c->ndismissed + 1) * sizeof(*v));
	if (c->ndismissed)
		memcpy(v, c->dismissed, (size_t)c->ndismissed * sizeof(*v));
	v[c->ndismissed++] = num;
	c->dismissed = v;
}

/* The cause of F lies at or after the callback: the held lock was taken there. */
static bool held_after_callback(const struct hx_finding *hf, const struct hx_path *p)
{
	if (!hf->f->has_held || !hf->f->held_func)
		return false;
	for (int k = p->cb; k < p->n; k++)
		if (!strcmp(p->hops[k].func, hf->f->held_func))
			return true;
	return false;
}

/* Does F, found through transport P->tr_before, hold for the same callback
 * delivered by transport T?  Only when the code after the callback is not
 * another transport's and the cause does not depend on the transport's
 * part of the path: a lock taken after the callback, or (sleeping) an
 * atomic context T delivers the callback in as well. */
static bool transfers(const struct hx_finding *hf, const struct hx_path *p, const struct hx_cell *c, int t)
{
	if (t == p->tr_before || (p->tr_after != -1 && p->tr_after != t))
		return false;
	if (!c->reach[CTX_PROCESS] && !c->reach[CTX_SOFTIRQ] && !c->reach[CTX_HARDIRQ])
		return false;
	enum lp_context ctx = context_from_name(hf->f->context);
	switch (rp_check(hf->f)->transfer) {
	case CK_TRANSFER_HELD:
		return held_after_callback(hf, p);
	case CK_TRANSFER_HELD_OR_CONTEXT:
		return held_after_callback(hf, p) || (ctx != CTX_PROCESS && c->reach[ctx]);
	case CK_TRANSFER_NEVER:
		break;
	}
	return false;
}

static void place_finding(struct hx_data *d, const struct hx_finding *hf, size_t *cap)
{
	for (int pi = 0; pi < hf->npaths; pi++) {
		const struct hx_path *p = &hf->path[pi];
		if (p->cb < 0)
			continue;
		struct hx_row *r = row_for(d, p->hops[p->cb].func, p->hops[p->cb].func_loc.file, cap);
		if (!r->cb) {
			r->cb = p->hops[p->cb].func;
			r->cb_key = p->hops[p->cb].via_key;
			r->cb_loc = p->hops[p->cb].func_loc;
			r->driver = driver_name(d, p->hops[p->cb].has_store ? p->hops[p->cb].store.file
									     : p->hops[p->cb].func_loc.file);
		}
		enum hx_status st = hx_rule_status(hf->f);
		if (p->tr_before >= 0 && (p->tr_after == -1 || p->tr_after == p->tr_before))
			add_ref(d, &r->cells[p->tr_before], hf->num, false, st);
		else if (p->tr_before >= 0)
			add_dismissed(d, &r->cells[p->tr_before], hf->num);
		for (int t = 0; t < d->ntr; t++)
			if (transfers(hf, p, &r->cells[t], t))
				add_ref(d, &r->cells[t], hf->num, true, st);
	}
}

/* FUNC of source K and the functions it calls directly, two calls deep:
 * where a callback's config reads (virtio_cread's vdev->config->get, in
 * the callback or an inline accessor) and deferrals are. */
static void near_funcs(struct lp_db *db, int64_t func, struct strbuf *ids)
{
	sb_addf(ids, "%lld", (long long)func);
	sqlite3_stmt *q = db_prepare(db,
		"SELECT e.callee FROM call_edge e JOIN site s ON s.id = e.site_id WHERE s.func_id = ?1 AND e.store_id IS NULL "
		"UNION SELECT e2.callee FROM call_edge e JOIN site s ON s.id = e.site_id JOIN site s2 ON s2.func_id = e.callee "
		"JOIN call_edge e2 ON e2.site_id = s2.id WHERE s.func_id = ?1 AND e.store_id IS NULL AND e2.store_id IS NULL");
	db_bind_int(q, 1, func);
	while (db_step_row(db, q))
		sb_addf(ids, ",%lld", (long long)sqlite3_column_int64(q, 0));
	sqlite3_finalize(q);
}

/* What the callback FUNC of source K does near it (near_funcs): READS a
 * config field (a call through virtio_config_ops.get), and the deferral
 * API (rules_defer) it calls, into DEFER (NULL: none). */
static void callback_facts(struct hx_data *d, int k, int64_t func, bool *reads, const char **defer)
{
	struct lp_db *db = d->srcs[k].db;
	struct strbuf ids = {0};
	near_funcs(db, func, &ids);
	/* the ids are numbers this function wrote: json_each reads them as one bound text */
	sqlite3_stmt *q = db_prepare(db,
		"SELECT s.ind_key, s.callee_name FROM site s WHERE s.kind = ?2 AND s.func_id IN "
		"(SELECT value FROM json_each('[' || ?1 || ']')) ORDER BY s.id");
	db_bind_text(q, 1, sb_str(&ids));
	db_bind_int(q, 2, SITE_CALL);
	*reads = false;
	*defer = NULL;
	while (db_step_row(db, q)) {
		const char *key = db_col_text(q, 0), *callee = db_col_text(q, 1);
		if (sqlite3_column_type(q, 0) != SQLITE_NULL && !strcmp(key, "virtio_config_ops.get"))
			*reads = true;
		if (!*defer && sqlite3_column_type(q, 1) != SQLITE_NULL && d->rules && rules_defer(d->rules, callee))
			*defer = arena_strdup(&d->arena, callee);
	}
	sqlite3_finalize(q);
	sb_free(&ids);
}

static void why_add(struct hx_data *d, struct hx_cell *c, const char *text)
{
	if (c->why && strstr(c->why, text))
		return;
	c->why = c->why ? arena_printf(&d->arena, "%s; %s", c->why, text) : text;
}

/* A combined report's safe cell reached by RE: why it is safe.  The
 * callback reads config and the transport's config read takes no lock, or
 * it reads no config and defers its work; else only that no finding is on
 * the path.  From the source's facts (near_funcs, find_lock), not a proof. */
static void add_why(struct hx_data *d, const struct hx_reach *re)
{
	struct hx_row *r = find_row(d, re->cb, re->cb_loc.file);
	struct hx_cell *c = r ? &r->cells[re->tr] : NULL;
	if (!c || c->status != HX_SAFE)
		return;
	bool reads;
	const char *api, *t = d->transports[re->tr];
	callback_facts(d, re->src, re->cb_func, &reads, &api);
	const struct hx_cfgread *cr = &d->cfgread[(size_t)re->src * (size_t)d->ntr + (size_t)re->tr];
	if (reads && cr->get && !cr->lock)
		why_add(d, c, arena_printf(&d->arena, "reads config: %s's config read %s takes no lock", t, cr->get));
	else if (!reads && api)
		why_add(d, c, arena_printf(&d->arena, "defers: %s queues its work (%s) and reads no config", re->cb, api));
	else if (!reads)
		why_add(d, c, arena_printf(&d->arena, "no finding on the path; %s reads no config", re->cb));
	else if (cr->get)
		why_add(d, c, arena_printf(&d->arena, "no finding on the path; %s's config read %s takes %s (in %s)", t,
					   cr->get, cr->lock, cr->lock_func));
	else
		why_add(d, c, "no finding on the path");
}

static int by_driver(const void *a, const void *b)
{
	const struct hx_row *x = a, *y = b;
	int c = strcmp(x->driver, y->driver);
	return c ? c : strcmp(x->cb, y->cb);
}

void hx_matrix_build(struct hx_data *d)
{
	size_t cap = 0;
	for (int i = 0; i < d->nreach; i++) {
		const struct hx_reach *re = &d->reach[i];
		struct hx_row *r = row_for(d, re->cb, re->cb_loc.file, &cap);
		r->cb = re->cb;
		r->cb_key = re->cb_key;
		r->cb_loc = re->cb_loc;
		r->driver = driver_name(d, re->has_store ? re->store.file : re->cb_loc.file);
		struct hx_cell *c = &r->cells[re->tr];
		if (!c->reach[context_from_name(re->ctx)])   /* the first source's, in a combined report */
			c->reach[context_from_name(re->ctx)] = re;
		c->srcs |= 1ULL << re->src;
		if (c->status < HX_SAFE)
			c->status = HX_SAFE;
	}
	for (int i = 0; i < d->n; i++)
		place_finding(d, &d->f[i], &cap);
	if (d->nsrc > 1)
		for (int i = 0; i < d->nreach; i++)
			add_why(d, &d->reach[i]);
	if (d->nrows)
		qsort(d->rows, (size_t)d->nrows, sizeof(*d->rows), by_driver);
}

/* ------------------------------------------------------------ writing */

const char *hx_transport_origin(struct hx_data *d, int t)
{
	const char *s = "";
	for (int k = 0; k < d->nsrc; k++)
		if (d->tr_srcs[t] & (1ULL << k)) {
			const struct hx_source *src = &d->srcs[k];
			s = arena_printf(&d->arena, "%s%s%s%s%s", s, *s ? "; " : "", src->label, src->arch ? ": " : "",
					 src->arch ? src->arch : "");
		}
	return s;
}

static const char *short_key(const char *key)
{
	const char *dot = key ? strrchr(key, '.') : NULL;
	return dot ? dot + 1 : key ? key : "?";
}

static void write_cell(FILE *out, const struct hx_data *d, const struct hx_row *r, int t)
{
	const struct hx_cell *c = &r->cells[t];
	const char *cls = c->status == HX_NONE ? "none" : c->status == HX_SAFE ? "safe" : c->status == HX_SLEEPS ? "sleeps"
			  : c->status == HX_DEADLOCK ? "deadlock" : "other";
	fprintf(out, "<td class=\"cell %s\" data-transport=\"", cls);
	hx_esc(out, d->transports[t]);
	fprintf(out, "\" data-status=\"%s\"><span class=\"st\">%s", cls, c->status == HX_NONE ? "&mdash;" : hx_status_name(c->status));
	for (enum hx_status st = c->status; st-- > HX_OTHER;)   /* the lesser kinds present too */
		for (int i = 0; i < c->nrefs; i++)
			if (hx_rule_status(d->f[c->refs[i].num - 1].f) == st) {
				fprintf(out, " &middot; %s", hx_status_name(st));
				break;
			}
	fputs("</span>", out);
	for (int i = 0; i < c->nrefs; i++) {
		const struct hx_finding *hf = &d->f[c->refs[i].num - 1];
		fprintf(out, "<div class=\"ref\"><a href=\"findings/%d.html\"", hf->num);
		if (c->refs[i].transferred) {
			fputs(" title=\"", out);
			hx_escf(out, "the same code after %s; the witness path starts on another transport", r->cb);
			fputs("\"", out);
		}
		fprintf(out, ">#%d%s</a> ", hf->num, c->refs[i].transferred ? "&dagger;" : "");
		hx_esc(out, hf->f->rule);
		fputs("</div>", out);
	}
	for (int ctx = CTX_HARDIRQ; ctx >= CTX_PROCESS; ctx--)
		if (c->reach[ctx]) {
			fprintf(out, "<div class=\"reach\" title=\"");
			hx_esc(out, c->reach[ctx]->path);
			fputs("\">", out);
			hx_esc(out, c->reach[ctx]->ctx);
			fputs(" from <code>", out);
			hx_esc(out, c->reach[ctx]->entry);
			fprintf(out, "</code></div>");
		}
	if (c->why) {
		/* the style of the reach lines: the report's style sheet is the same for one database or several */
		fputs("<div class=\"reach why\" title=\"why this transport is safe here, from its database's facts\">", out);
		hx_esc(out, c->why);
		fputs("</div>", out);
	}
	if (c->ndismissed) {
		fprintf(out, "<div class=\"dismissed\" title=\"these paths continue into another transport's code\">cross-transport:");
		for (int i = 0; i < c->ndismissed; i++)
			fprintf(out, " <a href=\"findings/%d.html\">#%d</a>", c->dismissed[i], c->dismissed[i]);
		fprintf(out, "</div>");
	}
	fprintf(out, "</td>");
}

static void write_row(FILE *out, struct hx_data *d, const struct hx_row *r)
{
	fprintf(out, "<tr data-callback=\"");
	hx_esc(out, r->cb);
	fprintf(out, "\"><th scope=\"row\"><code>");
	hx_esc(out, r->cb);
	fprintf(out, "</code><div class=\"sub\">");
	hx_esc(out, r->driver);
	fprintf(out, " &middot; ");
	hx_loc_link(out, d, &r->cb_loc, "");
	fprintf(out, "</div></th><td><code>");
	hx_esc(out, short_key(r->cb_key));
	fprintf(out, "</code></td>");
	for (int t = 0; t < d->ntr; t++)
		write_cell(out, d, r, t);
	fprintf(out, "</tr>\n");
}

/* The rules whose offence is OFF, ', ' between, in check_list.h's order. */
static void rules_by_offence(FILE *out, enum check_offence off)
{
	const char *sep = "";
	for (int i = 0; i < CHECK_COUNT; i++)
		if (checks[i].offence == off) {
			fputs(sep, out);
			hx_esc(out, checks[i].name);
			sep = ", ";
		}
}

static void method_note(FILE *out, const struct hx_data *d)
{
	fputs("<details class=\"method\"><summary>How this matrix is computed</summary>\n<ul>\n"
	      "<li><b>Columns</b>: a transport is a file named <code>virtio_&lt;name&gt;[_*].c</code> that stores functions "
	      "into <code>struct virtio_config_ops</code> (virtio_ccw.c: ccw; virtio_pci_modern.c, virtio_pci_common.c: pci). "
	      "A function belongs to the transport of the file it is defined in.</li>\n"
	      "<li><b>Rows</b>: functions called through <code>virtio_driver.config_changed</code> or "
	      "<code>virtqueue.callback</code>, the two ways the virtio core calls into a driver from a transport's interrupt.</li>\n"
	      "<li><b>Reached</b>: <code>lockpath check</code> searches the resolved call graph from the same entry points "
	      "the checks start from (declared entries, registrations such as <code>request_irq</code>, keys such as "
	      "<code>irqaction.handler</code>; not functions nobody calls) and notes the last transport whose code the path went "
	      "through before the callback. Hover a cell's <i>from</i> line for the shortest such path.</li>\n"
	      "<li><b>deadlock / sleeps</b>: a finding's witness path goes through the callback with that transport's code before "
	      "it and no other transport's code after it (", out);
	rules_by_offence(out, CK_ACQUIRES);
	fputs(": deadlock; ", out);
	rules_by_offence(out, CK_CONTEXT);
	fputs(": sleeps). The checks report each offending site once, with a shortest path; a mark &dagger; carries such a finding to "
	      "another transport that reaches the same callback when its cause does not depend on the transport: the held lock "
	      "is taken after the callback, or the sleep is in an atomic context that transport delivers the callback in too.</li>\n"
	      "<li><b>cross-transport</b>: a path that enters one transport's interrupt and then another transport's code "
	      "(a driver's <code>virtio_cread</code> calls <code>vdev-&gt;config-&gt;get</code>, which lockpath resolves to every "
	      "transport's function stored there) is not counted for that cell: a device's config ops are its own transport's. "
	      "Such findings are listed in the cell so that nothing is hidden.</li>\n"
	      "<li><b>safe</b>: the transport's interrupt path reaches the callback and no finding is on it. It is as complete as the "
	      "facts: see the translation units with parse errors above. A different bug on the same offending site that only "
	      "another transport's held locks would cause is reported once, for the shortest path.</li>\n", out);
	if (d->nsrc > 1)
		fputs("<li><b>Several databases</b> (<code>lockpath report --db A --db B</code>): one kernel build only has its "
		      "own architecture's transports, so each database brings its columns, named under each transport with the "
		      "databases (and the architecture their translation units were compiled for) that have it. A row is a callback "
		      "by name and file, whichever database reached it; a cell is the worst any of its databases says, and links "
		      "to each database's findings. A <b>safe</b> cell says why, from that database's facts: <i>reads config</i>: "
		      "the callback reads its config (a call through <code>virtio_config_ops.get</code>, in it or two direct calls "
		      "below) and the transport's config read (the function its files store there) takes no lock, itself or six "
		      "direct calls below; <i>defers</i>: the callback reads no config and queues its work (a deferral API of the "
		      "rules); else only that no finding is on the path.</li>\n", out);
	if (d->partial)
		fputs("<li class=\"warn\"><b>A limit of the analysis was hit, or the findings are out of date (see "
		      "<a href=\"#notices\">above</a>): a cell marked safe is not proven on this run.</b></li>\n", out);
	fputs("</ul></details>\n", out);
}

void hx_matrix_write(FILE *out, const struct hx_data *d)
{
	fputs("<section id=\"matrix\"><h2>Transport matrix</h2>\n", out);
	if (!d->has_matrix) {
		fputs("<p>This database has no transport facts; run <code>lockpath check</code> again.</p></section>\n", out);
		return;
	}
	if (!d->ntr || !d->nrows) {
		fprintf(out, "<p>%s</p></section>\n", !d->ntr ? "No virtio transport (a file that stores into "
			"<code>virtio_config_ops</code>) in this tree." : "No transport's interrupt path reaches a driver callback.");
		return;
	}
	fputs("<p class=\"lead\">Virtio drivers' callbacks (rows) as each transport's interrupt path delivers them "
	      "(columns). Links lead to the findings.</p>\n<div class=\"scroll\"><table class=\"matrix\">\n"
	      "<thead><tr><th>driver callback</th><th>called as</th>", out);
	for (int t = 0; t < d->ntr; t++) {
		fputs("<th class=\"tr\">", out);
		hx_esc(out, d->transports[t]);
		if (d->nsrc > 1) {
			fputs("<div class=\"sub origin\">", out);
			hx_esc(out, hx_transport_origin((struct hx_data *)d, t));
			fputs("</div>", out);
		}
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < d->nrows; i++)
		write_row(out, (struct hx_data *)d, &d->rows[i]);
	fputs("</tbody></table></div>\n", out);
	method_note(out, d);
	fputs("</section>\n", out);
}
