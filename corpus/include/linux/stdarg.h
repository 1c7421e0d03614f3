/* SPDX-License-Identifier: GPL-2.0-only */ /* stdarg.h - variable arguments over the compiler's builtins (no libc here). */
#ifndef _LINUX_STDARG_H
#define _LINUX_STDARG_H

typedef __builtin_va_list va_list;
#define va_start(ap, last)	__builtin_va_start(ap, last)
#define va_end(ap)		__builtin_va_end(ap)
#define va_arg(ap, type)	__builtin_va_arg(ap, type)

#endif
