/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * guardkey.h - the grammar of a site's guard and of the writes annotations
 * that keep a guard honest.  Extract formats them (extract/guard.c), check
 * parses them once at load (check/engine_load.c) and tests them in its inner
 * loop without text; nothing else reads them.
 *
 *   'arg#N=V1,V2'         the site runs only when parameter N holds V1 or V2
 *                         (a 'case V1: case V2:' of 'switch (param)', 'if (!param)')
 *   'arg#N!=V'            ... when it holds anything but V ('if (param)')
 *   'arg#N.F=V'           ... when member F of the struct parameter N points to
 *                         holds V ('if (!args->force)'); '!=' likewise
 *   'entry#N=V'           ... when parameter N held V as the function was called
 *                         (its own writes do not count: a flag local set from a
 *                         test of N before N was written, extract/guard.c)
 *   'arg#N&M!=0'          ... when parameter N (or its member: 'arg#N.F&M') has
 *                         a bit of mask M set ('if (flags & CS_HARD)'); the
 *                         values are those of the masked value, so 'arg#N&M=0'
 *                         is 'if (!(flags & M))'
 *   'ctx!=S1,S2'          ... in every path state but S1 and S2: the branch of a
 *                         context test the state decides the other way
 *                         ('if (in_hardirq() || irqs_disabled()) .. else B':
 *                         B never runs in 'hardirq', 'softirq+irqs-off' or
 *                         'process+irqs-off'); the states are below
 *
 * A site under several tests (nested ifs, 'a && b') has all their guards,
 * innermost first, ';' separated: it runs only where every one lets it.
 *   'alt:G^G/G'           ... where for one of the '/'-separated alternatives
 *                         every '^'-joined guard lets it: code past a label
 *                         inside a test that a goto from outside it jumps to
 *                         runs under the test, or under the goto's
 *                         (extract/walk_writes.c; check/engine_load.c reads it)
 *
 * A function's annotations carry the writes that could defeat its guards:
 *   'writes:arg#N=V,..;'  the function itself assigns only these constants to
 *                         parameter N; '=*' for anything else; '=&AND|OR' when
 *                         it only masks it (the guard then takes the value
 *                         passed with any of the bits the masks change)
 *   'writes:arg#N.F=..;'  likewise for member F through parameter N
 *   'wif:arg#N=V@G^G/G;'  one assignment of parameter N (V a constant or
 *                         '*'), made only where the guards of one of the
 *                         '/'-separated alternatives all hold ('^' joins
 *                         them); without '@' it is made on any path.  A
 *                         parameter with 'wif:' entries has one per
 *                         assignment, each also counted in its 'writes:'
 *                         (extract/walk_writes.c).
 */
#ifndef LP_GUARDKEY_H
#define LP_GUARDKEY_H

#include <stdbool.h>
#include <stddef.h>
#include "lib/util.h"

#define GUARDKEY_MAX_VALUES 16
#define GUARDKEY_FIELD_MAX 48   /* a member name longer than this makes no guard */
/* The value of a global's address ('iter->temp = static_temp_buf', '&x'):
 * this bit, and the low GUARDKEY_GLOBAL_BITS of a hash of the global's USR,
 * the same in every TU.  Never NULL, never a small constant, never the
 * engine's unnamed address (check/engine.h CK_ADDRESS_VALUE, bit 62 alone). */
#define GUARDKEY_GLOBAL_ADDRESS (1LL << 61)
#define GUARDKEY_GLOBAL_BITS 48

/* The path states a context guard tells apart: the context the path runs
 * in, and whether interrupts are known to be off (always in a hardirq). */
enum guardkey_ctx {
	GK_HARDIRQ, GK_SOFTIRQ, GK_SOFTIRQ_IRQS_OFF, GK_PROCESS, GK_PROCESS_IRQS_OFF, GK_NSTATES
};
#define GK_ALL_STATES ((1u << GK_NSTATES) - 1)

struct guardkey_wif;

struct guardkey {
	unsigned ctx_dead;                /* a context guard: the states (bits of enum
					   * guardkey_ctx) the site never runs in; 0 for a
					   * parameter guard */
	int param;                        /* the parameter tested (-1 for a context guard) */
	char field[GUARDKEY_FIELD_MAX];   /* the member tested through it, "" for itself */
	long long mask;                   /* the bits tested ('flags & M'); 0: the whole value */
	bool except;                      /* every value but these */
	bool at_entry;                    /* 'entry#N': the value as passed; no writes */
	int n;
	long long v[GUARDKEY_MAX_VALUES];
	/* from the function's annotations: what it writes to the subject itself */
	bool writes_any;                  /* something not a constant */
	int nwrites;
	long long writes[GUARDKEY_MAX_VALUES];
	bool writes_masked;               /* it only masks it ('flags |= M', 'gfp &= ~M'): */
	long long and_mask, or_mask;      /* '&AND|OR', the bits it may clear and set */
	const struct guardkey_wif *wif;   /* ... or, where known, each assignment with its tests */
};

