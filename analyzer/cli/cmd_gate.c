// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_gate.c - 'lockpath gate': fail a CI job on findings that the baseline
 * does not have.  Reads the head database (after analysing PATH into it, if
 * given) and the baseline, lets gate/ classify, prints each new finding in
 * compiler style and one summary line, and writes the new ones as SARIF if
 * asked.  With a patch (--diff, --git), each new finding also names the
 * hunks of it on its path.  The matching itself is in gate/compare.c, the
 * hunks' in gate/patch.c.  The gate writes no HTML.
 */
#include "cli/cli.h"
#include "check/engine.h"   /* CLI_TAIL_BOUNDS: the bounds' defaults */
#include "link/link.h"      /* ... and LINK_MAX_TYPE_TARGETS */

#include <assert.h>
#include <stdlib.h>
#include "gate/gate.h"
#include "report/report.h"
#include "lib/escape.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { OPT_PATCH_ONLY = 0x180 };   /* long only, past the common options' codes */

const struct cli_command cli_cmd_gate = {
	.head =
"usage: lockpath gate --baseline FILE [options] [PATH]\n"
"\n"
"Compare the findings in the database with a baseline (a lockpath database\n"
"or SARIF file made on the base commit) by fingerprint, which survives\n"
"moved code, reformatting and renamed files.  Print every finding the\n"
"baseline does not have in compiler style, then one summary line: new,\n"
"fixed, unchanged, suppressed, stale suppressions.  With PATH (as for\n"
"'lockpath run'), analyse it into the database first; a database of the\n"
"base commit re-parses only the translation units the patch changed (and\n"
"checks nothing again if it changed none).\n"
"\n",
	.col = 23,
	.opts = (const struct cli_opt[]){
		{ "baseline", 'b', "FILE", 0, "the base commit's lockpath database or SARIF file (required)" },
		{ "db", CLI_OPT_DB, "FILE", 0, "the head database (default: lockpath.db)" },
		{ "suppressions", 'S', "FILE", 0, "reviewed findings: 'FINGERPRINT reason' or 'RULE:FUNCTION reason'\n"
						  "per line (see docs/ci.md)" },
		{ "no-inline", 'I', NULL, 0, "ignore '/* lockpath: ignore RULE reason */' source comments" },
		{ "fail-stale", 'F', NULL, 0, "a suppression that matches no finding fails the gate too" },
		{ "sarif", 's', "FILE", 0, "write only the new findings as SARIF 2.1.0" },
		{ "diff", 'D', "FILE", 0, "the patch under review, a unified diff ('-': stdin):\n"
					  "each new finding names the hunks of it on its path" },
		{ "git", 'G', "BASE", 0, "the patch is 'git diff BASE' in the current work tree" },
		{ "patch-only", OPT_PATCH_ONLY, NULL, 0, "with --diff or --git: only new findings the patch touches fail\n"
					     "(a hunk on the path, or in a function on it); the others are\n"
					     "listed as notes: on a whole kernel the per-function context bound\n"
					     "moves findings no patch touches (docs/ci.md).  A patch with no\n"
					     "hunks, or one that is not the tree's lines, stops the gate" },
		{ "jobs", CLI_OPT_JOBS, "N", CLI_SHORT, NULL },
		{ "force", 'f', NULL, 0, NULL },
		{ "rules", CLI_OPT_RULES, "DIR", 0, NULL },
		{ "wait", CLI_OPT_WAIT, "SEC", 0, "as for 'lockpath run'" },
		{ "progress", CLI_OPT_PROGRESS, NULL, 0, NULL },
		{ "no-progress", CLI_OPT_NO_PROGRESS, NULL, 0, NULL },
		{ "wide", CLI_OPT_WIDE, "N", 0, "as for 'lockpath run' (with PATH)" },
		{ "verbose", CLI_OPT_VERBOSE, NULL, CLI_SHORT, "also list the suppressed findings with their reasons" },
		{ "quiet", CLI_OPT_QUIET, NULL, CLI_SHORT, "no extract/link/check summary lines (with PATH)" },
		{ "scope", CLI_OPT_SCOPE, "PATH", 0, "gate only findings whose path touches a file under PATH (repeatable)" },
		{ 0 }
	},
	.tail =
CLI_TAIL_BOUNDS
"\n"
"Exit status: 0 nothing new, 1 new findings (or, with --fail-stale, a stale\n"
"suppression), 2 usage or tool error.\n",
};

