// SPDX-License-Identifier: GPL-2.0-only
/*
 * extract.c - the extract driver: decides which TUs need parsing, runs the
 * worker threads (each with its own CXIndex; a TU never crosses threads),
 * and writes finished TUs from the calling thread in completion order.
 * SIGINT/SIGTERM stop new parses; finished ones are still committed.
 */
#include "extract/extract.h"
#include "extract/digest.h"   /* generated: LP_EXTRACT_DIGEST */
#include "extract/store.h"
#include "extract/walk.h"
#include "extract/keys.h"
#include "lib/escape.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/* tu_diag.severity stores clang's numbers (db/columns.h) */
_Static_assert((int)DIAG_LIMIT == (int)CXDiagnostic_Warning && (int)DIAG_ERROR == (int)CXDiagnostic_Error &&
	       (int)DIAG_FATAL == (int)CXDiagnostic_Fatal, "tu_diag.severity is CXDiagnosticSeverity");

static volatile sig_atomic_t interrupted;

/* The first SIGINT/SIGTERM stops new parses (SA_RESETHAND: a second one
 * kills at once, which is safe too: every TU is stored in one transaction). */
static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* ------------------------------------------------------------ shared state */

/* A TU's facts depend on more than its command and its files: on the rules
 * extract reads (a new 'acquire .. fails' changes what is held where; a
 * comment or a check-only line such as 'context-call' does not) and on the
 * extractor (LP_EXTRACT_DIGEST: its sources' digest, made by the build).
 * Both go into the TU's hash, so a TU extracted under other rules or by
 * another extractor is not "unchanged". */
const char *extract_salt(const struct lp_rules *rules, char out[EXTRACT_SALT_SIZE])
{
	snprintf(out, EXTRACT_SALT_SIZE, "lockpath %s, extractor %s, rules %016llx", LP_VERSION, LP_EXTRACT_DIGEST,
		 rules_extract_digest(rules));
	return out;
}

struct hdr_claims {
	pthread_mutex_t lock;
	struct strmap claimed;   /* "usr@hash@path" */
};

/* A header version is its path and content (table hdr): the same content
 * under another path (a moved or copied tree) is another version, or the
 * functions of the old path's version would be lost with it. */
bool hdr_claim(struct hdr_claims *c, const char *usr, const char *hdr_hash, const char *hdr_path)
{
	char *key = xasprintf("%s@%s@%s", usr, hdr_hash, hdr_path);
	bool created;
	pthread_mutex_lock(&c->lock);
	strmap_put(&c->claimed, key, &created);
	pthread_mutex_unlock(&c->lock);
	free(key);
	return created;
}

static void claim_existing(void *ctx, const char *usr, const char *hash, const char *path)
{
	hdr_claim(ctx, usr, hash, path);
}

struct hash_cache {
	pthread_mutex_t lock;
	struct strmap index;     /* path -> index into hashes */
	VEC(char *) hashes;      /* "" when unreadable */
};

static bool cached_hash(void *ctx, const char *path, char out[33])
{
	struct hash_cache *hc = ctx;
	pthread_mutex_lock(&hc->lock);
	int64_t *i = strmap_get(&hc->index, path);
	if (i) {
		snprintf(out, 33, "%s", hc->hashes.v[*i]);
		pthread_mutex_unlock(&hc->lock);
		return out[0] != 0;
	}
	pthread_mutex_unlock(&hc->lock);
	bool ok = hash_file(path, out);
	if (!ok)
		out[0] = 0;
	pthread_mutex_lock(&hc->lock);
	bool created;
	int64_t *slot = strmap_put(&hc->index, path, &created);
	if (created) {
		*slot = (int64_t)hc->hashes.n;
		vec_push(&hc->hashes, xstrdup(out));
	}
	pthread_mutex_unlock(&hc->lock);
	return ok;
}

static void hash_cache_free(struct hash_cache *hc)
{
	for (size_t i = 0; i < hc->hashes.n; i++)
		free(hc->hashes.v[i]);
	vec_free(&hc->hashes);
	strmap_free(&hc->index);
	pthread_mutex_destroy(&hc->lock);
}


/*
 * Parse command C as lockpath does: the command translated for libclang
 * (compdb_clang_args: GCC-only flags dropped, -w), in the command's
 * directory, keeping going after errors.  bench/parse-floor.c calls this
 * too, so that the floor it measures is lockpath's own parse.
 */
