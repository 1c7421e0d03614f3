// SPDX-License-Identifier: GPL-2.0-only
/*
 * kvfree.c - kfree_rcu()'s batching (models kvfree_call_rcu() in
 * kernel/rcu/tree.c).  The object goes into a page of pointers kept per
 * CPU, under the per-CPU lock.  When the page is full and no spare one is
 * cached, only a caller without an rcu_head allocates a new page
 * (GFP_KERNEL, the lock dropped around it): such a caller is documented to
 * run where it may sleep, and it says so with might_sleep().  A caller
 * with a head never allocates: its head is queued instead.  Whether to
 * allocate is passed down as '!head'.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>

#define KVFREE_PAGE_RECORDS 64

struct kvfree_page {
	int nr;
	void *records[KVFREE_PAGE_RECORDS];
};

struct kfree_rcu_cpu {
	spinlock_t lock;
	struct kvfree_page *page, *spare;
	struct rcu_head *heads;
};

static struct kfree_rcu_cpu krc_this_cpu;

/* Put PTR on K's page, a new page if it is full; allocate one only if
 * CAN_ALLOC.  Called and returns with K's lock held.  False: no room. */
static bool kvfree_add_to_page(struct kfree_rcu_cpu *k, void *ptr, bool can_alloc)
{
	struct kvfree_page *page = k->page;

	if (!page || page->nr == KVFREE_PAGE_RECORDS) {
		page = k->spare;
		k->spare = NULL;
		if (!page && can_alloc) {
			spin_unlock(&k->lock);
			page = page_address(alloc_page(GFP_KERNEL));
			spin_lock(&k->lock);
		}
		if (!page)
			return false;
		page->nr = 0;
		k->page = page;
	}
	page->records[page->nr++] = ptr;
	return true;
}

void kvfree_call_rcu(struct rcu_head *head, void *ptr)
{
	struct kfree_rcu_cpu *k = &krc_this_cpu;

	if (!head)
		might_sleep(); /* expect(kfree-rcu-no-head): sleep-in-atomic might_sleep */
	spin_lock(&k->lock);
	if (!kvfree_add_to_page(k, ptr, !head) && head) {
		head->next = k->heads;
		k->heads = head;
	}
	spin_unlock(&k->lock);
}
