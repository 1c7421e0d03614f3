/* SPDX-License-Identifier: GPL-2.0-only */ /* string.h - the mem* and str* functions the corpus uses. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

extern void *memcpy(void *dest, const void *src, size_t n);
extern void *memset(void *s, int c, size_t n);
extern int memcmp(const void *a, const void *b, size_t n);
extern size_t strlen(const char *s);
extern int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((__format__(printf, 3, 4)));

#endif
