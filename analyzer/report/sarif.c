/*
 * sarif.c - SARIF 2.1.0 output (OASIS), built with jansson.  One run; one
 * result per finding with its ruleId, message, location, a codeFlow whose
 * single threadFlow lists every hop in order (entry first, offending
 * acquisition last), relatedLocations for the held lock's acquisition and
 * the alias proof, and partialFingerprints["lockpath/v1"] for baselines.
 * TUs with parse errors become toolExecutionNotifications.
 */
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <string.h>
#include <unistd.h>

static json_t *text_msg(const char *s)
{
	return json_pack("{s:s}", "text", s ? s : "");
}

static json_t *phys(const struct rp_loc *l)
{
	char *uri = xasprintf("file://%s", l->file ? l->file : "/unknown");
	json_t *j = json_pack("{s:{s:s}, s:{s:i, s:i}}", "artifactLocation", "uri", uri,
			      "region", "startLine", l->line > 0 ? l->line : 1, "startColumn", l->col > 0 ? l->col : 1);
	free(uri);
	return j;
}

static json_t *location(const struct rp_loc *l, const char *msg)
{
	json_t *j = json_pack("{s:o}", "physicalLocation", phys(l));
	if (msg)
		json_object_set_new(j, "message", text_msg(msg));
	return j;
}

static json_t *thread_flow(const struct rp_finding *f, const struct rp_hop *hops, int nhops)
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
		else if (rp_check(f)->offence == CK_SLEEPS)
			m = xasprintf("%s may sleep here", h->func);
		else
			m = xasprintf("%s acquires %s", h->func, f->lock_key ? f->lock_key : "?");
		json_t *tl = json_pack("{s:o, s:i, s:i}", "location", location(&h->site, m),
				       "nestingLevel", i, "executionOrder", i + 1);
		free(m);
		json_array_append_new(locs, tl);
	}
	return json_pack("{s:o}", "locations", locs);
}

/* One code flow per path: the finding's own, then the other one (lock-order, irq-inversion). */
static json_t *code_flows(const struct rp_finding *f)
{
	json_t *flows = json_array();
	json_array_append_new(flows, json_pack("{s:[o]}", "threadFlows", thread_flow(f, f->hops, f->nhops)));
	if (f->nhops2)
		json_array_append_new(flows, json_pack("{s:{s:s}, s:[o]}", "message", "text", "the other path",
						       "threadFlows", thread_flow(f, f->hops2, f->nhops2)));
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
	return rel;
}

static json_t *result(const struct rp_finding *f)
{
	json_t *r = json_pack("{s:s, s:i, s:s, s:o, s:[o], s:{s:s}, s:{s:s, s:s}}",
		"ruleId", f->rule, "ruleIndex", f->rule_id, "level", "warning",
		"message", text_msg(f->message), "locations", location(&f->site, NULL),
		"partialFingerprints", "lockpath/v1", f->fingerprint,
		"properties", "context", f->context, "entry", f->entry);
	if (f->bytype)   /* a hop resolved by function type (docs/rules.md) */
		json_object_set_new(json_object_get(r, "properties"), "confidence", json_string("lower"));
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
		json_t *j = json_pack("{s:s, s:o, s:{s:s}}", "level", "warning", "message", text_msg(n->message),
				      "descriptor", "id", n->kind);
		if (n->loc.file)
			json_object_set_new(j, "locations", json_pack("[o]", location(&n->loc, NULL)));
		json_array_append_new(notes, j);
	}
	return json_pack("{s:b, s:o}", "executionSuccessful", 1, "toolExecutionNotifications", notes);
}

int report_sarif(const char *path, const struct rp_run *run)
{
	json_t *results = json_array();
	for (int i = 0; i < run->n; i++)
		json_array_append_new(results, result(&run->f[i]));
	json_t *doc = json_pack("{s:s, s:s, s:[{s:{s:o}, s:[o], s:o}]}",
		"$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
		"runs", "tool", "driver", driver(), "invocations", invocation(run), "results", results);
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
	errno = saved;
	return rc ? -1 : 0;
}
