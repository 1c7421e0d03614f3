/* SPDX-License-Identifier: GPL-2.0-only
 * zfcp_qdio.c - an FCP adapter driver's queue handler on top of qdio (the
 * shape of drivers/s390/scsi/zfcp_qdio.c).  qdio calls it with the ccw
 * device's lock held.  On an error it only records the error and returns;
 * otherwise it walks the responses and completes their requests, which
 * takes the ccw device's lock (a bug of this model, were it reached).
 *
 * The test of the error is wrapped in unlikely(), as the kernel wraps most
 * error tests: '__builtin_expect(!!(qdio_err), 0)' tests qdio_err.  The
 * activation check passes a constant error, so the response walk is dead
 * on that path (tree qdio-unlikely-error: no finding).  The control,
 * qdio-unlikely-error-state, passes a recorded error instead, and the
 * re-acquisition is found.
 */
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <asm/ccwdev.h>
#include "../cio/qdio.h"

struct zfcp_qdio {
	struct ccw_device *cdev;
	int errors, completed;
};

struct qdio_irq qdio_irq0;
static struct zfcp_qdio zfcp_qdio0;

static void zfcp_complete_responses(struct zfcp_qdio *qdio)
{
	unsigned long flags;

	spin_lock_irqsave(get_ccwdev_lock(qdio->cdev), flags); /* expect(qdio-unlikely-error-state): recursive-lock acquired in zfcp_complete_responses */
	qdio->completed++;
	spin_unlock_irqrestore(get_ccwdev_lock(qdio->cdev), flags);
}

static void zfcp_qdio_int_resp(struct ccw_device *cdev, unsigned int qdio_err, unsigned long parm)
{
	struct zfcp_qdio *qdio = (struct zfcp_qdio *)parm;

	(void)cdev;
	if (unlikely(qdio_err)) {
		qdio->errors++;
		return;
	}
	zfcp_complete_responses(qdio);
}

static int zfcp_ccw_set_online(struct ccw_device *cdev)
{
	zfcp_qdio0.cdev = cdev;
	return qdio_establish(&qdio_irq0, cdev, zfcp_qdio_int_resp, (unsigned long)&zfcp_qdio0);
}

static struct ccw_driver zfcp_ccw_driver = {
	.probe = zfcp_ccw_set_online,
};

int zfcp_module_init(void)
{
	return ccw_driver_register(&zfcp_ccw_driver);
}
