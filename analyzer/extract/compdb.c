// SPDX-License-Identifier: GPL-2.0-only
/*
 * compdb.c - compile databases: validation with jansson (for messages that
 * point at the broken line), loading with libclang, and the translation of
 * a GCC or clang kernel command line into one libclang accepts.
 */
#include "extract/compdb.h"

#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>
#include "lib/json_kind.h"
#include <xxhash.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join_path(const char *dir, const char *file)
{
	if (file[0] == '/')
		return xstrdup(file);
	return xasprintf("%s/%s", dir, file);
}

static bool exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* What is wrong with entry E (its file named in FILE_OUT when known), or NULL. */
static char *entry_problem(json_t *e, const char **file_out)
{
	*file_out = NULL;
	if (!json_is_object(e))
		return xasprintf("expected an object, not %s", json_kind(e));
	json_t *jdir = json_object_get(e, "directory"), *jfile = json_object_get(e, "file");
	json_t *args = json_object_get(e, "arguments"), *cmd = json_object_get(e, "command");
	if (!json_is_string(jfile) || !*json_string_value(jfile))
		return xstrdup("expected a non-empty \"file\" string");
	*file_out = json_string_value(jfile);   /* to name the entry from here on */
	if (!json_is_string(jdir))
		return xstrdup("expected a \"directory\" string");
	const char *dir = json_string_value(jdir), *file = json_string_value(jfile);
	if (args) {
		if (!json_is_array(args))
			return xasprintf("\"arguments\" must be an array of strings, not %s", json_kind(args));
		if (!json_array_size(args))
			return xstrdup("\"arguments\" is empty: expected the compiler and its arguments");
		size_t i;
		json_t *a;
		json_array_foreach(args, i, a)
			if (!json_is_string(a))
				return xasprintf("\"arguments\" item %zu is %s, not a string", i + 1, json_kind(a));
	} else if (!cmd) {
		return xstrdup("expected an \"arguments\" array or a \"command\" string");
	} else if (!json_is_string(cmd)) {
		return xasprintf("\"command\" must be a string, not %s", json_kind(cmd));
	} else if (blank(json_string_value(cmd))) {
		return xstrdup("\"command\" is empty: expected the compiler and its arguments");
	}
	if (dir[0] != '/')
		return xasprintf("\"directory\" must be an absolute path, not '%s'", dir);
	if (!exists(dir))
		return xasprintf("directory '%s' does not exist", dir);
	if (!is_dir(dir))
		return xasprintf("directory '%s' is not a directory", dir);
	char *abs = join_path(dir, file);
	char *problem = NULL;
	if (!exists(abs))
		problem = xasprintf("source file '%s' does not exist", abs);
	else if (!is_file(abs))
		problem = xasprintf("source file '%s' is not a regular file", abs);
	free(abs);
	return problem;
}

/* Check the shape of every entry; -1 with the first problem in ERR. */
static int validate(const char *path, struct strbuf *err)
{
	struct stat st;
	if (stat(path, &st) == 0 && st.st_size == 0) {
		sb_addf(err, "%s: the file is empty: expected a JSON array of compile commands", path);
		return -1;
	}
	json_error_t jerr;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		sb_addf(err, "%s:%d:%d: not a valid compile database: %s", path, jerr.line, jerr.column, jerr.text);
		return -1;
	}
	int rc = 0;
	if (!json_is_array(root)) {
		sb_addf(err, "%s: expected a JSON array of compile commands, not %s", path, json_kind(root));
		rc = -1;
	} else if (json_array_size(root) == 0) {
		sb_addf(err, "%s: the compile database has no entries", path);
		rc = -1;
	}
	size_t i;
	json_t *e;
	json_array_foreach(root, i, e) {
		const char *file;
		char *problem = rc ? NULL : entry_problem(e, &file);
		if (problem) {
			if (file)
				sb_addf(err, "%s: entry %zu (%s): %s", path, i + 1, file, problem);
			else
				sb_addf(err, "%s: entry %zu: %s", path, i + 1, problem);
			free(problem);
			rc = -1;
		}
	}
	json_decref(root);
	return rc;
}

/* The directory of PATH's compile_commands.json (its path in *JSON_PATH),
 * or NULL with the reason in ERR. */
