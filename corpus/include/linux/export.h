/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * export.h - EXPORT_SYMBOL: a symbol table entry, as in 6.1 without PREL32
 * relocations (s390's configuration): a static 'struct kernel_symbol'
 * holding the function's address as an integer and its name.  The module
 * loader reads the table; no code calls through it.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

struct kernel_symbol {
	unsigned long value;
	const char *name;
	const char *namespace;
};

#define __EXPORT_SYMBOL_ENTRY(sym, license)					\
	extern __typeof__(sym) sym;						\
	static const struct kernel_symbol __ksymtab_##sym __attribute__((used)) = {	\
		.value = (unsigned long)&sym, .name = #sym, .namespace = license	\
	}

#define EXPORT_SYMBOL(sym)	__EXPORT_SYMBOL_ENTRY(sym, "")
#define EXPORT_SYMBOL_GPL(sym)	__EXPORT_SYMBOL_ENTRY(sym, "GPL")

#endif
