/* SPDX-License-Identifier: GPL-2.0-only
 * rtnetlink.c - the RTNL mutex and its accessors (corpus model).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rtnetlink.h>

static DEFINE_MUTEX(rtnl_mutex);

void rtnl_lock(void)
{
	mutex_lock(&rtnl_mutex);
}

void rtnl_unlock(void)
{
	mutex_unlock(&rtnl_mutex);
}

int rtnl_is_locked(void)
{
	return mutex_is_locked(&rtnl_mutex);
}
