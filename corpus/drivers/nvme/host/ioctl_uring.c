/* SPDX-License-Identifier: GPL-2.0-only
 * ioctl_uring.c - corpus model of NVMe passthrough commands over io_uring
 * (drivers/nvme/host/ioctl.c): the request's end_io runs where the request
 * completes.  A request on a polled queue completes in the poller, in the
 * submitting task, so end_io finishes the command there, under the ring's
 * lock (a mutex); any other request completes in its queue's interrupt,
 * and end_io hands the command to task work.  The kernel's end_io is
 * reached through 'rq->end_io(rq, err)'; here the interrupt handler calls
 * it directly.
 *
 * A polled queue has no interrupt, so in hardirq (and in the block
 * softirq, which polled requests never reach) blk_rq_is_poll() is false:
 * a rules 'context-test' says so, and the branch that takes the mutex is
 * not the interrupt's.
 *
 * Must find: nothing.  In nvme-uring-end-io-cookie (-DNVME_URING_COOKIE_ONLY:
 * the branch tests the command's cookie alone) the mutex is taken in the
 * interrupt.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/blk-mq.h>

struct uring_cmd {
	void *cookie;		/* set when the ring polls for its completions */
	int result;
};

static DEFINE_MUTEX(ring_uring_lock);
static struct request *nvme_uring_done;
static unsigned int nvme_uring_vector;

extern void uring_cmd_complete_in_task(struct uring_cmd *cmd);

static void uring_cmd_finish(struct uring_cmd *cmd)
{
	mutex_lock(&ring_uring_lock); /* expect(nvme-uring-end-io-cookie): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in hardirq context, in uring_cmd_finish */
	cmd->result = 0;
	mutex_unlock(&ring_uring_lock);
}

static void nvme_uring_cmd_end_io(struct request *req)
{
	struct uring_cmd *cmd = req->end_io_data;

#ifdef NVME_URING_COOKIE_ONLY
	if (cmd->cookie)
#else
	if (cmd->cookie && blk_rq_is_poll(req))
#endif
		uring_cmd_finish(cmd);
	else
		uring_cmd_complete_in_task(cmd);
}

static irqreturn_t nvme_uring_queue_irq(int irq, void *data)
{
	(void)irq;
	(void)data;
	if (!nvme_uring_done)
		return IRQ_NONE;
	nvme_uring_cmd_end_io(nvme_uring_done);
	return IRQ_HANDLED;
}

int nvme_uring_queue_setup(void)
{
	return request_irq(nvme_uring_vector, nvme_uring_queue_irq, 0, "nvme-uring", NULL);
}
