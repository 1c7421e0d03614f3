// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_rules.c - unit test of analyzer/rules: loads the real rules/ and checks
 * the look-ups the extractor depends on (spinlock layering, irq effects,
 * nesting, passthrough, contexts, deferrals, dropped flags, fix hints, lockdep
 * classes); checks the parser
 * on rules text in memory; and loads every .rules file of tests/unit/rules-bad/,
 * whose first line "# error: FILE:LINE: ..." is the exact error expected.
 *
 * usage: test_rules RULES_DIR BAD_DIR      exit 0 if all pass, 1 otherwise
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include "rules/rules.h"
#include "check/checks.h"
#include "lib/guardkey.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LP_RULES_DIR
#define LP_RULES_DIR "rules"   /* the same fallback as rules.c */
#endif

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)

static void check(bool ok, const char *what, const char *file, int line)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "%s:%d: FAIL: %s\n", file, line, what);
}

static void check_str(const char *got, const char *want, const char *what)
{
	bool ok = got && want && !strcmp(got, want);
	check(ok, what, __FILE__, __LINE__);
	if (!ok)
		fprintf(stderr, "  want: %s\n  got:  %s\n", want ? want : "(null)", got ? got : "(null)");
}

/* The primitive FUNC is KIND on argument 0 with IRQ. */
static void check_prim(const struct lp_rules *r, const char *func, enum lp_site_kind kind,
		       enum lp_irq irq)
{
	const struct lp_lockprim *p = rules_lockprim(r, func);
	bool ok = p && p->kind == kind && p->arg == 0 && p->irq == irq && !strcmp(p->name, func);
	check(ok, func, __FILE__, __LINE__);
}

static void test_spinlock_layers(const struct lp_rules *r)
{
	/* spin_lock -> raw_spin_lock(&l->rlock) -> _raw_spin_lock -> __raw_spin_lock */
	const char *layers[] = { "spin_lock", "_raw_spin_lock", "__raw_spin_lock" };
	for (size_t i = 0; i < 3; i++) {
		check_prim(r, layers[i], SITE_ACQUIRE, IRQ_NONE);
		CHECK(rules_lockprim(r, layers[i])->type == LT_SPIN);
		CHECK(!rules_lockprim(r, layers[i])->sleeps);
	}
	check_prim(r, "_raw_spin_lock_irqsave", SITE_ACQUIRE, IRQ_SAVE);
	check_prim(r, "__raw_spin_lock_irqsave", SITE_ACQUIRE, IRQ_SAVE);
	check_prim(r, "_raw_spin_lock_irq", SITE_ACQUIRE, IRQ_DISABLE);
	check_prim(r, "__raw_spin_lock_bh", SITE_ACQUIRE, IRQ_BH_OFF);
	check_prim(r, "_raw_spin_unlock", SITE_RELEASE, IRQ_NONE);
	check_prim(r, "_raw_spin_unlock_irqrestore", SITE_RELEASE, IRQ_RESTORE);
	check_prim(r, "__raw_spin_unlock_irqrestore", SITE_RELEASE, IRQ_RESTORE);
	check_prim(r, "__raw_spin_unlock_irq", SITE_RELEASE, IRQ_ENABLE);
	check_prim(r, "_raw_spin_unlock_bh", SITE_RELEASE, IRQ_BH_ON);
	check_prim(r, "_raw_spin_trylock", SITE_TRYLOCK, IRQ_NONE);
	check_prim(r, "__raw_spin_trylock", SITE_TRYLOCK, IRQ_NONE);
	check_prim(r, "lock_is_held", SITE_ASSERT, IRQ_NONE);
	CHECK(rules_lockprim(r, "spin_lock_irqsave") == NULL);   /* a macro, never a call */
	CHECK(rules_lockprim(r, "printk") == NULL);
	CHECK(rules_passthrough_arg(r, "spinlock_check") == 0);
	CHECK(rules_passthrough_arg(r, "spin_lock") == -1);
	CHECK(rules_is_lock_member(r, "rlock"));
	CHECK(!rules_is_lock_member(r, "lock"));
}

