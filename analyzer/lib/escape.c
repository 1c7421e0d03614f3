// SPDX-License-Identifier: GPL-2.0-only
/*
 * escape.c - untrusted bytes spelled for URIs, JSON strings and text lines
 * (escape.h).  Pure functions over NUL-terminated strings; no locale.
 */
#include "lib/escape.h"
#include "lib/util.h"

#include <string.h>

/* C as PREFIX and two hex digits: "%1B" in URIs (RFC 3986 prefers upper
 * case), "\x1b" in text (as C and compilers write it). */
static void add_hex_byte(struct strbuf *sb, const char *prefix, unsigned char c)
{
	const char *digits = prefix[0] == '%' ? "0123456789ABCDEF" : "0123456789abcdef";
	sb_add(sb, prefix);
	sb_addc(sb, digits[c >> 4]);
	sb_addc(sb, digits[c & 15]);
}

static bool uri_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *uri_path_encode(const char *s)
{
	struct strbuf sb = {0};
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (uri_unreserved(*p))
			sb_addc(&sb, (char)*p);
		else
			add_hex_byte(&sb, "%", *p);
	}
	return sb_detach(&sb);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *uri_path_decode(const char *s)
{
	struct strbuf sb = {0};
	for (; *s; s++) {
		int hi, lo;
		if (*s == '%' && (hi = hexval(s[1])) >= 0 && (lo = hexval(s[2])) >= 0 && (hi || lo)) {
			sb_addc(&sb, (char)(hi << 4 | lo));
			s += 2;
		} else {
			sb_addc(&sb, *s);
		}
	}
	return sb_detach(&sb);
}

size_t utf8_seq_len(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t n;
	unsigned cp, min;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07, min = 0x10000;
	else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)   /* also stops at the NUL */
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

char *utf8_clean(const char *s)
{
	struct strbuf sb = {0};
	while (*s) {
		size_t n = utf8_seq_len(s);
		if (n) {
			sb_addn(&sb, s, n);
			s += n;
		} else {
			add_hex_byte(&sb, "\\x", (unsigned char)*s++);
		}
	}
	return sb_detach(&sb);
}

char *text_clean(const char *s)
{
	struct strbuf sb = {0};
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			sb_add(&sb, "\\n");
		else if (*p == '\r')
			sb_add(&sb, "\\r");
		else if (*p == '\t')
			sb_add(&sb, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			add_hex_byte(&sb, "\\x", *p);
		else
			sb_addc(&sb, (char)*p);
	}
	return sb_detach(&sb);
}

static bool has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

const char *text_safe(const char *s)
{
	static char *ring[16];
	static unsigned next;
	if (!s || !has_control(s))
		return s;
	unsigned i = next++ % 16;
	free(ring[i]);
	ring[i] = text_clean(s);
	return ring[i];
}

const char *text_path(const char *path)
{
	return text_safe(display_path(path));
}
