/* SPDX-License-Identifier: GPL-2.0-only */ /* module.h - module_init/exit for built-in code, license and table tags. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/init.h>

struct module;
extern struct module __this_module;
#define THIS_MODULE (&__this_module)

#define module_init(fn)		device_initcall(fn)
#define module_exit(fn) \
	static exitcall_t __exitcall_##fn __used __section(".exitcall.exit") = fn

#define MODULE_LICENSE(text) \
	static const char __module_license[] __used __section(".modinfo") = "license=" text
#define MODULE_DESCRIPTION(text) \
	static const char __module_description[] __used __section(".modinfo") = "description=" text
#define MODULE_DEVICE_TABLE(type, name) \
	extern const void *__mod_##type##__##name##_device_table

#endif
