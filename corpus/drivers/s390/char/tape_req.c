/* SPDX-License-Identifier: GPL-2.0-only
 * tape_req.c - a ccw tape driver's requests, counted with a kref.  The
 * interrupt handler drops the request it completed; the release, written
 * for the process-context owner that usually drops the last reference,
 * returns the request's buffer under the device's buffer mutex.  Whether
 * the interrupt's put can be the last is not something the code shows: a
 * finding below kref_put's release says it needs that, and is counted
 * apart.  The handler's own msleep() on an error needs nothing of the kind.
 *
 * Must find: sleep-in-atomic at the release's mutex_lock, "only where the
 * put in kref_put drops the last reference"; sleep-in-atomic at the
 * handler's msleep(), an ordinary finding.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct tape_dev {
	struct mutex buf_mutex;
	int free_bufs;
};

struct tape_request {
	struct kref ref;
	struct tape_dev *dev;
	int status;
};

static struct tape_dev tape0;

static void tape_request_release(struct kref *ref)
{
	struct tape_request *rq = container_of(ref, struct tape_request, ref);

	mutex_lock(&rq->dev->buf_mutex); /* expect: sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in hardirq context, in tape_request_release; only where the put in kref_put drops the last reference */
	rq->dev->free_bufs++;
	mutex_unlock(&rq->dev->buf_mutex);
	kfree(rq);
}

/* cdev->handler: cio calls it in hardirq context. */
static void tape_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct tape_request *rq = (struct tape_request *)intparm;

	(void)cdev;
	rq->status = 0;
	kref_put(&rq->ref, tape_request_release);
	if (irb_is_error(irb))
		msleep(10); /* expect: sleep-in-atomic msleep may sleep */
}

static int tape_req_probe(struct ccw_device *cdev)
{
	cdev->handler = tape_irq;
	tape0.free_bufs = 1;
	return 0;
}

static struct ccw_driver tape_req_driver = {
	.probe = tape_req_probe,
};

int tape_req_init(void)
{
	return ccw_driver_register(&tape_req_driver);
}
