// SPDX-License-Identifier: GPL-2.0-only
/*
 * sarif.c - SARIF 2.1.0 output (OASIS), built with jansson.  One run; one
 * result per finding with its ruleId, message, location, a codeFlow whose
 * single threadFlow lists every hop in order (entry first, offending
 * acquisition last), relatedLocations for the held lock's acquisition and
 * the alias proof, the example of the fix hint (and what a caller adds:
 * the gate's hunks of a patch), properties.hint (how such code is usually
 * fixed, hints.c), and partialFingerprints["lockpath/v1"] for baselines.
 * TUs with parse errors become toolExecutionNotifications.  A combined
 * report (report/combined.c) adds run.properties (its databases and the
 * transport matrix) and each result's properties.database.
 *
 * Nothing is ever dropped: every string from the database goes in as valid
 * UTF-8 (a bad byte as "\xNN", utf8_clean), and every URI is RFC 3986
 * (percent-encoded), relative to the source root SRCROOT (the TUs' common
 * directory, in originalUriBaseIds) when the file is below it.
 */
#include "report/report.h"
#include "lib/escape.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The source root while one report is written (reports are single-threaded). */
static const char *srcroot;

/* A JSON string that always exists, whatever bytes S holds. */
static json_t *jtext(const char *s)
{
	char *clean = utf8_clean(s ? s : "");
	json_t *j = json_string(clean);
	free(clean);
	if (!j)
		die("out of memory writing SARIF");
	return j;
}

static json_t *text_msg(const char *s)
{
	return json_pack("{s:o}", "text", jtext(s));
}

/* FILE below the source root: relative, with uriBaseId SRCROOT; else absolute file://. */
static json_t *artifact(const char *file)
{
	size_t n = srcroot ? strlen(srcroot) : 0;
	bool below = n && !strncmp(file, srcroot, n) && file[n] == '/' && file[n + 1];
	char *path = uri_path_encode(below ? file + n + 1 : file);
	char *uri = below ? path : xasprintf("file://%s", path);
	json_t *j = below ? json_pack("{s:s, s:s}", "uri", uri, "uriBaseId", "SRCROOT") : json_pack("{s:s}", "uri", uri);
	if (uri != path)
		free(uri);
	free(path);
	return j;
}

static json_t *phys(const struct rp_loc *l)
{
	return json_pack("{s:o, s:{s:i, s:i}}", "artifactLocation", artifact(l->file ? l->file : "/unknown"),
			 "region", "startLine", l->line > 0 ? l->line : 1, "startColumn", l->col > 0 ? l->col : 1);
}

static json_t *location(const struct rp_loc *l, const char *msg)
{
	json_t *j = json_pack("{s:o}", "physicalLocation", phys(l));
	if (msg)
		json_object_set_new(j, "message", text_msg(msg));
	return j;
}

/* LOCK: what the last hop acquires. */
static json_t *thread_flow(const struct rp_finding *f, const struct rp_hop *hops, int nhops, const char *lock)
{
	json_t *locs = json_array();
	for (int i = 0; i < nhops; i++) {
		const struct rp_hop *h = &hops[i];
		char *m;
		if (i + 1 < nhops && hops[i + 1].via_key && hops[i + 1].via_text && *hops[i + 1].via_text)
			m = xasprintf("%s calls %s through '%s' (%s)", h->func, hops[i + 1].func,
				      hops[i + 1].via_text, hops[i + 1].via_key);
		else if (i + 1 < nhops && hops[i + 1].via_key)
			m = xasprintf("%s calls %s through %s", h->func, hops[i + 1].func, hops[i + 1].via_key);
		else if (i + 1 < nhops)
			m = xasprintf("%s calls %s", h->func, hops[i + 1].func);
		else if (rp_check(f)->offence == CK_CONTEXT)
			m = xasprintf("%s %s", h->func, rp_check(f)->verb);
		else
			m = xasprintf("%s acquires %s", h->func, lock ? lock : "?");
		json_t *tl = json_pack("{s:o, s:i, s:i}", "location", location(&h->site, m),
				       "nestingLevel", i, "executionOrder", i + 1);
		free(m);
		json_array_append_new(locs, tl);
	}
	return json_pack("{s:o}", "locations", locs);
}

