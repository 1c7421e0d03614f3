/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * gate.h - the CI gate: compare the findings of a head database with a
 * baseline (a previous lockpath database or SARIF file) by fingerprint,
 * apply suppressions (a checked-in file, inline source comments), and say
 * what is new, fixed, unchanged, suppressed, and which suppressions are
 * stale.  Readers return errors as one line in a strbuf instead of dying,
 * so the fuzzer (tests/fuzz/fuzz_suppress.c) can drive them; the command
 * (cli/cmd_gate.c) prints and exits.  Nothing here analyses code.
 */
#ifndef LP_GATE_H
#define LP_GATE_H

#include "report/findings.h"
#include "gate/diff.h"

/* The partialFingerprints key lockpath writes and the gate reads. */
#define GATE_FP_KEY "lockpath/v1"
#define GATE_FP_LEN 32   /* hex digits */

/* ------------------------------------------------------------ baseline.c */

/* One finding of the baseline: enough to match it and to name it when fixed. */
struct gate_entry {
	char *fingerprint, *rule, *message, *file;   /* file and message may be NULL */
	int line;
};

struct gate_baseline {
	VEC(struct gate_entry) v;
	const char *kind;          /* "database" or "SARIF" */
};

/*
 * Load the baseline in PATH: a lockpath database (opened read-only; one of
 * another schema version is refused) or a lockpath SARIF file.  Returns 0,
 * or -1 with a one-line message naming PATH in *err.  The caller frees
 * *b with baseline_free (also after an error) and err with sb_free.
 */
int baseline_load(struct gate_baseline *b, const char *path, struct strbuf *err);
/* The same for LEN bytes in memory; NAME stands for the file in messages. */
int baseline_load_buffer(struct gate_baseline *b, const char *name, const void *data, size_t len,
			 struct strbuf *err);
void baseline_free(struct gate_baseline *b);

/* ------------------------------------------------------------ suppress.c */

/* One line of a suppressions file: a fingerprint, or a rule and a function
 * on the path, with the reviewer's reason. */
struct suppression {
	char *fingerprint;         /* 32 lowercase hex digits, or NULL */
	char *rule, *func;         /* when fingerprint is NULL */
	char *reason;
	int line;
	int hits;                  /* findings it silenced in this gate */
};

struct suppressions {
	char *file;
	VEC(struct suppression) v;
};

/*
 * Parse a suppressions file (format in docs/ci.md): '#' comments, blank
 * lines, and 'FINGERPRINT reason...' or 'RULE:FUNCTION reason...'.  Returns
 * 0, or -1 with "FILE:LINE: expected ..." in *err.  Free *s with
 * suppress_free in both cases.
 */
int suppress_load_file(struct suppressions *s, const char *path, struct strbuf *err);
int suppress_load_buffer(struct suppressions *s, const char *name, const char *data, size_t len,
			 struct strbuf *err);
void suppress_free(struct suppressions *s);
/* The first suppression that matches F (its hits counted), or NULL. */
struct suppression *suppress_match(struct suppressions *s, const struct rp_finding *f);

/*
 * An inline suppression in source LINE (LEN bytes, no line end): a C or
 * C++ comment whose text is 'lockpath: ignore RULE reason'.
 * Returns 0 if the line has none, 1 with *rule and *reason set (malloc'd,
 * the caller frees), or -1 with "expected ..." in *err (no location: the
 * caller adds it).
 */
int suppress_inline_parse(const char *line, size_t len, char **rule, char **reason, struct strbuf *err);
/*
 * The reason of an inline suppression of F at its offending line, or on a
 * comment-only line right above it; NULL when there is none or the source
 * cannot be read.  -1 with "FILE:LINE: expected ..." in *err on a bad comment.
 */
int suppress_inline_find(const struct rp_finding *f, char **reason, struct strbuf *err);

/* ------------------------------------------------------------ compare.c */

enum gate_status { GATE_NEW, GATE_UNCHANGED, GATE_SUPPRESSED };

struct gate_result {
	enum gate_status *status;      /* per head finding */
	char **reason;                 /* per head finding: why suppressed (malloc'd), or NULL */
	bool *fixed;                   /* per baseline entry: no head finding matches it */
	int n_new, n_fixed, n_unchanged, n_suppressed, n_stale;
};

/*
 * Classify every finding of HEAD against BASE: a fingerprint seen k times in
 * the baseline covers its first k occurrences in HEAD (report order); then
 * a matching suppression (SUP may be NULL; inline comments when INLINE)
 * turns a finding into 'suppressed', whatever it was.  Returns 0, or -1
 * with a message in *err (a bad inline comment).  Free with gate_result_free.
 */
