/* SPDX-License-Identifier: GPL-2.0-only
 * dasd_user.c - a DASD-like raw-track read into user memory: the request
 * keeps the user pages pinned, and the ccw interrupt handler (cdev->handler,
 * hardirq) ends it by releasing them dirty, as a completion that calls
 * blk_rq_unmap_user() from its end_io would.  Releasing them locks each
 * folio: folio_lock() says it may sleep (might_sleep(), compiled away here)
 * and sleeps when the folio is locked; marking it dirty then runs the file
 * system's dirty_inode, which takes a mutex.
 *
 * Must find: one sleep-in-atomic, at folio_lock()'s might_sleep() (in
 * include/linux/pagemap.h): the first thing on the path that may sleep;
 * the file system's spinlock taken on this path in hardirq context and
 * with interrupts on in its open() (irq-inversion, fs/ext2/dirty.c).
 * Must not find: __folio_lock()'s io_schedule() or the file system's
 * mutex_lock() behind folio_mark_dirty(): the path broke its context at
 * folio_lock(), which says so on every call.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>

struct bio;
extern void bio_release_pages(struct bio *bio, bool mark_dirty);

struct dasd_user_req {
	struct bio *bio;
	int status;
};

static struct dasd_user_req *dasd_user_active;

static void dasd_user_end_request(struct dasd_user_req *req, int status)
{
	req->status = status;
	bio_release_pages(req->bio, true);
}

static void dasd_user_irq_handler(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct dasd_user_req *req = dasd_user_active;

	(void)cdev;
	(void)intparm;
	if (!req)
		return;
	dasd_user_active = NULL;
	dasd_user_end_request(req, irb_is_error(irb) ? -5 : 0);
}

static int dasd_user_probe(struct ccw_device *cdev)
{
	cdev->handler = dasd_user_irq_handler;
	return 0;
}

static struct ccw_driver dasd_user_driver = {
	.probe = dasd_user_probe,
};

int dasd_user_init(void)
{
	return ccw_driver_register(&dasd_user_driver);
}