enum CXErrorCode extract_parse_tu(CXIndex index, const struct compile_cmd *c, const struct lp_rules *r,
				  CXTranslationUnit *tu)
{
	int argc;
	char **argv = compdb_clang_args(c, r, &argc);
	/* relative -I paths and the file itself resolve against the command's directory */
	char *wd = xasprintf("-working-directory=%s", c->directory);
	argv = xrealloc(argv, ((size_t)argc + 2) * sizeof(char *));
	argv[argc++] = wd;
	argv[argc] = NULL;
	*tu = NULL;
	enum CXErrorCode err = clang_parseTranslationUnit2FullArgv(index, c->file, (const char *const *)argv,
		argc, NULL, 0, CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles, tu);
	compdb_free_args(argv);
	return err;
}

/* ------------------------------------------------------------ one TU */

struct parse_env {
	const struct lp_rules *rules;
	struct hdr_claims *claims;
	struct hash_cache *hashes;
	int max_depth;
};

struct incl_ctx { struct tu_facts *f; struct hash_cache *hc; };

static void add_include(struct incl_ctx *ic, const char *path)
{
	int before = (int)ic->f->files.n;
	int idx = facts_file(ic->f, path);
	if (idx < before)
		return;   /* seen already */
	struct xinclude inc = { .path = ic->f->files.v[idx] };
	cached_hash(ic->hc, path, inc.hash);
	vec_push(&ic->f->includes, inc);
}

static void visit_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
	CXString s;
	const char *p = key_real_file_name(file, &s);
	if (*p)
		add_include(d, p);
	clang_disposeString(s);
}

static void record_diags(CXTranslationUnit tu, struct tu_facts *f)
{
	unsigned n = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev >= CXDiagnostic_Error) {
			f->n_errors++;
			if (f->diags.n < 50) {
				struct xdiag x = { .severity = sev, .file = -1 };
				CXFile file;
				clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, &x.line, &x.col, NULL);
				if (file) {
					CXString s;
					x.file = facts_file(f, key_real_file_name(file, &s));
					clang_disposeString(s);
				}
				CXString m = clang_getDiagnosticSpelling(d);
				x.message = arena_strdup(&f->arena, clang_getCString(m));
				clang_disposeString(m);
				vec_push(&f->diags, x);
			}
		}
		clang_disposeDiagnostic(d);
	}
}

static const char *describe_error(enum CXErrorCode e)
{
	switch (e) {
	case CXError_Failure: return "libclang failed to parse it (unknown cause)";
	case CXError_Crashed: return "libclang crashed while parsing it";
	case CXError_InvalidArguments: return "libclang rejected the command line";
	case CXError_ASTReadError: return "libclang could not read an AST file";
	default: return "libclang failed";
	}
}

/* F was not parsed at all, for REASON: one fatal diagnostic with no place. */
static void fail_tu(struct tu_facts *f, const char *reason)
{
	f->status = TU_FAILED;
	f->n_errors = 1;
	struct xdiag x = { .severity = CXDiagnostic_Fatal, .file = -1, .message = arena_strdup(&f->arena, reason) };
	vec_push(&f->diags, x);
}

static struct tu_facts *parse_tu(const struct parse_env *pe, CXIndex index, const struct compile_cmd *c)
{
	struct tu_facts *f = facts_new();
	f->main_file = arena_strdup(&f->arena, c->file);
	f->directory = arena_strdup(&f->arena, c->directory);
	struct strbuf args = {0};
	for (int a = 0; a < c->argc; a++) {
		if (a)
			sb_addc(&args, '\n');
		sb_add(&args, c->argv[a]);
	}
	f->args = arena_strdup(&f->arena, sb_str(&args));
	sb_free(&args);
	char h[33], salt[EXTRACT_SALT_SIZE];
	compdb_args_hash(c, extract_salt(pe->rules, salt), h);
	f->args_hash = arena_strdup(&f->arena, h);
	struct incl_ctx ic = { f, pe->hashes };
	add_include(&ic, c->file);   /* the main file is file 0 */

