/* SPDX-License-Identifier: GPL-2.0-only
 * pci.c - corpus model of an NVMe queue's interrupt: each completed
 * command's scatter list is freed in the handler, in hardirq context.  No
 * findings here.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct nvme_iod {
	void *sg;
};

struct nvme_queue {
	struct nvme_iod *done;
	unsigned int irq;
};

static void nvme_unmap_data(struct nvme_iod *iod)
{
	kfree(iod->sg);
	iod->sg = NULL;
}

static irqreturn_t nvme_irq(int irq, void *data)
{
	struct nvme_queue *nvmeq = data;

	if (!nvmeq->done)
		return IRQ_NONE;
	nvme_unmap_data(nvmeq->done);
	return IRQ_HANDLED;
}

int nvme_setup_irq(struct nvme_queue *nvmeq)
{
	return request_irq(nvmeq->irq, nvme_irq, IRQF_SHARED, "nvme", nvmeq);
}
