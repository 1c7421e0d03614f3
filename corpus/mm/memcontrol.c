/* SPDX-License-Identifier: GPL-2.0-only
 * memcontrol.c - charging a new page to its memory cgroup, in the shape of
 * mm/memcontrol.c's kmem charge: while a task's charges move from one group
 * to another, a new charge waits on the mover's queue until the move is
 * over.  A second place below the page allocator where an allocation that
 * may block sleeps (mm/page_alloc.c's slow path is the first).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/errno.h>
#include <linux/wait.h>

static bool charges_moving;
static struct wait_queue_head charge_move_wq;

static int charge_or_wait(unsigned int nr_pages)
{
	/* the mover wakes the queue when the last charge has moved over */
	wait_event(charge_move_wq, !charges_moving);
	return nr_pages > 1024 ? -ENOMEM : 0;
}

int memcg_charge_page(struct page *page, gfp_t gfp_mask, unsigned int order)
{
	(void)page;
	(void)gfp_mask;
	return charge_or_wait(1u << order);
}
