// SPDX-License-Identifier: GPL-2.0-only
/*
 * locks.c - breaking a lease (models fs/locks.c's lease code).  The file's
 * lock context stays locked (a spinlock) while each lease in the way is
 * taken off its list; the lease is not freed there.  The breaker hands
 * the address of a list of its own ('&dispose') down two calls, the
 * lease goes onto it, and the list is freed once the spinlock is dropped.
 * Freeing a lease releases its owner, which takes a mutex: that never
 * happens under the spinlock, because the address of a local is never
 * NULL.  With -DLEASE_BREAK_NO_LIST the breaker has no list and passes
 * NULL: then the lease is freed at once, under the spinlock.
 */
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct lease_owner {
	struct mutex lo_mutex;
	int lo_leases;
};

struct file_lease {
	struct list_head fl_list;
	struct lease_owner *fl_owner;
};

struct file_lock_context {
	spinlock_t flc_lock;
	struct list_head flc_lease;
};

static void lease_release_owner(struct file_lease *fl)
{
	struct lease_owner *owner = fl->fl_owner;

	if (!owner)
		return;
	mutex_lock(&owner->lo_mutex); /* expect(lease-break-no-list): sleep-in-atomic mutex_lock */
	owner->lo_leases--;
	mutex_unlock(&owner->lo_mutex);
}

void lease_free(struct file_lease *fl)
{
	lease_release_owner(fl);
	kfree(fl);
}

/* Off the context's list: onto DISPOSE, to be freed by the caller after it
 * unlocks the context, or, without a list, freed here. */
static void lease_delete_ctx(struct file_lease *fl, struct list_head *dispose)
{
	list_del(&fl->fl_list);
	if (dispose)
		list_add(&fl->fl_list, dispose);
	else
		lease_free(fl);
}

/* what a lease manager's change callback does on unlock: passes the list on */
int lease_unlock(struct file_lease *fl, struct list_head *dispose)
{
	lease_delete_ctx(fl, dispose);
	return 0;
}

static void lease_dispose_list(struct list_head *dispose)
{
	while (!list_empty(dispose)) {
		struct file_lease *fl = list_first_entry(dispose, struct file_lease, fl_list);

		list_del(&fl->fl_list);
		lease_free(fl);
	}
}

int lease_break_all(struct file_lock_context *ctx)
{
	LIST_HEAD(dispose);
	struct file_lease *fl, *tmp;

	spin_lock(&ctx->flc_lock);
	list_for_each_entry_safe(fl, tmp, &ctx->flc_lease, fl_list)
#ifdef LEASE_BREAK_NO_LIST
		lease_unlock(fl, NULL);
#else
		lease_unlock(fl, &dispose);
#endif
	spin_unlock(&ctx->flc_lock);
	lease_dispose_list(&dispose);
	return 0;
}