int gate_compare(const struct rp_run *head, const struct gate_baseline *base, struct suppressions *sup,
		 bool inline_comments, struct gate_result *out, struct strbuf *err);
void gate_result_free(struct gate_result *r, int nhead);

/* ------------------------------------------------------------ patch.c */

/*
 * The patch under review (--diff, --git), to name for each new finding the
 * hunks that made it possible: those whose added lines, or the place of
 * whose removed lines, are on the finding's path - a call of a hop, the
 * offending operation, the held lock's acquisition, a store that an
 * indirect call goes through, an assignment that makes two locks one.
 * A hunk whose lines are not those of the file as analysed (on disk, under
 * the database's name for it) is never used, and said so in warnings.
 */
struct gate_patch {
	struct diff diff;
	char *root;                   /* --git: the work tree's top level; NULL: names are matched
				       * by their last components */
	struct strmap seen;           /* a database file -> 1 + its index in targets */
	VEC(struct gate_target *) targets;   /* private to patch.c */
	VEC(char *) warnings;         /* one line each, "DIFF:LINE: ...", for the caller to print */
	int unused;                   /* hunks of files on a path that are not the file as it is now */
};

/* Read the unified diff in PATH ("-": standard input) into P (zeroed).
 * Returns 0, or -1 with "PATH:LINE: expected ..." in *err.  Free P with
 * gate_patch_free in both cases. */
int gate_patch_load(struct gate_patch *p, const char *path, struct strbuf *err);
/* The same for the output of 'git diff BASE' (with renames, a/ and b/
 * prefixes, no colour, no external diff), run in the current directory's
 * work tree; its top level maps the diff's names to files exactly. */
int gate_patch_git(struct gate_patch *p, const char *base, struct strbuf *err);
void gate_patch_free(struct gate_patch *p);

/* How well the diff's NAME (relative to the tree) names the database's
 * absolute FILE: INT_MAX when ROOT (git's top level, or NULL) + NAME is
 * FILE; else the number of NAME's last components that end FILE - all of
 * them or, as 'patch -pN' drops leading ones, at least two; 0: another file. */
int gate_name_match(const char *file, const char *name, const char *root);

/* One hunk of the patch on a finding's path. */
struct gate_cause {
	const struct diff_file *file;
	const struct diff_hunk *hunk;
	struct rp_loc at;             /* the first place on the path it changes (the database's file name) */
	const char *func;             /* the function that place is in (the finding's), or NULL */
	char *what;                   /* what is there: "the call to ccw_io_helper" (malloc'd) */
	int more;                     /* further places on the path in the same hunk */
};

struct gate_causes { VEC(struct gate_cause) v; };

/* The hunks of P on F's paths, in the diff's order, into OUT (zeroed; free
 * with gate_causes_free).  None: no hunk of the patch explains F. */
void gate_patch_explain(struct gate_patch *p, const struct rp_finding *f, struct gate_causes *out);
void gate_causes_free(struct gate_causes *c);
/* The note for cause C, without location: "introduced by this patch: hunk
 * @@ -443,6 +443,16 @@ in virtballoon_changed (the call to ...)".  Caller frees. */
char *gate_cause_note(const struct gate_cause *c);
/*
 * The first hunk of P (in the diff's order) that changes a line of a
 * function on one of F's paths, from its definition to its closing brace,
 * or NULL; *FUNC is that function, *AT the first line the hunk changes in
 * it (the database's file name).  A patch can bring a finding without
 * changing a place of its path (an unlock it removed between the
 * acquisition and the call, a test above the call), but not without
 * changing something on the way: a finding that no hunk touches so came
 * from elsewhere (the context bound; gate --patch-only).
 */
const struct diff_hunk *gate_patch_touch(struct gate_patch *p, const struct rp_finding *f, const char **func,
				       struct rp_loc *at);

/* The note of a new finding that no hunk explains.  Besides a baseline
 * made otherwise, the check's per-function context bound does it: a patch
 * that changes which contexts reach a function lets others past the bound
 * (docs/failures.md; the 2019 balloon patch on the whole s390 tree brings
 * 21 new findings, 9 of them on the balloon's path). */
#define GATE_NO_HUNK "no hunk of this patch is on this finding's path (the baseline may have been made " \
	"from another commit or with other rules or options, or the per-function context bound now keeps a " \
	"context it dropped)"

#endif