/* One code flow per path: the finding's own, then the other one (lock-order,
 * irq-inversion), or each further dependency of a lock-order cycle. */
static json_t *code_flows(const struct rp_finding *f)
{
	json_t *flows = json_array();
	json_array_append_new(flows, json_pack("{s:[o]}", "threadFlows", thread_flow(f, f->hops, f->nhops, f->lock_key)));
	if (f->npaths <= 2 && f->nhops2)
		json_array_append_new(flows, json_pack("{s:{s:s}, s:[o]}", "message", "text", "the other path",
						       "threadFlows", thread_flow(f, f->hops2, f->nhops2,
						       rp_path_lock(f, 1) ? rp_path_lock(f, 1) : f->lock_key)));
	for (int k = 1; f->npaths > 2 && k < f->npaths; k++) {
		if (!f->paths[k].n)
			continue;
		char *m = xasprintf("the path of the dependency %s -> %s", rp_cycle_lock(f, k),
				    rp_cycle_lock(f, (k + 1) % f->npaths));
		json_array_append_new(flows, json_pack("{s:o, s:[o]}", "message", text_msg(m), "threadFlows",
						       thread_flow(f, f->paths[k].hops, f->paths[k].n, rp_path_lock(f, k))));
		free(m);
	}
	return json_pack("{s:o}", "codeFlows", flows);
}

static json_t *related(const struct rp_finding *f)
{
	json_t *rel = json_array();
	int id = 1;
	if (f->has_held) {
		char *m = xasprintf("%s was acquired here, in %s", f->held_key, f->held_func);
		json_t *l = location(&f->held_site, m);
		json_object_set_new(l, "id", json_integer(id++));
		json_array_append_new(rel, l);
		free(m);
	}
	for (int a = 0; a < f->naliases; a++) {
		char *m = xasprintf("%s and %s are one lock: '%s'", f->aliases[a].lhs, f->aliases[a].rhs,
				    f->aliases[a].text);
		json_t *l = location(&f->aliases[a].loc, m);
		json_object_set_new(l, "id", json_integer(id++));
		json_array_append_new(rel, l);
		free(m);
	}
	if (f->has_hint_example) {   /* the tree's example of the fix (properties.hint) */
		json_t *l = location(&f->hint_example, f->hint_example_msg);
		json_object_set_new(l, "id", json_integer(id++));
		json_array_append_new(rel, l);
	}
	for (int r = 0; r < f->nrelated; r++) {   /* the caller's (the gate: the patch's hunks) */
		json_t *l = location(&f->related[r].loc, f->related[r].message);
		json_object_set_new(l, "id", json_integer(id++));
		json_array_append_new(rel, l);
	}
	return rel;
}

static json_t *result(const struct rp_finding *f)
{
	json_t *r = json_pack("{s:o, s:i, s:s, s:o, s:[o], s:{s:o}, s:{s:o, s:o}}",
		"ruleId", jtext(f->rule), "ruleIndex", f->rule_id, "level", f->only_note ? "note" : "warning",
		"message", text_msg(f->message), "locations", location(&f->site, NULL),
		"partialFingerprints", "lockpath/v1", jtext(f->fingerprint),
		"properties", "context", jtext(f->context), "entry", jtext(f->entry));
	if (!r)   /* a result is never dropped in silence: report_sarif fails */
		return NULL;
	/* 0-100, higher first: the order the results are in (report/findings.c) */
	json_object_set_new(r, "rank", json_real((double)(long)(f->rank * 10.0 + 0.5) / 10.0));
	json_object_set_new(json_object_get(r, "properties"), "guessedBits", json_real(f->guess8 / 8.0));
	if (f->bytype)   /* a hop resolved by function type (docs/rules.md) */
		json_object_set_new(json_object_get(r, "properties"), "confidence", json_string("lower"));
	if (f->last_put)   /* a path needs a put to drop the last reference (docs/rules.md) */
		json_object_set_new(json_object_get(r, "properties"), "lastPut", json_true());
	if (f->hint)   /* how such code is usually fixed: advice, not an edit, so not 'fixes' */
		json_object_set_new(json_object_get(r, "properties"), "hint", jtext(f->hint));
	json_t *flows = code_flows(f);
	json_object_update(r, flows);
	json_decref(flows);
	json_t *rel = related(f);
	if (json_array_size(rel))
		json_object_set_new(r, "relatedLocations", rel);
	else
		json_decref(rel);
	return r;
}

