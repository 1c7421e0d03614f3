/* SPDX-License-Identifier: GPL-2.0-only
 * qdio_main.c - the queued-I/O layer's interrupt handler for a ccw device
 * (the shape of drivers/s390/cio/qdio_main.c): cio calls it with the
 * ccw device's lock held.  When the device reports an activation check,
 * the layer hands the error to the upper driver through the queue's
 * error_handler, with the constant QDIO_ERROR_ACTIVATE as the error.
 *
 * With -DQDIO_ERROR_FROM_STATE the error reported is the one the queue
 * last recorded (not a constant), so nothing tells the driver's handler
 * which branch it takes: the control of the qdio-unlikely-error tree.
 */
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <asm/ccwdev.h>
#include <asm/cio.h>
#include "qdio.h"

static void qdio_report_activate_check(struct qdio_irq *irq)
{
#ifdef QDIO_ERROR_FROM_STATE
	irq->error_handler(irq->cdev, irq->last_error, irq->int_parm);
#else
	irq->error_handler(irq->cdev, QDIO_ERROR_ACTIVATE, irq->int_parm);
#endif
	irq->state = QDIO_STATE_STOPPED;
}

static void qdio_int_handler(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct qdio_irq *irq = qdio_irq_of(cdev);

	(void)intparm;
	if (irq->state == QDIO_STATE_ACTIVE && irb_is_error(irb))
		qdio_report_activate_check(irq);
}

int qdio_establish(struct qdio_irq *irq, struct ccw_device *cdev,
		   void (*error_handler)(struct ccw_device *, unsigned int, unsigned long),
		   unsigned long parm)
{
	irq->cdev = cdev;
	irq->error_handler = error_handler;
	irq->int_parm = parm;
	irq->state = QDIO_STATE_ACTIVE;
	cdev->handler = qdio_int_handler;
	return 0;
}
