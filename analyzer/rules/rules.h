/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rules.h - the knowledge lockpath has that is not code: lock primitives
 * (with the kernel's macro layering), sleeping functions, context entries,
 * GCC-only flags to drop.  It lives in the *.rules files of rules/ as plain
 * text (format in docs/rules-format.md); this module parses it and answers
 * look-ups.  It knows nothing about clang or sqlite.
 */
#ifndef LP_RULES_H
#define LP_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include "lib/util.h"
#include "db/columns.h"   /* site kinds, irq effects, lock types, contexts */

/* A lock primitive: a function (or what a macro expands to) that acts on a lock. */
struct lp_lockprim {
	const char *name;
	enum lp_site_kind kind;  /* ACQUIRE, RELEASE, TRYLOCK or ASSERT */
	int arg;                 /* index of the lock argument */
	enum lp_irq irq;
	enum lp_locktype type;
	bool sleeps;             /* mutex_lock & co: also a sleeping operation */
	bool read;               /* read side of an rwlock / rwsem */
	bool fails;              /* an acquire that can give up (a signal, a timeout) and then
				  * returns nonzero without the lock: mutex_lock_interruptible */
	int nested_arg;          /* index of the lockdep subclass argument, -1 if none */
	const char *lock;        /* 'assert-lock': the lock it is about, as lockpath names
				  * locks (ARG is then -1), else NULL */
};

/* A function whose body is not analysed but which changes only the irq state. */
struct lp_irqop { const char *name; enum lp_irq irq; };

/* A function that is an entry point in a given context. */
struct lp_entry { const char *func; enum lp_context ctx; };

/* A registration API: argument ARG is a function that becomes an entry in CTX
 * (request_irq's handler), or a key whose functions do (struct irqaction.handler). */
struct lp_register { const char *func; int arg; enum lp_context ctx; };
/* Functions stored into KEY run in CTX.  EDGE ('callback'): the call through
 * KEY is still an edge (the driver core calls probe() on its own path);
 * else ('keyentry') the call is a dispatch of deferred work, not an edge. */
struct lp_keyentry { const char *key; enum lp_context ctx; bool edge; };

/* An object's initialiser that says where the object's callback runs: an
 * object passed as argument OBJ of FUNC, with a constant argument MODE that
 * has a bit of MASK set, runs the functions stored into its member KEY in
 * CTX, as entries of their own (hrtimer_init() with HRTIMER_MODE_SOFT:
 * the timer's function runs from the hrtimer softirq, not the clock's
 * hardirq; check/init_modes.c). */
struct lp_init_mode {
	const char *func;
	int obj, mode;
	long long mask;
	unsigned long long values;  /* 'file-mode': the modes (bit V for the constant V) */
	const char *key;
	enum lp_context ctx;
};
/* OBJ of a 'file-mode' rule: not an object but the file that makes the
 * calls, all of whose calls pass as MODE a constant among VALUES: the
 * functions that file stores into KEY run in CTX (an InfiniBand consumer's
 * completion callbacks, where it allocates its completion queues polled
 * from a workqueue: ib_alloc_cq(.., IB_POLL_UNBOUND_WORKQUEUE)). */
#define LP_MODE_FILE (-1)

/* A deferral decided by an argument: the function passed as argument ARG
 * of FUNC runs later in CTX, from the queue argument QUEUE names, where the
 * call names one (an object, not NULL); with NULL it is called on the spot
 * (bcache's set_closure_fn(cl, fn, wq); check/init_modes.c). */
struct lp_defer_on { const char *func; int arg, queue; enum lp_context ctx; };

/* A function that may block only where argument ARG has a bit of MASK set
 * (an allocator and its gfp mask: __GFP_DIRECT_RECLAIM). */
struct lp_blocks_with { const char *func; int arg; long long mask; };

/* A call that declares the kernel's own state corrupt where argument ARG
 * is the constant VALUE: add_taint(flag, LOCKDEP_NOW_UNRELIABLE) turns
 * lockdep off.  The run of code that ends in it is the report of that
 * state, not a path (extract/walk_flow.c, region_doom). */
struct lp_corruption { const char *func; int arg; long long value; };

/* A formatter's call made only for some conversions of its format: FUNC
 * calls CALLEE only where its format argument ARG has one of the
 * conversions in MASK (bits of lib/format.h: vsnprintf() calls pointer()
 * only for a '%p'). */
struct lp_format_call { const char *func, *callee; int arg; long long mask; };

/* A deferral API: a call is not a call edge; argument ARG names deferred work. */
struct lp_defer { const char *func; int arg; enum lp_context ctx; };

/* A callback chain (a notifier chain, a wait queue): its registration API
 * adds argument ENTRY, an object whose member KEY ('notifier_block.
 * notifier_call') is a function, to the chain argument CONTAINER points to;
 * its call API (ENTRY -1) runs the functions registered on that chain.  A
 * call through KEY resolves only through these (link/chains.c). */
struct lp_chain { const char *func; int container, entry; const char *key;
		  bool process; };   /* call API: its callbacks run in process context, irqs on */

/* A lockdep class API (directives lockdep-init, lockdep-class): a call puts
 * the lock that argument LOCK points to (the lock, or the lockdep map
 * embedded in it: '&l->dep_map') into the class of the key that argument
 * KEY points to, with the lockdep subclass in argument SUBCLASS (-1: none,
 * subclass 0).  INIT: the call initialises the lock (__mutex_init), so its
 * site is an init site; otherwise it re-keys a lock initialised elsewhere
 * (lockdep_set_class()).  MACRO (directive lockdep-init-macro): FUNC is a
 * macro that initialises the lock its argument LOCK (0) points to with a
 * key of its own, and leaves no call to say so (spin_lock_init() without
 * CONFIG_DEBUG_SPINLOCK is a store): extract records its expansion as a
 * call site of FUNC, and the init site's own class is its key.  MACRO and
 * not INIT (directive lockdep-class-macro): FUNC is a re-key macro that
 * leaves at most '(void)(key)' (lockdep_set_class() without
 * CONFIG_LOCKDEP); LOCK, KEY and SUBCLASS are the macro's argument
 * indexes, KEY may be LP_LOCKDEP_MACRO_NOVALIDATE or _KEEP, and extract
 * records the expansion as a call site of FUNC with the lock as argument
 * 0, the key as 1 and the subclass as 2.  What the classes mean is
 * link/lockdep_class.c's. */
struct lp_lockdep { const char *func; int lock, key, subclass; bool init, macro; };
#define LP_LOCKDEP_MACRO_NOVALIDATE (-2)   /* lockdep_set_novalidate_class(): no key written */
#define LP_LOCKDEP_MACRO_KEEP (-3)         /* lockdep_set_subclass(): the lock's own key */

/* What a key argument named like a lock key means (directive lockdep-key). */
enum lp_lockdep_key {
	LOCKDEP_KEY_PLAIN,        /* an ordinary key: its own class */
	LOCKDEP_KEY_NOVALIDATE,   /* __lockdep_no_validate__: lockdep checks nothing */
	LOCKDEP_KEY_KEEP,         /* the lock's own key read back ('lockdep_map.key',
				   * lockdep_set_subclass()): only the subclass changes */
};

struct lp_rules;

struct lp_rules *rules_new(void);
void rules_free(struct lp_rules *r);

/*
 * Load one rules file / every *.rules file of a directory (sorted by name).
 * Returns 0, or -1 with *err set to "FILE:LINE: expected ..." (the caller
 * frees err with sb_free).  Later definitions of a name replace earlier ones.
 */
int rules_load_file(struct lp_rules *r, const char *path, struct strbuf *err);
/* The same for rules text in memory (LEN bytes, need not end in NUL); NAME
 * stands for FILE in error messages.  rules_load_file reads and calls this. */
int rules_load_buffer(struct lp_rules *r, const char *name, const char *data, size_t len,
		      struct strbuf *err);
int rules_load_dir(struct lp_rules *r, const char *dir, struct strbuf *err);
/* A hash of every rules text loaded into R, in load order: findings
 * checked under other rules are stale (the check key, cli/common.c). */
unsigned long long rules_digest(const struct lp_rules *r);
/* The same over what extract reads: the words of every line of a
 * directive extract looks up, not comments, spacing or check-only
 * directives ('context-call', 'entry', 'hint'): the TUs' facts depend on
 * these only (extract_salt). */
unsigned long long rules_extract_digest(const struct lp_rules *r);

/* Look-ups; NULL / -1 / false when the name has no rule.  Pointers stay
 * valid until the next rules_load_* or rules_free. */
const struct lp_lockprim *rules_lockprim(const struct lp_rules *r, const char *func);
const struct lp_irqop *rules_irqop(const struct lp_rules *r, const char *func);
int rules_passthrough_arg(const struct lp_rules *r, const char *func);
bool rules_is_lock_member(const struct lp_rules *r, const char *member);
bool rules_is_locktype(const struct lp_rules *r, const char *type_spelling);
const char *rules_sleep_reason(const struct lp_rules *r, const char *func);
/* Whether NAME is a context test ('in_interrupt'), with the path states
 * (bits of enum guardkey_ctx, lib/guardkey.h) in which it is true and false. */
bool rules_context_test(const struct lp_rules *r, const char *name, unsigned *when_true, unsigned *when_false);
/* The path states in which FUNC never calls CALLEE ('context-call'), 0 when
 * no rule says; *REASON (if not NULL) gets the rule's reason. */
unsigned rules_context_call(const struct lp_rules *r, const char *func, const char *callee, const char **reason);
const struct lp_defer *rules_defer(const struct lp_rules *r, const char *func);
/* Why FUNC must be called with interrupts on and not from a hardirq handler
 * (kfree_skb(): netdevice.h says so; directive 'irqs-on'), or NULL. */
const char *rules_irqs_on(const struct lp_rules *r, const char *func);
/* The 'blocks-with' rule of FUNC (kmalloc: argument 1, __GFP_DIRECT_RECLAIM), or NULL. */
const struct lp_blocks_with *rules_blocks_with(const struct lp_rules *r, const char *func);
/* The 'format-call' rule for FUNC's calls of CALLEE, or NULL; and the
 * conversions any such rule reads (a format's other bits matter to none). */
const struct lp_format_call *rules_format_call(const struct lp_rules *r, const char *func, const char *callee);
long long rules_format_bits(const struct lp_rules *r);
/* Whether FUNC drops a reference and says whether it was the last
 * (directive 'refcount-drop': refcount_dec_and_test, kref_put). */
bool rules_refcount_drop(const struct lp_rules *r, const char *func);
/* Whether FUNC takes a reference on an object its caller already holds one
 * on (directive 'refcount-get': refcount_inc, kref_get). */
bool rules_refcount_get(const struct lp_rules *r, const char *func);
/* Whether FUNC returns a new object nothing else points to, whose members
 * hold only what is stored into them after (directive 'fresh-object': kzalloc). */
bool rules_fresh_object(const struct lp_rules *r, const char *func);
/* ... and every member of it is 0 until written ('fresh-object kzalloc zeroed'). */
bool rules_fresh_zeroed(const struct lp_rules *r, const char *func);
/* The argument FUNC returns (or NULL when it is NULL), or -1 (directive
 * 'returns-arg': get_device() returns the device it took a reference on). */
int rules_returns_arg(const struct lp_rules *r, const char *func);
/* Why FUNC never returns to its caller (the task or the system ends there), or NULL. */
const char *rules_noreturn(const struct lp_rules *r, const char *func);
/* Why a call to FUNC is the kernel's report of a broken invariant (WARN()'s
 * message), whose own code is not followed, or NULL. */
const char *rules_bug_report(const struct lp_rules *r, const char *func);
/* The 'corruption-report' rule of FUNC, or NULL. */
const struct lp_corruption *rules_corruption_report(const struct lp_rules *r, const char *func);
/* Why a call to FUNC ends the context its caller runs in (irq_exit_rcu():
 * the hardirq is over, what follows is the return to the task), or NULL. */
const char *rules_ctxend(const struct lp_rules *r, const char *func);
const struct lp_register *rules_register(const struct lp_rules *r, const char *func);
/* A function may register several arguments (request_threaded_irq: handler in
 * hardirq, thread_fn in process context): rules_register gives the first,
 * this the next for the same function, NULL after the last. */
const struct lp_register *rules_register_next(const struct lp_rules *r, const struct lp_register *prev);
bool rules_drop_flag(const struct lp_rules *r, const char *flag);
/* The lockdep class API FUNC is, or NULL; what key argument NAME means. */
const struct lp_lockdep *rules_lockdep(const struct lp_rules *r, const char *func);
enum lp_lockdep_key rules_lockdep_key(const struct lp_rules *r, const char *name);
size_t rules_lockdep_count(const struct lp_rules *r);
const struct lp_lockdep *rules_lockdep_at(const struct lp_rules *r, size_t i);

/* The fix hint for RULE ('sleep-in-atomic') in SITUATION ('defer-example'),
 * with its '{placeholders}' unfilled, or NULL (directive 'hint';
 * report/hints.c picks the situation and fills it). */
const char *rules_hint(const struct lp_rules *r, const char *rule, const char *situation);
/* The function to call instead of the sleeping FUNC ('mdelay' for
 * 'msleep'), or NULL (directive 'hint-alternative'). */
const char *rules_hint_alternative(const struct lp_rules *r, const char *func);

size_t rules_entry_count(const struct lp_rules *r);
const struct lp_entry *rules_entry(const struct lp_rules *r, size_t i);
/* 'ops-bind STRUCT' lines: ops structures a path binds to its implementation
 * for its whole length, not only near the calls (check/ops_tables.c). */
size_t rules_ops_bind_count(const struct lp_rules *r);
const char *rules_ops_bind(const struct lp_rules *r, size_t i);
size_t rules_keyentry_count(const struct lp_rules *r);
const struct lp_keyentry *rules_keyentry(const struct lp_rules *r, size_t i);
size_t rules_defer_on_count(const struct lp_rules *r);
const struct lp_defer_on *rules_defer_on(const struct lp_rules *r, size_t i);
size_t rules_init_mode_count(const struct lp_rules *r);
const struct lp_init_mode *rules_init_mode(const struct lp_rules *r, size_t i);
/* The keyentry for call key KEY ('work_struct.func'), or NULL. */
const struct lp_keyentry *rules_keyentry_find(const struct lp_rules *r, const char *key);

size_t rules_chain_count(const struct lp_rules *r);
const struct lp_chain *rules_chain(const struct lp_rules *r, size_t i);
/* The chain rule of FUNC (a registration or call API), or NULL. */
const struct lp_chain *rules_chain_of(const struct lp_rules *r, const char *func);

/* The directory searched when neither --rules nor $LOCKPATH_RULES (read by
 * the command layer, cli_load_rules) says one: the rules installed with the
 * running binary (PREFIX/share/lockpath/rules for PREFIX/bin/lockpath,
 * found through /proc/self/exe); else the source tree's rules/ (a binary
 * run from its build directory). */
const char *rules_default_dir(void);

#endif
