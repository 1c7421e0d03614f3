// SPDX-License-Identifier: GPL-2.0-only
/*
 * en/reporter_pending.c - a report queued for later: the error context
 * is not on the reporting function's stack but kept behind a pointer in
 * a heap object, filled by whoever queued it.  The work that sends it
 * holds the state mutex, like the RX timeout work.
 */
#include "health.h"

struct mlx5e_pending_report {
	struct work_struct work;
	struct mlx5e_priv *priv;
	struct mlx5e_err_ctx *err_ctx;
};

static void mlx5e_pending_report_work(struct work_struct *work)
{
	struct mlx5e_pending_report *p = container_of(work, struct mlx5e_pending_report, work);

	mutex_lock(&p->priv->state_lock);
	mlx5e_health_report(p->priv, "pending", p->err_ctx);
	mutex_unlock(&p->priv->state_lock);
}

void mlx5e_pending_report_init(struct mlx5e_pending_report *p)
{
	INIT_WORK(&p->work, mlx5e_pending_report_work);
}
