// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_util.c - unit test of analyzer/lib/util, the pieces every phase
 * builds on: strbuf (append, format, detach), strmap (insert, find, grow
 * past many keys, free), the arena, lower_bound_i64 on a struct array,
 * guess_eighths (the report's ranking counts guesses in eighths of a bit),
 * hash_hex (xxh3-128: fingerprints and content hashes) and the path helpers.
 *
 * usage: test_util      exit 0 if all pass, 1 otherwise
 */
#include "lib/util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "expect.h"

static void test_strbuf(void)
{
	struct strbuf sb = {0};
	expect(!strcmp(sb_str(&sb), ""), "an empty strbuf reads as \"\"");
	sb_add(&sb, "spin");
	sb_addc(&sb, '_');
	sb_addn(&sb, "lockXXX", 4);
	sb_addf(&sb, "(%s, %d)", "&dev->lock", 3);
	expect(!strcmp(sb_str(&sb), "spin_lock(&dev->lock, 3)") && sb.len == 24, "append and format");
	for (int i = 0; i < 1000; i++)
		sb_addc(&sb, 'x');
	expect(sb.len == 1024 && sb.buf[1024] == 0, "grows, NUL-terminated");
	sb_truncate(&sb, 4);
	expect(sb.len == 4 && !strcmp(sb_str(&sb), "spin"), "truncate cuts back to a length");
	sb_truncate(&sb, 9);
	expect(sb.len == 4 && !strcmp(sb_str(&sb), "spin"), "truncate never lengthens");
	sb_reset(&sb);
	expect(sb.len == 0 && !strcmp(sb_str(&sb), ""), "reset empties it");
	struct strbuf none = {0};
	sb_truncate(&none, 0);
	expect(!none.buf && !none.len, "truncating an empty strbuf allocates nothing");
	sb_add(&sb, "kept");
	char *s = sb_detach(&sb);
	expect(!strcmp(s, "kept") && !sb.buf && !sb.len, "detach hands the buffer over");
	free(s);
	s = sb_detach(&sb);
	expect(!strcmp(s, ""), "detach of an empty strbuf is \"\"");
	free(s);
	sb_free(&sb);
}

static void test_strmap(void)
{
	struct strmap m = {0};
	expect(!strmap_get(&m, "x"), "an empty map has nothing");
	bool created;
	*strmap_put(&m, "subchannel.lock", &created) = 7;
	expect(created, "the first put creates");
	int64_t *v = strmap_put(&m, "subchannel.lock", &created);
	expect(!created && *v == 7, "the second put finds it");
	char key[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "key%d", i);
		*strmap_put(&m, key, NULL) = i;
	}
	int bad = 0;
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "key%d", i);
		v = strmap_get(&m, key);
		bad += !v || *v != i;
	}
	expect(!bad && m.n == 5001, "5000 more keys: every one found after growing");
	size_t seen = 0;
	strmap_foreach(&m, it)
		seen++;
	expect(seen == m.n, "foreach visits every key once");
	expect(!strmap_get(&m, "key5000"), "an absent key is absent");
	strmap_free(&m);
	expect(!m.e && !m.n, "free empties it");

	struct strmap ids = {0};
	bool fresh;
	int a = strmap_id(&ids, "gfp_mask", &fresh);
	expect(a == 0 && fresh, "the first name gets id 0");
	int b = strmap_id(&ids, "force", NULL);
	expect(b == 1 && strmap_id(&ids, "gfp_mask", &fresh) == 0 && !fresh,
	       "ids are dense, and a name seen again keeps its id");
	strmap_free(&ids);
}

static void test_arena(void)
{
	struct arena a = {0};
	char *s = arena_strdup(&a, "ccw_device.ccwlock");
	char *p = arena_printf(&a, "%s#%d", "arg", 2);
	void *big = arena_alloc(&a, 200000);   /* more than a chunk */
	expect(!strcmp(s, "ccw_device.ccwlock") && !strcmp(p, "arg#2") && big, "strdup, printf, a large block");
	expect(((uintptr_t)p & 15) == 0 && ((uintptr_t)big & 15) == 0, "blocks are 16-byte aligned");
	expect(!arena_strdup(&a, NULL), "NULL stays NULL");
	arena_free(&a);
	expect(!a.head, "free releases every chunk");
}

struct row { int64_t key; int payload; };

static void test_lower_bound(void)
{
	static const struct row v[] = { { 1, 0 }, { 3, 0 }, { 3, 1 }, { 3, 2 }, { 8, 0 } };
	size_t n = sizeof(v) / sizeof(v[0]), off = offsetof(struct row, key);
	expect(lower_bound_i64(v, n, sizeof(v[0]), off, 0) == 0, "below all: 0");
	expect(lower_bound_i64(v, n, sizeof(v[0]), off, 3) == 1, "the first of equal keys");
	expect(lower_bound_i64(v, n, sizeof(v[0]), off, 4) == 4, "between keys: the next one");
	expect(lower_bound_i64(v, n, sizeof(v[0]), off, 9) == n, "above all: N");
	expect(lower_bound_i64(v, 0, sizeof(v[0]), off, 1) == 0, "an empty array: 0");
}

static void test_guess_eighths(void)
{
	static const int n[] = { 0, 1, 2, 3, 4, 8, 1000 }, want[] = { 0, 0, 8, 13, 16, 24, 80 };
	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		char what[64];
		snprintf(what, sizeof(what), "guess_eighths(%d) == %d", n[i], want[i]);
		expect(guess_eighths(n[i]) == want[i], what);
	}
}

static void test_hash_and_paths(void)
{
	char h[33];
	hash_hex("", 0, h);
	expect(!strcmp(h, "99aa06d3014798d86001c324468d497f"), "xxh3-128 of nothing");
	char h2[33];
	hash_hex("a", 1, h2);
	expect(strlen(h2) == 32 && strcmp(h, h2), "32 hex digits; another input, another hash");
	expect(!strcmp(path_basename("/k/drivers/virtio/virtio.c"), "virtio.c"), "basename of a path");
	expect(!strcmp(path_basename("virtio.c"), "virtio.c"), "basename of a bare name");
	char *s = xasprintf("%s:%d", "cio.c", 109);
	expect(!strcmp(s, "cio.c:109"), "xasprintf");
	free(s);
}

int main(void)
{
	test_strbuf();
	test_strmap();
	test_arena();
	test_lower_bound();
	test_guess_eighths();
	test_hash_and_paths();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