static void test_other_locks(const struct lp_rules *r)
{
	const struct lp_lockprim *p = rules_lockprim(r, "_raw_spin_lock_nested");
	CHECK(p && p->nested_arg == 1 && p->kind == SITE_ACQUIRE);
	p = rules_lockprim(r, "_raw_spin_lock_irqsave_nested");
	CHECK(p && p->nested_arg == 1 && p->irq == IRQ_SAVE);
	CHECK(rules_lockprim(r, "_raw_spin_lock")->nested_arg == -1);
	p = rules_lockprim(r, "mutex_lock_nested");
	CHECK(p && p->type == LT_MUTEX && p->sleeps && p->nested_arg == 1);
	p = rules_lockprim(r, "mutex_unlock");
	CHECK(p && p->kind == SITE_RELEASE && p->type == LT_MUTEX && !p->sleeps);
	p = rules_lockprim(r, "mutex_trylock");
	CHECK(p && p->kind == SITE_TRYLOCK && !p->sleeps);
	p = rules_lockprim(r, "mutex_lock_interruptible");   /* gives up on a signal */
	CHECK(p && p->kind == SITE_ACQUIRE && p->sleeps && p->fails);
	CHECK(!rules_lockprim(r, "mutex_lock")->fails);
	p = rules_lockprim(r, "__raw_read_lock_irqsave");
	CHECK(p && p->type == LT_RWLOCK && p->read && p->irq == IRQ_SAVE);
	p = rules_lockprim(r, "_raw_write_lock");
	CHECK(p && p->type == LT_RWLOCK && !p->read);
	p = rules_lockprim(r, "down_read");
	CHECK(p && p->type == LT_RWSEM && p->read && p->sleeps);
	p = rules_lockprim(r, "down_write_trylock");
	CHECK(p && p->kind == SITE_TRYLOCK && p->type == LT_RWSEM && !p->read);
	p = rules_lockprim(r, "up");
	CHECK(p && p->kind == SITE_RELEASE && p->type == LT_SEM);
	CHECK(rules_is_locktype(r, "spinlock_t"));
	CHECK(rules_is_locktype(r, "struct mutex"));
	CHECK(!rules_is_locktype(r, "mutex"));
	CHECK(!rules_is_locktype(r, "struct device"));
}

static void test_irq_and_sleep(const struct lp_rules *r)
{
	const struct lp_irqop *io = rules_irqop(r, "arch_local_irq_save");
	CHECK(io && io->irq == IRQ_SAVE && !strcmp(io->name, "arch_local_irq_save"));
	io = rules_irqop(r, "arch_local_irq_restore");
	CHECK(io && io->irq == IRQ_RESTORE);
	io = rules_irqop(r, "arch_local_irq_disable");
	CHECK(io && io->irq == IRQ_DISABLE);
	io = rules_irqop(r, "local_bh_enable");
	CHECK(io && io->irq == IRQ_BH_ON);
	CHECK(rules_irqop(r, "_raw_spin_lock") == NULL);
	CHECK(rules_sleep_reason(r, "msleep") != NULL);
	CHECK(rules_sleep_reason(r, "schedule") != NULL);
	CHECK(rules_sleep_reason(r, "wait_for_completion") != NULL);
	CHECK(rules_sleep_reason(r, "__kmalloc") == NULL);
	CHECK(rules_sleep_reason(r, "prepare_to_wait_event") == NULL);
	/* might_sleep() is a sleep for the checks (its reason says it is an annotation) */
	check_str(rules_sleep_reason(r, "might_sleep"), "might_sleep() annotation", "might-sleep");
	/* assertions: on an argument, or on a lock the rule names */
	const struct lp_lockprim *as = rules_lockprim(r, "lockdep_assert_held_write");
	CHECK(as && as->kind == SITE_ASSERT && as->arg == 0 && !as->lock);
	as = rules_lockprim(r, "ASSERT_RTNL");
	CHECK(as && as->kind == SITE_ASSERT && as->arg == -1 && as->lock && !strcmp(as->lock, "net/core/rtnetlink.c:rtnl_mutex"));
	/* context tests: true and false in path states (lib/guardkey.h) */
	unsigned t = 0, f = 0;
	CHECK(rules_context_test(r, "in_hardirq", &t, &f) && t == 1u << GK_HARDIRQ &&
	      f == (1u << GK_SOFTIRQ | 1u << GK_SOFTIRQ_IRQS_OFF));
	CHECK(rules_context_test(r, "irqs_disabled", &t, &f) && f == 0 &&
	      t == (1u << GK_HARDIRQ | 1u << GK_SOFTIRQ_IRQS_OFF | 1u << GK_PROCESS_IRQS_OFF));
	CHECK(rules_context_test(r, "in_task", &t, &f) && t == 0 && (f & 1u << GK_HARDIRQ));
	CHECK(!rules_context_test(r, "in_nmi", &t, &f) && !rules_context_test(r, NULL, &t, &f));
	/* a call its caller makes only outside some states: migrate_enable()'s slow path */
	const char *why = NULL;
	CHECK(rules_context_call(r, "migrate_enable", "__set_cpus_allowed_ptr", &why) ==
	      (1u << GK_HARDIRQ | 1u << GK_SOFTIRQ | 1u << GK_SOFTIRQ_IRQS_OFF) && why && strstr(why, "switched out"));
	CHECK(rules_context_call(r, "migrate_disable", "__set_cpus_allowed_ptr", NULL) == 0);
	CHECK(rules_context_call(r, "migrate_enable", "kfree", NULL) == 0);
	CHECK(rules_context_call(r, NULL, "__set_cpus_allowed_ptr", NULL) == 0);
	/* an allocation blocks only with __GFP_DIRECT_RECLAIM in its mask */
	const struct lp_blocks_with *b = rules_blocks_with(r, "kmalloc");
	CHECK(b && b->arg == 1 && b->mask == 0x400 && !strcmp(b->func, "kmalloc"));
	b = rules_blocks_with(r, "alloc_pages");
	CHECK(b && b->arg == 0);
	CHECK(!rules_blocks_with(r, "msleep") && !rules_blocks_with(r, NULL));
}

