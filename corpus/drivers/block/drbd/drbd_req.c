// SPDX-License-Identifier: GPL-2.0-only
/*
 * drbd_req.c - the request timer (models request_timer_fn() in
 * drivers/block/drbd/drbd_req.c): when the peer has not answered in time
 * the connection is forced into C_TIMEOUT from the timer, in softirq
 * context, with CS_HARD among the flags, so the state change never takes
 * its sleeping branch, nor waits for the change.  -DDRBD_SOFT_TIMEOUT
 * leaves CS_HARD out and asks to wait.
 */
#include "drbd_int.h"

#ifdef DRBD_SOFT_TIMEOUT
#define TIMEOUT_FLAGS	(CS_VERBOSE | CS_WAIT_COMPLETE)
#else
#define TIMEOUT_FLAGS	(CS_VERBOSE | CS_HARD)
#endif

static void request_timer_fn(struct timer_list *t)
{
	struct drbd_device *device = from_timer(device, t, request_timer);

	if (jiffies - device->last_reply < 6 * HZ) {
		mod_timer(&device->request_timer, jiffies + HZ);
		return;
	}
	conn_request_state(device->connection, C_TIMEOUT, TIMEOUT_FLAGS);
}

void drbd_device_timer_init(struct drbd_device *device)
{
	timer_setup(&device->request_timer, request_timer_fn, 0);
}
