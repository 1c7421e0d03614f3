// SPDX-License-Identifier: GPL-2.0-only
/*
 * qp_ops.c - a driver's static ib_device_ops, given to the core at probe
 * (models mlx4_ib_add()'s ib_set_device_ops(&ibdev->ib_dev,
 * &mlx4_ib_dev_ops)), whose modify_qp takes the driver's command mutex;
 * and an error interrupt that moves a QP to the error state through the
 * core's verb, which calls the driver's modify_qp through the device's
 * own copy of the ops: a sleep in hardirq context.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include "../../core/device_ops.h"

static DEFINE_MUTEX(mlx4_cmd_mutex);

static int mlx4_ib_modify_qp(struct ib_qp *qp, int state)
{
	mutex_lock(&mlx4_cmd_mutex); /* expect(ib-device-ops-copied): sleep-in-atomic mutex_lock */
	qp->state = state;
	mutex_unlock(&mlx4_cmd_mutex);
	return 0;
}

static void mlx4_ib_destroy_qp(struct ib_qp *qp)
{
	qp->state = -1;
}

static const struct ib_device_ops mlx4_ib_dev_ops = {
	.modify_qp = mlx4_ib_modify_qp,
	.destroy_qp = mlx4_ib_destroy_qp,
};

static struct ib_device mlx4_ib_dev;
static struct ib_qp mlx4_err_qp = { .device = &mlx4_ib_dev };

static irqreturn_t mlx4_qp_error_irq(int irq, void *dev_id)
{
	struct ib_qp *qp = dev_id;

	ib_modify_qp(qp, 6);
	return IRQ_HANDLED;
}

int mlx4_ib_add(void)
{
	ib_set_device_ops(&mlx4_ib_dev, &mlx4_ib_dev_ops);
	return request_irq(0x2101, mlx4_qp_error_irq, 0, "mlx4-qp-err", &mlx4_err_qp);
}