	if (c->unusable) {   /* extract_check_commands found that libclang cannot use the command */
		fail_tu(f, c->unusable);
		return f;
	}
	double t0 = now_ms(), c0 = thread_cpu_ms();
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err = extract_parse_tu(index, c, pe->rules, &tu);
	f->parse_ms = now_ms() - t0;
	f->parse_cpu_ms = thread_cpu_ms() - c0;
	if (err != CXError_Success || !tu) {
		fail_tu(f, describe_error(err));
		return f;
	}
	record_diags(tu, f);
	f->status = f->n_errors ? TU_ERRORS : TU_CLEAN;
	clang_getInclusions(tu, visit_inclusion, &ic);
	t0 = now_ms();
	c0 = thread_cpu_ms();
	struct walk_env we = { .rules = pe->rules, .claims = pe->claims,
			       .max_depth = pe->max_depth ? pe->max_depth : 1000 };
	walk_tu(&we, tu, f);
	f->walk_ms = now_ms() - t0;
	f->walk_cpu_ms = thread_cpu_ms() - c0;
	clang_disposeTranslationUnit(tu);
	return f;
}

/* libclang parses on the calling thread, not on a thread of its own (the
 * workers have larger stacks; and a system that refuses threads must be
 * told apart from a command libclang cannot use).  Before any thread starts. */
static void parse_on_own_threads(void)
{
	setenv("LIBCLANG_NOTHREADS", "1", 0);   /* before any worker starts */
}

/* ------------------------------------------------------------ command lines */

/* Options whose value is a separate argument and that only name macros or
 * files: left out of the command-line check (see extract_check_commands). */
static bool file_or_macro_opt(const char *a, bool *takes_next)
{
	static const char *const sep[] = { "-D", "-U", "-I", "-include", "-imacros", "-isystem",
					   "-iquote", "-idirafter", "-iprefix", "-iwithprefix" };
	*takes_next = false;
	for (size_t i = 0; i < sizeof(sep) / sizeof(sep[0]); i++) {
		size_t n = strlen(sep[i]);
		if (!strncmp(a, sep[i], n)) {
			*takes_next = a[n] == 0;
			return true;
		}
	}
	return false;
}

/* The quoted flag in "unknown argument: '-fbogus'" (or "unknown argument '-x'; did you mean"). */
static char *unknown_flag(const char *msg)
{
	if (strncmp(msg, "unknown argument", 16))
		return NULL;
	const char *q = strchr(msg, '\'');
	const char *e = q ? strchr(q + 1, '\'') : NULL;
	return e ? xstrndup(q + 1, (size_t)(e - q - 1)) : NULL;
}

/* Try command line KEPT (NKEPT arguments) on FILE as an empty file.  Returns
 * NULL when libclang takes it; else why not, and *FATAL: true when it is a
 * flag or target clang does not know (the run must stop: the TU would be
 * parsed without it), false when libclang cannot use the command at all (the
 * TU is recorded as not parsed and the run goes on).  Caller frees. */
static char *try_command(CXIndex index, const char *file, char **kept, int nkept, bool *fatal)
{
	struct CXUnsavedFile empty = { file, "", 0 };
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err = clang_parseTranslationUnit2FullArgv(index, file, (const char *const *)kept, nkept,
		&empty, 1, CXTranslationUnit_KeepGoing | CXTranslationUnit_Incomplete, &tu);
	struct strbuf why = {0};
	*fatal = false;
	if (err != CXError_Success || !tu) {
		sb_addf(&why, "%s with this command line (run it with clang -fsyntax-only to see why)",
			err == CXError_InvalidArguments ? "libclang rejects the arguments" : "libclang cannot parse anything");
		return sb_detach(&why);
	}
	char *flag = NULL;
	unsigned nd = clang_getNumDiagnostics(tu);
	for (unsigned d = 0; d < nd; d++) {
		CXDiagnostic dg = clang_getDiagnostic(tu, d);
		if (clang_getDiagnosticSeverity(dg) >= CXDiagnostic_Error) {
			CXString m = clang_getDiagnosticSpelling(dg);
			if (why.len)
				sb_add(&why, "; ");
			sb_add(&why, clang_getCString(m));
			if (!flag)
				flag = unknown_flag(clang_getCString(m));
			clang_disposeString(m);
		}
		clang_disposeDiagnostic(dg);
	}
	clang_disposeTranslationUnit(tu);
	if (!why.len)
		return NULL;
	if (flag)
		sb_addf(&why, " (a flag clang does not know can be dropped with 'drop-flag %s' "
			"in a rules file: docs/rules-format.md)", flag);
	free(flag);
	*fatal = true;
	return sb_detach(&why);
}

