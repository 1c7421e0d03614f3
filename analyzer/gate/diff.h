/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * diff.h - a unified diff (as 'diff -u', 'git diff' or 'git format-patch'
 * write it) read into files and hunks, with the new-side line numbers of
 * what each hunk adds and where it removes lines.  The gate (attribute.c)
 * uses it to name the hunk of a patch that made a finding possible.  It
 * reads diffs; it never applies them and never reads the files they name.
 */
#ifndef LP_DIFF_H
#define LP_DIFF_H

#include "lib/util.h"

/* One line of a hunk's new side (context or added), as written, without the
 * leading ' ' or '+' and without the line end. */
struct diff_text { const char *s; size_t len; };

struct diff_hunk {
	int old_start, old_count, new_start, new_count;
	const char *range;        /* "@@ -475,7 +475,9 @@" as written */
	const char *context;      /* what follows the second "@@" (git: the enclosing
				   * function's first line), trimmed; NULL if nothing */
	int line;                 /* the hunk header's line in the diff */
	VEC(int) added;           /* new-side numbers of the '+' lines, ascending */
	/* Pure deletions: for each run of '-' lines with no '+' line next to it,
	 * the new-side number of the line now in its place (the new side's line
	 * count + 1 when the run was at the end of the file). */
	VEC(int) removed_at;
	VEC(struct diff_text) new_text;   /* the new side, line new_start first */
	bool no_newline_old, no_newline_new;   /* '\ No newline at end of file' */
};

struct diff_file {
	/* Paths as the diff names them, 'a/' and 'b/' taken off; NULL for
	 * /dev/null: old_path is NULL for a new file, new_path for a deleted one. */
	const char *old_path, *new_path;
	int line;                 /* where the file's header starts in the diff */
	bool git;                 /* it had a 'diff --git' line */
	bool created, deleted, renamed, copied, binary;
	int similarity;           /* 'similarity index N%', -1 if none */
	VEC(struct diff_hunk) hunks;
};

struct diff {
	struct arena arena;       /* every string above */
	const char *name;         /* the file read, "-" for stdin, as in messages */
	VEC(struct diff_file) files;
};

/*
 * Parse LEN bytes of DATA as a unified diff into D (zeroed by the caller);
 * NAME names it in messages.  Lines before, between and after the files'
 * patches (a commit message, 'index ...', 'Only in ...', a signature) are
 * skipped.  Returns 0, or -1 with "NAME:LINE: expected ..." in *err for
 * the first thing that is not a diff: a hunk header that does not parse, a
 * hunk outside a file, a hunk with fewer or more lines than its header
 * says, hunks out of order, a '---' header without its '+++'.  Free D with
 * diff_free in both cases.
 */
int diff_parse_buffer(struct diff *d, const char *name, const char *data, size_t len, struct strbuf *err);
/* The same for the file PATH, or standard input when PATH is "-". */
int diff_parse_file(struct diff *d, const char *path, struct strbuf *err);
void diff_free(struct diff *d);

/* The function name in a hunk's context ('static void virtballoon_changed(struct v'
 * gives 'virtballoon_changed'): the identifier before its first '(' into
 * OUT (size N); false when there is none. */
bool diff_context_func(const struct diff_hunk *h, char *out, size_t n);

/* Every file and hunk of D, one line each, as the unit tests compare them:
 *   file OLD -> NEW [git] [new] [deleted] [renamed] [copied] [binary] [similarity N%]
 *   hunk @@ -A,B +C,D @@ [in CONTEXT] [added L,L,...] [removed-at L,...] [no-newline old|new] */
void diff_dump(FILE *out, const struct diff *d);

#endif
