/* SPDX-License-Identifier: GPL-2.0-only
 * qdio.h - the queued-I/O layer's per-device state, shared by the layer
 * (qdio_main.c) and the upper drivers that register an error handler
 * (drivers/s390/scsi/zfcp_qdio.c).
 */
#ifndef CORPUS_QDIO_H
#define CORPUS_QDIO_H

#include <asm/ccwdev.h>

#define QDIO_ERROR_ACTIVATE	0x0001

enum qdio_state { QDIO_STATE_INACTIVE, QDIO_STATE_ACTIVE, QDIO_STATE_STOPPED };

struct qdio_irq {
	struct ccw_device *cdev;
	enum qdio_state state;
	unsigned int last_error;
	unsigned long int_parm;
	void (*error_handler)(struct ccw_device *cdev, unsigned int qdio_err, unsigned long parm);
};

extern struct qdio_irq qdio_irq0;

static inline struct qdio_irq *qdio_irq_of(struct ccw_device *cdev)
{
	(void)cdev;
	return &qdio_irq0;
}

int qdio_establish(struct qdio_irq *irq, struct ccw_device *cdev,
		   void (*error_handler)(struct ccw_device *, unsigned int, unsigned long),
		   unsigned long parm);

#endif
