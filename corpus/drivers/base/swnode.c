// SPDX-License-Identifier: GPL-2.0-only
/*
 * swnode.c - software firmware nodes (models drivers/base/swnode.c): a
 * node's last reference removes it from the node tree under a mutex (the
 * kernel's path goes through kobject_put() and the uevent's mutex).
 */
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/fwnode.h>

extern bool swnode_drop_ref(struct fwnode_handle *fwnode);
extern void swnode_unlink(struct fwnode_handle *fwnode);

static DEFINE_MUTEX(swnode_tree_mutex);

void fwnode_handle_put(struct fwnode_handle *fwnode)
{
	if (!swnode_drop_ref(fwnode))
		return;
	mutex_lock(&swnode_tree_mutex);	/* expect(vring-debug-fwnode): sleep-in-atomic mutex_lock */
	swnode_unlink(fwnode);
	mutex_unlock(&swnode_tree_mutex);
}