struct gate_opts {
	struct cli_opts common;
	const char *baseline, *suppressions, *path;
	const char *diff, *git;   /* the patch under review */
	bool no_inline, fail_stale, patch_only;
};

static void parse_args(int argc, char **argv, struct gate_opts *g)
{
	memset(g, 0, sizeof(*g));
	cli_defaults(&g->common);
	int c;
	while ((c = cli_getopt(&cli_cmd_gate, argc, argv)) != -1) {
		if (cli_common_opt(c, optarg, &g->common))
			continue;
		switch (c) {
		case 's': g->common.sarif = optarg; break;
		case 'f': g->common.force = true; break;
		case 'b': g->baseline = optarg; break;
		case 'S': g->suppressions = optarg; break;
		case 'I': g->no_inline = true; break;
		case 'F': g->fail_stale = true; break;
		case 'D': g->diff = optarg; break;
		case 'G': g->git = optarg; break;
		case OPT_PATCH_ONLY: g->patch_only = true; break;
		default: assert(!"an option of the table is not handled");
		}
	}
	if (optind + 1 == argc)
		g->path = argv[optind];
	else if (optind != argc)
		cli_usage(&cli_cmd_gate, false);
	if (!g->baseline)
		die("gate needs --baseline FILE (the base commit's database or SARIF); see 'lockpath gate --help'");
	if (g->diff && g->git)
		die("gate takes one patch: --diff FILE or --git BASE, not both");
	if (g->patch_only && !g->diff && !g->git)
		die("gate --patch-only needs the patch: --diff FILE or --git BASE");
}

/* A translation unit's row as extract left it: one parsed again gets a new
 * row (its id, time and parse CPU differ). */
struct tu_row { int64_t file_id, id, cpu_ms; char when[24]; };
typedef VEC(struct tu_row) tu_rows;
typedef VEC(char *) path_list;

static void tu_rows_read(struct lp_db *db, tu_rows *out)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT file_id, id, parse_cpu_ms, extracted_at FROM tu ORDER BY file_id");
	while (db_step_row(db, q)) {
		struct tu_row t = { sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1), sqlite3_column_int64(q, 2), "" };
		snprintf(t.when, sizeof(t.when), "%s", db_col_text(q, 3));
		vec_push(out, t);
	}
	sqlite3_finalize(q);
}

