/* SPDX-License-Identifier: GPL-2.0-only */ /* sprintf.h - the formatters of lib/vsprintf.c. */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/compiler.h>
#include <linux/stdarg.h>
#include <linux/types.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args) __printf(3, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
