/* SPDX-License-Identifier: GPL-2.0-only
 * x_tables.h - xtables targets: a target's ops table, and the parameter
 * block its destructor gets, which callers build on their stack.
 */
#ifndef _LINUX_NETFILTER_X_TABLES_H
#define _LINUX_NETFILTER_X_TABLES_H

#include <linux/types.h>

struct net;
struct xt_tgdtor_param;

struct xt_target {
	const char *name;
	void (*destroy)(const struct xt_tgdtor_param *par);
};

struct xt_entry_target {
	struct xt_target *target;
	unsigned char data[32];
};

struct xt_tgdtor_param {
	struct net *net;
	const struct xt_target *target;
	void *targinfo;
	u8 family;
};

extern int xt_register_target(struct xt_target *target);

#endif
