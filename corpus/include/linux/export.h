/* SPDX-License-Identifier: GPL-2.0-only */ /* export.h - EXPORT_SYMBOL: a redeclaration here, a symbol table entry in the kernel. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define EXPORT_SYMBOL(sym)	extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym)	extern __typeof__(sym) sym

#endif