int extract_check_commands(struct compdb *cdb, const struct lp_rules *r, struct strbuf *err)
{
	int rc = 0;
	CXIndex index = NULL;
	struct strmap seen = {0};      /* signature -> 0 usable, else 1 + index into reasons */
	VEC(char *) reasons = {0};
	struct strbuf sig = {0};
	for (size_t i = 0; i < cdb->n && !rc; i++) {
		struct compile_cmd *c = &cdb->cmds[i];
		int argc;
		char **argv = compdb_clang_args(c, r, &argc);
		char **kept = xcalloc((size_t)argc + 2, sizeof(char *));
		int nkept = 0;
		sb_reset(&sig);
		char *wd = xasprintf("-working-directory=%s", c->directory);
		for (int a = 0; a < argc; a++) {
			bool next;
			if (file_or_macro_opt(argv[a], &next)) {
				a += next;
				continue;
			}
			kept[nkept++] = argv[a];
			sb_add(&sig, argv[a]);
			sb_addc(&sig, '\n');
		}
		kept[nkept++] = wd;
		sb_add(&sig, wd);
		sb_add(&sig, strrchr(c->file, '.') ? strrchr(c->file, '.') : "");   /* the language */
		bool created;
		int64_t *verdict = strmap_put(&seen, sb_str(&sig), &created);
		if (created) {
			if (!index) {
				parse_on_own_threads();   /* no thread of libclang's own */
				index = clang_createIndex(0, 0);
			}
			bool fatal;
			char *why = try_command(index, c->file, kept, nkept, &fatal);
			if (why && fatal) {
				sb_addf(err, "%s: the command for %s: %s", cdb->path, display_path(c->file), why);
				free(why);
				why = NULL;
				rc = -1;
			}
			if (why)
				vec_push(&reasons, why);
			*verdict = why ? (int64_t)reasons.n : 0;
		}
		if (*verdict)
			c->unusable = xstrdup(reasons.v[*verdict - 1]);
		free(wd);
		free(kept);
		compdb_free_args(argv);
	}
	for (size_t i = 0; i < reasons.n; i++)
		free(reasons.v[i]);
	vec_free(&reasons);
	sb_free(&sig);
	strmap_free(&seen);
	if (index)
		clang_disposeIndex(index);
	return rc;
}

/* ------------------------------------------------------------ crashes in clang */

/*
 * A TU that crashes clang must cost that TU, not the run.  libclang runs
 * each parse under LLVM's CrashRecoveryContext, whose signal handlers turn
 * a crash into CXError_Crashed -- except a stack overflow (deeply nested
 * expressions crash clang-19 itself), because a handler cannot run on an
 * exhausted stack.  So: libclang parses on our worker threads
 * (LIBCLANG_NOTHREADS; they have 64 MB of stack instead of libclang's 8 MB
 * safety thread), each worker has an alternate signal stack, and LLVM's
 * handlers are switched to it (SA_ONSTACK).  The TU is then recorded as
 * failed ("libclang crashed while parsing it") and the run goes on.
 */
#define ALT_STACK_SIZE (256u << 10)


static void crash_handlers_on_altstack(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction sa;
		if (sigaction(sigs[i], NULL, &sa) == 0 && sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN &&
		    !(sa.sa_flags & SA_ONSTACK)) {
			sa.sa_flags |= SA_ONSTACK;
			sigaction(sigs[i], &sa, NULL);
		}
	}
}

struct altstack { stack_t mine, old; bool on; };

static void altstack_push(struct altstack *a)
{
	a->mine = (stack_t){ .ss_sp = xmalloc(ALT_STACK_SIZE), .ss_size = ALT_STACK_SIZE };
	a->on = sigaltstack(&a->mine, &a->old) == 0;
}

/* Put back the previous one (a sanitizer's own, which it unmaps at thread exit). */
static void altstack_pop(struct altstack *a)
{
	if (a->on)
		sigaltstack(&a->old, NULL);
	free(a->mine.ss_sp);
}

/* ------------------------------------------------------------ workers */

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t ready, room;
	VEC(struct tu_facts *) done;
	size_t head;
	int running;              /* workers still going */
};

struct run {
	struct parse_env pe;
	const struct compdb *cdb;
	size_t *todo;             /* indexes into cdb->cmds */
	size_t ntodo;
	atomic_size_t next;
	atomic_bool stop;         /* the database failed: parse no more */
	struct queue q;
};

