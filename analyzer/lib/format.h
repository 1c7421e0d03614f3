/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * format.h - what a printf format string can make its formatter do, as a
 * set of bits.  Extract reads a string literal passed to a call into these
 * bits (site_arg's member FORMAT_FIELD); a 'format-call' rule names the
 * conversions under which a formatter calls a function (vsnprintf() calls
 * pointer() only for a '%p'); check keeps the call only on paths whose
 * format has one (check/engine_load.c).  Nothing here knows clang, sqlite
 * or the engine, so tests call it directly.
 *
 * The grammar is the kernel's (lib/vsprintf.c, format_decode()):
 * '%' [flags -+ #0] [width: digits or '*'] ['.' precision: digits or '*']
 * [qualifier h hh l ll L q j z Z t] conversion; '%%' is no conversion.  A
 * '%p' is followed by its extension letters ('%pfw', '%pV', '%pK').
 *
 *   bit 'c' - 'a'          a conversion letter c ('%d', '%s', '%p')
 *   bit 26 + 'c' - 'a'     a '%p' whose first extension letter is c ('%pf')
 *
 * Letters are case-folded: '%pS' and '%ps' are one bit, '%X' is '%x'.
 * Folding only joins conversions, so a rule may keep a call it could have
 * cut, never cut one it must keep.  Digits and other characters set no
 * bit: no rule can name them, and a format has them or not to no effect.
 */
#ifndef LP_FORMAT_H
#define LP_FORMAT_H

#include <stdbool.h>

/* The member a format's bits are bound as (site_arg.field): not a C
 * identifier, so no struct member is ever confused with it. */
#define FORMAT_FIELD "<format>"

/* The conversions format S has (bits above); 0 for none. */
long long format_conversions(const char *s);

/* The bit of conversion SPEC as a rule writes it: 'p' (a '%p'), 'pf' (a
 * '%p' with extension f), 'd'; false for anything else. */
bool format_spec_bit(const char *spec, long long *bit);

#endif
