// SPDX-License-Identifier: GPL-2.0-only
/*
 * vxlan_core.c - the forwarding database's ageing timer and the switchdev
 * notification of an entry (models vxlan_cleanup() and
 * vxlan_fdb_switchdev_call_notifiers() of drivers/net/vxlan/vxlan_core.c).
 * The timer walks the hash buckets under each bucket's spinlock and
 * deletes the entries that aged out; a delete tells the switchdev drivers
 * with the event picked into a local ('type = adding ? ADD : DEL;'), and
 * the handler of the vxlan device itself, on an ADD, re-learns the entry
 * under the same bucket lock.  The timer only deletes, so the re-learn
 * never runs under its lock.  -DVXLAN_AGE_REFRESH makes the timer refresh
 * (re-add) an entry instead: the control, where the handler's re-learn
 * does take the held bucket lock in this model.
 */
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/list.h>
#include <linux/netdevice.h>

#define FDB_BUCKETS		4
#define FDB_ADD_TO_DEVICE	1	/* SWITCHDEV_VXLAN_FDB_ADD_TO_DEVICE */
#define FDB_DEL_TO_DEVICE	2	/* SWITCHDEV_VXLAN_FDB_DEL_TO_DEVICE */

struct vxlan_fdb {
	struct list_head hlist;
	unsigned long used;
	unsigned int bucket;
	bool offloaded;
};

struct vxlan_dev {
	struct net_device *dev;
	spinlock_t hash_lock[FDB_BUCKETS];
	struct list_head fdb_head[FDB_BUCKETS];
	struct timer_list age_timer;
	unsigned long age_interval;
};

/* The switchdev handler: an added entry is looked up again under its
 * bucket's lock and marked as offloaded; a deleted one needs nothing. */
static void vxlan_switchdev_event(int event, struct vxlan_dev *vxlan, struct vxlan_fdb *fdb)
{
	switch (event) {
	case FDB_ADD_TO_DEVICE:
		spin_lock_bh(&vxlan->hash_lock[fdb->bucket]); /* expect(vxlan-age-refresh): recursive-lock */
		fdb->offloaded = true;
		spin_unlock_bh(&vxlan->hash_lock[fdb->bucket]);
		break;
	case FDB_DEL_TO_DEVICE:
	default:
		break;
	}
}

static void vxlan_fdb_switchdev_call(struct vxlan_dev *vxlan, struct vxlan_fdb *fdb, bool adding)
{
	int type;

	/* the event is picked once, then passed on */
	type = adding ? FDB_ADD_TO_DEVICE : FDB_DEL_TO_DEVICE;
	vxlan_switchdev_event(type, vxlan, fdb);
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
#ifdef VXLAN_AGE_REFRESH
			fdb->used = jiffies;
			vxlan_fdb_switchdev_call(vxlan, fdb, true);
#else
			list_del(&fdb->hlist);
			vxlan_fdb_switchdev_call(vxlan, fdb, false);
#endif
		}
		spin_unlock(&vxlan->hash_lock[b]);
	}
	mod_timer(&vxlan->age_timer, jiffies + vxlan->age_interval);
}

void vxlan_timer_init(struct vxlan_dev *vxlan)
{
	timer_setup(&vxlan->age_timer, vxlan_cleanup, 0);
}
