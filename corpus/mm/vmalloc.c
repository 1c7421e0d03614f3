/* SPDX-License-Identifier: GPL-2.0-only
 * vmalloc.c - freeing a vmalloc() area.  Unmapping takes the purge mutex
 * and may sleep, so vfree() from an interrupt or softirq puts the area on
 * a per-CPU list and lets a work item unmap it (__vfree_deferred()).
 */
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/vmalloc.h>

static DEFINE_MUTEX(vmap_purge_lock);

struct vfree_deferred {
	const void *pending;
	struct work_struct wq;
};

static struct vfree_deferred vfree_later;

static void __vunmap(const void *addr)
{
	mutex_lock(&vmap_purge_lock);
	(void)addr;   /* the page tables and the lazy-purge list, not modelled */
	mutex_unlock(&vmap_purge_lock);
}

static void free_work(struct work_struct *w)
{
	struct vfree_deferred *p = container_of(w, struct vfree_deferred, wq);

	__vunmap(p->pending);
}

static void __vfree_deferred(const void *addr)
{
	vfree_later.pending = addr;
	schedule_work(&vfree_later.wq);
}

void vfree(const void *addr)
{
	if (!addr)
		return;
	if (unlikely(in_interrupt()))
		__vfree_deferred(addr);
	else
		__vunmap(addr);
}

void vmalloc_init(void)
{
	INIT_WORK(&vfree_later.wq, free_work);
}
