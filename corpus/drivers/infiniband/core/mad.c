/* SPDX-License-Identifier: GPL-2.0-only
 * mad.c - the management datagram layer's port: one CQ for its send and
 * receive queues, allocated to be polled from a workqueue, and the two
 * completion callbacks its work requests carry.  A received MAD is handed
 * to the device's MAD processing under the port's agent mutex: the
 * callbacks sleep, which they may, in the CQ's kworker.  Models
 * drivers/infiniband/core/mad.c (ib_mad_port_open(), ib_mad_post_receive_mads(),
 * ib_mad_recv_done(), ib_mad_send_done()).
 *
 * Must not find: a sleep in softirq context in either callback.  The CQ
 * poller __ib_process_cq() is also irq_poll's (cq.c), and without the
 * file's poll context the callbacks were reached from there
 * (rules: file-mode ib_alloc_cq).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <rdma/ib_verbs.h>

struct ib_mad_list_head {
	struct ib_cqe cqe;
	int queued;
};

struct ib_mad_port_private {
	struct ib_device *device;
	struct ib_cq *cq;
	struct mutex agent_mutex;
	struct ib_mad_list_head recv_list, send_list;
	int agents;
};

static struct ib_mad_port_private *mad_port;

/* The device's MAD processing, with the agent table held. */
static void ib_mad_dispatch(struct ib_mad_port_private *port, struct ib_wc *wc)
{
	mutex_lock(&port->agent_mutex);
	port->agents += wc->status ? 0 : 1;
	mutex_unlock(&port->agent_mutex);
}

static void ib_mad_recv_done(struct ib_cq *cq, struct ib_wc *wc)
{
	struct ib_mad_port_private *port = cq->cq_context;

	ib_mad_dispatch(port, wc);
}

static void ib_mad_send_done(struct ib_cq *cq, struct ib_wc *wc)
{
	struct ib_mad_port_private *port = cq->cq_context;

	if (wc->status)
		ib_mad_dispatch(port, wc);
}

int ib_mad_port_open(struct ib_device *device)
{
	struct ib_mad_port_private *port = kzalloc(sizeof(*port), GFP_KERNEL);

	if (!port)
		return -1;
	port->device = device;
	port->cq = ib_alloc_cq(device, port, 512, 0, IB_POLL_UNBOUND_WORKQUEUE);
	if (!port->cq)
		return -1;
	port->recv_list.cqe.done = ib_mad_recv_done;
	port->send_list.cqe.done = ib_mad_send_done;
	mad_port = port;
	return 0;
}
