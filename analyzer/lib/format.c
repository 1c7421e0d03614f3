// SPDX-License-Identifier: GPL-2.0-only
/*
 * format.c - a printf format's conversions as bits (the grammar and the
 * bits are in format.h).
 */
#include "lib/format.h"

#include <ctype.h>
#include <string.h>

#define FORMAT_PTR_EXT 26   /* bit of '%p' + letter 'a' */

static long long letter_bit(char c, int base)
{
	c = (char)tolower((unsigned char)c);
	return c >= 'a' && c <= 'z' ? 1LL << (base + c - 'a') : 0;
}

/* Past the flags, width, precision and qualifier of the conversion at S
 * (just after its '%'): at the conversion letter. */
static const char *skip_modifiers(const char *s)
{
	s += strspn(s, "-+ #0");
	s += strspn(s, "0123456789*");
	if (*s == '.') {
		s++;
		s += strspn(s, "0123456789*");
	}
	return s + strspn(s, "hlLqjzZt");
}

long long format_conversions(const char *s)
{
	long long bits = 0;
	while ((s = strchr(s, '%'))) {
		if (s[1] == '%') {
			s += 2;
			continue;
		}
		s = skip_modifiers(s + 1);
		if (!*s)
			break;
		bits |= letter_bit(*s, 0);
		if (tolower((unsigned char)*s) == 'p')
			bits |= letter_bit(s[1], FORMAT_PTR_EXT);
		s++;
	}
	return bits;
}

bool format_spec_bit(const char *spec, long long *bit)
{
	size_t n = strlen(spec);
	if (n == 1 || (n == 2 && tolower((unsigned char)spec[0]) == 'p')) {
		*bit = letter_bit(spec[n - 1], n == 1 ? 0 : FORMAT_PTR_EXT);
		return *bit != 0;
	}
	return false;
}
