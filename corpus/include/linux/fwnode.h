/* SPDX-License-Identifier: GPL-2.0-only */ /* fwnode.h - firmware nodes: a device's place in the firmware's tree. */
#ifndef _LINUX_FWNODE_H
#define _LINUX_FWNODE_H

struct fwnode_handle {
	struct fwnode_handle *parent;
	const char *name;
};

/* Drops a reference to a node; the last one frees it (drivers/base/swnode.c). */
void fwnode_handle_put(struct fwnode_handle *fwnode);

#endif
