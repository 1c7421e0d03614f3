// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_escape.c - unit test of analyzer/lib/escape: every case is one row
 * of a table, input and the exact output expected (issue 14, items 4-6):
 * URIs percent-encode space, '#', '%', controls and non-UTF-8 bytes and
 * decode back; JSON strings get valid UTF-8 with bad bytes as \xNN; text
 * lines get control characters as \n, \x1b.
 *
 * usage: test_escape      exit 0 if all pass, 1 otherwise
 */
#include "lib/escape.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

struct row { const char *in, *want; };

static void check_rows(const char *name, char *(*fn)(const char *), const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *got = fn(rows[i].in);
		if (!strcmp(got, rows[i].want)) {
			passed++;
		} else {
			failed++;
			fprintf(stderr, "FAIL: %s, row %zu\n  want: %s\n  got:  %s\n", name, i + 1, rows[i].want, got);
		}
		free(got);
	}
}

static const struct row uri_rows[] = {
	{ "/src/drivers/virtio/virtio.c", "/src/drivers/virtio/virtio.c" },
	{ "/t/sp ace#frag%41/x.c", "/t/sp%20ace%23frag%2541/x.c" },
	{ "/t/a?b&c=d;e@f:g+h,i!j$k'l(m)*[n]", "/t/a%3Fb%26c%3Dd%3Be%40f%3Ag%2Bh%2Ci%21j%24k%27l%28m%29%2A%5Bn%5D" },
	{ "/t/bad\xff\xfe/x.c", "/t/bad%FF%FE/x.c" },
	{ "/t/new\nline/\x1b[31m.c", "/t/new%0Aline/%1B%5B31m.c" },
	{ "/t/caf\xc3\xa9/x.c", "/t/caf%C3%A9/x.c" },
	{ "-._~", "-._~" },
	{ "", "" },
};

static const struct row decode_rows[] = {
	{ "/t/sp%20ace%23frag%2541/x.c", "/t/sp ace#frag%41/x.c" },
	{ "/t/bad%FF%fe/x.c", "/t/bad\xff\xfe/x.c" },
	{ "/t/100%/x%4", "/t/100%/x%4" },          /* not escapes: kept */
	{ "/t/%zz%00", "/t/%zz%00" },              /* no NUL in a path */
};

static const struct row utf8_rows[] = {
	{ "plain ascii", "plain ascii" },
	{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92" },
	{ "bad\xff", "bad\\xff" },
	{ "\xc0\xaf overlong", "\\xc0\\xaf overlong" },
	{ "\xed\xa0\x80 surrogate", "\\xed\\xa0\\x80 surrogate" },
	{ "\xf4\x90\x80\x80 too big", "\\xf4\\x90\\x80\\x80 too big" },
	{ "cut \xe2\x82", "cut \\xe2\\x82" },
	{ "\x80 stray", "\\x80 stray" },
};

static const struct row text_rows[] = {
	{ "drivers/x.c", "drivers/x.c" },
	{ "dir\nfake.c:1:1: warning: forged [recursive-lock]", "dir\\nfake.c:1:1: warning: forged [recursive-lock]" },
	{ "\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07" },
	{ "cr\rtab\tdel\x7f", "cr\\rtab\\tdel\\x7f" },
	{ "caf\xc3\xa9 \xff", "caf\xc3\xa9 \xff" },   /* not controls: as they are */
};

#define ROWS(t) t, sizeof(t) / sizeof(t[0])

int main(void)
{
	check_rows("uri_path_encode", uri_path_encode, ROWS(uri_rows));
	check_rows("uri_path_decode", uri_path_decode, ROWS(decode_rows));
	check_rows("utf8_clean", utf8_clean, ROWS(utf8_rows));
	check_rows("text_clean", text_clean, ROWS(text_rows));
	/* every encoded row decodes to its input */
	for (size_t i = 0; i < sizeof(uri_rows) / sizeof(uri_rows[0]); i++) {
		char *e = uri_path_encode(uri_rows[i].in), *d = uri_path_decode(e);
		bool ok = !strcmp(d, uri_rows[i].in);
		passed += ok;
		failed += !ok;
		if (!ok)
			fprintf(stderr, "FAIL: round trip of uri row %zu\n", i + 1);
		free(e);
		free(d);
	}
	printf("test_escape: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
