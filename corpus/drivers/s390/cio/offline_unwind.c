/* SPDX-License-Identifier: GPL-2.0-only
 * offline_unwind.c - the shape of cio's ccw_device_set_offline(): the
 * device lock is taken with spin_lock_irq(), a loop asks the device to go
 * offline, and a hard failure jumps out of the loop, lock still held and
 * interrupts still off, to an 'error:' label placed after the function's
 * normal return.  The error path reports the device gone and only then
 * drops the lock.
 *
 * What reaches the label is the goto's state: the lock held, interrupts
 * off.  Here the error path's notifier sleeps, which it may not do there;
 * in cio the same path only runs the state machine, and a checker that
 * lost the goto's state took that state machine for a call with
 * interrupts on (an irq-inversion on the clean 6.1 tree).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/export.h>

struct unwind_dev {
	spinlock_t lock;
	int state;
	int online;
};

static int unwind_try_offline(struct unwind_dev *ud)
{
	if (ud->state == 3)
		return -EBUSY;
	return ud->state ? -ENODEV : 0;
}

/* Tell the users the device is gone: they are woken up and may take a while. */
static void unwind_notify_gone(struct unwind_dev *ud)
{
	ud->online = 0;
	msleep(10);	/* expect: sleep-in-atomic holding spinlock unwind_dev.lock */
}

int unwind_set_offline(struct unwind_dev *ud)
{
	int rc;

	spin_lock_irq(&ud->lock);
	do {
		rc = unwind_try_offline(ud);
		if (!rc)
			break;
		if (rc != -EBUSY)
			goto error;
		spin_unlock_irq(&ud->lock);
		msleep(1);
		spin_lock_irq(&ud->lock);
	} while (rc == -EBUSY);
	spin_unlock_irq(&ud->lock);
	return 0;

error:
	unwind_notify_gone(ud);
	spin_unlock_irq(&ud->lock);
	return -ENODEV;
}
EXPORT_SYMBOL(unwind_set_offline);
