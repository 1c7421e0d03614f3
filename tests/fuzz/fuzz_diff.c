// SPDX-License-Identifier: GPL-2.0-only
/*
 * fuzz_diff.c - libFuzzer target for the unified-diff reader the gate uses
 * for --diff and --git (analyzer/gate/diff.c).  Every input must parse or
 * fail with one line "fuzz.diff:LINE: expected ...", never crash, leak or
 * read out of bounds; what parsed must hold together: each hunk's new side
 * has as many lines as its header counts, its added lines and deletion
 * places are ascending and inside it, and its hunks are in order.
 * Build and run (seeds in tests/fuzz/diff-seeds/):
 *   clang-19 -std=c11 -D_GNU_SOURCE -g -fsanitize=fuzzer,address,undefined \
 *     -Ianalyzer analyzer/lib/util.c analyzer/gate/diff.c tests/fuzz/fuzz_diff.c -lxxhash -o fuzz_diff
 *   ./fuzz_diff -max_total_time=20 corpus-dir tests/fuzz/diff-seeds
 */
#include "gate/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool one_line(const struct strbuf *sb)
{
	return sb->len && !memchr(sb->buf, '\n', sb->len) && strlen(sb->buf) == sb->len;
}

static void check_hunk(const struct diff_hunk *h, const struct diff_hunk *prev)
{
	int first = h->new_count ? h->new_start : h->new_start + 1, end = first + h->new_count;
	if ((int)h->new_text.n != h->new_count || (int)h->added.n > h->new_count)
		abort();
	for (size_t i = 0; i < h->added.n; i++)
		if (h->added.v[i] < first || h->added.v[i] >= end || (i && h->added.v[i] <= h->added.v[i - 1]))
			abort();
	for (size_t i = 0; i < h->removed_at.n; i++)
		if (h->removed_at.v[i] < first || h->removed_at.v[i] > end ||
		    (i && h->removed_at.v[i] <= h->removed_at.v[i - 1]))
			abort();
	if (prev && (h->new_start < prev->new_start + prev->new_count || h->old_start < prev->old_start + prev->old_count))
		abort();
	if (strncmp(h->range, "@@ -", 4) || strcmp(h->range + strlen(h->range) - 3, " @@"))
		abort();
	char fn[32];
	if (diff_context_func(h, fn, sizeof(fn)) && !fn[0])
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diff d = {0};
	struct strbuf err = {0};
	int rc = diff_parse_buffer(&d, "fuzz.diff", (const char *)data, size, &err);
	if (rc && (!one_line(&err) || strncmp(err.buf, "fuzz.diff:", 10)))
		abort();
	for (size_t i = 0; !rc && i < d.files.n; i++) {
		const struct diff_file *f = &d.files.v[i];
		if (!f->old_path && !f->new_path && f->hunks.n)
			abort();
		for (size_t k = 0; k < f->hunks.n; k++)
			check_hunk(&f->hunks.v[k], k ? &f->hunks.v[k - 1] : NULL);
	}
	if (!rc) {
		FILE *null = fopen("/dev/null", "w");
		if (null) {
			diff_dump(null, &d);
			fclose(null);
		}
	}
	diff_free(&d);
	sb_free(&err);
	return 0;
}
