/* SPDX-License-Identifier: GPL-2.0-only
 * init.h - __init/__exit sections and initcalls.  An initcall is a function
 * pointer stored in a static variable, the way built-in code registers its
 * init functions.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init		__section(".init.text") __cold
#define __exit		__section(".exit.text") __cold
#define __initdata	__section(".init.data")

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __define_initcall(fn, id) \
	static initcall_t __initcall_##fn##id __used __section(".initcall" #id ".init") = fn

#define core_initcall(fn)	__define_initcall(fn, 1)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define device_initcall(fn)	__define_initcall(fn, 6)

#endif
