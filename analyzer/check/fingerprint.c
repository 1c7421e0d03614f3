// SPDX-License-Identifier: GPL-2.0-only
/*
 * fingerprint.c - a finding's fingerprint text and hash (fingerprint.h,
 * defined in docs/ci.md).  Nothing here knows the engine: it is given the
 * classes and paths, so a change to it shows in tests/unit/test_fingerprint
 * before it changes every baseline.
 */
#include "check/fingerprint.h"

#include <stdlib.h>
#include <string.h>

void fingerprint_class(struct strbuf *sb, const char *name)
{
	for (const char *p = name; *p;) {
		if (!strncmp(p, "anon@", 5)) {
			sb_add(sb, "anon");
			p += 5 + strcspn(p + 5, ":");
			p += *p ? 1 + strspn(p + 1, "0123456789") : 0;
			continue;
		}
		/* '/' too: a static's file is named by its last path components
		 * (lib/keyname.h), and a fingerprint names no file */
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-/");
		if (n && p[n] == ':' && memchr(p, '.', n)) {
			p += n + 1;   /* 'dir/file.c:' */
			continue;
		}
		sb_addn(sb, p, n ? n : 1);
		p += n ? n : 1;
	}
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void fingerprint_hash(const char *rule, char **cls, char **path, int n, char out[33])
{
	qsort(cls, (size_t)n, sizeof(*cls), str_cmp);
	qsort(path, (size_t)n, sizeof(*path), str_cmp);
	struct strbuf sb = {0};
	sb_addf(&sb, "%s|", rule);
	for (int k = 0; k < n; k++)
		sb_addf(&sb, "%s%s", k ? "," : "", cls[k]);
	for (int k = 0; k < n; k++)
		sb_addf(&sb, "|%s", path[k]);
	hash_hex(sb.buf, sb.len, out);
	sb_free(&sb);
}
