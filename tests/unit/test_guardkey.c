// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_guardkey.c - unit test of analyzer/lib/guardkey, the guard grammar
 * extract writes and check reads: guards on a parameter and on a member
 * through one parsed and formatted back unchanged, bad forms refused, the
 * writes annotations found for the right subject only, and which values a
 * guard lets through (with what the function writes itself), and the mask
 * a function that only masks a parameter writes (parsed back, bad ones refused).
 *
 * usage: test_guardkey      exit 0 if all pass, 1 otherwise
 */
#include "lib/guardkey.h"
#include "db/columns.h"

#include <stdio.h>
#include <string.h>
#include "expect.h"

/* TEXT parses, and formats back to itself. */
static void round_trip(const char *text, int param, const char *field, int except, int n)
{
	struct guardkey g;
	char what[256];
	snprintf(what, sizeof(what), "parse '%s'", text);
	int ok = guardkey_parse(text, &g) && g.param == param && !strcmp(g.field, field) &&
		 g.except == except && g.n == n;
	expect(ok, what);
	if (!ok)
		return;
	struct strbuf sb = {0};
	guardkey_format(&sb, &g);
	snprintf(what, sizeof(what), "format '%s' back (got '%s')", text, sb_str(&sb));
	expect(!strcmp(sb_str(&sb), text), what);
	sb_free(&sb);
}

/* Context guard TEXT parses to DEAD, and formats back to itself. */
static void ctx_round_trip(const char *text, unsigned dead)
{
	struct guardkey g;
	char what[256];
	snprintf(what, sizeof(what), "parse '%s'", text);
	int ok = guardkey_parse(text, &g) && g.ctx_dead == dead && g.param == -1;
	expect(ok, what);
	if (!ok)
		return;
	for (int s = 0; s < GK_NSTATES; s++) {
		snprintf(what, sizeof(what), "'%s' %s %s", text, dead >> s & 1 ? "refuses" : "allows",
			 guardkey_ctx_name(s));
		expect(guardkey_ctx_allows(&g, s) == !(dead >> s & 1), what);
	}
	struct strbuf sb = {0};
	guardkey_format(&sb, &g);
	snprintf(what, sizeof(what), "format '%s' back (got '%s')", text, sb_str(&sb));
	expect(!strcmp(sb_str(&sb), text), what);
	sb_free(&sb);
}

static void bad(const char *text)
{
	struct guardkey g;
	char what[256];
	snprintf(what, sizeof(what), "refuse '%s'", text);
	expect(!guardkey_parse(text, &g), what);
}

/* Guard TEXT in a function annotated ANNOT lets VALUE through: WANT. */
static void allows(const char *text, const char *annot, long long value, int want)
{
	struct guardkey g;
	char what[256];
	snprintf(what, sizeof(what), "'%s' with '%s' %s %lld", text, annot ? annot : "", want ? "allows" : "refuses",
		 value);
	if (!guardkey_parse(text, &g)) {
		expect(0, what);
		return;
	}
	guardkey_load_writes(&g, annot);
	expect(guardkey_allows(&g, value) == want, what);
}

/* ... where its function's 'wif:' entries say when each write is made. */
static void allows_wif(const char *text, const char *annot, long long value, int want)
{
	struct guardkey g;
	struct guardkey_wif wif;
	struct arena a = {0};
	char what[512];
	snprintf(what, sizeof(what), "'%s' with '%s' %s %lld", text, annot, want ? "allows" : "refuses", value);
	bool ok = guardkey_parse(text, &g) && guardkey_parse_wif(annot, g.param, &a, &wif);
	if (ok) {
		guardkey_load_writes(&g, annot);
		g.wif = &wif;
	}
	expect(ok && guardkey_allows(&g, value) == want, what);
	arena_free(&a);
}

/* The values parameter 1 of ANNOT can hold, passed VALUE: WANT ('*': any). */
static void wif_values(const char *annot, long long value, const char *want)
{
	struct guardkey_wif wif;
	struct arena a = {0};
	struct strbuf sb = {0};
	if (guardkey_parse_wif(annot, 1, &a, &wif)) {
		long long v[8];
		int n;
		bool any;
		guardkey_wif_values(&wif, value, v, &n, 8, &any);
		for (int i = 0; i < n && !any; i++)
			sb_addf(&sb, i ? ",%lld" : "%lld", v[i]);
		if (any)
			sb_add(&sb, "*");
	}
	char what[512];
	snprintf(what, sizeof(what), "'%s' passed %lld holds %s (got %s)", annot, value, want, sb_str(&sb));
	expect(!strcmp(sb_str(&sb), want), what);
	sb_free(&sb);
	arena_free(&a);
}

