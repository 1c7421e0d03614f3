/* SPDX-License-Identifier: GPL-2.0-only
 * ccwnet_event.c - a ccw network adapter's event handling, with the shape
 * of mlx4's mlx4_ib_event(): an event that needs process context is
 * wrapped in a work item; the primary function queues it, a secondary one
 * calls the work function inline, from the interrupt handler.
 *
 * The work function was written for a kworker: it takes a mutex, waits for
 * the adapter and sleeps between retries, and it takes the ccw device lock,
 * which the interrupt path already holds.  Called inline in hardirq context
 * that is one bug, the inline call, reported once as sleep-in-atomic; the
 * path ends there as at any sleep in atomic context: the work function is
 * code the kernel runs only where it may sleep, so its sleeps and its
 * acquisitions (the ccw device lock again) are not restated one by one.
 * The fix is at the call: queue the work on the secondary function too.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/workqueue.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

#define CCWNET_EV_LINK		1
#define CCWNET_EV_PORT_CHANGE	2

struct ccwnet_card {
	struct ccw_device *cdev;
	struct mutex conf_mutex;
	struct completion port_done;
	int primary;
	int link;
};

struct ccwnet_event_work {
	struct work_struct work;
	struct ccwnet_card *card;
	int event;
};

static struct ccwnet_card ccwnet_card0;
static struct workqueue_struct *ccwnet_wq;

/* Re-reads the port configuration: process context only. */
static void ccwnet_port_change_work(struct work_struct *work)
{
	struct ccwnet_event_work *ew = container_of(work, struct ccwnet_event_work, work);
	struct ccwnet_card *card = ew->card;

	mutex_lock(&card->conf_mutex);
	wait_for_completion(&card->port_done);
	spin_lock_irq(get_ccwdev_lock(card->cdev));   /* not reached: the path ends at the inline call */
	card->link = 0;
	spin_unlock_irq(get_ccwdev_lock(card->cdev));
	msleep(10);
	mutex_unlock(&card->conf_mutex);
	kfree(ew);
}

static void ccwnet_event(struct ccwnet_card *card, int event)
{
	struct ccwnet_event_work *ew;

	if (event == CCWNET_EV_LINK) {
		card->link = 1;
		return;
	}
	ew = kmalloc(sizeof(*ew), GFP_ATOMIC);
	if (!ew)
		return;
	INIT_WORK(&ew->work, ccwnet_port_change_work);
	ew->card = card;
	ew->event = event;
	if (card->primary)
		queue_work(ccwnet_wq, &ew->work);
	else
		ccwnet_port_change_work(&ew->work); /* expect: sleep-in-atomic work_struct.func work, written for process context */
}

/* cdev->handler: called by cio in hardirq context, ccw device lock held. */
static void ccwnet_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	(void)cdev; (void)irb;
	ccwnet_event(&ccwnet_card0, (int)intparm);
}

static int ccwnet_probe(struct ccw_device *cdev)
{
	ccwnet_card0.cdev = cdev;
	cdev->handler = ccwnet_irq;
	return 0;
}

static struct ccw_driver ccwnet_driver = {
	.probe = ccwnet_probe,
};

int ccwnet_init(void)
{
	return ccw_driver_register(&ccwnet_driver);
}
