// SPDX-License-Identifier: GPL-2.0-only
/*
 * device_ops.c - an RDMA device's ops, embedded in the device and copied
 * member by member from its driver's static table (models
 * ib_set_device_ops() and the verbs that call through 'device->ops' in
 * drivers/infiniband/core/device.c and verbs.c).  The copy of a member
 * into the same member names no function: the functions a call through
 * the device's own 'ops' reaches are the ones the drivers' tables hold.
 */
#include <linux/kernel.h>
#include "device_ops.h"

#define SET_DEVICE_OP(ptr, name)				\
	do {							\
		if (ops->name && !(ptr)->name)			\
			(ptr)->name = ops->name;		\
	} while (0)

void ib_set_device_ops(struct ib_device *dev, const struct ib_device_ops *ops)
{
	struct ib_device_ops *dev_ops = &dev->ops;

	SET_DEVICE_OP(dev_ops, modify_qp);
	SET_DEVICE_OP(dev_ops, destroy_qp);
}

int ib_modify_qp(struct ib_qp *qp, int state)
{
	return qp->device->ops.modify_qp(qp, state);
}
