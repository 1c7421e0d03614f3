/* SPDX-License-Identifier: GPL-2.0-only
 * ctcm_mpc_cfg.c - an MPC group's pending action, modelled on an s390
 * channel-to-channel driver: the group keeps one function pointer for what
 * to do next, and the interrupt handler runs it.  Three functions are ever
 * stored there:
 *  - the receive-ready action, stored by the handler itself: irq-safe;
 *  - the reconfiguration, stored (and first run) by set_online under the
 *    group's configuration mutex, which it asserts on entry
 *    (lockdep_assert_held: an empty do-while in a build without lockdep)
 *    before it waits for the peer;
 *  - the carrier-off action, stored and run by set_offline under the RTNL:
 *    netdev_state_change() says so with ASSERT_RTNL() (a statement
 *    expression around rtnl_is_locked(); its rule names the mutex) before
 *    the link watcher takes its mutex;
 *  - the flush, stored by set_offline, which says nothing about where it
 *    runs and takes the flush mutex.
 * lockpath cannot tell which group object the handler's call is for, so
 * the call reaches all four.  The reconfiguration's and the state change's
 * assertions say that they run under a mutex, which no interrupt holds:
 * those paths are not ones the kernel takes.  The flush's is reported: nothing says it is not.
 *
 * Must find: sleep-in-atomic at the flush's mutex (hardirq).
 * Must not find: sleep-in-atomic at the reconfiguration's msleep() or at
 * the link watcher's mutex.
 */
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct mpc_group {
	spinlock_t lock;
	struct mutex cfg_mutex;
	struct mutex flush_mutex;
	void (*action)(struct mpc_group *grp);
	int outstanding;
	struct net_device *dev;
};

static struct mpc_group mpc_grp0;

static void mpc_action_rx_ready(struct mpc_group *grp)
{
	spin_lock(&grp->lock);
	grp->outstanding--;
	spin_unlock(&grp->lock);
}

static void mpc_action_reconfig(struct mpc_group *grp)
{
	lockdep_assert_held(&grp->cfg_mutex);
	while (grp->outstanding)
		msleep(10);
}

static void mpc_action_flush(struct mpc_group *grp)
{
	mutex_lock(&grp->flush_mutex); /* expect: sleep-in-atomic hardirq */
	grp->outstanding = 0;
	mutex_unlock(&grp->flush_mutex);
}

/* Stored and run under the RTNL only: netdev_state_change() asserts it. */
static void mpc_action_carrier_off(struct mpc_group *grp)
{
	netdev_state_change(grp->dev);
}

static void mpc_link_down(struct mpc_group *grp)
{
	rtnl_lock();
	grp->action = mpc_action_carrier_off;
	mpc_action_carrier_off(grp);
	rtnl_unlock();
}

static void mpc_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct mpc_group *grp = &mpc_grp0;

	(void)cdev;
	(void)intparm;
	if (grp->action)
		grp->action(grp);
	if (!irb_is_error(irb))
		grp->action = mpc_action_rx_ready;
}

static int mpc_set_online(struct ccw_device *cdev)
{
	struct mpc_group *grp = &mpc_grp0;

	cdev->handler = mpc_irq;
	mutex_lock(&grp->cfg_mutex);
	grp->action = mpc_action_reconfig;   /* pending until the peer answers */
	mpc_action_reconfig(grp);
	mutex_unlock(&grp->cfg_mutex);
	return 0;
}

static int mpc_set_offline(struct ccw_device *cdev)
{
	(void)cdev;
	mpc_link_down(&mpc_grp0);
	mpc_grp0.action = mpc_action_flush;
	return 0;
}

static struct ccw_driver mpc_driver = {
	.set_online = mpc_set_online,
	.set_offline = mpc_set_offline,
};

int mpc_init(void)
{
	return ccw_driver_register(&mpc_driver);
}
