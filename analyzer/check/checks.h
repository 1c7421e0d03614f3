/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * checks.h - the registry of checks (check_list.h) as data: each rule's name,
 * summary, lockdep wording and how the reports draw its findings.  The
 * reports, the gate and the engine consult it instead of spelling rule
 * names; the database keeps the name (finding.rule), which check_find()
 * maps back to the check.  Knows nothing about the engine or sqlite.
 */
#ifndef LP_CHECKS_H
#define LP_CHECKS_H

/* What the offending site does: the last hop's verb in every format, and
 * the transport matrix's cell ('deadlock' or 'sleeps'). */
enum check_offence {
	CK_ACQUIRES,          /* acquires a lock (finding.lock_key) */
	CK_CONTEXT,           /* a call the context does not allow (it may sleep, it needs
			       * interrupts on); the message says why, .verb what */
};

/* The witness paths a finding has, and what the second one shows. */
enum check_paths {
	CK_ONE_PATH,          /* entry to the offending site */
	CK_OTHER_ORDER,       /* and the path that takes the two locks in the other order (ABBA) */
	CK_HARDIRQ_USE,       /* and the path that takes the lock in hardirq context */
};

/* Whether the transport matrix carries a finding found through one
 * transport to another transport that reaches the same driver callback. */
enum check_transfer {
	CK_TRANSFER_NEVER,
	CK_TRANSFER_HELD,             /* when the held lock is taken after the callback */
	CK_TRANSFER_HELD_OR_CONTEXT,  /* ... or the other transport delivers it in the same atomic context */
};

struct check_info {
	const char *fn;               /* the check's C name ('recursive_lock'), from CHECK() */
	const char *name;             /* the rule as users see it: 'recursive-lock' */
	const char *summary;          /* one line: SARIF shortDescription, HTML, suppressions */
	const char *lockdep;          /* the title of lockdep's (or the kernel's) splat */
	const char *lockdep_detail;   /* a line under the title, or NULL (HTML: written as is, */
	const char *lockdep_hint;     /* lockdep's closing hint, or NULL   so no '<' or '&') */
	enum check_offence offence;
	const char *verb;             /* CK_CONTEXT: what the last hop does ('may sleep here') */
	enum check_paths paths;
	enum check_transfer transfer;
	int line_rank;                /* order of findings on one source line: the deadlock
				       * first (0), then what it implies */
};

enum check_id {
#define CHECK(fn, ...) CHECK_ID_##fn,
#include "check/check_list.h"
#undef CHECK
	CHECK_COUNT
};

extern const struct check_info checks[CHECK_COUNT];

/* The check whose rule is NAME, or -1. */
int check_find(const char *name);
/* Check ID's entry; for -1 (a rule this version does not know, read from
 * another version's database) an entry with no lockdep wording, one path,
 * the acquiring verb, no transfer, and a rank after every known rule. */
const struct check_info *check_get(int id);

#endif
