/* SPDX-License-Identifier: GPL-2.0-only
 * device_ops.h - the part of include/rdma/ib_verbs.h that device_ops.c
 * and its drivers share: the ops table a driver defines and the device
 * that embeds a copy of it.
 */
#ifndef _CORPUS_IB_DEVICE_OPS_H
#define _CORPUS_IB_DEVICE_OPS_H

struct ib_qp;

struct ib_device_ops {
	int (*modify_qp)(struct ib_qp *qp, int state);
	void (*destroy_qp)(struct ib_qp *qp);
};

struct ib_device {
	struct ib_device_ops ops;
	void *priv;
};

struct ib_qp {
	struct ib_device *device;
	int state;
};

void ib_set_device_ops(struct ib_device *dev, const struct ib_device_ops *ops);
int ib_modify_qp(struct ib_qp *qp, int state);

#endif
