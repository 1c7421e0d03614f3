/* SPDX-License-Identifier: GPL-2.0-only
 * ccwconf.c - a ccw adapter whose configuration lock is a mutex behind a
 * small helper (the shape of audit_ctl_lock() and of many drivers'
 * lock-the-config helpers), and an interrupt handler that takes it anyway.
 *
 * ccwconf_lock() sleeps before it touches any other lock, whatever its
 * caller passes: a path that is atomic when it calls the helper has slept
 * there.  That is the bug, reported once inside the helper.  What the
 * handler does after the call (apply the new configuration: wait for the
 * adapter, take the ccw device lock) is code that runs only after the
 * sleep; restating it finding by finding is what made one bad call in a
 * whole kernel thousands of findings.  ccwconf_settle() sleeps only when its
 * caller asks; called with 0 it does not end the path.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct ccwconf_card {
	struct ccw_device *cdev;
	struct mutex conf_mutex;
	struct completion applied;
	int mtu, wanted_mtu;
};

static struct ccwconf_card ccwconf_card0;

static void ccwconf_lock(struct ccwconf_card *card)
{
	mutex_lock(&card->conf_mutex); /* expect: sleep-in-atomic mutex_lock */
}

static void ccwconf_unlock(struct ccwconf_card *card)
{
	mutex_unlock(&card->conf_mutex);
}

/* Let the adapter settle: the caller says whether it may wait for it. */
static void ccwconf_settle(struct ccwconf_card *card, int may_wait)
{
	if (may_wait)
		msleep(20);
	card->mtu = card->wanted_mtu;
}

/* Process context: wait for the adapter, then publish under the device lock. */
static void ccwconf_apply(struct ccwconf_card *card)
{
	wait_for_completion(&card->applied);
	spin_lock_irq(get_ccwdev_lock(card->cdev));
	card->mtu = card->wanted_mtu;
	spin_unlock_irq(get_ccwdev_lock(card->cdev));
}

/* cdev->handler: called by cio in hardirq context, ccw device lock held. */
static void ccwconf_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct ccwconf_card *card = &ccwconf_card0;

	(void)cdev; (void)irb;
	if (!intparm)
		return;
	ccwconf_settle(card, 0);
	ccwconf_lock(card);
	ccwconf_apply(card);
	ccwconf_unlock(card);
}

static int ccwconf_probe(struct ccw_device *cdev)
{
	ccwconf_card0.cdev = cdev;
	cdev->handler = ccwconf_irq;
	return 0;
}

static struct ccw_driver ccwconf_driver = {
	.probe = ccwconf_probe,
};

int ccwconf_init(void)
{
	return ccw_driver_register(&ccwconf_driver);
}
