// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz_suppress.c - libFuzzer target for what the gate reads from users:
 * the suppressions file, inline 'lockpath: ignore' comments, and the
 * baseline (SARIF, or a database image when the bytes start with SQLite's
 * magic).  Every input must load or fail with one line that names the file
 * (and, for suppressions, the line), never crash, leak or read out of
 * bounds; what loaded must be well formed and match without trouble.
 * Build and run (seeds in tests/fuzz/suppress-seeds/):
 *   clang-19 -std=c11 -D_GNU_SOURCE -g -fsanitize=fuzzer,address,undefined \
 *     -Ianalyzer analyzer/lib/util.c analyzer/report/text.c analyzer/gate/baseline.c \
 *     analyzer/gate/suppress.c tests/fuzz/fuzz_suppress.c \
 *     -lsqlite3 -ljansson -lxxhash -o fuzz_suppress
 *   ./fuzz_suppress -max_total_time=20 corpus-dir tests/fuzz/suppress-seeds
 */
#include "gate/gate.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool one_line(const struct strbuf *sb)
{
	return sb->len && !memchr(sb->buf, '\n', sb->len) && strlen(sb->buf) == sb->len;
}

static bool hex32(const char *s)
{
	return strlen(s) == GATE_FP_LEN && strspn(s, "0123456789abcdef") == GATE_FP_LEN;
}

/* Match every suppression against a finding whose path and fingerprint come from them. */
static void match_all(struct suppressions *s)
{
	for (size_t i = 0; i < s->v.n; i++) {
		struct rp_hop hop = { .func = s->v.v[i].func ? s->v.v[i].func : "f" };
		struct rp_finding f = { .rule = s->v.v[i].rule ? s->v.v[i].rule : "recursive-lock",
					.fingerprint = s->v.v[i].fingerprint, .hops = &hop, .nhops = 1 };
		if (suppress_match(s, &f) == NULL)
			abort();
	}
}

static void suppressions(const uint8_t *data, size_t size)
{
	struct suppressions s = {0};
	struct strbuf err = {0};
	int rc = suppress_load_buffer(&s, "fuzz.supp", (const char *)data, size, &err);
	if (rc != 0 && rc != -1)
		abort();
	if (rc == -1 && (strncmp(sb_str(&err), "fuzz.supp:", 10) || !strstr(sb_str(&err), ": expected ") ||
			 !one_line(&err)))
		abort();
	for (size_t i = 0; rc == 0 && i < s.v.n; i++) {
		const struct suppression *x = &s.v.v[i];
		if (!x->reason[0] || (x->fingerprint ? !hex32(x->fingerprint) : !x->rule || !x->func[0]))
			abort();
	}
	if (rc == 0)
		match_all(&s);
	suppress_free(&s);
	sb_free(&err);
}

static void inline_comments(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		char *rule = NULL, *reason = NULL;
		struct strbuf err = {0};
		int rc = suppress_inline_parse(p, n, &rule, &reason, &err);
		if (rc < -1 || rc > 1 || (rc == 1 && (!rule[0] || !reason[0])) ||
		    (rc == -1 && strncmp(sb_str(&err), "expected ", 9)) || (rc != -1 && err.len))
			abort();
		free(rule);
		free(reason);
		sb_free(&err);
		p = nl ? nl + 1 : end;
	}
}

static void baseline(const uint8_t *data, size_t size)
{
	struct gate_baseline b = {0};
	struct strbuf err = {0};
	int rc = baseline_load_buffer(&b, "fuzz.baseline", data, size, &err);
	if (rc != 0 && rc != -1)
		abort();
	if (rc == -1 && (strncmp(sb_str(&err), "fuzz.baseline: ", 15) || !one_line(&err)))
		abort();
	for (size_t i = 0; rc == 0 && i < b.v.n; i++)
		if (!hex32(b.v.v[i].fingerprint) || !b.v.v[i].rule)
			abort();
	baseline_free(&b);
	sb_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	suppressions(data, size);
	inline_comments(data, size);
	baseline(data, size);
	return 0;
}
