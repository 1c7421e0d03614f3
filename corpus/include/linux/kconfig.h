/* SPDX-License-Identifier: GPL-2.0-only
 * kconfig.h - IS_ENABLED(CONFIG_X): 1 when the option is defined to 1,
 * else 0, an integer constant expression the compiler folds (the kernel's
 * placeholder trick, here in the corpus's own names).  A branch under a
 * false one is code the compiler drops.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#define __kc_placeholder_1		0,
#define __kc_second(ignored, val, ...)	val
#define __kc_defined3(arg_or_junk)	__kc_second(arg_or_junk 1, 0)
#define __kc_defined2(val)		__kc_defined3(__kc_placeholder_##val)
#define __kc_defined(x)			__kc_defined2(x)
#define IS_ENABLED(option)		__kc_defined(option)

#endif
