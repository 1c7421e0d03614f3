// SPDX-License-Identifier: GPL-2.0-only
/*
 * html_finding.c - one page per finding (findings/N.html): the facts (rule,
 * context, entry, locks, transport and driver callback), a lockdep-style
 * block kernel developers recognise, the alias proof, and each witness path
 * as a list of hops with source snippets, indirect calls explained by their
 * key and store, and the locks each function holds; then a drawing of it.
 * Before the paths, how such code is usually fixed (hints.c).
 */
#include "report/html_int.h"
#include "lib/keyname.h"

#include <string.h>

#define ROOT "../"

/* ------------------------------------------------------------ lockdep block */

static bool irqs_off(const struct hx_finding *hf)
{
	if (context_from_name(hf->f->context) == CTX_HARDIRQ)
		return true;
	for (int i = 0; i < hf->nheld; i++)
		if (hf->held[i].irq == IRQ_SAVE || hf->held[i].irq == IRQ_DISABLE)
			return true;
	return false;
}

static void lock_at(FILE *out, struct hx_data *d, const char *cls, const char *func, const struct rp_loc *loc)
{
	hx_escf(out, " (%s), at: %s (", cls ? cls : "?", func ? func : "?");
	hx_loc_link(out, d, loc, ROOT);
	fputs(")\n", out);
}

static void held_list(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	fprintf(out, "\n%d lock%s held on the path:\n", hf->nheld, hf->nheld == 1 ? "" : "s");
	for (int i = 0; i < hf->nheld; i++) {
		fprintf(out, " #%d:", i);
		lock_at(out, d, hf->held[i].cls, hf->held[i].acq_func, &hf->held[i].acq);
	}
}

static void scenario(FILE *out, const struct hx_finding *hf)
{
	const char *a = hf->f->held_key ? hf->f->held_key : "?", *b = hf->f->lock_key ? hf->f->lock_key : "?";
	fputs("\nother info that might help us debug this:\n Possible unsafe locking scenario:\n\n", out);
	enum check_paths paths = rp_check(hf->f)->paths;
	if (paths == CK_OTHER_ORDER) {
		/* a CPU per class of the cycle (two for ABBA): each takes its
		 * class, then, the last CPU first, each the next one */
		int n = hf->npaths > 2 ? hf->npaths : 2;
		for (int row = 0; row < 2; row++) {
			fputs("       ", out);
			for (int c = 0; c < n; c++) {
				char cell[16];
				snprintf(cell, sizeof(cell), row ? "----" : "CPU%d", c);
				fprintf(out, "%-*s", c + 1 < n ? (c ? 33 : 28) : 0, cell);
			}
			fputc('\n', out);
		}
		for (int row = 0; row < 2 * n; row++) {
			int cpu = row < n ? row : 2 * n - 1 - row;
			int cls = row < n ? cpu : (cpu + 1) % n;
			hx_escf(out, "  %*slock(%s);\n", 33 * cpu, "", rp_cycle_lock(hf->f, cls));
		}
	} else if (paths == CK_HARDIRQ_USE) {
		fputs("       CPU0\n       ----\n", out);
		hx_escf(out, "  lock(%s);\n  <Interrupt>\n    lock(%s);\n", b, b);
	} else {
		fputs("       CPU0\n       ----\n", out);
		hx_escf(out, "  lock(%s);\n  lock(%s);\n", a, b);
	}
	fputs("\n *** DEADLOCK ***\n", out);
}

static void banner(FILE *out, const char *title, const struct hx_finding *hf)
{
	size_t n = strlen(title);
	for (size_t i = 0; i < n; i++)
		fputc('=', out);
	hx_escf(out, "\n%s\n", title);
	hx_escf(out, "lockpath %s, static analysis (no run): %s context, entry %s\n", LP_VERSION, hf->f->context,
		hf->f->entry);
	for (size_t i = 0; i < n; i++)
		fputc('-', out);
	fputc('\n', out);
}

