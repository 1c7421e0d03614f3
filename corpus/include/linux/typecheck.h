/* SPDX-License-Identifier: GPL-2.0-only */ /* typecheck.h - compile-time check that an expression has a given type. */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

/* Comparing the addresses of two dummies warns when the types differ. */
#define typecheck(type, x)				\
({							\
	type __tc_want;					\
	__typeof__(x) __tc_got;				\
	(void)(&__tc_want == &__tc_got);		\
	1;						\
})

#endif