static const struct lp_entry *find_entry(const struct lp_rules *r, const char *func)
{
	for (size_t i = 0; i < rules_entry_count(r); i++)
		if (!strcmp(rules_entry(r, i)->func, func))
			return rules_entry(r, i);
	return NULL;
}

static const struct lp_keyentry *find_keyentry(const struct lp_rules *r, const char *key)
{
	for (size_t i = 0; i < rules_keyentry_count(r); i++)
		if (!strcmp(rules_keyentry(r, i)->key, key))
			return rules_keyentry(r, i);
	return NULL;
}

static void test_contexts(const struct lp_rules *r)
{
	const struct lp_entry *e = find_entry(r, "do_cio_interrupt");
	CHECK(e && e->ctx == CTX_HARDIRQ);
	const struct lp_keyentry *k = find_keyentry(r, "irqaction.handler");
	CHECK(k && k->ctx == CTX_HARDIRQ);
	k = find_keyentry(r, "airq_struct.handler");
	CHECK(k && k->ctx == CTX_HARDIRQ);
	k = find_keyentry(r, "work_struct.func");
	CHECK(k && k->ctx == CTX_PROCESS);
	const struct lp_register *g = rules_register(r, "request_irq");
	CHECK(g && g->arg == 1 && g->ctx == CTX_HARDIRQ && !rules_register_next(r, g));
	g = rules_register(r, "request_threaded_irq");
	CHECK(g && g->arg == 1 && g->ctx == CTX_HARDIRQ);
	g = g ? rules_register_next(r, g) : NULL;
	CHECK(g && g->arg == 2 && g->ctx == CTX_PROCESS && !strcmp(g->func, "request_threaded_irq"));
	CHECK(g && !rules_register_next(r, g));
	const struct lp_defer *d = rules_defer(r, "queue_work");
	CHECK(d && d->arg == 1 && d->ctx == CTX_PROCESS && !strcmp(d->func, "queue_work"));
	d = rules_defer(r, "queue_work_on");
	CHECK(d && d->arg == 2 && d->ctx == CTX_PROCESS);
	d = rules_defer(r, "schedule_work");
	CHECK(d && d->arg == 0);
	d = rules_defer(r, "call_rcu");
	CHECK(d && d->arg == 1 && d->ctx == CTX_SOFTIRQ);
	CHECK(rules_defer(r, "flush_work") == NULL);
	/* chains.rules: a registration names container and entry, a call only the container */
	const struct lp_chain *reg = NULL, *call = NULL;
	for (size_t i = 0; i < rules_chain_count(r); i++) {
		if (!strcmp(rules_chain(r, i)->func, "atomic_notifier_chain_register"))
			reg = rules_chain(r, i);
		if (!strcmp(rules_chain(r, i)->func, "__wake_up"))
			call = rules_chain(r, i);
	}
	CHECK(reg && reg->container == 0 && reg->entry == 1 && !strcmp(reg->key, "notifier_block.notifier_call"));
	CHECK(call && call->container == 0 && call->entry == -1 && !strcmp(call->key, "wait_queue_entry.func"));
	/* contexts.rules: a closure function set with a workqueue runs from it */
	const struct lp_defer_on *q = rules_defer_on_count(r) ? rules_defer_on(r, 0) : NULL;
	CHECK(q && !strcmp(q->func, "set_closure_fn") && q->arg == 1 && q->queue == 2 && q->ctx == CTX_PROCESS);
	/* contexts.rules: a soft hrtimer's function runs from the softirq */
	const struct lp_init_mode *m = rules_init_mode_count(r) ? rules_init_mode(r, 0) : NULL;
	CHECK(m && !strcmp(m->func, "hrtimer_init") && m->obj == 0 && m->mode == 2 && m->mask == 0x4 &&
	      !strcmp(m->key, "hrtimer.function") && m->ctx == CTX_SOFTIRQ);
	check_str(context_name(CTX_HARDIRQ), "hardirq", "context_name");
	check_str(context_name(CTX_PROCESS), "process", "context_name");
}

