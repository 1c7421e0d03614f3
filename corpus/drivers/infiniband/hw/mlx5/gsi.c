/* SPDX-License-Identifier: GPL-2.0-only
 * gsi.c - a driver's general services QP: its own CQ for the send
 * completions of its hardware QPs, allocated to be polled from irq_poll's
 * softirq, and the completion callback its work requests carry.  In this
 * model the callback records the completion under the QP's mutex
 * (hypothetical: the driver's real callback only takes a spinlock).  Models drivers/infiniband/hw/mlx5/gsi.c
 * (mlx5_ib_create_gsi(), handle_single_completion()).
 *
 * Must find: the sleep-in-atomic in softirq context, at the mutex.
 * The file allocates its CQs with IB_POLL_SOFTIRQ: its callbacks stay on
 * the softirq poller's path (rules: file-mode ib_alloc_cq).
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <rdma/ib_verbs.h>

struct mlx5_ib_gsi_wr {
	struct ib_cqe cqe;
	struct ib_wc wc;
	int completed;
};

struct mlx5_ib_gsi_qp {
	struct ib_cq *cq;
	struct mutex mutex;
	struct mlx5_ib_gsi_wr wr;
	int logged;
};

static void handle_single_completion(struct ib_cq *cq, struct ib_wc *wc)
{
	struct mlx5_ib_gsi_qp *gsi = cq->cq_context;

	mutex_lock(&gsi->mutex); /* expect: sleep-in-atomic in softirq context */
	gsi->wr.completed = 1;
	gsi->wr.wc = *wc;
	gsi->logged++;
	mutex_unlock(&gsi->mutex);
}

int mlx5_ib_create_gsi(struct ib_device *device, struct mlx5_ib_gsi_qp *gsi)
{
	gsi->cq = ib_alloc_cq(device, gsi, 256, 0, IB_POLL_SOFTIRQ);
	if (!gsi->cq)
		return -1;
	mutex_init(&gsi->mutex);
	gsi->wr.cqe.done = handle_single_completion;
	return 0;
}