static json_t *driver(void)
{
	json_t *rules = json_array();
	for (int i = 0; i < CHECK_COUNT; i++)   /* in check_list.h's order: ruleIndex is enum check_id */
		json_array_append_new(rules, json_pack("{s:s, s:s, s:{s:s}, s:{s:s}}",
			"id", checks[i].name, "name", checks[i].name,
			"shortDescription", "text", checks[i].summary,
			"defaultConfiguration", "level", "warning"));
	return json_pack("{s:s, s:s, s:o}", "name", "lockpath", "version", LP_VERSION, "rules", rules);
}

/* The run's notices (findings.h): stale findings, incomplete TUs, limits hit. */
static json_t *invocation(const struct rp_run *run)
{
	json_t *notes = json_array();
	for (int i = 0; i < run->nnotices; i++) {
		const struct rp_notice *n = &run->notices[i];
		json_t *j = json_pack("{s:s, s:o, s:{s:o}}", "level", "warning", "message", text_msg(n->message),
				      "descriptor", "id", jtext(n->kind));
		if (n->loc.file)
			json_object_set_new(j, "locations", json_pack("[o]", location(&n->loc, NULL)));
		json_array_append_new(notes, j);
	}
	return json_pack("{s:b, s:o}", "executionSuccessful", 1, "toolExecutionNotifications", notes);
}

/* The results of RUN in order; NULL, with ERR set, when one cannot be made. */
static json_t *results_of(const struct rp_run *run, struct strbuf *err)
{
	json_t *results = json_array();
	for (int i = 0; results && i < run->n; i++) {
		json_t *r = result(&run->f[i]);
		if (!r) {
			sb_addf(err, "cannot write finding %lld (%s) as SARIF", (long long)run->f[i].id,
				run->f[i].fingerprint);
			json_decref(results);
			return NULL;
		}
		if (json_array_append_new(results, r))
			die("out of memory writing SARIF");
	}
	if (!results)
		die("out of memory writing SARIF");
	return results;
}

int report_sarif(const char *path, const struct rp_run *run, struct strbuf *err)
{
	return report_sarif_props(path, run, NULL, NULL, err);
}

int report_sarif_props(const char *path, const struct rp_run *run, json_t *props, const char *const *dbs,
		       struct strbuf *err)
{
	char *root = rp_source_root(run);
	srcroot = root;
	json_t *results = results_of(run, err);
	if (!results) {
		srcroot = NULL;
		free(root);
		json_decref(props);
		return -1;
	}
	for (int i = 0; dbs && i < run->n; i++)
		json_object_set_new(json_object_get(json_array_get(results, (size_t)i), "properties"), "database",
				    jtext(dbs[i]));
	json_t *doc = json_pack("{s:s, s:s, s:[{s:{s:o}, s:[o], s:o}]}",
		"$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
		"runs", "tool", "driver", driver(), "invocations", invocation(run), "results", results);
	if (root) {   /* SRCROOT: a directory URI, with its trailing slash */
		char *enc = uri_path_encode(root), *uri = xasprintf("file://%s/", enc);
		json_object_set_new(json_array_get(json_object_get(doc, "runs"), 0), "originalUriBaseIds",
				    json_pack("{s:{s:s}}", "SRCROOT", "uri", uri));
		free(uri);
		free(enc);
	}
	srcroot = NULL;
	free(root);
	if (!doc)
		die("out of memory writing SARIF");
	if (props)
		json_object_set_new(json_array_get(json_object_get(doc, "runs"), 0), "properties", props);
	/* a temporary file renamed into place: PATH is never left half-written */
	char *tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
	errno = 0;
	int rc = json_dump_file(doc, tmp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (!rc && rename(tmp, path))
		rc = -1;
	int saved = errno ? errno : EIO;
	if (rc)
		unlink(tmp);
	free(tmp);
	if (rc)
		sb_addf(err, "cannot write SARIF to %s: %s", path, strerror(saved));
	return rc ? -1 : 0;
}
