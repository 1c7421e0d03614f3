/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * compdb.h - reading a compile database (compile_commands.json) into
 * commands that libclang can parse: validated first with a JSON parser so
 * that a malformed file gets a precise error, then loaded through libclang's
 * CXCompilationDatabase; GCC-only flags dropped by the rules.
 */
#ifndef LP_COMPDB_H
#define LP_COMPDB_H

#include "rules/rules.h"

struct compile_cmd {
	char *file;        /* absolute path of the source */
	char *directory;   /* absolute working directory */
	char **argv;       /* the command as given, argv[0] the compiler */
	int argc;
	char *unusable;    /* why libclang cannot use the command, or NULL (extract_check_commands) */
};

struct compdb {
	char *path;        /* the compile_commands.json read */
	struct compile_cmd *cmds;
	size_t n;
};

/* PATH is a compile_commands.json or a directory holding one.  NULL, with
 * a clear message in ERR naming the file (and line/column, or entry), when
 * it is missing, not JSON, of the wrong shape, or names missing files. */
struct compdb *compdb_load(const char *path, struct strbuf *err);
void compdb_free(struct compdb *db);
/* Keep only shard I of N (1 <= I <= N): the commands whose file path hashes
 * to it, a stable share for 'lockpath extract --shard I/N'. */
void compdb_shard(struct compdb *db, unsigned i, unsigned n);

/* The arguments for clang_parseTranslationUnit2FullArgv: the compiler
 * replaced by clang, -o/-c dropped, rules' drop-flags dropped, a --target
 * added for a cross gcc (s390x-linux-gnu-gcc), warnings off.  NULL-terminated,
 * caller frees with compdb_free_args. */
char **compdb_clang_args(const struct compile_cmd *c, const struct lp_rules *r, int *argc);
void compdb_free_args(char **argv);

/* Hash of SALT (what else the facts depend on: extract_salt), the
 * directory and the arguments as given (32 hex chars). */
void compdb_args_hash(const struct compile_cmd *c, const char *salt, char out[33]);

/* Build a command from a compiler invocation (Kbuild's CHECK hook). */
struct compile_cmd compdb_from_argv(const char *directory, int argc, char **argv, const char *file);

#endif
