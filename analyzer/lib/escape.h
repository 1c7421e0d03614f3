/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * escape.h - spelling untrusted bytes (paths, source text, database values)
 * safely for each output: a URI path (RFC 3986 percent-encoding), a JSON
 * string (valid UTF-8), a line of text (no control characters).  Each
 * returns a new string the caller frees; none of them drops a byte's
 * information.  HTML escaping is the HTML writer's own (report/html_out.c).
 */
#ifndef LP_ESCAPE_H
#define LP_ESCAPE_H

#include <stddef.h>

/* S as the path of a URI: every byte except the unreserved characters
 * (A-Z a-z 0-9 - . _ ~) and '/' written as %XX, so a space, '#', '%', '?',
 * a control or a non-UTF-8 byte means the same to every URI parser. */
char *uri_path_encode(const char *s);
/* The reverse: each %XX decoded; a '%' not followed by two hex digits kept. */
char *uri_path_decode(const char *s);

/* Length of the valid UTF-8 sequence at S (1 to 4), or 0 when S does not
 * start one (a stray continuation byte, an overlong form, a surrogate, a
 * code point over U+10FFFF, a truncated sequence). */
size_t utf8_seq_len(const char *s);
/* S as valid UTF-8: each byte that does not belong to a valid sequence is
 * written as the four characters "\xNN". */
char *utf8_clean(const char *s);

/* S fit for one line of text output, as compilers print names: \n, \r, \t
 * and every other control character (0x00-0x1f, 0x7f) written as \n, \r,
 * \t or \xNN, so a file name cannot start a line of its own or send a
 * terminal escape sequence.  Other bytes are kept as they are. */
char *text_clean(const char *s);
/* text_clean for printf arguments: S itself when it has no control
 * character (nearly always), else a cleaned copy that stays valid for the
 * next 16 calls.  Not thread-safe: for the report phase, like display_path. */
const char *text_safe(const char *s);
/* text_safe(display_path(PATH)): a file name as text output shows it. */
const char *text_path(const char *path);

#endif
