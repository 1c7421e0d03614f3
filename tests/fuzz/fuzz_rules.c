// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz_rules.c - libFuzzer target for the rules parser: any bytes given to
 * rules_load_buffer must either load or fail with "fuzz.rules:LINE: ...",
 * never crash, leak or read out of bounds; look-ups on what loaded must work.
 * Build and run (seeds in tests/fuzz/rules-seeds/):
 *   clang-19 -std=c11 -D_GNU_SOURCE -g -fsanitize=fuzzer,address,undefined \
 *     -Ianalyzer analyzer/lib/util.c analyzer/rules/rules.c tests/fuzz/fuzz_rules.c \
 *     -lxxhash -o fuzz_rules
 *   ./fuzz_rules -max_total_time=20 corpus-dir tests/fuzz/rules-seeds
 */
#include "rules/rules.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
	"spin_lock", "_raw_spin_lock", "foo", "a", "", "irqaction.handler", "-fplugin",
};

static void lookups(const struct lp_rules *r)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct lp_lockprim *p = rules_lockprim(r, names[i]);
		/* an 'assert-lock' names its lock and has no lock argument (rules.h) */
		if (p && (strcmp(p->name, names[i]) || (p->lock ? p->arg != -1 : p->arg < 0) || p->nested_arg < -1))
			abort();
		rules_irqop(r, names[i]);
		rules_passthrough_arg(r, names[i]);
		rules_is_lock_member(r, names[i]);
		rules_is_locktype(r, names[i]);
		rules_sleep_reason(r, names[i]);
		rules_defer(r, names[i]);
		rules_drop_flag(r, names[i]);
		const struct lp_lockdep *d = rules_lockdep(r, names[i]);
		/* a macro's key may be none (-1, lockdep-init-macro), novalidate or keep */
		if (d && (strcmp(d->func, names[i]) || d->lock < 0 || d->key < (d->macro ? LP_LOCKDEP_MACRO_KEEP : 0) ||
			  d->subclass < -1))
			abort();
		rules_lockdep_key(r, names[i]);
		for (const struct lp_register *g = rules_register(r, names[i]); g;
		     g = rules_register_next(r, g))
			if (strcmp(g->func, names[i]))
				abort();
	}
	for (size_t i = 0; i < rules_entry_count(r); i++)
		if (!rules_entry(r, i)->func || context_name(rules_entry(r, i)->ctx)[0] == '?')
			abort();
	for (size_t i = 0; i < rules_keyentry_count(r); i++)
		if (!rules_keyentry(r, i)->key)
			abort();
	for (size_t i = 0; i < rules_lockdep_count(r); i++)
		if (rules_lockdep(r, rules_lockdep_at(r, i)->func) != rules_lockdep_at(r, i))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lp_rules *r = rules_new();
	struct strbuf err = {0};
	int rc = rules_load_buffer(r, "fuzz.rules", (const char *)data, size, &err);
	if (rc != 0 && rc != -1)
		abort();
	if (rc == -1 && strncmp(sb_str(&err), "fuzz.rules:", 11))
		abort();
	if (rc == 0 && err.len)
		abort();
	lookups(r);
	sb_free(&err);
	rules_free(r);
	return 0;
}
