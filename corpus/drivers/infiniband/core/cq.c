/* SPDX-License-Identifier: GPL-2.0-only
 * cq.c - the completion queue's pollers.  Every completion goes through
 * one call, __ib_process_cq()'s 'wc->wr_cqe->done(cq, wc)', whichever
 * poller runs it: ib_poll_handler() from irq_poll's softirq for a CQ
 * allocated with IB_POLL_SOFTIRQ, ib_cq_poll_work() from a workqueue for
 * the two workqueue contexts.  The consumer that allocated the CQ chose.
 * Models drivers/infiniband/core/cq.c.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/irq_poll.h>
#include <rdma/ib_verbs.h>

#define IB_POLL_BATCH 16
#define IB_POLL_BUDGET_IRQ 256

static int __ib_process_cq(struct ib_cq *cq, int budget)
{
	int done = 0, n, i;

	while (done < budget && (n = ib_poll_cq(cq, IB_POLL_BATCH, cq->wc)) > 0) {
		for (i = 0; i < n; i++) {
			struct ib_wc *wc = &cq->wc[i];

			if (wc->wr_cqe)
				wc->wr_cqe->done(cq, wc);
		}
		done += n;
	}
	return done;
}

static int ib_poll_handler(struct irq_poll *iop, int budget)
{
	struct ib_cq *cq = container_of(iop, struct ib_cq, iop);

	return __ib_process_cq(cq, budget);
}

static void ib_cq_poll_work(struct work_struct *work)
{
	struct ib_cq *cq = container_of(work, struct ib_cq, work);

	__ib_process_cq(cq, IB_POLL_BUDGET_IRQ);
}

struct ib_cq *__ib_alloc_cq(struct ib_device *dev, void *private, int nr_cqe, int comp_vector,
			    enum ib_poll_context poll_ctx, const char *caller)
{
	struct ib_cq *cq = kzalloc(sizeof(*cq), GFP_KERNEL);

	(void)nr_cqe;
	(void)comp_vector;
	(void)caller;
	if (!cq)
		return NULL;
	cq->device = dev;
	cq->cq_context = private;
	cq->poll_ctx = poll_ctx;
	cq->wc = kmalloc_array(IB_POLL_BATCH, sizeof(*cq->wc), GFP_KERNEL);
	if (poll_ctx == IB_POLL_SOFTIRQ)
		irq_poll_init(&cq->iop, IB_POLL_BUDGET_IRQ, ib_poll_handler);
	else if (poll_ctx != IB_POLL_DIRECT)
		INIT_WORK(&cq->work, ib_cq_poll_work);
	return cq;
}

/* A pool's CQ: the pool's caller chose the context, passed on here. */
struct ib_cq *ib_cq_pool_alloc(struct ib_device *dev, int nr_cqe, enum ib_poll_context poll_ctx)
{
	return ib_alloc_cq(dev, NULL, nr_cqe, 0, poll_ctx);
}
