// SPDX-License-Identifier: GPL-2.0-only
/*
 * patch.c - which hunks of the patch under review made a new finding
 * possible (see gate.h).  A finding's path is a list of places, each a file
 * and a line: the call of every hop, the offending operation, the held
 * lock's acquisition, the stores behind indirect calls, the assignments
 * that make two locks one.  A hunk is on the path when one of its added
 * lines is such a place, or lines were removed right next to one.  The
 * diff's names are relative to the tree; the database's are absolute, so
 * they are matched by their last components (exactly, under git's top
 * level, with --git).  This file decides; cli/cmd_gate.c prints.
 */
#include "gate/gate.h"
#include "lib/keyname.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the patch says about one file of the database. */
struct gate_target {
	const struct diff_file *file;   /* the diff's file for it, or NULL */
	signed char *ok;                /* per hunk of file: its lines are the file's */
};

/* ------------------------------------------------------------ loading */

int gate_patch_load(struct gate_patch *p, const char *path, struct strbuf *err)
{
	return diff_parse_file(&p->diff, path, err);
}

/* Run git with ARGV (argv[0] is "git"); its standard output into OUT.
 * Returns 0, or -1 with WHAT and git's first line on stderr in *err. */
static int run_git(char *const argv[], const char *what, struct strbuf *out, struct strbuf *err)
{
	int po[2], pe[2];
	if (pipe(po))
		goto sys;
	if (pipe(pe)) {
		close(po[0]);
		close(po[1]);
		goto sys;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		goto sys;
	}
	if (!pid) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		execvp(argv[0], argv);
		dprintf(2, "cannot run git: %s\n", strerror(errno));
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	struct strbuf eb = {0};
	struct pollfd fds[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
	int open_fds = 2;
	while (open_fds) {   /* both pipes at once: a chatty stderr cannot block git */
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			char buf[65536];
			ssize_t n = read(fds[i].fd, buf, sizeof(buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			} else {
				sb_addn(i ? &eb : out, buf, (size_t)n);
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
	if (rc) {
		const char *e = sb_str(&eb), *nl = strchr(e, '\n');
		sb_addf(err, "'%s' failed (%s %d)%s%.*s", what, WIFEXITED(status) ? "exit" : "signal",
			WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), *e ? ": " : "",
			(int)(nl ? (size_t)(nl - e) : strlen(e)), e);
	}
	sb_free(&eb);
	return rc;
sys:
	sb_addf(err, "cannot run git: %s", strerror(errno));
	return -1;
}

int gate_patch_git(struct gate_patch *p, const char *base, struct strbuf *err)
{
	char *what = xasprintf("git diff %s", base);
	int rc = -1;
	struct strbuf out = {0};
	if (!*base || *base == '-') {   /* never an option of git's */
		sb_addf(err, "--git expects a commit (a branch, a tag, a hash), got '%s'", base);
		p->diff.name = arena_strdup(&p->diff.arena, what);
		goto done;
	}
	char *top[] = { "git", "rev-parse", "--show-toplevel", NULL };
	if (run_git(top, "git rev-parse --show-toplevel", &out, err))
		goto done;
	while (out.len && (out.buf[out.len - 1] == '\n' || out.buf[out.len - 1] == '\r'))
		out.buf[--out.len] = 0;
	p->root = realpath(sb_str(&out), NULL);
	if (!p->root)
		p->root = xstrdup(sb_str(&out));
	sb_reset(&out);
	char *diff[] = { "git", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "-M",
			 "--src-prefix=a/", "--dst-prefix=b/", (char *)base, "--", NULL };
	if (run_git(diff, what, &out, err))
		goto done;
	rc = diff_parse_buffer(&p->diff, what, sb_str(&out), out.len, err);
done:
	if (rc && !p->diff.name)
		p->diff.name = arena_strdup(&p->diff.arena, what);
	sb_free(&out);
	free(what);
	return rc;
}

void gate_patch_free(struct gate_patch *p)
{
	for (size_t i = 0; i < p->targets.n; i++) {
		free(p->targets.v[i]->ok);
		free(p->targets.v[i]);
	}
	vec_free(&p->targets);
	for (size_t i = 0; i < p->warnings.n; i++)
		free(p->warnings.v[i]);
	vec_free(&p->warnings);
	strmap_free(&p->seen);
	free(p->root);
	diff_free(&p->diff);
	memset(p, 0, sizeof(*p));
}

/* ------------------------------------------------------------ names */

int gate_name_match(const char *file, const char *name, const char *root)
{
	size_t rn = root ? strlen(root) : 0;
	if (root && !strncmp(file, root, rn) && file[rn] == '/' && !strcmp(file + rn + 1, name))
		return INT_MAX;
	int parts = 1;
	for (const char *s = name; *s; s++)
		parts += *s == '/' && s[1] && s[1] != '/';
	size_t fn = strlen(file);
	const char *s = name;
	for (int k = parts; k >= 1 && (k >= 2 || parts == 1); k--) {
		size_t n = strlen(s);
		if (n <= fn && !strcmp(file + fn - n, s) && (n == fn || file[fn - n - 1] == '/'))
			return k;
		const char *slash = strchr(s, '/');   /* drop one leading component */
		if (!slash)
			break;
		while (*slash == '/')
			slash++;
		s = slash;
	}
	return 0;
}

/* ------------------------------------------------------------ checking a hunk */

/* A warning about hunk H (NULL: all of DF's) saying WHY (taken). */
static void warn_patch(struct gate_patch *p, const struct diff_hunk *h, const struct diff_file *df, char *why)
{
	char *w = h ? xasprintf("%s:%d: the hunk '%s' %s; it is not used to explain findings", p->diff.name,
				h->line, h->range, why)
		    : xasprintf("%s:%d: %s; the hunks of %s are not used to explain findings", p->diff.name,
				df->line, why, df->new_path);
	p->unused += h ? 1 : (int)df->hunks.n;
	free(why);
	vec_push(&p->warnings, w);
}

/* Whether each hunk of DF has the lines of FILE as it is now (as analysed,
 * when the database is up to date): ok[] for T. */
static void check_hunks(struct gate_patch *p, struct gate_target *t, const char *file)
{
	const struct diff_file *df = t->file;
	t->ok = xcalloc(df->hunks.n + 1, 1);
	FILE *fp = fopen(file, "rb");
	if (!fp) {
		warn_patch(p, NULL, df, xasprintf("%s cannot be read (%s)", file, strerror(errno)));
		return;
	}
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_addn(&sb, buf, n);
	fclose(fp);
	VEC(struct diff_text) lines = {0};
	for (const char *s = sb_str(&sb), *end = s + sb.len; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t k = (size_t)((nl ? nl : end) - s);
		struct diff_text l = { s, k && s[k - 1] == '\r' ? k - 1 : k };
		vec_push(&lines, l);
		s = nl ? nl + 1 : end;
	}
	for (size_t i = 0; i < df->hunks.n; i++) {
		const struct diff_hunk *h = &df->hunks.v[i];
		int bad = 0;
		for (size_t k = 0; k < h->new_text.n && !bad; k++) {
			size_t at = (size_t)h->new_start - 1 + k;
			const struct diff_text *d = &h->new_text.v[k], *l = at < lines.n ? &lines.v[at] : NULL;
			size_t dl = d->len && d->s[d->len - 1] == '\r' ? d->len - 1 : d->len;
			if (!l || l->len != dl || memcmp(l->s, d->s, dl))
				bad = (int)at + 1;
		}
		if (!bad && !h->new_count && (size_t)h->new_start > lines.n)
			bad = h->new_start;
		t->ok[i] = !bad;
		if (bad)
			warn_patch(p, h, df, xasprintf("does not match %s as it is now (line %d)", file, bad));
	}
	vec_free(&lines);
	sb_free(&sb);
}

/* What the patch says about FILE (looked up once per file). */
static struct gate_target *target(struct gate_patch *p, const char *file)
{
	bool created;
	int64_t *slot = strmap_put(&p->seen, file, &created);
	if (!created)
		return p->targets.v[*slot - 1];
	struct gate_target *t = xcalloc(1, sizeof(*t));
	int best = 0;
	for (size_t i = 0; i < p->diff.files.n; i++) {
		const struct diff_file *df = &p->diff.files.v[i];
		int m = df->new_path && df->hunks.n ? gate_name_match(file, df->new_path, p->root) : 0;
		if (m > best) {
			best = m;
			t->file = df;
		}
	}
	if (t->file)
		check_hunks(p, t, file);
	vec_push(&p->targets, t);
	*slot = (int64_t)p->targets.n;
	return t;
}

/* ------------------------------------------------------------ explaining a finding */

/* Whether hunk H changes LINE: an added line, or lines removed right before or after it. */
static bool hunk_changes(const struct diff_hunk *h, int line)
{
	for (size_t i = 0; i < h->added.n; i++)
		if (h->added.v[i] == line)
			return true;
	for (size_t i = 0; i < h->removed_at.n; i++)
		if (h->removed_at.v[i] == line || h->removed_at.v[i] == line + 1)
			return true;
	return false;
}

/* The place L of F's path (WHAT is there, in FUNC): every hunk that changes
 * it joins OUT.  Takes WHAT (malloc'd). */
static void place(struct gate_patch *p, struct gate_causes *out, const struct rp_loc *l, const char *func,
		  char *what)
{
	struct gate_target *t = l->file && l->line > 0 ? target(p, l->file) : NULL;
	for (size_t i = 0; t && t->file && i < t->file->hunks.n; i++) {
		const struct diff_hunk *h = &t->file->hunks.v[i];
		if (!t->ok[i] || !hunk_changes(h, l->line))
			continue;
		struct gate_cause *c = NULL;
		for (size_t k = 0; k < out->v.n && !c; k++)
			if (out->v.v[k].hunk == h)
				c = &out->v.v[k];
		if (c) {   /* a further place in a hunk already named (one line counts once) */
			c->more += c->at.line != l->line;
			continue;
		}
		struct gate_cause nc = { t->file, h, *l, func, what, 0 };
		vec_push(&out->v, nc);
		what = NULL;   /* owned by the cause now; a second hunk on the same line gets a copy */
		if (i + 1 < t->file->hunks.n)
			what = xstrdup(nc.what);
	}
	free(what);
}

static void path_places(struct gate_patch *p, const struct rp_finding *f, const struct rp_path *path, int k,
			struct gate_causes *out)
{
	for (int i = 0; i < path->n; i++) {
		const struct rp_hop *h = &path->hops[i];
		char *what;
		if (i + 1 < path->n)
			what = xasprintf("the call to %s", path->hops[i + 1].func ? path->hops[i + 1].func : "?");
		else if (rp_check(f)->offence == CK_CONTEXT && k == 0)
			what = xstrdup("the call that may sleep");
		else
			what = xasprintf("the acquisition of %s", rp_path_lock(f, k) ? rp_path_lock(f, k) : "the lock");
		place(p, out, &h->site, h->func, what);
		if (!h->has_store)
			continue;
		if (keyname_is_type(h->store_key))
			what = xasprintf("where the address of %s is taken", h->func);
		else
			what = xasprintf("the store of %s into %s", h->func, h->store_key ? h->store_key : "?");
		place(p, out, &h->store, NULL, what);
	}
}

static int by_diff_order(const void *pa, const void *pb)
{
	const struct gate_cause *a = pa, *b = pb;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->hunk < b->hunk ? -1 : a->hunk > b->hunk;
}

void gate_patch_explain(struct gate_patch *p, const struct rp_finding *f, struct gate_causes *out)
{
	memset(out, 0, sizeof(*out));
	for (int k = 0; k < f->npaths; k++)
		path_places(p, f, &f->paths[k], k, out);
	if (f->has_held)
		place(p, out, &f->held_site, f->held_func,
		      xasprintf("the acquisition of %s", f->held_key ? f->held_key : "the held lock"));
	for (int a = 0; a < f->naliases; a++)
		place(p, out, &f->aliases[a].loc, NULL,
		      xasprintf("'%s', which makes %s and %s one lock", f->aliases[a].text, f->aliases[a].lhs,
				f->aliases[a].rhs));
	place(p, out, &f->site, NULL, xstrdup("the offending site"));   /* on path 0 already, as a rule */
	if (out->v.n > 1)
		qsort(out->v.v, out->v.n, sizeof(*out->v.v), by_diff_order);
}

/* The first line in FIRST..LAST that hunk H changes (an added line, or
 * the line now where lines were removed), or 0. */
static int hunk_change_in(const struct diff_hunk *h, int first, int last)
{
	int at = 0;
	for (size_t i = 0; i < h->added.n; i++)
		if (h->added.v[i] >= first && h->added.v[i] <= last && (!at || h->added.v[i] < at))
			at = h->added.v[i];
	for (size_t i = 0; i < h->removed_at.n; i++)
		if (h->removed_at.v[i] >= first && h->removed_at.v[i] <= last && (!at || h->removed_at.v[i] < at))
			at = h->removed_at.v[i];
	return at;
}

/* The first hunk of P in the diff's order that changes the function of hop
 * H, and the first line it changes there (*LINE). */
static const struct diff_hunk *hop_touched(struct gate_patch *p, const struct rp_hop *h, int *line)
{
	struct gate_target *t = h->func_loc.file && h->func_loc.line > 0 ? target(p, h->func_loc.file) : NULL;
	int last = h->func_end >= h->func_loc.line ? h->func_end : h->func_loc.line;
	for (size_t i = 0; t && t->file && i < t->file->hunks.n; i++)
		if (t->ok[i] && (*line = hunk_change_in(&t->file->hunks.v[i], h->func_loc.line, last)) > 0)
			return &t->file->hunks.v[i];
	return NULL;
}

const struct diff_hunk *gate_patch_touch(struct gate_patch *p, const struct rp_finding *f, const char **func,
				       struct rp_loc *at)
{
	for (int k = 0; k < f->npaths; k++)
		for (int i = 0; i < f->paths[k].n; i++) {
			const struct rp_hop *h = &f->paths[k].hops[i];
			int line = 0;
			const struct diff_hunk *hk = hop_touched(p, h, &line);
			if (hk) {
				*func = h->func;
				*at = (struct rp_loc){ h->func_loc.file, line, 0 };
				return hk;
			}
		}
	return NULL;
}

void gate_causes_free(struct gate_causes *c)
{
	for (size_t i = 0; i < c->v.n; i++)
		free(c->v.v[i].what);
	vec_free(&c->v);
}

char *gate_cause_note(const struct gate_cause *c)
{
	char fn[256];
	const char *in = c->func ? c->func : diff_context_func(c->hunk, fn, sizeof(fn)) ? fn : NULL;
	struct strbuf sb = {0};
	sb_addf(&sb, "introduced by this patch: hunk %s", c->hunk->range);
	if (in)
		sb_addf(&sb, " in %s", in);
	sb_addf(&sb, " (%s", c->what);
	if (c->more)
		sb_addf(&sb, ", and %d more place%s on the path", c->more, c->more == 1 ? "" : "s");
	sb_addc(&sb, ')');
	return sb_detach(&sb);
}