static void test_drop_flags(const struct lp_rules *r)
{
	CHECK(rules_drop_flag(r, "-fconserve-stack"));
	CHECK(rules_drop_flag(r, "-Wno-stringop-truncation"));
	CHECK(rules_drop_flag(r, "-mindirect-branch=thunk"));
	CHECK(rules_drop_flag(r, "-mindirect-branch=thunk-extern"));   /* prefix */
	CHECK(rules_drop_flag(r, "-Wimplicit-fallthrough=3"));         /* prefix */
	CHECK(!rules_drop_flag(r, "-Wimplicit-fallthrough"));          /* clang's own */
	CHECK(!rules_drop_flag(r, "-O2"));
	CHECK(!rules_drop_flag(r, "-fconserve-stack-not"));
}

/* The shipped hints: every check has its generic hint (the name in
 * hints.rules and rules.c is check_list.h's), the example situations
 * exist, and the alternatives are drop-in ones. */
static void test_hints(const struct lp_rules *r)
{
	static const struct { const char *rule, *generic, *example; } want[] = {
		{ "recursive-lock", "split", "defer-example" },
		{ "sleep-in-atomic", "outside", "defer-example" },
		{ "lock-order", "order", "order-count" },
		{ "irq-inversion", "irqsave", "irqsave-example" },
		{ "irqs-off-call", "irqs-on", "irqs-on" },
	};
	CHECK(sizeof(want) / sizeof(want[0]) == CHECK_COUNT);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		CHECK(check_find(want[i].rule) >= 0);
		CHECK(rules_hint(r, want[i].rule, want[i].generic) != NULL);
		CHECK(rules_hint(r, want[i].rule, want[i].example) != NULL);
	}
	CHECK(rules_hint(r, "sleep-in-atomic", "defer") && rules_hint(r, "recursive-lock", "defer"));
	CHECK(rules_hint(r, "lock-order", "cycle") && rules_hint(r, "sleep-in-atomic", "irqs-off"));
	CHECK(rules_hint(r, "lock-order", "defer") == NULL);   /* not a situation of lock-order */
	check_str(rules_hint_alternative(r, "msleep"), "mdelay", "msleep's alternative");
	CHECK(rules_hint_alternative(r, "usleep_range") == NULL);
	CHECK(rules_hint_alternative(r, "mutex_lock") == NULL);
}

static struct lp_rules *from_text(const char *text, struct strbuf *err)
{
	struct lp_rules *r = rules_new();
	if (rules_load_buffer(r, "mem.rules", text, strlen(text), err)) {
		fprintf(stderr, "unexpected error: %s\n", sb_str(err));
		failed++;
	}
	return r;
}