static void lockdep_block(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	const struct rp_finding *f = hf->f;
	const struct check_info *ci = rp_check(f);
	const char *last = f->nhops ? f->hops[f->nhops - 1].func : "?";
	fputs("<section id=\"lockdep\"><h2>As lockdep would put it</h2>\n<pre class=\"lockdep\">", out);
	if (ci->offence == CK_CONTEXT) {   /* might_sleep()'s splat */
		hx_escf(out, "%s at ", ci->lockdep ? ci->lockdep : f->message);
		hx_loc_link(out, d, &f->site, ROOT);
		hx_escf(out, "\nin_atomic(): 1, irqs_disabled(): %d, context: %s, entry: %s\n%s\n", irqs_off(hf),
			f->context, f->entry, f->message);
		held_list(out, d, hf);
	} else {
		banner(out, ci->lockdep ? ci->lockdep : f->message, hf);
		if (ci->lockdep_detail)   /* as is, like lockdep: '{IN-HARDIRQ-W} -> ...' */
			fprintf(out, "%s\n", ci->lockdep_detail);
		hx_escf(out, "%s is trying to acquire lock:\n", last);
		lock_at(out, d, f->lock_key, last, &f->site);
		if (f->has_held) {
			fputs("\nbut the path is already holding lock:\n", out);
			lock_at(out, d, f->held_key, f->held_func, &f->held_site);
		}
		for (int a = 0; a < f->naliases; a++) {
			fputs(a ? "" : "\nand these two names are one lock:\n", out);
			hx_escf(out, " %s  (%s, ", f->aliases[a].text, hf->alias_func[a] ? hf->alias_func[a] : "initialiser");
			hx_loc_link(out, d, &f->aliases[a].loc, ROOT);
			fputs(")\n", out);
		}
		held_list(out, d, hf);
		if (ci->paths == CK_OTHER_ORDER && hf->npaths > 2) {   /* lockdep's "Chain exists of" */
			fputs("\nChain exists of:\n  ", out);
			for (int k = 0; k <= hf->npaths; k++)
				hx_escf(out, "%s%s", k ? " --> " : "", rp_cycle_lock(f, k % hf->npaths));
			fputc('\n', out);
		}
		scenario(out, hf);
		if (ci->lockdep_hint)
			fprintf(out, "\n %s\n", ci->lockdep_hint);
	}
	fputs("</pre></section>\n", out);
}

/* ------------------------------------------------------------ facts */

static void fact(FILE *out, const char *name)
{
	fprintf(out, "<dt>%s</dt><dd>", name);
}

static void lock_fact(FILE *out, const char *key, const char *cls)
{
	hx_code(out, key);
	if (cls && strcmp(cls, key)) {
		fputs(" (class ", out);
		hx_code(out, cls);
		fputs(")", out);
	}
}

static void transport_fact(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	const struct hx_path *p = &hf->path[0];
	for (int i = 1; i < hf->npaths && p->cb < 0; i++)
		p = &hf->path[i];
	if (p->cb < 0)
		return;
	fact(out, "transport");
	if (p->tr_before >= 0)
		hx_esc(out, d->transports[p->tr_before]);
	else
		fputs("none on the path", out);
	if (p->tr_after >= 0 && p->tr_after != p->tr_before)
		hx_escf(out, ", then %s's code (cross-transport, see below)", d->transports[p->tr_after]);
	fputs("</dd>", out);
	fact(out, "driver callback");
	hx_code(out, p->hops[p->cb].func);
	fputs(" through ", out);
	hx_code(out, p->hops[p->cb].via_key);
	fputs(" &middot; <a href=\"../index.html#matrix\">transport matrix</a></dd>\n", out);
}

