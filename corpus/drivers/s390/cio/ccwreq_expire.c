/* SPDX-License-Identifier: GPL-2.0-only
 * ccwreq_expire.c - a ccw device's internal request: its interrupt handler
 * finishes the running request through the request's callback (one of the
 * three steps that fill the request: sense path group id, sense id, steal
 * lock), and then checks whether the request has run out of time.  An
 * expired request is cancelled under the device's lock, and the cancel
 * finishes the steal-lock step by calling its callback directly, still
 * holding the lock, which that callback takes itself.  Models the shape of
 * drivers/s390/cio/ccwreq.c (ccw_request_handler() and the request's
 * timeout) and device_pgid.c's callbacks; the direct call under the lock is
 * this model's (hypothetical) bug.
 *
 * Must find: one recursive-lock at stlck_done()'s lock, on the path
 * through ccwreq_expire(), here and with one context per function
 * (tests/corpus/contexts-surest.sh: LOCKPATH_MAX_CONTEXTS=1).  The
 * handler's call through 'req->callback' reaches stlck_done() first, one
 * call from the entry, guessing among three callbacks and holding nothing;
 * the cancel reaches it three calls from the entry, guessing nothing and
 * holding the lock.  The bound keeps a function's least guessed contexts,
 * whichever was found first, so the one context kept is the cancel's.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct ccwreq_dev;

struct ccwreq {
	void (*callback)(struct ccwreq_dev *cdev, void *data);
	void *data;
	unsigned long deadline;
	int active;
};

struct ccwreq_dev {
	spinlock_t lock;
	struct ccwreq req;
	unsigned long now;
	int pgid_valid, id_valid, stolen;
};

static struct ccwreq_dev ccwreq_main;

/* The three steps' callbacks: each records what its step learnt. */
static void spid_done(struct ccwreq_dev *cdev, void *data)
{
	(void)data;
	cdev->pgid_valid = 1;
}

static void snid_done(struct ccwreq_dev *cdev, void *data)
{
	(void)data;
	cdev->id_valid = 1;
}

static void stlck_done(struct ccwreq_dev *cdev, void *data)
{
	unsigned long flags;

	(void)data;
	spin_lock_irqsave(&cdev->lock, flags); /* expect: recursive-lock acquired in stlck_done is already held */
	cdev->stolen = 1;
	spin_unlock_irqrestore(&cdev->lock, flags);
}

void ccwreq_start_spid(struct ccwreq_dev *cdev)
{
	cdev->req.callback = spid_done;
	cdev->req.active = 1;
}

void ccwreq_start_snid(struct ccwreq_dev *cdev)
{
	cdev->req.callback = snid_done;
	cdev->req.active = 1;
}

void ccwreq_start_stlck(struct ccwreq_dev *cdev)
{
	cdev->req.callback = stlck_done;
	cdev->req.active = 1;
}

/* Cancel an expired request: the steal-lock step is finished at once. */
static void ccwreq_expire(struct ccwreq_dev *cdev)
{
	spin_lock(&cdev->lock);
	cdev->req.active = 0;
	stlck_done(cdev, cdev->req.data);
	spin_unlock(&cdev->lock);
}

static void ccwreq_check_deadline(struct ccwreq_dev *cdev)
{
	if (cdev->req.active && cdev->now > cdev->req.deadline)
		ccwreq_expire(cdev);
}

static irqreturn_t ccwreq_irq(int irq, void *dev_id)
{
	struct ccwreq_dev *cdev = dev_id;

	(void)irq;
	if (cdev->req.callback)
		cdev->req.callback(cdev, cdev->req.data);
	ccwreq_check_deadline(cdev);
	return IRQ_HANDLED;
}

int ccwreq_setup(void)
{
	spin_lock_init(&ccwreq_main.lock);
	return request_irq(61, ccwreq_irq, 0, "ccwreq", &ccwreq_main);
}
