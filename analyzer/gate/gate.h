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

#endif
