// SPDX-License-Identifier: GPL-2.0-only
/*
 * vxlan_core.c - the forwarding database's ageing timer (models
 * vxlan_cleanup() and the fdb notification of drivers/net/vxlan/vxlan_core.c).
 * The timer walks the hash buckets under each bucket's spinlock and
 * destroys the entries that aged out; destroying one tells netlink and,
 * when the caller asks for switchdev notification and the entry has a
 * remote destination, the switchdev drivers, whose handler for the vxlan
 * device itself relearns the entry under the same bucket lock.  An entry
 * that points at a nexthop group has no remote: its notification passes
 * rd NULL, and 'if (swdev_notify && rd)' keeps the switchdev call out,
 * whatever swdev_notify is.  -DVXLAN_REMOTE_ENTRY ages out an entry with a
 * remote instead (the control, where the relearn really happens in this
 * model); -DVXLAN_NESTED_TESTS writes the test as two nested ifs.
 */
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/list.h>
#include <linux/netdevice.h>

#define FDB_BUCKETS	4
#define NEIGH_ADDED	28	/* RTM_NEWNEIGH */
#define NEIGH_DELETED	29	/* RTM_DELNEIGH */

struct vxlan_rdst {
	unsigned int remote_ifindex;
	struct list_head list;
};

struct vxlan_fdb {
	struct list_head hlist;
	struct list_head remotes;
	void *nh;			/* a nexthop group instead of remotes */
	unsigned long used;
	unsigned int bucket;
};

struct vxlan_dev {
	struct net_device *dev;
	spinlock_t hash_lock[FDB_BUCKETS];
	struct list_head fdb_head[FDB_BUCKETS];
	struct timer_list age_timer;
	unsigned long age_interval;
};

/* The switchdev handler's relearn of an entry the hardware reported back:
 * it looks the entry up under its bucket's lock. */
static void vxlan_fdb_relearn(struct vxlan_dev *vxlan, struct vxlan_fdb *fdb)
{
	spin_lock_bh(&vxlan->hash_lock[fdb->bucket]); /* expect(vxlan-notify-remote): recursive-lock */
	fdb->used = jiffies;
	spin_unlock_bh(&vxlan->hash_lock[fdb->bucket]);
}

static void vxlan_fdb_switchdev_notify(struct vxlan_dev *vxlan, struct vxlan_fdb *fdb,
				       struct vxlan_rdst *rd, int event)
{
	if (event == NEIGH_DELETED && rd->remote_ifindex)
		vxlan_fdb_relearn(vxlan, fdb);
}

static void vxlan_fdb_netlink_notify(struct vxlan_dev *vxlan, struct vxlan_fdb *fdb, int event)
{
	(void)vxlan;
	(void)fdb;
	(void)event;
}

static int vxlan_fdb_notify(struct vxlan_dev *vxlan, struct vxlan_fdb *fdb, struct vxlan_rdst *rd,
			    int event, bool swdev_notify)
{
#ifdef VXLAN_NESTED_TESTS
	if (rd) {
		/* the call's innermost guard is the test the timer passes */
		if (swdev_notify)
			vxlan_fdb_switchdev_notify(vxlan, fdb, rd, event);
	}
#else
	if (swdev_notify && rd)
		vxlan_fdb_switchdev_notify(vxlan, fdb, rd, event);
#endif
	vxlan_fdb_netlink_notify(vxlan, fdb, event);
	return 0;
}

static void vxlan_fdb_destroy(struct vxlan_dev *vxlan, struct vxlan_fdb *fdb, bool do_notify,
			      bool swdev_notify)
{
	struct vxlan_rdst *rd;

	list_del(&fdb->hlist);
	if (!do_notify)
		return;
#ifdef VXLAN_REMOTE_ENTRY
	list_for_each_entry(rd, &fdb->remotes, list)
		vxlan_fdb_notify(vxlan, fdb, rd, NEIGH_DELETED, swdev_notify);
#else
	/* the aged entry is a nexthop group's: no remote to name */
	rd = NULL;
	vxlan_fdb_notify(vxlan, fdb, NULL, NEIGH_DELETED, swdev_notify);
#endif
	(void)rd;
}

static void vxlan_cleanup(struct timer_list *t)
{
	struct vxlan_dev *vxlan = from_timer(vxlan, t, age_timer);
	unsigned int b;

	for (b = 0; b < FDB_BUCKETS; b++) {
		struct vxlan_fdb *fdb, *tmp;

		spin_lock(&vxlan->hash_lock[b]);
		list_for_each_entry_safe(fdb, tmp, &vxlan->fdb_head[b], hlist) {
			if (jiffies - fdb->used < vxlan->age_interval)
				continue;
			vxlan_fdb_destroy(vxlan, fdb, true, true);
		}
		spin_unlock(&vxlan->hash_lock[b]);
	}
	mod_timer(&vxlan->age_timer, jiffies + vxlan->age_interval);
}

void vxlan_timer_init(struct vxlan_dev *vxlan)
{
	timer_setup(&vxlan->age_timer, vxlan_cleanup, 0);
}