static void facts(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	const struct rp_finding *f = hf->f;
	fputs("<dl class=\"facts\">", out);
	if (d->nsrc > 1) {   /* a combined report: whose finding this is */
		const struct hx_source *src = &d->srcs[hf->src];
		fact(out, "database");
		hx_esc(out, src->label);
		if (src->arch)
			hx_escf(out, " (%s)", src->arch);
		fputs("</dd>", out);
	}
	fact(out, "rule");
	fputs("<span class=\"rule ", out);
	hx_esc(out, f->rule);
	fputs("\">", out);
	hx_esc(out, f->rule);
	fputs("</span> ", out);
	hx_esc(out, rp_check(f)->summary);
	fputs("</dd>", out);
	fact(out, "context");
	hx_escf(out, "%s%s", f->context, irqs_off(hf) ? ", interrupts off" : "");
	fputs("</dd>", out);
	fact(out, "entry");
	hx_code(out, f->entry);
	fputs("</dd>", out);
	fact(out, "at");
	hx_loc_link(out, d, &f->site, ROOT);
	fputs("</dd>", out);
	/* why it is listed where it is (report/findings.c, rank_finding) */
	fact(out, "rank");
	hx_escf(out, "%.1f of 100: %s context, %s, %s (line rank %d), %s, %d hops, %.1f bits guessed at "
		"indirect calls%s", f->rank, f->context, f->from_root ? "from a function nobody calls" :
		"from an entry point", f->rule, rp_check(f)->line_rank,
		f->bytype ? "a hop resolved by function type" : "every hop resolved by a store or a direct call",
		f->nhops, f->guess8 / 8.0, f->last_put ? ", only where a put drops the last reference" : "");
	fputs("</dd>", out);
	if (f->lock_key) {
		fact(out, rp_check(f)->offence == CK_CONTEXT ? "lock" : "acquires");
		lock_fact(out, f->lock_key, hf->lock_cls);
		fputs("</dd>", out);
	}
	if (f->has_held) {
		fact(out, "already held");
		lock_fact(out, f->held_key, hf->held_cls);
		hx_escf(out, ", taken in %s at ", f->held_func ? f->held_func : "?");
		hx_loc_link(out, d, &f->held_site, ROOT);
		fputs("</dd>", out);
	}
	transport_fact(out, d, hf);
	fact(out, "fingerprint");
	hx_code(out, f->fingerprint);
	fputs("</dd></dl>\n", out);
}

/* ------------------------------------------------------------ alias proof */

static void alias_proof(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	const struct rp_finding *f = hf->f;
	if (!f->naliases)
		return;
	fputs("<section id=\"alias\"><h2>Why these are one lock</h2>\n", out);
	for (int a = 0; a < f->naliases; a++) {
		const struct rp_alias *al = &f->aliases[a];
		fputs("<div class=\"alias\"><p>", out);
		hx_code(out, al->lhs);
		fputs(" and ", out);
		hx_code(out, al->rhs);
		fputs(" name one lock: ", out);
		fputs(hf->alias_func[a] ? "" : "an initialiser ", out);
		if (hf->alias_func[a]) {
			hx_code(out, hf->alias_func[a]);
			fputs(" does ", out);
		} else {
			fputs("says ", out);
		}
		fputs("<code class=\"proof\">", out);
		hx_esc(out, al->text);
		fputs("</code> at ", out);
		hx_loc_link(out, d, &al->loc, ROOT);
		fputs("</p>\n", out);
		hx_snippet(out, d, &al->loc, 2, 2, ROOT);
		fputs("</div>\n", out);
	}
	fputs("</section>\n", out);
}

/* ------------------------------------------------------------ fix hint */

/* How such code is usually fixed (hints.c), with the tree's example in its
 * source when the hint names one. */
static void fix_hint(FILE *out, struct hx_data *d, const struct hx_finding *hf)
{
	const struct rp_finding *f = hf->f;
	if (!f->hint)
		return;
	fputs("<section id=\"fix\"><h2>How this is usually fixed</h2>\n<p class=\"hint\">", out);
	hx_esc(out, f->hint);
	fputs("</p>\n", out);
	if (f->has_hint_example) {
		fputs("<div class=\"example\"><p>The tree's example: ", out);
		hx_esc(out, f->hint_example_msg ? f->hint_example_msg : "");
		fputs(", at ", out);
		hx_loc_link(out, d, &f->hint_example, ROOT);
		fputs("</p>\n", out);
		hx_snippet(out, d, &f->hint_example, 1, 4, ROOT);
		fputs("</div>\n", out);
	}
	fputs("</section>\n", out);
}

/* ------------------------------------------------------------ path */

static void hop_locks(FILE *out, struct hx_data *d, const struct hx_hop *x)
{
	if (!x->nlocks)
		return;
	fputs("<ul class=\"locks\">", out);
	for (int k = 0; k < x->nlocks; k++) {
		const struct hx_lock *l = &x->locks[k];
		fprintf(out, "<li class=\"%s\">%s ", l->held ? "held" : "released", l->held ? "holds" : "has released");
		lock_fact(out, l->key, l->cls);
		if (l->has_acq) {
			fputs(l->held ? ", taken at " : ", which was taken at ", out);
			hx_loc_link(out, d, &l->acq, ROOT);
		}
		fputs("</li>", out);
	}
	fputs("</ul>\n", out);
}

