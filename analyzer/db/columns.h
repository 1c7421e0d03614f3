/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * columns.h - the values of the database's enum columns, by name: schema.sql
 * documents each such column with the names below, and every phase that
 * writes or reads one uses them, never the bare number.  The numbers are
 * part of the format: never renumber, only add.  Plain enums and the text
 * forms of the columns stored as text; nothing here knows sqlite or clang.
 */
#ifndef LP_COLUMNS_H
#define LP_COLUMNS_H

/* site.kind */
enum lp_site_kind {
	SITE_CALL = 1,
	SITE_ACQUIRE = 2,
	SITE_RELEASE = 3,
	SITE_TRYLOCK = 4,
	SITE_ASSERT = 5,   /* lockdep_assert_held(): the callers hold the lock */
};

/* site.irq: the irq effect of a lock primitive or irq operation. */
enum lp_irq {
	IRQ_NONE = 0,
	IRQ_SAVE = 1,      /* spin_lock_irqsave, local_irq_save: off until restore */
	IRQ_DISABLE = 2,   /* spin_lock_irq, local_irq_disable */
	IRQ_RESTORE = 3,   /* spin_unlock_irqrestore, local_irq_restore */
	IRQ_ENABLE = 4,    /* spin_unlock_irq, local_irq_enable */
	IRQ_BH_OFF = 5,    /* spin_lock_bh, local_bh_disable */
	IRQ_BH_ON = 6,     /* spin_unlock_bh, local_bh_enable */
};

/* site.irqs_off: the function's own irq state just before the site. */
enum lp_irqs_state {
	IRQS_AS_AT_ENTRY = 0,   /* unchanged since entry: the caller's */
	IRQS_OFF = 1,
	IRQS_ON = -1,
	IRQS_RESTORED = 2,      /* the caller's again, after the function's own save and
				 * restore on some path: a call's effect before it is
				 * not applied (check/callee_effects.c) */
	IRQS_OFF_OR_ENTRY = 3,  /* off on some paths, the caller's on the others: off
				 * where the caller's are, else not known */
	IRQS_ON_OR_ENTRY = -3,  /* on on some paths, the caller's on the others */
	IRQS_UNKNOWN = 4,       /* off on some paths and on on others */
};

/* func.exit_irqs: what a function leaves its caller's interrupt state as. */
enum lp_exit_irqs {
	EXIT_IRQS_NONE = 0,     /* as the caller had them (or not the same on every return) */
	EXIT_IRQS_OFF = 1,      /* off at every return: rq_lock_irqsave() */
	EXIT_IRQS_ON = -1,      /* on at every return: a local_irq_enable() */
	EXIT_IRQS_RESTORE = 2,  /* restored to what the caller saved before: a restore of
				 * flags the function did not save itself */
};

/* site.ltype: what kind of lock a primitive takes; spinning ones make the
 * context atomic, and every type from LT_MUTEX on sleeps. */
enum lp_locktype {
	LT_SPIN = 0,       /* spinlock_t, raw_spinlock_t */
	LT_RWLOCK = 1,     /* rwlock_t (spins) */
	LT_MUTEX = 2,      /* struct mutex (sleeps) */
	LT_RWSEM = 3,      /* struct rw_semaphore (sleeps) */
	LT_SEM = 4,        /* struct semaphore (sleeps) */
};

/* site.subclass: the lockdep subclass of an acquisition ('_nested'), a
 * constant, 0 by default, or this: not a constant (a nesting depth), so
 * another instance of the class all the same. */
#define LP_SUBCLASS_UNKNOWN (-1)

/* tu.status */
enum tu_status {
	TU_CLEAN = 0,      /* parsed without errors */
	TU_ERRORS = 1,     /* parsed with errors: its facts are incomplete */
	TU_FAILED = 2,     /* not parsed at all */
};

/* tu_diag.severity: clang's CXDiagnosticSeverity for parse errors, and
 * CXDiagnostic_Warning's number for an analysis bound hit in a function
 * body (extract.c asserts that they agree). */
enum db_diag_severity {
	DIAG_LIMIT = 2,    /* a bound of the analysis (nesting depth): a "limit" notice */
	DIAG_ERROR = 3,
	DIAG_FATAL = 4,
};

/* Execution contexts.  finding.context and callback_reach.context hold
 * them as text: context_name() and context_from_name() convert. */
enum lp_context { CTX_PROCESS = 0, CTX_SOFTIRQ = 1, CTX_HARDIRQ = 2 };
#define CTX_COUNT 3
const char *context_name(enum lp_context c);
/* The context named S ('hardirq'); CTX_PROCESS for any other text. */
enum lp_context context_from_name(const char *s);

/* meta 'limit:key:KEY' = N: calls through KEY can reach N functions, more
 * than link follows (this many, the first by function id). */
#define DB_MAX_KEY_TARGETS 512

/* callback_reach.cb_key: the keys through which the virtio core calls a
 * driver's callbacks (check/matrix.c writes the table, the HTML report
 * finds the callback on a witness path by them). */
extern const char *const db_callback_keys[];
extern const int db_ncallback_keys;

#endif