static bool wif_parses(const char *annot)
{
	struct guardkey_wif wif;
	struct arena a = {0};
	bool ok = guardkey_parse_wif(annot, 1, &a, &wif);
	arena_free(&a);
	return ok;
}

static bool mask_parses(const char *values)
{
	long long a, o;
	return guardkey_parse_mask(values, &a, &o);
}

/* A mask's writes entry formats and parses back to AND and OR. */
static void mask_round_trip(long long and_mask, long long or_mask)
{
	struct strbuf sb = {0};
	guardkey_format_mask(&sb, 2, and_mask, or_mask);
	const char *cursor = sb_str(&sb), *values;
	int param;
	char field[GUARDKEY_FIELD_MAX];
	long long a = 0, o = 0;
	char what[128];
	snprintf(what, sizeof(what), "mask &%lld|%lld round trip (%s)", and_mask, or_mask, sb_str(&sb));
	expect(guardkey_next_write(&cursor, &param, field, &values) && param == 2 && !field[0] &&
	       guardkey_parse_mask(values, &a, &o) && a == and_mask && o == or_mask, what);
	sb_free(&sb);
}

int main(void)
{
	round_trip("arg#1=0", 1, "", 0, 1);
	round_trip("arg#0!=0", 0, "", 1, 1);
	round_trip("arg#2=-19,0,3", 2, "", 0, 3);
	round_trip("entry#1!=-2", 1, "", 1, 1);   /* a flag local's test, at entry */
	round_trip("arg#1.force=0", 1, "force", 0, 1);
	round_trip("arg#3.noreply!=0", 3, "noreply", 1, 1);
	round_trip("arg#2&17=0", 2, "", 0, 1);
	round_trip("arg#0.flags&4!=0", 0, "flags", 1, 1);
	bad("arg#2&=0");
	bad("arg#2&0=0");
	bad("arg#2&x=0");
	bad("arg#=0");
	bad("arg#1");
	bad("arg#1=");
	bad("arg#1.=0");
	bad("arg#1=x");
	bad("param#1=0");
	bad("arg#1=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17");
	ctx_round_trip("ctx!=hardirq", 1u << GK_HARDIRQ);
	ctx_round_trip("ctx!=hardirq,softirq+irqs-off,process+irqs-off",
		       1u << GK_HARDIRQ | 1u << GK_SOFTIRQ_IRQS_OFF | 1u << GK_PROCESS_IRQS_OFF);
	bad("ctx!=");
	bad("ctx!=hardirq,");
	bad("ctx!=task");
	bad("ctx=hardirq");

	allows("arg#1=0", NULL, 0, 1);
	/* vprintk_emit(): 'if (level == LOGLEVEL_SCHED) level = LOGLEVEL_DEFAULT': the
	 * written -1 makes 'arg#1!=-2' pass anything, but not the value as passed */
	allows("arg#1!=-2", "writes:arg#1=-1;", -2, 1);
	allows("entry#1!=-2", "writes:arg#1=-1;", -2, 0);   /* the value as passed */
	allows("entry#1!=-2", "writes:arg#1=-1;", -1, 1);
	allows("arg#1=0", NULL, 5, 0);
	allows("arg#1!=0", NULL, 0, 0);
	allows("arg#1!=0", NULL, 1, 1);
	allows("arg#1&17=0", NULL, 3, 0);                  /* drbd's CS_VERBOSE | CS_HARD: bit 0 set */
	allows("arg#1&17=0", NULL, 2, 1);
	allows("arg#1&17!=0", NULL, 16, 1);
	allows("arg#1&17=0", "writes:arg#1=0;", 3, 1);     /* cleared by the function itself */
	allows("arg#1=0", "writes:arg#1=0;", 5, 1);        /* the function sets it to 0 itself */
	allows("arg#1=0", "writes:arg#1=7;", 5, 0);
	allows("arg#1=0", "writes:arg#1=*;", 5, 1);
	allows("arg#1=0", "writes:arg#2=0;", 5, 0);        /* another parameter's writes */
	allows("arg#1.force=0", "writes:arg#1=0;", 1, 0);  /* the parameter's, not the member's */
	allows("arg#1.force=0", "writes:arg#1.force=*;", 1, 1);
	allows("arg#1.force=0", "must_hold:x;writes:arg#1.nocreds=0;writes:arg#1.force=0;", 1, 1);
	allows("arg#1.force=0", "writes:arg#1.forced=0;", 1, 0);

	/* a parameter only masked: a guard on it takes what the masks can make of
	 * the value, each write done or not (bit 0 may be cleared, bit 13 set) */
	allows("arg#1=0", "writes:arg#1=&-2|8192;", 5, 0);   /* bit 2 stays */
	allows("arg#1=4", "writes:arg#1=&-2|8192;", 5, 1);   /* bit 0 cleared */
	allows("arg#1=5", "writes:arg#1=&-2|8192;", 5, 1);   /* no write done */
	allows("arg#1=8196", "writes:arg#1=&-2|8192;", 5, 1);
	allows("arg#1=1", "writes:arg#1=&-2|8192;", 1, 1);   /* 1 cleared to 0, or left */
	/* ext4's unwritten extents: 'flags |= METADATA_NOFAIL (32)' never sets CONVERT (16) */
	allows("arg#4&16!=0", "writes:arg#4=&-1|32;", 0, 0);
	allows("arg#4&16!=0", "writes:arg#4=&-1|32;", 16, 1);
	allows("arg#4&32!=0", "writes:arg#4=&-1|32;", 0, 1);
	allows("arg#4&32=0", "writes:arg#4=&-1|32;", 0, 1);   /* the write may come later */
	allows("arg#4&8=0", "writes:arg#4=&-9|0;", 8, 1);     /* cleared */
	allows("arg#4&8!=0", "writes:arg#4=&-9|0;", 0, 0);
	allows("arg#1!=3", "writes:arg#1=&-1|255;", 0, 1);    /* eight bits may change: not tried */
	allows("entry#1=0", "writes:arg#1=&-1|4;", 4, 0);     /* the value as passed: no writes */
	mask_round_trip(-1025, 8192);
	mask_round_trip(0x10000e70, 0);
	expect(!mask_parses("0,1;"), "values are no mask");
	expect(!mask_parses("&12"), "a mask needs its '|OR'");
	expect(!mask_parses("&|3;"), "a mask needs its AND");
	expect(!mask_parses("&1|x;"), "a mask's OR is a number");

	/* nf_reinject(): the verdict is assigned again only under tests a drop
	 * fails, one of them reached by a jump back from 'case NF_QUEUE:' */
	const char *reinject = "writes:arg#1=*;wif:arg#1=*@entry#1=4;wif:arg#1=0@arg#1=1;"
			       "wif:arg#1=*@arg#1=1/arg#1&255=3;";
	allows_wif("arg#1&255=1,5", reinject, 0, 0);   /* a drop never reaches the okfn */
	allows_wif("arg#1&255=0", reinject, 0, 1);
	allows_wif("arg#1&255=1,5", reinject, 1, 1);   /* an accept runs the hooks: anything */
	allows_wif("arg#1&255=1,5", reinject, 4, 1);   /* a repeat runs the hook again */
	allows_wif("arg#1&255=1,5", reinject, 3, 1);   /* a queue jumps back */
	allows_wif("arg#1&255=1,5", reinject, 2, 0);   /* stolen */
	allows_wif("entry#1=4", reinject, 0, 0);       /* the value as passed: no writes */
	/* nfqnl_reinject(): only ever a drop */
	const char *drops = "writes:arg#1=0,0,0;wif:arg#1=0;wif:arg#1=0;wif:arg#1=0@arg#1!=0;";
	wif_values(drops, 0, "0");
	wif_values(drops, 1, "1,0");
	/* a write another write's value enables: to the fixed point */
	const char *chain = "wif:arg#1=7@arg#1=3;wif:arg#1=3@arg#1=1;";
	wif_values(chain, 1, "1,3,7");
	wif_values(chain, 0, "0");
	wif_values(chain, 3, "3,7");
	wif_values("wif:arg#1=5@arg#1=0^entry#1=0;", 0, "0,5");   /* both guards of one alternative */
	wif_values("wif:arg#1=5@arg#1=0^entry#1=1;", 0, "0");
	wif_values("wif:arg#1=*@arg#1=2/arg#1=3;wif:arg#1=3@arg#1=9;", 9, "*");
	wif_values("wif:arg#2=*;wif:arg#1=4@arg#1=1;", 1, "1,4");   /* another parameter's */
	expect(!wif_parses("writes:arg#1=*;"), "no 'wif:' entry");
	expect(!wif_parses("wif:arg#1=x;"), "a value is a number or '*'");
	expect(!wif_parses("wif:arg#1=0@;"), "an alternative has a guard");
	expect(!wif_parses("wif:arg#1=0@arg#1=1/;"), "... every one");
	expect(!wif_parses("wif:arg#1=0@arg#1=1^;"), "... and no empty one after '^'");
	expect(!wif_parses("wif:arg#1=0@ctx!=hardirq;"), "a context guard is no test of the parameter");

	/* the state of a path: its context, and interrupts known off */
	expect(guardkey_ctx_state(CTX_HARDIRQ, false) == GK_HARDIRQ, "hardirq is one state");
	expect(guardkey_ctx_state(CTX_SOFTIRQ, true) == GK_SOFTIRQ_IRQS_OFF, "softirq with interrupts off");
	expect(guardkey_ctx_state(CTX_PROCESS, false) == GK_PROCESS, "process");

	return expect_done("guardkey");
}