static void hop_via(FILE *out, struct hx_data *d, const struct rp_hop *h)
{
	if (!h->via_key)
		return;
	fputs("<div class=\"via\">reached through ", out);
	if (h->via_text && *h->via_text) {
		hx_code(out, h->via_text);
		fputs(", key ", out);
	}
	hx_code(out, h->via_key);
	if (h->has_store && keyname_is_type(h->store_key)) {
		/* link's fallback (docs/rules.md): no store explains the call */
		fputs(": <strong>resolved by function type, lower confidence</strong>: nothing traceable is "
		      "stored into the key; ", out);
		hx_code(out, h->func);
		fputs(" has the call's type ", out);
		hx_code(out, h->store_key + 5);
		fputs(" and its address is taken at ", out);
		hx_loc_link(out, d, &h->store, ROOT);
		fputs("</div>\n", out);
		hx_snippet(out, d, &h->store, 0, 0, ROOT);
	} else if (h->has_store) {
		fputs(": ", out);
		hx_code(out, h->func);
		/* a direct call with a store behind it: a chain call (link/chains.c) */
		fputs(h->via_key ? " was stored into " : " is a callback registered on the chain this call "
		      "walks; it was stored into ", out);
		hx_code(out, h->store_key ? h->store_key : h->via_key);
		fputs(" at ", out);
		hx_loc_link(out, d, &h->store, ROOT);
		fputs("</div>\n", out);
		hx_snippet(out, d, &h->store, 0, 0, ROOT);
	} else {
		fputs("</div>\n", out);
	}
}

static void hop(FILE *out, struct hx_data *d, const struct hx_finding *hf, const struct hx_path *p, int i)
{
	const struct rp_hop *h = &p->hops[i];
	bool last = i == p->n - 1;
	fprintf(out, "<li class=\"hop%s%s\" id=\"p%d-hop-%d\" data-func=\"", last ? " last" : "", i == p->cb ? " callback" : "",
		(int)(p - hf->path), i);
	hx_esc(out, h->func);
	fprintf(out, "\"><div class=\"hophead\"><span class=\"idx\">%d</span> <code class=\"fn\">", i);
	hx_esc(out, h->func);
	fputs("</code>", out);
	if (i == 0) {   /* each path's own start: a lock-order's other path may be another context's */
		const char *how = h->entry ? h->entry : hf->f->context;
		fputs(" <span class=\"tag\">", out);
		if (!strcmp(how, "root"))
			hx_esc(out, "not called in the tree: process context");
		else
			hx_escf(out, "%s entry", how);
		fputs("</span>", out);
	}
	if (i == p->cb)
		fputs(" <span class=\"tag cb\">driver callback</span>", out);
	if (p->x[i].tr >= 0) {
		fputs(" <span class=\"tag tr\">", out);
		hx_esc(out, d->transports[p->x[i].tr]);
		fputs("</span>", out);
	}
	fputs(" <span class=\"def\">defined at ", out);
	hx_loc_link(out, d, &h->func_loc, ROOT);
	fputs("</span></div>\n", out);
	hop_via(out, d, h);
	hx_snippet(out, d, &h->site, 2, 1, ROOT);
	hop_locks(out, d, &p->x[i]);
	if (!last) {
		fputs("<div class=\"calls\">calls ", out);
		hx_code(out, p->hops[i + 1].func);
		fputs("</div>", out);
	} else {
		fputs("<div class=\"offence\">", out);
		const struct check_info *ci = rp_check(hf->f);
		if (ci->offence == CK_CONTEXT)
			hx_esc(out, hf->f->message);
		else if (p == hf->path)
			hx_escf(out, "acquires %s here", hf->f->lock_key ? hf->f->lock_key : "?");
		else if (ci->paths == CK_OTHER_ORDER && hf->npaths > 2) {
			int k = (int)(p - hf->path);
			const char *l = rp_path_lock(hf->f, k);
			hx_escf(out, "acquires %s here, while %s is held: the dependency %d of %d in the cycle",
				l ? l : "?", rp_cycle_lock(hf->f, k), k + 1, hf->npaths);
		} else if (ci->paths == CK_OTHER_ORDER)
			hx_escf(out, "acquires %s here, while %s is held: the other order",
				hf->f->held_key ? hf->f->held_key : "?", hf->f->lock_key ? hf->f->lock_key : "?");
		else
			hx_escf(out, "takes %s here, in %s context", hf->f->lock_key ? hf->f->lock_key : "the lock",
				ci->paths == CK_HARDIRQ_USE ? "hardirq" : "another");
		fputs("</div>", out);
	}
	fputs("</li>\n", out);
}

