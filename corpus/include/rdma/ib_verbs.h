/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ib_verbs.h - the InfiniBand completion queue as its consumers see it.  A
 * consumer allocates a CQ with a poll context (ib_alloc_cq(), an inline
 * over __ib_alloc_cq()), posts work requests whose 'wr_cqe' points to an
 * ib_cqe it set 'done' in, and drivers/infiniband/core/cq.c calls each
 * completion's 'wr_cqe->done(cq, wc)' from the poller the context chose:
 * irq_poll's softirq, or a work item.
 */
#ifndef _RDMA_IB_VERBS_H
#define _RDMA_IB_VERBS_H

#include <linux/irq_poll.h>
#include <linux/workqueue.h>

struct ib_device;
struct ib_cq;
struct ib_wc;

struct ib_cqe {
	void (*done)(struct ib_cq *cq, struct ib_wc *wc);
};

struct ib_wc {
	struct ib_cqe *wr_cqe;
	int status;
	unsigned int byte_len;
};

enum ib_poll_context {
	IB_POLL_SOFTIRQ,            /* poll from softirq context */
	IB_POLL_WORKQUEUE,          /* poll from a bound workqueue */
	IB_POLL_UNBOUND_WORKQUEUE,  /* poll from an unbound workqueue */
	IB_POLL_DIRECT,             /* the consumer polls it itself */
};

struct ib_cq {
	struct ib_device *device;
	void *cq_context;
	enum ib_poll_context poll_ctx;
	struct ib_wc *wc;
	struct irq_poll iop;
	struct work_struct work;
};

extern struct ib_cq *__ib_alloc_cq(struct ib_device *dev, void *private, int nr_cqe, int comp_vector,
				   enum ib_poll_context poll_ctx, const char *caller);

static inline struct ib_cq *ib_alloc_cq(struct ib_device *dev, void *private, int nr_cqe, int comp_vector,
					enum ib_poll_context poll_ctx)
{
	return __ib_alloc_cq(dev, private, nr_cqe, comp_vector, poll_ctx, "ib");
}

extern int ib_poll_cq(struct ib_cq *cq, int num_entries, struct ib_wc *wc);

#endif
