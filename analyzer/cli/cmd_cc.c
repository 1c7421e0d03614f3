// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmd_cc.c - 'lockpath cc': Kbuild's CHECK hook.  `make C=1|2 CHECK="lockpath
 * cc --db FILE"` runs it once per C file as `lockpath cc --db FILE
 * $(CHECKFLAGS) $(c_flags) $<` in the object tree; it turns that into one
 * compile command (the compiler's own flags, without sparse's CHECKFLAGS,
 * with a --target for a cross build) and extracts that one TU into the
 * database.  It does not link or check: `lockpath check --db FILE` does,
 * once, after make.  Parse errors are recorded, printed in one line, and
 * never fail the kernel build.
 */
#include "cli/cli.h"
#include "extract/extract.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const struct cli_command cli_cmd_cc = {
	.head =
"usage: lockpath cc [options] [--] COMPILER-FLAGS... FILE.c\n"
"\n"
"Extract the facts of one translation unit into the database, as Kbuild's\n"
"CHECK hook (the compiler's own flags, once per C file):\n"
"\n"
"  make O=BUILD C=2 CHECK=\"lockpath cc --db /abs/lockpath.db\" drivers/virtio/\n"
"  lockpath check --db /abs/lockpath.db\n"
"\n"
"C=1 checks the files make recompiles, C=2 every file.  lockpath's options\n"
"come first; the first argument that is not one of them (or what follows\n"
"'--') starts the compiler command, whose last *.c argument is the file.\n"
"Sparse's CHECKFLAGS, which Kbuild puts in front of the compiler flags\n"
"(-D__linux__ ... --arch=s390 -m64), are dropped: lockpath parses what the\n"
"compiler parses.  Relative paths are taken from the current directory\n"
"(Kbuild runs the hook in the object tree).  An unchanged TU is skipped.\n"
"Any number of 'lockpath cc' may run at once on one database (make -j).\n"
"\n",
	.col = 21,
	/* Only long options, no CLI_SHORT: the compiler's flags that follow are
	 * free to use any short one. */
	.opts = (const struct cli_opt[]){
		{ "db", CLI_OPT_DB, "FILE", 0, "the database (default: lockpath.db; give an absolute\n"
					       "path, make runs the hook from the object tree)" },
		{ "target", 't', "TRIPLE", 0, "parse for TRIPLE (default: the flags' own --target,\n"
					      "else $CROSS_COMPILE without its last '-', which\n"
					      "Kbuild exports: s390x-linux-gnu- -> s390x-linux-gnu)" },
		{ "rules", CLI_OPT_RULES, "DIR", 0, "rules directory (default: $LOCKPATH_RULES, else the installed\n"
						    "rules; a binary in its build tree reads the source tree's rules/)" },
		{ "force", 'f', NULL, 0, "parse even when the TU is unchanged" },
		{ "wait", CLI_OPT_WAIT, "SECONDS", 0, "wait this long for other lockpath processes using the\n"
						      "database (default 600: make -j queues them)" },
		{ "quiet", CLI_OPT_QUIET, NULL, 0, NULL },
		{ "verbose", CLI_OPT_VERBOSE, NULL, 0, "" },
		{ 0 }
	},
	.tail =
"\n"
"Exit status: 0 done (also when the TU has parse errors: they are recorded\n"
"and named in one line on stderr, and the kernel build goes on), 2 usage or\n"
"tool error.\n",
};

/* A usage error in one line (make's log is no place for the whole help). */
static _Noreturn void cc_usage_error(const char *msg)
{
	fprintf(stderr, "lockpath: error: cc: %s; see 'lockpath cc --help'\n", msg);
	exit(LP_EXIT_ERROR);
}

struct cc_opts {
	struct cli_opts common;
	const char *target;
};

/* Value of option NAME at ARGV[*i] ("--name=V" or "--name V"), or NULL if
 * ARGV[*i] is not NAME; advances *i past a separate value. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	if (*i + 1 >= argc) {
		char msg[64];
		snprintf(msg, sizeof(msg), "%s needs a value", name);
		cc_usage_error(msg);
	}
	return argv[++*i];
}

/*
 * lockpath's own options (cli_cmd_cc's table), up to the first argument
 * that is not one (or past '--').  Only long options: the compiler's flags
 * that follow are free to use any short one.  Returns the index of the
 * compiler command.
 */
static int parse_own_opts(int argc, char **argv, struct cc_opts *o)
{
	int i;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (!strcmp(a, "--"))
			return i + 1;
		if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			cli_usage(&cli_cmd_cc, true);
		const struct cli_opt *op = cli_cmd_cc.opts;
		char name[32];
		for (; op->name; op++) {
			snprintf(name, sizeof(name), "--%s", op->name);
			if (op->arg ? (v = opt_value(argc, argv, &i, name)) != NULL : !strcmp(a, name))
				break;
		}
		if (!op->name)
			return i;
		switch (op->key) {
		case 't': o->target = v; break;
		case 'f': o->common.force = true; break;
		case CLI_OPT_WAIT: {
			char *end;
			long s = strtol(v, &end, 10);
			if (*end || s < 0 || s > 86400)
				die("--wait expects seconds from 0 to 86400, not '%s'", v);
			lp_db_wait = (int)s;
			break;
		}
		default: {
			bool known = cli_common_opt(op->key, v, &o->common);
			assert(known);
			(void)known;
		}
		}
	}
	return i;
}

/*
 * How many of ARGV's first arguments are sparse's CHECKFLAGS (0 if none
 * can be told apart).  Kbuild exports CHECKFLAGS, so the exact words are
 * known when the hook runs under make; without it, c_flags always start
 * with -Wp,-MMD,DEPFILE, and what stands before it is the checker's.
 */
static int checker_flags(int argc, char **argv)
{
	const char *env = getenv("CHECKFLAGS");
	if (env && *env) {
		char *copy = xstrdup(env), *save = NULL;
		int n = 0;
		bool match = true;
		for (char *w = strtok_r(copy, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save), n++)
			if (n >= argc || strcmp(w, argv[n])) {
				match = false;
				break;
			}
		free(copy);
		if (match)
			return n;
	}
	for (int i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "-Wp,-M", 6))
			return i;
		if (argv[i][0] != '-')
			break;
	}
	return 0;
}

static bool flags_have_target(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (!strncmp(argv[i], "--target=", 9) || !strcmp(argv[i], "-target"))
			return true;
	return false;
}

/* $CROSS_COMPILE as a triple: '/opt/x/bin/s390x-linux-gnu-' -> 's390x-linux-gnu'. */
static char *cross_compile_triple(void)
{
	const char *cc = getenv("CROSS_COMPILE");
	if (!cc || !*cc)
		return NULL;
	const char *base = path_basename(cc);
	size_t n = strlen(base);
	while (n && base[n - 1] == '-')
		n--;
	return n ? xstrndup(base, n) : NULL;
}

/* An unchanged TU is not parsed again; one with errors still says so. */
static void say_unchanged(struct lp_db *db, const char *file)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT t.n_errors, (SELECT d.message FROM tu_diag d WHERE d.tu_id = t.id "
		"ORDER BY d.rowid LIMIT 1) FROM tu t JOIN file f ON t.file_id = f.id WHERE f.path = ?");
	db_bind_text(st, 1, file);
	if (db_step_row(db, st)) {
		int n = sqlite3_column_int(st, 0);
		const char *first = db_col_text(st, 1);
		if (n)
			fprintf(stderr, "lockpath: %s: %d parse error%s (unchanged)%s%s\n", display_path(file), n,
				n == 1 ? "" : "s", *first ? ", first: " : "", first);
		else if (lp_verbose)
			fprintf(stderr, "lockpath: %s: unchanged\n", display_path(file));
	}
	sqlite3_finalize(st);
}

int cmd_cc(int argc, char **argv)
{
	struct cc_opts o = {0};
	cli_defaults(&o.common);
	lp_progress = 0;        /* make prints its own CHECK line */
	lp_db_wait = 600;
	int first = parse_own_opts(argc, argv, &o);
	int n = argc - first;
	char **cmd = argv + first;
	int skip = checker_flags(n, cmd);
	cmd += skip;
	n -= skip;

	int src = -1;
	for (int i = n - 1; i >= 0 && src < 0; i--) {
		size_t len = strlen(cmd[i]);
		if (cmd[i][0] != '-' && len > 2 && !strcmp(cmd[i] + len - 2, ".c") &&
		    (i == 0 || strcmp(cmd[i - 1], "-o")))
			src = i;
	}
	if (argc < 2)
		cli_usage(&cli_cmd_cc, false);
	if (src < 0)
		cc_usage_error("no C file (FILE.c) in the compiler command");
	char cwd[PATH_MAX], file[PATH_MAX];
	if (!getcwd(cwd, sizeof(cwd)))
		die("cc: cannot get the current directory");
	char *given = cmd[src][0] == '/' ? xstrdup(cmd[src]) : xasprintf("%s/%s", cwd, cmd[src]);
	if (!realpath(given, file))
		die("cc: %s: no such file", cmd[src]);
	free(given);

	/* argv[0] a compiler name, a --target when the flags have none, then
	 * the flags with the file named by its real path. */
	VEC(char *) args = {0};
	vec_push(&args, "clang");
	char *target = o.target ? xasprintf("--target=%s", o.target) : NULL;
	if (!target && !flags_have_target(n, cmd)) {
		char *triple = cross_compile_triple();
		if (triple)
			target = xasprintf("--target=%s", triple);
		free(triple);
	}
	if (target)
		vec_push(&args, target);
	for (int i = 0; i < n; i++) {
		if (o.target && !strncmp(cmd[i], "--target=", 9))
			continue;      /* lockpath's --target wins */
		if (o.target && !strcmp(cmd[i], "-target")) {
			i++;           /* and its value */
			continue;
		}
		vec_push(&args, i == src ? file : cmd[i]);
	}
	struct compile_cmd c = compdb_from_argv(cwd, (int)args.n, args.v, file);
	vec_free(&args);
	free(target);

	struct lp_rules *r = cli_load_rules(o.common.rules);
	struct lp_db *db = cli_db_open(o.common.db, DB_CREATE);
	if (!o.common.force && extract_tu_current(db, r, &c)) {
		say_unchanged(db, c.file);
	} else {
		extract_one(db, r, &c);   /* prints one line when the TU has parse errors */
	}
	cli_db_ok(db);
	db_close(db);
	rules_free(r);
	for (int a = 0; a < c.argc; a++)
		free(c.argv[a]);
	free(c.argv);
	free(c.file);
	free(c.directory);
	return LP_EXIT_CLEAN;
}
