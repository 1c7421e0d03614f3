/* SPDX-License-Identifier: GPL-2.0-only
 * con_relock.c - a line-mode console on a ccw device whose interrupt
 * handler recovers from a unit check by draining its output queue and
 * restarting the device, both under the ccw device's lock: the shape of
 * con3215.c's raw3215_irq() and its helpers, with a bug of this model.
 * cio calls the handler with that lock held (it is the subchannel's lock,
 * drivers/s390/cio), so each helper takes it a second time.
 *
 * Both re-acquisitions are below one call: the handler's recovery, which
 * the path entered through cdev->handler, the last function pointer on
 * the way.  That is one bug with one fix (recover outside the lock), so it
 * is one finding, which says it stands for both.  With -DCON_RESTART_HOOK
 * the restart is the device model's own callback (con->restart), another
 * function pointer: the restart's re-acquisition is below that call, and
 * is a finding of its own.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct con_relock {
	struct ccw_device *cdev;
	int queued, restarts;
	void (*restart)(struct con_relock *con);
};

static struct con_relock con_relock0;

static void con_drain(struct con_relock *con)
{
	unsigned long flags;

	spin_lock_irqsave(get_ccwdev_lock(con->cdev), flags); /* expect(relock-one-call): recursive-lock this finding stands for the 2 acquisitions found below that call */ /* expect(relock-one-call-hook): recursive-lock acquired in con_drain */
	con->queued = 0;
	spin_unlock_irqrestore(get_ccwdev_lock(con->cdev), flags);
}

static void con_restart(struct con_relock *con)
{
	unsigned long flags;

	spin_lock_irqsave(get_ccwdev_lock(con->cdev), flags); /* expect(relock-one-call-hook): recursive-lock acquired in con_restart */
	con->restarts++;
	spin_unlock_irqrestore(get_ccwdev_lock(con->cdev), flags);
}

static void con_recover(struct con_relock *con)
{
	con_drain(con);
#ifdef CON_RESTART_HOOK
	con->restart(con);
#else
	con_restart(con);
#endif
}

static void con_relock_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	(void)cdev;
	(void)intparm;
	if (irb_is_error(irb))
		con_recover(&con_relock0);
}

static int con_relock_probe(struct ccw_device *cdev)
{
	con_relock0.cdev = cdev;
	con_relock0.restart = con_restart;
	cdev->handler = con_relock_irq;
	return 0;
}

static struct ccw_driver con_relock_driver = {
	.probe = con_relock_probe,
};

int con_relock_init(void)
{
	return ccw_driver_register(&con_relock_driver);
}
