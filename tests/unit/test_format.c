// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_format.c - unit test of analyzer/lib/format, a printf format's
 * conversions as bits: flags, width, precision and qualifiers skipped,
 * '%%' no conversion, a '%p' with its extension letter, case folded, and
 * a rule's conversion names ('p', 'pf') turned into the same bits.
 *
 * usage: test_format      exit 0 if all pass, 1 otherwise
 */
#include "lib/format.h"

#include <stdio.h>
#include "expect.h"

#define CONV(c) (1LL << ((c) - 'a'))
#define PEXT(c) (1LL << (26 + (c) - 'a'))

static void conversions(const char *fmt, long long want)
{
	char what[256];
	long long got = format_conversions(fmt);
	snprintf(what, sizeof(what), "'%s' has conversions %#llx, not %#llx", fmt, got, want);
	expect(got == want, what);
}

static void spec(const char *text, int ok, long long want)
{
	char what[128];
	long long bit = 0;
	int got = format_spec_bit(text, &bit);
	snprintf(what, sizeof(what), "rule conversion '%s': %s %#llx", text, got ? "bit" : "refused", bit);
	expect(got == ok && (!ok || bit == want), what);
}

int main(void)
{
	conversions("", 0);
	conversions("<intr> ", 0);
	conversions("\0014disk full\n", 0);
	conversions("[%d] ", CONV('d'));
	conversions("%s: %d of %u", CONV('s') | CONV('d') | CONV('u'));
	conversions("100%% done", 0);                        /* '%%' is no conversion */
	conversions("%%p is a pointer", 0);
	conversions("%-08lx %5.3s %*d %.*s %zu %lld %hhx", CONV('x') | CONV('s') | CONV('d') | CONV('u'));
	conversions("%X", CONV('x'));                        /* folded */
	conversions("queue %p\n", CONV('p'));                /* a plain %p: no extension letter */
	conversions("%pV", CONV('p') | PEXT('v'));
	conversions("%pfw %pfwP", CONV('p') | PEXT('f'));
	conversions("%pS %ps", CONV('p') | PEXT('s'));
	conversions("%p4cc", CONV('p'));                     /* a digit names no bit */
	conversions("%px at %pK", CONV('p') | PEXT('x') | PEXT('k'));
	conversions("%s %s: %pV", CONV('s') | CONV('p') | PEXT('v'));   /* dev_printk's own */
	conversions("trailing %", 0);
	conversions("trailing %-0", 0);

	spec("p", 1, CONV('p'));
	spec("d", 1, CONV('d'));
	spec("pf", 1, PEXT('f'));
	spec("PF", 1, PEXT('f'));
	spec("", 0, 0);
	spec("%p", 0, 0);
	spec("df", 0, 0);                                    /* only '%p' has extensions */
	spec("pfw", 0, 0);                                   /* the first letter only */
	spec("4", 0, 0);
	return expect_done("test_format");
}