static char *db_dir_of(const char *path, char **json_path, struct strbuf *err)
{
	char real[PATH_MAX];
	if (!realpath(path, real)) {
		sb_addf(err, "%s: cannot read the compile database: %s", path, strerror(errno));
		return NULL;
	}
	if (is_dir(real)) {
		*json_path = xasprintf("%s/compile_commands.json", real);
		if (!is_file(*json_path)) {
			free(*json_path);
			sb_addf(err, "%s: no compile_commands.json in this directory", path);
			return NULL;
		}
		return xstrdup(real);
	}
	const char *base = path_basename(real);
	if (strcmp(base, "compile_commands.json")) {
		sb_addf(err, "%s: expected a file named compile_commands.json (or a directory holding one)", path);
		return NULL;
	}
	*json_path = xstrdup(real);
	return xstrndup(real, (size_t)(base - real - 1));
}

/* Whether CC (in directory DIR) is the command C already holds. */
static bool same_command(const struct compile_cmd *c, const char *dir, CXCompileCommand cc)
{
	if (strcmp(c->directory, dir) || (unsigned)c->argc != clang_CompileCommand_getNumArgs(cc))
		return false;
	bool same = true;
	for (int a = 0; same && a < c->argc; a++) {
		CXString s = clang_CompileCommand_getArg(cc, (unsigned)a);
		same = !strcmp(c->argv[a], clang_getCString(s));
		clang_disposeString(s);
	}
	return same;
}

/* One more entry for FILE, already listed (*SLOT: its index in db->cmds + 1,
 * negated once said): counted in *NDUP; another command than the first is
 * said once per file.  The first entry's command is the one used. */
static void duplicate(const struct compdb *db, int64_t *slot, const char *file, const char *dir,
		      CXCompileCommand cc, size_t *ndup)
{
	(*ndup)++;
	if (*slot < 0 || same_command(&db->cmds[*slot - 1], dir, cc))
		return;
	warn("%s: '%s' has more than one command; using its first", db->path, file);
	*slot = -*slot;
}

struct compdb *compdb_load(const char *path, struct strbuf *err)
{
	char *json_path;
	char *dir = db_dir_of(path, &json_path, err);
	if (!dir)
		return NULL;
	if (validate(json_path, err)) {
		free(json_path);
		free(dir);
		return NULL;
	}
	CXCompilationDatabase_Error cerr;
	CXCompilationDatabase cdb = clang_CompilationDatabase_fromDirectory(dir, &cerr);
	if (cerr != CXCompilationDatabase_NoError) {
		sb_addf(err, "%s: libclang cannot load this compile database", json_path);
		free(json_path);
		free(dir);
		return NULL;
	}
	CXCompileCommands all = clang_CompilationDatabase_getAllCompileCommands(cdb);
	struct compdb *db = xcalloc(1, sizeof(*db));
	db->path = json_path;
	unsigned n = clang_CompileCommands_getSize(all);
	db->cmds = xcalloc(n ? n : 1, sizeof(*db->cmds));
	struct strmap seen = {0};   /* file -> index in db->cmds + 1 */
	size_t ndup = 0;
	for (unsigned i = 0; i < n; i++) {
		CXCompileCommand cc = clang_CompileCommands_getCommand(all, i);
		CXString d = clang_CompileCommand_getDirectory(cc), f = clang_CompileCommand_getFilename(cc);
		char *file = join_path(clang_getCString(d), clang_getCString(f));
		char real[PATH_MAX];
		if (realpath(file, real)) {
			free(file);
			file = xstrdup(real);
		}
		bool created;
		int64_t *slot = strmap_put(&seen, file, &created);
		if (!created) {   /* the same file twice: the first command wins */
			duplicate(db, slot, file, clang_getCString(d), cc, &ndup);
			free(file);
			clang_disposeString(d);
			clang_disposeString(f);
			continue;
		}
		*slot = (int64_t)db->n + 1;
		struct compile_cmd *c = &db->cmds[db->n++];
		c->file = file;
		c->directory = xstrdup(clang_getCString(d));
		c->argc = (int)clang_CompileCommand_getNumArgs(cc);
		if (c->argc < 1) {   /* validate() has seen a compiler; be sure */
			sb_addf(err, "%s: the command for '%s' is empty", json_path, file);
			c->argc = 0;
			clang_disposeString(d);
			clang_disposeString(f);
			strmap_free(&seen);
			clang_CompileCommands_dispose(all);
			clang_CompilationDatabase_dispose(cdb);
			free(dir);
			compdb_free(db);   /* and json_path, its path */
			return NULL;
		}
		c->argv = xcalloc((size_t)c->argc + 1, sizeof(char *));
		for (int a = 0; a < c->argc; a++) {
			CXString s = clang_CompileCommand_getArg(cc, (unsigned)a);
			c->argv[a] = xstrdup(clang_getCString(s));
			clang_disposeString(s);
		}
		clang_disposeString(d);
		clang_disposeString(f);
	}
	if (ndup)
		warn("%s: %zu entr%s repeat a file listed before; each file is analysed once, with its first command",
		     json_path, ndup, ndup == 1 ? "y" : "ies");
	strmap_free(&seen);
	clang_CompileCommands_dispose(all);
	clang_CompilationDatabase_dispose(cdb);
	free(dir);
	return db;
}

