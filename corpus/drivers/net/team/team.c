/* SPDX-License-Identifier: GPL-2.0-only
 * team.c - corpus model of drivers/net/team/team.c: a team device is a net
 * device over a list of port devices, and a port may itself be a team.
 *
 * Changing the team's MTU takes team->lock and sets the MTU of every port
 * (team_change_mtu() -> dev_set_mtu(port) -> the port's ndo_change_mtu);
 * when the port is a team, that is team_change_mtu() again, which takes
 * the inner team's team->lock with the outer one held: a team.lock taken
 * while another is held.  So every team has its own lockdep class:
 * team_init() registers a key inside the team (team_lock_key) and
 * initialises the mutex with it (__mutex_init(&team->lock, name,
 * &team->team_lock_key)).  Which team is which is decided per object, so
 * lockpath must not report the nested mutex_lock (tree team-nested).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/netdevice.h>

struct team_port {
	struct net_device *dev;		/* the lower device */
	struct list_head list;		/* on team->port_list */
};

struct team {
	struct net_device *dev;
	struct mutex lock;			/* ports, MTU */
	struct lock_class_key team_lock_key;	/* this team's own lockdep class */
	struct list_head port_list;
};

static int team_init(struct net_device *netdev)
{
	struct team *t = netdev_priv(netdev);

	t->dev = netdev;
	INIT_LIST_HEAD(&t->port_list);
	/* a team may be a port of a team: every team is its own class */
	lockdep_register_key(&t->team_lock_key);
	__mutex_init(&t->lock, "team lock", &t->team_lock_key);
	return 0;
}

static void team_uninit(struct net_device *netdev)
{
	struct team *t = netdev_priv(netdev);

	lockdep_unregister_key(&t->team_lock_key);
}

/* Every port follows the team's MTU; a port that is a team passes it on. */
static int team_change_mtu(struct net_device *netdev, int mtu)
{
	struct team *t = netdev_priv(netdev);
	struct team_port *p;
	int rc = 0;

	mutex_lock(&t->lock);
	list_for_each_entry(p, &t->port_list, list) {
		rc = dev_set_mtu(p->dev, mtu);
		if (rc)
			goto out;
	}
	netdev->mtu = (unsigned int)mtu;
out:
	mutex_unlock(&t->lock);
	return rc;
}

static const struct net_device_ops team_ops = {
	.ndo_init = team_init,
	.ndo_uninit = team_uninit,
	.ndo_change_mtu = team_change_mtu,
};

void team_setup(struct net_device *netdev)
{
	netdev->netdev_ops = &team_ops;
}