static void work(struct run *r)
{
	struct altstack alt;
	altstack_push(&alt);
	CXIndex index = clang_createIndex(0, 0);
	for (;;) {
		if (interrupted || atomic_load(&r->stop))
			break;
		size_t i = atomic_fetch_add(&r->next, 1);
		if (i >= r->ntodo)
			break;
		struct tu_facts *f = parse_tu(&r->pe, index, &r->cdb->cmds[r->todo[i]]);
		pthread_mutex_lock(&r->q.lock);
		while (r->q.done.n - r->q.head >= 8)   /* bound memory: the writer is behind */
			pthread_cond_wait(&r->q.room, &r->q.lock);
		vec_push(&r->q.done, f);
		pthread_cond_signal(&r->q.ready);
		pthread_mutex_unlock(&r->q.lock);
	}
	clang_disposeIndex(index);
	altstack_pop(&alt);
	pthread_mutex_lock(&r->q.lock);
	r->q.running--;
	pthread_cond_signal(&r->q.ready);
	pthread_mutex_unlock(&r->q.lock);
}

/*
 * The workers are started before the database is opened and wait for
 * extract_run to hand them a run (or for nothing: quit).  Each wants a
 * 64 MB stack; where the address space is limited (ulimit -v) the system
 * may refuse some: the run goes on with fewer workers, or with one on a
 * smaller stack (a crash on very deep code then costs that TU sooner), and
 * says so, and stops with the system's reason only when none can start.
 */
struct extract_workers {
	pthread_mutex_t lock;
	pthread_cond_t go;
	struct run *run;          /* set once by extract_run */
	bool quit;
	pthread_t *th;
	int n;
};

static void *worker_main(void *arg)
{
	struct extract_workers *w = arg;
	pthread_mutex_lock(&w->lock);
	while (!w->run && !w->quit)
		pthread_cond_wait(&w->go, &w->lock);
	struct run *r = w->run;
	pthread_mutex_unlock(&w->lock);
	if (r)
		work(r);
	return NULL;
}

/* Join the workers (parked ones need a run or quit first) and free them. */
static void workers_free(struct extract_workers *w)
{
	for (int i = 0; i < w->n; i++)
		pthread_join(w->th[i], NULL);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->go);
	free(w->th);
	free(w);
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static const size_t worker_stacks[] = { 64u << 20, 16u << 20, 8u << 20 };   /* deep ASTs recurse */

/* The system's reason ERR, and the address-space limit if there is one. */
static void why_no_thread(struct strbuf *sb, int err)
{
	sb_add(sb, strerror(err));
	struct rlimit rl;
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		sb_addf(sb, "; the address space is limited to %llu MB (ulimit -v)",
			(unsigned long long)(rl.rlim_cur >> 20));
	if (getrlimit(RLIMIT_NPROC, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < 4096)
		sb_addf(sb, "; the user's processes and threads are limited to %llu (ulimit -u)",
			(unsigned long long)rl.rlim_cur);
}

struct extract_workers *extract_workers_start(int jobs, size_t ntus, struct strbuf *err)
{
	if (jobs <= 0)
		jobs = default_jobs();
	if ((size_t)jobs > ntus)
		jobs = ntus ? (int)ntus : 1;
	parse_on_own_threads();
	clang_disposeIndex(clang_createIndex(0, 0));   /* installs LLVM's crash handlers ... */
	crash_handlers_on_altstack();                  /* ... which must run on the alternate stack */

	struct extract_workers *w = xcalloc(1, sizeof(*w));
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->go, NULL);
	w->th = xcalloc((size_t)jobs, sizeof(*w->th));
	size_t si = 0, nsizes = sizeof(worker_stacks) / sizeof(worker_stacks[0]);
	int refused = 0;   /* the system's last reason */
	while (w->n < jobs) {
		pthread_attr_t attr;
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, worker_stacks[si]);
		int rc = pthread_create(&w->th[w->n], &attr, worker_main, w);
		pthread_attr_destroy(&attr);
		if (!rc) {
			w->n++;
			continue;
		}
		refused = rc;
		if (w->n > 0 || si + 1 == nsizes)
			break;   /* fewer workers rather than smaller stacks; none at all: give up */
		si++;
	}
	struct strbuf why = {0};
	if (w->n == 0) {
		why_no_thread(&why, refused);
		sb_addf(err, "cannot start a parse worker thread (with a stack of 64, 16 or 8 MB): %s; "
			"nothing was written", sb_str(&why));
		sb_free(&why);
		workers_free(w);
		return NULL;
	}
	if (w->n < jobs || si) {
		why_no_thread(&why, refused);
		fprintf(stderr, "lockpath: warning: parsing with %d of %d worker threads, on %zu MB stacks%s: "
			"the system refused %s: %s\n", w->n, jobs, worker_stacks[si] >> 20,
			si ? " (not 64 MB: a TU nested too deeply for it is recorded as crashed)" : "",
			si ? "larger stacks" : "more threads", sb_str(&why));
	}
	sb_free(&why);
	return w;
}