static void cross_note(FILE *out, struct hx_data *d, const struct hx_path *p)
{
	if (p->cb < 0 || p->tr_before < 0 || p->tr_after == -1 || p->tr_after == p->tr_before)
		return;
	fputs("<p class=\"note cross\">Cross-transport path: the interrupt is ", out);
	hx_esc(out, d->transports[p->tr_before]);
	fputs("'s, but after the driver callback the path runs ", out);
	fputs(p->tr_after >= 0 ? "" : "several transports' code, ", out);
	if (p->tr_after >= 0) {
		hx_esc(out, d->transports[p->tr_after]);
		fputs("'s code", out);
	}
	fputs(". lockpath resolves a call through a struct field to every function stored into it; at run time a "
	      "device's <code>virtio_config_ops</code> are its own transport's, so this path is likely infeasible as "
	      "drawn. The same code may still be reached on the other transport: see the transport matrix.</p>\n", out);
}

static void path_section(FILE *out, struct hx_data *d, const struct hx_finding *hf, int pi)
{
	const struct hx_path *p = &hf->path[pi];
	fprintf(out, "<section class=\"path\" id=\"path-%d\"><h2>", pi);
	if (hf->npaths == 1)
		fputs("The path", out);
	else if (pi > 0 && hf->npaths > 2)   /* a lock-order cycle */
		hx_escf(out, "Path %c: the dependency %s -> %s", 'A' + pi % 26, rp_cycle_lock(hf->f, pi),
			rp_cycle_lock(hf->f, (pi + 1) % hf->npaths));
	else
		fputs(pi == 0 ? "Path A: where it is reported"
		      : rp_check(hf->f)->paths == CK_OTHER_ORDER ? "Path B: the other order"
		      : "Path B: the use in hardirq context", out);
	fprintf(out, " <span class=\"count\">%d hops, entry first</span></h2>\n", p->n);
	cross_note(out, d, p);
	fprintf(out, "<div class=\"pathgrid\"><ol class=\"hops\" start=\"0\">\n");
	for (int i = 0; i < p->n; i++)
		hop(out, d, hf, p, i);
	fputs("</ol><figure class=\"drawing\">", out);
	hx_svg_path(out, hf, p);
	fputs("<figcaption>solid: direct call &middot; dashed: through a field or table</figcaption></figure></div></section>\n", out);
}

/* ------------------------------------------------------------ page */

static void nav(FILE *out, const struct hx_data *d, const struct hx_finding *hf)
{
	fputs("<nav class=\"pager\"><a href=\"../index.html#findings\">all findings</a>", out);
	if (hf->num > 1)
		fprintf(out, " &middot; <a rel=\"prev\" href=\"%d.html\">&larr; #%d</a>", hf->num - 1, hf->num - 1);
	if (hf->num < d->n)
		fprintf(out, " &middot; <a rel=\"next\" href=\"%d.html\">#%d &rarr;</a>", hf->num + 1, hf->num + 1);
	fputs("</nav>\n", out);
}

int hx_write_finding(const char *dir, struct hx_data *d, const struct hx_finding *hf)
{
	char *path = xasprintf("%s/findings/%d.html", dir, hf->num);
	struct hx_file pg;
	FILE *out = hx_open(&pg, path);
	free(path);
	if (!out)
		return -1;
	char *title = xasprintf("#%d %s: %s", hf->num, hf->f->rule, hf->f->message);
	hx_page_begin(out, title, ROOT, "finding");
	free(title);
	nav(out, d, hf);
	fprintf(out, "<h1><span class=\"num\">#%d</span> <span class=\"rule ", hf->num);
	hx_esc(out, hf->f->rule);
	fputs("\">", out);
	hx_esc(out, hf->f->rule);
	fputs("</span> ", out);
	hx_esc(out, hf->f->message);
	fputs("</h1>\n", out);
	facts(out, d, hf);
	lockdep_block(out, d, hf);
	alias_proof(out, d, hf);
	fix_hint(out, d, hf);
	for (int i = 0; i < hf->npaths; i++)
		path_section(out, d, hf, i);
	hx_page_end(out, ROOT);
	return hx_close(&pg);
}