/* Later definitions replace earlier ones; quotes, comments, CRLF, no final newline. */
/* The lockdep class APIs of kernel-locks.rules, and the directives' parser. */
static void test_lockdep(const struct lp_rules *r)
{
	const struct lp_lockdep *d = rules_lockdep(r, "__mutex_init");
	CHECK(d && d->init && d->lock == 0 && d->key == 2 && d->subclass == -1);
	d = rules_lockdep(r, "__raw_spin_lock_init");
	CHECK(d && d->init && d->key == 2);
	d = rules_lockdep(r, "lockdep_init_map_type");   /* lockdep_set_class() & co */
	CHECK(d && !d->init && d->lock == 0 && d->key == 2 && d->subclass == 3);
	d = rules_lockdep(r, "lockdep_set_class");   /* a macro: its expansion without lockdep */
	CHECK(d && d->macro && !d->init && d->lock == 0 && d->key == 1 && d->subclass == -1);
	d = rules_lockdep(r, "lockdep_set_subclass");
	CHECK(d && d->macro && d->key == LP_LOCKDEP_MACRO_KEEP && d->subclass == 1);
	d = rules_lockdep(r, "lockdep_set_novalidate_class");
	CHECK(d && d->macro && d->key == LP_LOCKDEP_MACRO_NOVALIDATE);
	d = rules_lockdep(r, "spin_lock_init");
	CHECK(d && d->macro && d->init && d->lock == 0);
	CHECK(rules_lockdep_key(r, "__lockdep_no_validate__") == LOCKDEP_KEY_NOVALIDATE);
	CHECK(rules_lockdep_key(r, "*lockdep_map.key") == LOCKDEP_KEY_KEEP);
	CHECK(rules_lockdep_key(r, "cio.c:console_sch_key") == LOCKDEP_KEY_PLAIN);
	size_t n = rules_lockdep_count(r);
	CHECK(n >= 8);
	for (size_t i = 0; i < n; i++)
		CHECK(rules_lockdep(r, rules_lockdep_at(r, i)->func) == rules_lockdep_at(r, i));

	struct strbuf err = {0};
	struct lp_rules *t = from_text("lockdep-class set_key 1 3 subclass=4\n"
				       "lockdep-init set_key 0 2   # replaces\n"
				       "lockdep-key \"*odd key\" keep\nlockdep-key \"*odd key\" novalidate\n"
				       "lockdep-class-macro set_sub 1 keep subclass=2\n"
				       "lockdep-init-macro init_it\n", &err);
	d = rules_lockdep(t, "set_key");
	CHECK(d && d->init && !d->macro && d->lock == 0 && d->key == 2 && d->subclass == -1 && rules_lockdep_count(t) == 3);
	d = rules_lockdep(t, "set_sub");
	CHECK(d && d->macro && !d->init && d->lock == 1 && d->key == LP_LOCKDEP_MACRO_KEEP && d->subclass == 2);
	d = rules_lockdep(t, "init_it");
	CHECK(d && d->macro && d->init && d->lock == 0);
	CHECK(rules_lockdep_key(t, "*odd key") == LOCKDEP_KEY_NOVALIDATE);
	rules_free(t);
	sb_free(&err);
}

static void test_parser(void)
{
	struct strbuf err = {0};
	struct lp_rules *r = from_text(
		"acquire foo 0 irq=save\r\n"
		"  # indented comment\n"
		"release foo 1 irq=enable read   # replaces the acquire\n"
		"sleep bar \"first\"\n"
		"sleep bar \"a \\\"quoted\\\" \\\\ reason\"\n"
		"might-sleep ann \"says so\"\nmight-sleep ann2 \"says so\"\nsleep ann2 \"sleeps\"\n"
		"register reg 1 hardirq\nregister reg 2 process\nregister reg 1 softirq\n"
		"keyentry \"var dev_jumptable[]\" process\n"
		"locktype struct\t  my_lock\n"
		"drop-flag -fplugin*\ndrop-flag -fplugin*\n"
		"entry e hardirq\nentry e process", &err);
	const struct lp_lockprim *p = rules_lockprim(r, "foo");
	CHECK(p && p->kind == SITE_RELEASE && p->arg == 1 && p->irq == IRQ_ENABLE && p->read);
	check_str(rules_sleep_reason(r, "bar"), "a \"quoted\" \\ reason", "escapes in a quoted reason");
	const struct lp_register *g = rules_register(r, "reg");
	CHECK(g && g->arg == 1 && g->ctx == CTX_SOFTIRQ);
	g = g ? rules_register_next(r, g) : NULL;
	CHECK(g && g->arg == 2 && g->ctx == CTX_PROCESS && !rules_register_next(r, g));
	CHECK(rules_keyentry_count(r) == 1 && rules_keyentry(r, 0)->ctx == CTX_PROCESS);
	check_str(rules_sleep_reason(r, "ann"), "says so", "might-sleep");
	check_str(rules_sleep_reason(r, "ann2"), "sleeps", "a later sleep line replaces a might-sleep");
	check_str(rules_keyentry(r, 0)->key, "var dev_jumptable[]", "quoted key");
	CHECK(rules_is_locktype(r, "struct my_lock"));
	CHECK(rules_drop_flag(r, "-fplugin=foo.so") && !rules_drop_flag(r, "-fplug"));
	CHECK(rules_entry_count(r) == 1 && rules_entry(r, 0)->ctx == CTX_PROCESS);
	rules_free(r);

	r = from_text("hint lock-order order \"first {a}\"\n"
		      "hint lock-order order \"{a} then {b}, \\\"always\\\"\"   # replaces\n"
		      "hint-alternative msleep mdelay\nhint-alternative msleep udelay\n", &err);
	check_str(rules_hint(r, "lock-order", "order"), "{a} then {b}, \"always\"", "a later hint replaces");
	CHECK(rules_hint(r, "lock-order", "cycle") == NULL && rules_hint(r, "nonsense", "order") == NULL);
	check_str(rules_hint_alternative(r, "msleep"), "udelay", "a later alternative replaces");
	rules_free(r);

	r = from_text("", &err);
	CHECK(rules_lockprim(r, "foo") == NULL && rules_entry_count(r) == 0);
	rules_free(r);
	r = rules_new();
	const char *bad = "entry f hardirq\nirq g on\n";
	CHECK(rules_load_buffer(r, "x.rules", bad, strlen(bad), &err) == -1);
	check_str(sb_str(&err), "x.rules:2: expected one of save, disable, restore, enable, bh-off, "
		  "bh-on after 'irq FUNC', got 'on'", "error in memory");
	CHECK(rules_load_file(r, "/nonexistent/x.rules", &err) == -1);
	CHECK(strstr(sb_str(&err), "/nonexistent/x.rules: cannot open") == sb_str(&err));
	rules_free(r);
	rules_free(NULL);
	sb_free(&err);
}