/* Hand run R to the parked workers (R NULL: tell them to quit), join and free them. */
static void workers_run(struct extract_workers *w, struct run *r)
{
	pthread_mutex_lock(&w->lock);
	w->run = r;
	w->quit = true;
	pthread_cond_broadcast(&w->go);
	pthread_mutex_unlock(&w->lock);
}

static struct tu_facts *next_done(struct run *r)
{
	pthread_mutex_lock(&r->q.lock);
	while (r->q.head == r->q.done.n && r->q.running > 0)
		pthread_cond_wait(&r->q.ready, &r->q.lock);
	struct tu_facts *f = NULL;
	if (r->q.head < r->q.done.n) {
		f = r->q.done.v[r->q.head++];
		pthread_cond_broadcast(&r->q.room);
	}
	pthread_mutex_unlock(&r->q.lock);
	return f;
}

/*
 * Progress.  On a terminal, one line that rewrites itself: TUs done of the
 * total, the rate and the time left (a whole kernel is an hour of parsing);
 * with --progress into a file or a CI log, one line per TU.
 */
struct progress { double t0; bool tty, shown; };
static struct progress progress;

static void progress_clear(void)
{
	if (progress.shown)
		fputs("\r\033[K", stderr);
	progress.shown = false;
}

static void progress_line(const struct tu_facts *f, size_t k, size_t n)
{
	if (!progress.tty) {
		fprintf(stderr, "[%zu/%zu] %s (%.2f s)\n", k, n, text_path(f->main_file),
			(f->parse_ms + f->walk_ms) / 1000.0);
		return;
	}
	double s = (now_ms() - progress.t0) / 1000.0;
	double rate = s > 0 ? (double)k / s : 0;
	long left = rate > 0 ? (long)((double)(n - k) / rate) : 0;
	fprintf(stderr, "\r\033[Klockpath: extract: %zu/%zu TUs, %.1f TU/s, %ld:%02ld left, %s", k, n, rate,
		left / 60, left % 60, path_basename(f->main_file));
	progress.shown = true;
	if (k == n)
		progress_clear();
}

static void report_tu(const struct tu_facts *f, size_t k, size_t n)
{
	if (f->status != TU_CLEAN)
		progress_clear();
	if (f->status == TU_FAILED) {
		fprintf(stderr, "lockpath: %s: not parsed: %s\n", text_path(f->main_file),
			text_safe(f->diags.n ? f->diags.v[0].message : "?"));
	} else if (f->status != TU_CLEAN) {
		fprintf(stderr, "lockpath: %s: %d parse error%s%s%s\n", text_path(f->main_file), f->n_errors,
			f->n_errors == 1 ? "" : "s", f->diags.n ? ", first: " : "",
			text_safe(f->diags.n ? f->diags.v[0].message : ""));
	}
	if (lp_progress)
		progress_line(f, k, n);
}

int extract_run(struct lp_db *db, const struct lp_rules *rules, const struct compdb *cdb,
		struct extract_workers *w, const struct extract_opts *o, struct extract_stats *st)
{
	double t0 = now_ms();
	memset(st, 0, sizeof(*st));
	st->total = cdb->n;
	progress = (struct progress){ t0, isatty(2) == 1, false };
	struct store *s = store_new(db);
	struct hdr_claims claims = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct hash_cache hashes = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct run r = { .pe = { rules, &claims, &hashes, o->max_depth }, .cdb = cdb };
	r.todo = xcalloc(cdb->n + 1, sizeof(size_t));

