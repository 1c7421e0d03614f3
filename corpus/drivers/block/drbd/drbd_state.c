// SPDX-License-Identifier: GPL-2.0-only
/*
 * drbd_state.c - a connection's state change (models _conn_request_state()
 * in drivers/block/drbd/drbd_state.c).  A change the caller does not force
 * (no CS_HARD, no CS_LOCAL_ONLY) is negotiated with the peer under the
 * connection's state mutex, which sleeps; a forced one is applied at once
 * under the request spinlock.  The flags are tested by their bits, in an
 * 'if' and in a 'switch' on some of them; only after both does the change
 * add the suspend bit the resources share (through a helper given
 * '&flags', then 'flags |= CS_DC_SUSP'), which the tests never see.
 */
#include "drbd_int.h"

static int negotiate_with_peer(struct drbd_connection *connection, enum drbd_conns to)
{
	return connection->peer_alive ? 0 : -1;
}

static void conn_old_common_state(struct drbd_connection *connection, unsigned int *pflags)
{
	if (connection->cstate == C_DISCONNECTING)
		*pflags |= CS_VERBOSE;
}

int conn_request_state(struct drbd_connection *connection, enum drbd_conns to, unsigned int flags)
{
	int rv = 0;

	if (!(flags & (CS_LOCAL_ONLY | CS_HARD)) && connection->peer_alive) {
		mutex_lock(&connection->cstate_mutex); /* expect(drbd-soft-timeout): sleep-in-atomic mutex_lock */
		rv = negotiate_with_peer(connection, to);
		mutex_unlock(&connection->cstate_mutex);
		if (rv)
			return rv;
	}
	spin_lock_irq(&connection->req_lock);
	connection->cstate = to;
	spin_unlock_irq(&connection->req_lock);
	switch (flags & (CS_WAIT_COMPLETE | CS_SERIALIZE)) {
	case CS_WAIT_COMPLETE:
	case CS_WAIT_COMPLETE | CS_SERIALIZE:
		wait_for_completion(&connection->state_done); /* expect(drbd-soft-timeout): sleep-in-atomic wait_for_completion */
		break;
	default:
		break;
	}
	conn_old_common_state(connection, &flags);
	flags |= CS_DC_SUSP;
	connection->susp_flags = flags;
	return rv;
}