/* A function's assignments of one parameter and the tests each is made
 * under ('wif:'): one alternative's guards all hold, or it is made on any
 * path (NALT 0). */
struct guardkey_alt { int n; struct guardkey *g; };
struct guardkey_write { bool any; long long v; int nalt; struct guardkey_alt *alt; };
struct guardkey_wif { int param; int n; struct guardkey_write *w; };

/* The alternatives of 'G^G/G' TEXT[0..LEN) ('alt:' and 'wif:'): how many,
 * and how many guards in all; EACH(CTX, ALT, G, N) for each guard
 * G[0..N) of alternative ALT in order, until it says false (then false). */
typedef bool (*guardkey_alt_fn)(void *ctx, int alt, const char *text, size_t len);
void guardkey_alts_count(const char *text, size_t len, int *nalt, int *nguard);
bool guardkey_alts_each(const char *text, size_t len, guardkey_alt_fn each, void *ctx);

#define GUARDKEY_WIF_MAX 32   /* assignments of one parameter; past them 'writes:' stands */

/* The 'wif:arg#PARAM=' entries of annotations ANNOT into OUT, allocated from
 * A; false if there are none, too many, or one is malformed. */
bool guardkey_parse_wif(const char *annot, int param, struct arena *a, struct guardkey_wif *out);
/* The values the parameter of WIF can hold where its caller passed VALUE:
 * VALUE, and what each assignment whose tests can hold on those values
 * assigns, to a fixed point; into V[0..*N) (MAX at most), or *ANY when it
 * may be anything. */
void guardkey_wif_values(const struct guardkey_wif *wif, long long value, long long *v, int *n, int max,
			 bool *any);

/* Parse guard TEXT into OUT (writes left empty); false if TEXT is malformed. */
bool guardkey_parse(const char *text, struct guardkey *out);
/* Append G's guard text to SB ('arg#N.F!=V1,V2'). */
void guardkey_format(struct strbuf *sb, const struct guardkey *g);
/* The next 'writes:' entry of annotations at *CURSOR (start it at the
 * annotations, which may be NULL): its parameter, member ("" for the
 * parameter itself) and values (from *VALUES to the ';'); false at the end. */
bool guardkey_next_write(const char **cursor, int *param, char field[GUARDKEY_FIELD_MAX], const char **values);
/* Fill G's writes from a function's annotations ANNOT (may be NULL); an
 * 'entry#N' guard takes none. */
void guardkey_load_writes(struct guardkey *g, const char *annot);
/* Append 'writes:arg#N[.F]=' and the values, or '*', and ';' to SB. */
void guardkey_format_writes(struct strbuf *sb, int param, const char *field, bool any,
			    const long long *v, int n);
/* A parameter the function only masks ('gfp &= ~__GFP_ZONEMASK; gfp |=
 * __GFP_NOWARN'): its writes are '&AND|OR', and whatever constant V the
 * caller passed, the value passed on has at most the bits of (V & AND) | OR,
 * in whichever order the masks came. */
void guardkey_format_mask(struct strbuf *sb, int param, long long and_mask, long long or_mask);
/* Parse VALUES of a 'writes:' entry as a mask; false if they are not one. */
bool guardkey_parse_mask(const char *values, long long *and_mask, long long *or_mask);
/* The name of path state S ('softirq+irqs-off'); the state of a path in
 * context CTX (enum lp_context) with interrupts known off or not. */
const char *guardkey_ctx_name(int s);
int guardkey_ctx_state(int ctx, bool irqs_off);
/* Whether a site under context guard G runs in path state S. */
static inline bool guardkey_ctx_allows(const struct guardkey *g, int s)
{
	return !(g->ctx_dead >> s & 1);
}

/* Whether the guarded site runs when the subject holds VALUE. */
bool guardkey_takes(const struct guardkey *g, long long value);
/* Whether the guarded site can run when the caller passed VALUE: VALUE
 * itself, or any value the function writes to the subject before the test. */
bool guardkey_allows(const struct guardkey *g, long long value);

#endif