static void free_cmd(struct compile_cmd *c)
{
	for (int a = 0; a < c->argc; a++)
		free(c->argv[a]);
	free(c->argv);
	free(c->file);
	free(c->directory);
	free(c->unusable);
}

void compdb_free(struct compdb *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->n; i++)
		free_cmd(&db->cmds[i]);
	free(db->cmds);
	free(db->path);
	free(db);
}

void compdb_shard(struct compdb *db, unsigned i, unsigned n)
{
	size_t kept = 0;
	for (size_t k = 0; k < db->n; k++) {
		/* by the file's path alone: a TU keeps its shard when others come and go */
		unsigned long long h = XXH3_64bits(db->cmds[k].file, strlen(db->cmds[k].file));
		if (h % n == i - 1)
			db->cmds[kept++] = db->cmds[k];
		else
			free_cmd(&db->cmds[k]);
	}
	db->n = kept;
}

/* 's390x-linux-gnu-gcc' -> 's390x-linux-gnu', else NULL. */
static char *cross_triple(const char *compiler)
{
	const char *base = path_basename(compiler);
	const char *gcc = strstr(base, "-gcc");
	if (!gcc || gcc == base)
		return NULL;
	return xstrndup(base, (size_t)(gcc - base));
}

static bool has_target(const struct compile_cmd *c)
{
	for (int a = 1; a < c->argc; a++)
		if (!strncmp(c->argv[a], "--target=", 9) || !strcmp(c->argv[a], "-target"))
			return true;
	return false;
}

/* Whether A and B name one file: the same spelling, or the same inode.
 * The spellings differ when the entry's 'file' has './' or '../' in it, or
 * its 'directory' goes through a symlink: c->file is the real path. */
static bool same_file(const char *a, const char *b)
{
	if (!strcmp(a, b))
		return true;
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISREG(sa.st_mode) &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The source file itself: libclang gets it separately, and twice is two
 * jobs, which libclang refuses ("cannot parse anything"). */
static bool names_source(const struct compile_cmd *c, const char *arg)
{
	if (arg[0] == '-')
		return false;
	char *p = join_path(c->directory, arg);
	bool same = same_file(p, c->file);
	free(p);
	return same;
}

char **compdb_clang_args(const struct compile_cmd *c, const struct lp_rules *r, int *argc)
{
	char **out = xcalloc((size_t)c->argc + 4, sizeof(char *));
	int n = 0;
	out[n++] = xstrdup("clang");
	char *triple = has_target(c) ? NULL : cross_triple(c->argv[0]);
	if (triple) {
		out[n++] = xasprintf("--target=%s", triple);
		free(triple);
	}
	for (int a = 1; a < c->argc; a++) {
		const char *arg = c->argv[a];
		if (!strcmp(arg, "-o") || !strcmp(arg, "-MF") || !strcmp(arg, "-MT") || !strcmp(arg, "-MQ")) {
			a++;   /* and its value */
			continue;
		}
		if (!strcmp(arg, "-c") || !strcmp(arg, "-MD") || !strcmp(arg, "-MMD") ||
		    !strncmp(arg, "-Wp,-M", 6) || (r && rules_drop_flag(r, arg)) || names_source(c, arg))
			continue;
		out[n++] = xstrdup(arg);
	}
	out[n++] = xstrdup("-w");   /* warnings cost time and are not ours to report */
	out[n] = NULL;
	*argc = n;
	return out;
}

void compdb_free_args(char **argv)
{
	for (char **a = argv; a && *a; a++)
		free(*a);
	free(argv);
}

void compdb_args_hash(const struct compile_cmd *c, const char *salt, char out[33])
{
	struct strbuf sb = {0};
	sb_add(&sb, salt);
	sb_addc(&sb, '\n');
	sb_add(&sb, c->directory);
	for (int a = 0; a < c->argc; a++) {
		sb_addc(&sb, '\n');
		sb_add(&sb, c->argv[a]);
	}
	hash_hex(sb.buf, sb.len, out);
	sb_free(&sb);
}

struct compile_cmd compdb_from_argv(const char *directory, int argc, char **argv, const char *file)
{
	struct compile_cmd c = { .directory = xstrdup(directory), .argc = argc };
	c.file = join_path(directory, file);
	c.argv = xcalloc((size_t)argc + 1, sizeof(char *));
	for (int a = 0; a < argc; a++)
		c.argv[a] = xstrdup(argv[a]);
	return c;
}