static void test_default_dir(void)
{
	/* the library reads no environment: $LOCKPATH_RULES is the command
	 * layer's (cli_load_rules; tests/cli/install.sh) */
	setenv("LOCKPATH_RULES", "/somewhere/rules", 1);
	check_str(rules_default_dir(), LP_RULES_DIR, "LP_RULES_DIR, whatever $LOCKPATH_RULES says");
	unsetenv("LOCKPATH_RULES");
	check_str(rules_default_dir(), LP_RULES_DIR, "LP_RULES_DIR");
}

/* First line of PATH after "# error: ", without the line end; NULL if none. */
static char *expected_error(const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *got = fgets(line, sizeof(line), f);
	fclose(f);
	const char *tag = "# error: ";
	if (!got || strncmp(line, tag, strlen(tag)))
		return NULL;
	line[strcspn(line, "\r\n")] = 0;
	return strdup(line + strlen(tag));
}

static void test_bad_file(const char *name)
{
	char *want = expected_error(name);
	if (!want) {
		fprintf(stderr, "%s: FAIL: first line is not '# error: FILE:LINE: ...'\n", name);
		failed++;
		return;
	}
	struct lp_rules *r = rules_new();
	struct strbuf err = {0};
	int rc = rules_load_file(r, name, &err);
	check(rc == -1, name, __FILE__, __LINE__);
	check_str(sb_str(&err), want, name);
	free(want);
	sb_free(&err);
	rules_free(r);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every .rules file of DIR must fail with its error; names are relative to DIR. */
static void test_bad_dir(const char *dir)
{
	if (chdir(dir)) {
		fprintf(stderr, "%s: FAIL: cannot enter\n", dir);
		failed++;
		return;
	}
	DIR *d = opendir(".");
	VEC(char *) names = {0};
	for (struct dirent *de; d && (de = readdir(d));) {
		size_t n = strlen(de->d_name);
		if (n > 6 && !strcmp(de->d_name + n - 6, ".rules"))
			vec_push(&names, xstrdup(de->d_name));
	}
	if (d)
		closedir(d);
	CHECK(names.n >= 8);
	if (names.n)
		qsort(names.v, names.n, sizeof(names.v[0]), cmp_names);
	for (size_t i = 0; i < names.n; i++) {
		test_bad_file(names.v[i]);
		free(names.v[i]);
	}
	vec_free(&names);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: test_rules RULES_DIR BAD_DIR\n");
		return 2;
	}
	struct lp_rules *r = rules_new();
	struct strbuf err = {0};
	if (rules_load_dir(r, argv[1], &err)) {
		fprintf(stderr, "FAIL: loading %s: %s\n", argv[1], sb_str(&err));
		return 1;
	}
	test_spinlock_layers(r);
	test_other_locks(r);
	test_irq_and_sleep(r);
	test_contexts(r);
	test_drop_flags(r);
	test_hints(r);
	test_lockdep(r);
	rules_free(r);
	sb_free(&err);
	test_parser();
	test_default_dir();
	test_bad_dir(argv[2]);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
