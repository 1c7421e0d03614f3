/* SPDX-License-Identifier: GPL-2.0-only
 * drbd_int.h - the parts of DRBD's connection and device this corpus
 * needs: a connection state changed under flags that say how.  CS_HARD
 * forces the change without asking the peer; only a change without it
 * (and not CS_LOCAL_ONLY) waits on the connection's state mutex, and only
 * one with CS_WAIT_COMPLETE waits for the change to be done.
 */
#ifndef _DRBD_INT_H
#define _DRBD_INT_H

#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/completion.h>

enum drbd_conns { C_STANDALONE, C_DISCONNECTING, C_TIMEOUT, C_CONNECTED };

enum chg_state_flags {
	CS_HARD          = 1 << 0,
	CS_VERBOSE       = 1 << 1,
	CS_WAIT_COMPLETE = 1 << 2,
	CS_SERIALIZE     = 1 << 3,
	CS_LOCAL_ONLY    = 1 << 4,
	CS_DC_SUSP       = 1 << 5,
};

struct drbd_connection {
	struct mutex cstate_mutex;
	struct completion state_done;
	spinlock_t req_lock;
	enum drbd_conns cstate;
	unsigned int susp_flags;
	int peer_alive;
};

struct drbd_device {
	struct drbd_connection *connection;
	struct timer_list request_timer;
	unsigned long last_reply;
};

int conn_request_state(struct drbd_connection *connection, enum drbd_conns to, unsigned int flags);
void drbd_device_timer_init(struct drbd_device *device);

#endif