/* Whether BEFORE (sorted by file) holds T as it is. */
static bool tu_kept(const tu_rows *before, const struct tu_row *t)
{
	size_t lo = 0, hi = before->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (before->v[mid].file_id < t->file_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	const struct tu_row *b = lo < before->n && before->v[lo].file_id == t->file_id ? &before->v[lo] : NULL;
	return b && b->id == t->id && b->cpu_ms == t->cpu_ms && !strcmp(b->when, t->when);
}

/* The sources of the translation units DB parsed since BEFORE, into OUT (paths, malloc'd). */
static void tus_parsed_since(struct lp_db *db, const tu_rows *before, path_list *out)
{
	tu_rows now = {0};
	tu_rows_read(db, &now);
	sqlite3_stmt *q = db_prepare(db, "SELECT path FROM file WHERE id = ?");
	for (size_t i = 0; i < now.n; i++) {
		if (tu_kept(before, &now.v[i]))
			continue;
		db_bind_int(q, 1, now.v[i].file_id);
		if (db_step_row(db, q))
			vec_push(out, xstrdup(db_col_text(q, 0)));
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	vec_free(&now);
}

/* The head database, analysed first with rules R when PATH is given; dies
 * when its findings are not those of its facts (never checked, or changed
 * since).  With --patch-only and PATH, the sources it parsed again go into
 * PARSED: the patch must show them changed. */
static struct lp_db *open_head(const struct gate_opts *g, const struct lp_rules *r, path_list *parsed)
{
	struct lp_db *db;
	if (g->path) {
		tu_rows before = {0};
		struct stat st;   /* an empty file is the writer's to create a database in */
		if (g->patch_only && stat(g->common.db, &st) == 0 && st.st_size > 0) {
			struct lp_db *old = cli_db_open(g->common.db, DB_READONLY);
			tu_rows_read(old, &before);
			db_close(old);
		}
		db = cli_open_extract(r, g->path, &g->common);
		if (g->patch_only)
			tus_parsed_since(db, &before, parsed);
		vec_free(&before);
		cli_check_changed(db, r, &g->common);
		return db;
	}
	db = cli_db_open(g->common.db, DB_READONLY);
	cli_require_checked(db, " or give PATH");   /* never a verdict on findings not computed */
	return db;
}

/* --patch-only: a translation unit the head parsed again that the patch
 * does not change is a change the patch does not show (a series' earlier
 * commit, a baseline from another commit), and findings from it would not
 * count.  Said, not fatal: a patch to a header parses every includer
 * again, so with a file other than a .c one in the patch nothing is said. */
static void warn_unpatched(const struct gate_patch *patch, const path_list *parsed)
{
	for (size_t i = 0; i < patch->diff.files.n; i++) {
		const char *name = patch->diff.files.v[i].new_path;
		size_t n = name ? strlen(name) : 0;
		if (n < 2 || strcmp(name + n - 2, ".c"))
			return;
	}
	size_t missing = 0;
	const char *first = NULL;
	for (size_t t = 0; t < parsed->n; t++) {
		bool named = false;
		for (size_t i = 0; i < patch->diff.files.n && !named; i++)
			named = gate_name_match(parsed->v[t], patch->diff.files.v[i].new_path, patch->root) > 0;
		if (!named && !missing++)
			first = parsed->v[t];
	}
	if (missing)
		warn("gate --patch-only: %zu translation unit%s parsed again %s not changed by the patch (%s%s): the "
		     "head has changes the patch does not show, and findings from them do not fail the gate; give "
		     "the whole change since the baseline's commit", missing, missing == 1 ? "" : "s",
		     missing == 1 ? "is" : "are", missing == 1 ? "" : "first: ", text_path(first));
}

/* Baseline, suppressions and patch, all read before any analysis: a bad
 * one stops the gate at once. */
static void load_inputs(const struct gate_opts *g, struct gate_baseline *base, struct suppressions *sup,
			struct gate_patch *patch)
{
	struct strbuf err = {0};
	if (baseline_load(base, g->baseline, &err))
		die("%s", sb_str(&err));
	if (g->suppressions && suppress_load_file(sup, g->suppressions, &err))
		die("%s", sb_str(&err));
	if (g->diff && gate_patch_load(patch, g->diff, &err))
		die("%s", sb_str(&err));
	if (g->git && gate_patch_git(patch, g->git, &err))
		die("%s", sb_str(&err));
	sb_free(&err);
}

/* What the patch has to do with new finding F: a hunk on its path, a hunk
 * that only changes a function on it (an unlock removed between the
 * acquisition and the call), or nothing. */
enum patch_link { PATCH_NONE, PATCH_TOUCHES, PATCH_ON_PATH };

/* F's notes: each hunk on its path, else the hunk that changes a function
 * on it, else that none does. */
static enum patch_link note_hunks(struct gate_patch *patch, struct rp_run *head, struct rp_finding *f)
{
	struct gate_causes c;
	gate_patch_explain(patch, f, &c);
	f->related = arena_alloc(&head->arena, (c.v.n + 1) * sizeof(*f->related));
	for (size_t k = 0; k < c.v.n; k++) {
		char *note = gate_cause_note(&c.v.v[k]);
		struct rp_loc at = { c.v.v[k].at.file, c.v.v[k].at.line, 0 };   /* a line of the patch */
		f->related[k] = (struct rp_related){ at, arena_strdup(&head->arena, note) };
		free(note);
	}
	f->nrelated = c.v.n ? (int)c.v.n : 1;
	bool on_path = c.v.n > 0;
	gate_causes_free(&c);
	if (on_path)
		return PATCH_ON_PATH;
	const char *func = NULL;
	struct rp_loc at;
	const struct diff_hunk *h = gate_patch_touch(patch, f, &func, &at);
	if (!h) {
		f->related[0] = (struct rp_related){ f->site, GATE_NO_HUNK };
		return PATCH_NONE;
	}
	char *note = xasprintf("no hunk of this patch is on this finding's path, but hunk %s changes %s, a function on it",
			       h->range, func ? func : "?");
	f->related[0] = (struct rp_related){ at, arena_strdup(&head->arena, note) };   /* a line of the patch */
	free(note);
	return PATCH_TOUCHES;
}

/* The hunks of PATCH on each new finding's path, as the finding's related
 * places (text notes and SARIF relatedLocations say the same); a finding
 * that no hunk explains gets that said at its site.  How many new findings
 * the patch is on the path of, and how many it touches at all. */
struct explained { int on_path, touched; };

static struct explained explain_new(struct gate_patch *patch, struct rp_run *head, const struct gate_result *res,
				    bool patch_only)
{
	struct explained x = {0};
	for (int i = 0; i < head->n; i++) {
		if (res->status[i] != GATE_NEW)
			continue;
		enum patch_link l = note_hunks(patch, head, &head->f[i]);
		x.on_path += l == PATCH_ON_PATH;
		x.touched += l != PATCH_NONE;
		head->f[i].only_note = patch_only && l == PATCH_NONE;   /* SARIF: a note, not an alert */
	}
	for (size_t w = 0; w < patch->warnings.n; w++)
		warn("%s", text_safe(patch->warnings.v[w]));
	return x;
}

static void print_new(const struct rp_run *head, const struct gate_result *res)
{
	for (int i = 0; i < head->n; i++) {
		const struct rp_finding *f = &head->f[i];
		if (res->status[i] != GATE_NEW)
			continue;
		report_text_finding(stdout, f);
		printf("%s:%d:%d: note: new since the baseline; fingerprint %s\n", text_path(f->site.file),
		       f->site.line, f->site.col, f->fingerprint);
		for (int k = 0; k < f->nrelated; k++) {   /* the patch's hunks on its path */
			const struct rp_related *r = &f->related[k];
			if (r->loc.col > 0)
				printf("%s:%d:%d: note: %s\n", text_path(r->loc.file), r->loc.line, r->loc.col,
				       text_safe(r->message));
			else
				printf("%s:%d: note: %s\n", text_path(r->loc.file), r->loc.line, text_safe(r->message));
		}
	}
}

static void print_others(const struct rp_run *head, const struct gate_baseline *base,
			 const struct suppressions *sup, const struct gate_result *res)
{
	for (size_t j = 0; j < base->v.n; j++) {
		const struct gate_entry *b = &base->v.v[j];
		if (res->fixed[j])
			printf("%s:%d: note: fixed since the baseline: %s [%s]\n", b->file ? text_path(b->file) : "?",
			       b->line, text_safe(b->message ? b->message : b->fingerprint), text_safe(b->rule));
	}
	for (size_t s = 0; s < sup->v.n; s++) {
		const struct suppression *x = &sup->v.v[s];
		if (!x->hits)
			printf("%s:%d: warning: stale suppression: '%s%s%s' matches no finding; remove it\n",
			       text_safe(sup->file), x->line, text_safe(x->fingerprint ? x->fingerprint : x->rule),
			       x->fingerprint ? "" : ":", text_safe(x->fingerprint ? "" : x->func));
	}
	for (int i = 0; lp_verbose && i < head->n; i++) {
		const struct rp_finding *f = &head->f[i];
		if (res->status[i] == GATE_SUPPRESSED)
			printf("%s:%d:%d: note: suppressed: %s [%s]: %s\n", text_path(f->site.file), f->site.line,
			       f->site.col, text_safe(f->message), text_safe(f->rule), text_safe(res->reason[i]));
	}
}

static void write_sarif(const char *path, const struct rp_run *head, const struct gate_result *res)
{
	struct rp_run only = *head;
	only.f = xcalloc((size_t)head->n + 1, sizeof(*only.f));
	only.n = 0;
	for (int i = 0; i < head->n; i++)
		if (res->status[i] == GATE_NEW)
			only.f[only.n++] = head->f[i];
	struct strbuf err = {0};
	int rc = report_sarif(path, &only, &err);
	free(only.f);
	if (rc)
		die("%s", sb_str(&err));
	sb_free(&err);
}

/* How many hunks the patch has, in all its files. */
static size_t patch_hunks(const struct gate_patch *patch)
{
	size_t hunks = 0;
	for (size_t i = 0; i < patch->diff.files.n; i++)
		hunks += patch->diff.files.v[i].hunks.n;
	return hunks;
}

/* --patch-only trusts the patch to say which findings are its own: one
 * with no hunks (an empty 'git diff'), or with a hunk that is not the
 * head's lines where a finding's path goes (another base, a reversed
 * patch) would let every finding pass.  Stops the gate (exit 2). */
static void patch_usable(const struct gate_patch *patch)
{
	if (!patch_hunks(patch))
		die("gate --patch-only: the patch (%s) has no hunks; with --patch-only an empty patch would pass "
		    "every new finding", text_safe(patch->diff.name));
	if (patch->unused)
		die("gate --patch-only: %d hunk%s of the patch (%s) %s not the lines of the tree as analysed (the "
		    "warnings above); the patch must be the one from the baseline's commit to the head",
		    patch->unused, patch->unused == 1 ? "" : "s", text_safe(patch->diff.name),
		    patch->unused == 1 ? "is" : "are");
}

static int verdict(const struct gate_opts *g, const struct rp_run *head, const struct gate_baseline *base,
		   const struct gate_result *res, int touched)
{
	int failing = g->patch_only ? touched : res->n_new;
	if (g->patch_only && res->n_new > touched)
		printf("lockpath: gate: %d of the %d new findings are not the patch's (no hunk on their path or in a "
		       "function on it): they do not fail the gate (--patch-only)\n", res->n_new - touched, res->n_new);
	bool fail = failing || (g->fail_stale && res->n_stale);
	char touching[64] = "";
	if (g->patch_only)
		snprintf(touching, sizeof(touching), " (%d the patch touches)", touched);
	if (head->tus_with_errors)
		warn("%d translation unit%s of the head could not be parsed completely (%d not at all); "
		     "'lockpath report --db %s' names them", head->tus_with_errors,
		     head->tus_with_errors == 1 ? "" : "s", head->tus_failed, g->common.db);
	printf("lockpath: gate: %s: %d new%s, %d fixed, %d unchanged, %d suppressed, %d stale suppression%s "
	       "(baseline %s: %s, %zu finding%s)\n", fail ? "FAILED" : "passed", res->n_new, touching, res->n_fixed,
	       res->n_unchanged, res->n_suppressed, res->n_stale, res->n_stale == 1 ? "" : "s",
	       g->baseline, base->kind, base->v.n, base->v.n == 1 ? "" : "s");
	return fail ? LP_EXIT_FINDINGS : LP_EXIT_CLEAN;
}

int cmd_gate(int argc, char **argv)
{
	struct gate_opts g;
	parse_args(argc, argv, &g);
	cli_check_outputs(&g.common);
	struct gate_baseline base = {0};
	struct suppressions sup = {0};
	struct gate_patch patch = {0};
	load_inputs(&g, &base, &sup, &patch);
	/* read once: the analysis and the fix hints (hints.rules) see the same rules */
	struct lp_rules *rules = cli_load_rules(g.common.rules);
	path_list parsed = {0};
	struct lp_db *db = open_head(&g, rules, &parsed);
	if (g.patch_only)
		warn_unpatched(&patch, &parsed);
	for (size_t i = 0; i < parsed.n; i++)
		free(parsed.v[i]);
	vec_free(&parsed);
	struct rp_run head;
	rp_load(db, &head);
	rp_scope(&head, g.common.scope, g.common.nscope);
	rp_hints(db, &head, rules);
	rules_free(rules);
	cli_db_ok(db);
	db_close(db);
	struct gate_result res;
	struct strbuf err = {0};
	if (gate_compare(&head, &base, &sup, !g.no_inline, &res, &err))
		die("%s", sb_str(&err));
	struct explained x = g.diff || g.git ? explain_new(&patch, &head, &res, g.patch_only) : (struct explained){0};
	if (g.patch_only)
		patch_usable(&patch);
	print_new(&head, &res);
	print_others(&head, &base, &sup, &res);
	if (g.common.sarif)
		write_sarif(g.common.sarif, &head, &res);
	if (g.diff || g.git) {
		size_t hunks = patch_hunks(&patch);
		printf("lockpath: gate: the patch (%s: %zu file%s, %zu hunk%s) ", text_safe(patch.diff.name),
		       patch.diff.files.n, patch.diff.files.n == 1 ? "" : "s", hunks, hunks == 1 ? "" : "s");
		if (res.n_new && x.touched > x.on_path)
			printf("is on the path of %d of the %d new finding%s, and changes a function on the path of "
			       "%d more\n", x.on_path, res.n_new, res.n_new == 1 ? "" : "s", x.touched - x.on_path);
		else if (res.n_new)
			printf("is on the path of %d of the %d new finding%s\n", x.on_path, res.n_new,
			       res.n_new == 1 ? "" : "s");
		else
			printf("has no new finding to explain\n");
	}
	int rc = verdict(&g, &head, &base, &res, x.touched);
	gate_patch_free(&patch);
	gate_result_free(&res, head.n);
	rp_free(&head);
	suppress_free(&sup);
	baseline_free(&base);
	sb_free(&err);
	free(g.common.scope);
	return rc;
}
