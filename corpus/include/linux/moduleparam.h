/* SPDX-License-Identifier: GPL-2.0-only
 * moduleparam.h - parameters set from a command line: a table of
 * kernel_param entries, each with its setter, searched by name.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

struct module;
struct kernel_param;

struct kernel_param_ops {
	int (*set)(const char *val, const struct kernel_param *kp);
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
};

/* each word of ARGS: a parameter of PARAMS[0..NUM) by name, else UNKNOWN */
char *parse_args(const char *doing, char *args, const struct kernel_param *params, unsigned num,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg), void *arg);
void kernel_param_lock(struct module *mod);
void kernel_param_unlock(struct module *mod);

#endif
