// SPDX-License-Identifier: GPL-2.0-only
/*
 * en/reporter_rx.c - modelled on mlx5's en/reporter_rx.c: an RX queue
 * that stopped filling is reported with the RX timeout's recovery, which
 * runs under the state mutex its caller holds and so does not take it.
 * The RX timeout work holds the mutex across the report.
 */
#include "health.h"

static int mlx5e_rx_reporter_timeout_recover(void *ctx)
{
	struct mlx5e_priv *priv = ctx;

	priv->rx_stalled = 0;
	return 0;
}

int mlx5e_reporter_rx_timeout(struct mlx5e_priv *priv)
{
	struct mlx5e_err_ctx err_ctx = {};

	err_ctx.ctx = priv;
	err_ctx.recover = mlx5e_rx_reporter_timeout_recover;
	return mlx5e_health_report(priv, "RX timeout", &err_ctx);
}

static void mlx5e_rx_timeout_work(struct work_struct *work)
{
	struct mlx5e_priv *priv = container_of(work, struct mlx5e_priv, rx_timeout_work);

	mutex_lock(&priv->state_lock);
	mlx5e_reporter_rx_timeout(priv);
	mutex_unlock(&priv->state_lock);
}

void mlx5e_rx_reporter_init(struct mlx5e_priv *priv)
{
	mutex_init(&priv->state_lock);
	INIT_WORK(&priv->rx_timeout_work, mlx5e_rx_timeout_work);
}
