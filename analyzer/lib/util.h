/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * util.h - the small things every phase needs: fatal errors, checked
 * allocation, a growable string, growable arrays and a string-keyed hash
 * table.  Nothing here knows about locks, clang or sqlite.
 */
#ifndef LP_UTIL_H
#define LP_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* Exit codes, documented in lockpath --help and README. */
enum lp_exit { LP_EXIT_CLEAN = 0, LP_EXIT_FINDINGS = 1, LP_EXIT_ERROR = 2 };

/*
 * Print "lockpath: error: ..." and exit 2.  For the command layer (cli/),
 * which turns the phases' errors into the documented exit codes: library
 * code returns its errors (-1 or NULL, the message in a struct strbuf, as
 * db_open, rules_load_file and compdb_load do; a database's failed
 * statement in db_error) so that it can run in-process (the unit tests).
 * Out of memory still dies here (xmalloc and friends), as is conventional.
 */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "lockpath: warning: ..." to stderr and go on. */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Progress lines on stderr (one per TU): on when stderr is a terminal, or
 * --progress; off with --no-progress.  -v raises lp_verbose by one. */
extern int lp_progress;
extern int lp_verbose;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Growable NUL-terminated string.  Zero-initialise, then sb_* and sb_free. */
struct strbuf { char *buf; size_t len, cap; };
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_reset(struct strbuf *sb);
/* Cut SB back to its first LEN bytes (LEN <= its length: text added since). */
void sb_truncate(struct strbuf *sb, size_t len);
/* Hand the buffer to the caller (who frees it); the strbuf is empty after. */
char *sb_detach(struct strbuf *sb);
void sb_free(struct strbuf *sb);
static inline const char *sb_str(const struct strbuf *sb) { return sb->buf ? sb->buf : ""; }

/* Growable array of T: VEC(int) v = {0}; vec_push(&v, 3); free(v.v). */
#define VEC(T) struct { T *v; size_t n, cap; }
#define vec_push(vp, x) do { \
	if ((vp)->n == (vp)->cap) { \
		(vp)->cap = (vp)->cap ? 2 * (vp)->cap : 8; \
		(vp)->v = xrealloc((vp)->v, (vp)->cap * sizeof(*(vp)->v)); \
	} \
	(vp)->v[(vp)->n++] = (x); \
} while (0)
#define vec_free(vp) do { free((vp)->v); (vp)->v = NULL; (vp)->n = (vp)->cap = 0; } while (0)

/* String -> int64 hash table.  Keys are copied (and freed by strmap_free). */
struct strmap_entry { char *key; int64_t val; uint64_t hash; };
struct strmap { struct strmap_entry *e; size_t n, cap; };
uint64_t str_hash(const char *s);
/* Returns the slot's value pointer; inserts with *created = true and value 0 if absent. */
int64_t *strmap_put(struct strmap *m, const char *key, bool *created);
/* KEY's dense id in M (0, 1, 2, .. in the order keys were first put), with
 * *CREATED (if not NULL) true the first time: for tables indexed by name.
 * M's values are the ids; do not mix with strmap_put() on one map. */
int strmap_id(struct strmap *m, const char *key, bool *created);
/* Returns NULL if absent. */
int64_t *strmap_get(const struct strmap *m, const char *key);
void strmap_free(struct strmap *m);
#define strmap_foreach(m, it) \
	for (struct strmap_entry *it = (m)->e; it && it < (m)->e + (m)->cap; it++) if (it->key)

/* 128-bit content hash (xxh3) as 32 hex chars into out[33]. */
void hash_hex(const void *data, size_t len, char out[33]);

/* Binary search in an array of N elements of SIZE bytes sorted by the
 * int64_t at byte OFFSET of each: the first index whose key is >= KEY, or N. */
size_t lower_bound_i64(const void *base, size_t n, size_t size, size_t offset, int64_t key);
/* The same for an array sorted by the int each element starts with. */
size_t lower_bound_int(const void *base, size_t n, size_t size, int key);
/* qsort()/bsearch() comparator of two ints. */
int int_cmp(const void *a, const void *b);
/* log2(N) in eighths of a bit, rounded up: how much a path guesses at a call
 * with N possible targets (check/engine.c; the report's ranking). */
int guess_eighths(int n);
/* Hash of a file's content; false if it cannot be read. */
bool hash_file(const char *path, char out[33]);

/* Monotonic milliseconds. */
double now_ms(void);
/* CPU time of the calling thread, in ms (the extract's per-phase accounting). */
double thread_cpu_ms(void);
/* Path relative to the current directory when below it, else as given.  Static buffer. */
const char *display_path(const char *abs);
/* Last path component. */
const char *path_basename(const char *path);

#endif

#ifndef LP_ARENA_H
#define LP_ARENA_H
/* Bump allocator freed in one go: one per translation unit's facts. */
struct arena_chunk;
struct arena { struct arena_chunk *head; };
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);   /* NULL stays NULL */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);
#endif