	struct strmap keep = {0};
	char salt[EXTRACT_SALT_SIZE];
	extract_salt(rules, salt);
	for (size_t i = 0; i < cdb->n; i++) {
		const struct compile_cmd *c = &cdb->cmds[i];
		strmap_put(&keep, c->file, NULL);
		char h[33];
		compdb_args_hash(c, salt, h);
		if (!o->force && store_tu_current(s, c->file, h, cached_hash, &hashes))
			st->skipped++;
		else
			r.todo[r.ntodo++] = i;
	}
	/* The findings stop matching the facts from the first change on; check
	 * sets this back to 1 (the report warns while it is 0). */
	if (r.ntodo)
		db_meta_set(db, "checked", "0");
	st->pruned = (size_t)store_prune_tus(s, &keep);
	if (st->pruned && !r.ntodo)
		db_meta_set(db, "checked", "0");
	strmap_free(&keep);
	/* A header function already stored is not walked again (claim_existing),
	 * so when every TU is parsed again (another lockpath or other rules:
	 * the salt is in each TU's hash) the headers' facts are dropped first;
	 * else the old ones stayed beside the new TUs' facts.  Unless forced,
	 * every TU's facts are stale then too, and go at once: replaced one TU
	 * at a time they cost the whole kernel 634 s of deletes.  A forced run
	 * keeps them until each TU is stored again, so that an interrupted one
	 * loses none. */
	if (!st->skipped && r.ntodo) {
		if (o->force)
			store_gc_headers(s, true);
		else
			store_drop_facts(s);
	}
	store_each_header_func(s, claim_existing, &claims);

	interrupted = 0;
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESETHAND }, old_int, old_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	pthread_mutex_init(&r.q.lock, NULL);
	pthread_cond_init(&r.q.ready, NULL);
	pthread_cond_init(&r.q.room, NULL);
	r.q.running = w->n;
	workers_run(w, &r);

	size_t k = 0;
	struct tu_facts *f;
	while ((f = next_done(&r))) {
		double c0 = thread_cpu_ms();
		store_tu(s, f);
		if (db_failed(db))   /* nothing more can be stored: the command reports why */
			atomic_store(&r.stop, true);
		k++;
		st->parsed++;
		st->with_errors += f->status == TU_ERRORS;
		st->failed += f->status == TU_FAILED;
		report_tu(f, k, r.ntodo);
		st->parse_cpu_ms += f->parse_cpu_ms;
		st->walk_cpu_ms += f->walk_cpu_ms;
		facts_free(f);
		st->store_cpu_ms += thread_cpu_ms() - c0;
	}
	workers_free(w);
	progress_clear();
	st->interrupted = interrupted;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	if (!st->interrupted) {
		store_gc_headers(s, false);
		/* every TU's facts are now this salt's: check warns when run
		 * with rules whose extract digest differs (cli/common.c) */
		db_meta_set(db, "extract_salt", salt);
	}

	vec_free(&r.q.done);
	pthread_mutex_destroy(&r.q.lock);
	pthread_cond_destroy(&r.q.ready);
	pthread_cond_destroy(&r.q.room);
	free(r.todo);
	strmap_free(&claims.claimed);
	hash_cache_free(&hashes);
	store_free(s);
	st->ms = now_ms() - t0;
	return db_failed(db) ? -1 : 0;
}

bool extract_tu_current(struct lp_db *db, const struct lp_rules *rules, const struct compile_cmd *c)
{
	char h[33], salt[EXTRACT_SALT_SIZE];
	compdb_args_hash(c, extract_salt(rules, salt), h);
	struct hash_cache hashes = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct store *s = store_new(db);
	bool current = store_tu_current(s, c->file, h, cached_hash, &hashes);
	store_free(s);
	hash_cache_free(&hashes);
	return current;
}

int extract_one(struct lp_db *db, const struct lp_rules *rules, const struct compile_cmd *c)
{
	struct store *s = store_new(db);
	struct hdr_claims claims = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct hash_cache hashes = { .lock = PTHREAD_MUTEX_INITIALIZER };
	store_each_header_func(s, claim_existing, &claims);
	struct parse_env pe = { rules, &claims, &hashes, 0 };
	CXIndex index = clang_createIndex(0, 0);
	struct tu_facts *f = parse_tu(&pe, index, c);
	db_meta_set(db, "checked", "0");   /* the findings no longer match the facts */
	store_tu(s, f);
	report_tu(f, 1, 1);
	int status = f->status;
	facts_free(f);
	clang_disposeIndex(index);
	strmap_free(&claims.claimed);
	hash_cache_free(&hashes);
	store_free(s);
	return status;
}
