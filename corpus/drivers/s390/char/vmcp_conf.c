/* SPDX-License-Identifier: GPL-2.0-only
 * vmcp_conf.c - a configuration mutex taken and released through helpers,
 * the shape of the driver core's device_links_write_lock() /
 * device_links_write_unlock(): the helper returns with the mutex held, and
 * its caller sleeps before calling the release helper.
 *
 * A lock a callee leaves held is the kind of lock it is (a mutex here),
 * not the kind of the call that took it.  Must find: nothing.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/export.h>

struct vmcp_dev {
	struct mutex conf_mutex;   /* serialises reconfiguration */
	int buffer_size;
};

static void vmcp_conf_lock(struct vmcp_dev *vd)
{
	mutex_lock(&vd->conf_mutex);
}

static void vmcp_conf_unlock(struct vmcp_dev *vd)
{
	mutex_unlock(&vd->conf_mutex);
}

/* Resize the response buffer; the hypervisor needs a moment in between. */
void vmcp_resize(struct vmcp_dev *vd, int size)
{
	vmcp_conf_lock(vd);
	vd->buffer_size = 0;
	msleep(20);
	vd->buffer_size = size;
	vmcp_conf_unlock(vd);
}
EXPORT_SYMBOL(vmcp_resize);
