/* SPDX-License-Identifier: GPL-2.0-only
 * sclp_req.c - the SCLP request queue under its lock, fed by two console
 * drivers that each hold their own buffer lock while they queue a request
 * (the line-mode console and the VT220 console), and the service-signal
 * interrupt that completes the running request.
 *
 * In the kernel the interrupt handler drops the queue's lock before it
 * calls a finished request's callback.  This model keeps the lock over the
 * call (a hypothetical change), and each console's callback takes its
 * buffer lock: queue lock -> buffer lock in the interrupt, buffer lock ->
 * queue lock where a console queues.  Two ABBAs, one per console, both
 * closing at sclp_add_request()'s lock.
 *
 * sclp_add_request() is reached from the two consoles' flush work, each
 * holding another lock, with nothing else told apart.  With one context
 * per function (tests/corpus/contexts-bound.sh runs this tree with
 * LOCKPATH_MAX_CONTEXTS=1) the second console's context is past the bound:
 * its order is found on the first console's path below sclp_add_request(),
 * spliced onto the second console's call (check/dropped.c).
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct sclp_req {
	struct list_head list;
	int status;
	void (*callback)(struct sclp_req *req, void *data);
	void *callback_data;
};

static DEFINE_SPINLOCK(sclp_lock);
static LIST_HEAD(sclp_req_queue);
static struct sclp_req *sclp_running;

void sclp_add_request(struct sclp_req *req)
{
	unsigned long flags;

	spin_lock_irqsave(&sclp_lock, flags); /* expect: lock-order sclp_lock is acquired while s390/char/sclp_req.c:sclp_con_lock is held */ /* expect: lock-order sclp_lock is acquired while s390/char/sclp_req.c:sclp_vt220_lock is held */
	list_add_tail(&req->list, &sclp_req_queue);
	if (!sclp_running)
		sclp_running = req;
	spin_unlock_irqrestore(&sclp_lock, flags);
}

static irqreturn_t sclp_service_irq(int irq, void *dev)
{
	struct sclp_req *done;

	(void)irq;
	(void)dev;
	spin_lock(&sclp_lock);
	done = sclp_running;
	if (done) {
		sclp_running = NULL;
		done->status = 1;
		if (done->callback)   /* the model's change: still under sclp_lock */
			done->callback(done, done->callback_data);
	}
	spin_unlock(&sclp_lock);
	return IRQ_HANDLED;
}

/* The line-mode console: pages of output, one request at a time. */
static DEFINE_SPINLOCK(sclp_con_lock);
static struct sclp_req sclp_con_req;
static struct work_struct sclp_con_work;
static int sclp_con_pages;

static void sclp_con_done(struct sclp_req *req, void *data)
{
	unsigned long flags;

	(void)req;
	(void)data;
	spin_lock_irqsave(&sclp_con_lock, flags);
	sclp_con_pages--;
	spin_unlock_irqrestore(&sclp_con_lock, flags);
}

static void sclp_con_flush(struct work_struct *work)
{
	unsigned long flags;

	(void)work;
	spin_lock_irqsave(&sclp_con_lock, flags);
	sclp_con_pages++;
	sclp_add_request(&sclp_con_req);
	spin_unlock_irqrestore(&sclp_con_lock, flags);
}

/* The VT220 console: the same shape with its own lock and buffer count. */
static DEFINE_SPINLOCK(sclp_vt220_lock);
static struct sclp_req sclp_vt220_req;
static struct work_struct sclp_vt220_work;
static int sclp_vt220_queued;

static void sclp_vt220_done(struct sclp_req *req, void *data)
{
	unsigned long flags;

	(void)req;
	(void)data;
	spin_lock_irqsave(&sclp_vt220_lock, flags);
	sclp_vt220_queued = 0;
	spin_unlock_irqrestore(&sclp_vt220_lock, flags);
}

static void sclp_vt220_flush(struct work_struct *work)
{
	unsigned long flags;

	(void)work;
	spin_lock_irqsave(&sclp_vt220_lock, flags);
	sclp_vt220_queued = 1;
	sclp_add_request(&sclp_vt220_req);
	spin_unlock_irqrestore(&sclp_vt220_lock, flags);
}

int sclp_req_init(void)
{
	sclp_con_req.callback = sclp_con_done;
	sclp_vt220_req.callback = sclp_vt220_done;
	INIT_WORK(&sclp_con_work, sclp_con_flush);
	INIT_WORK(&sclp_vt220_work, sclp_vt220_flush);
	return request_irq(2, sclp_service_irq, 0, "sclp_service", NULL);
}
