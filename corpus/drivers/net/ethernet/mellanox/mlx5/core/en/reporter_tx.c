// SPDX-License-Identifier: GPL-2.0-only
/*
 * en/reporter_tx.c - modelled on mlx5's en/reporter_tx.c: a TX timeout,
 * reported from the netdev watchdog's path with no lock held, recovers by
 * taking the state mutex itself.
 */
#include "health.h"

static int mlx5e_tx_reporter_timeout_recover(void *ctx)
{
	struct mlx5e_priv *priv = ctx;

	mutex_lock(&priv->state_lock);   /* expect(mlx5e-err-ctx-pending): recursive-lock mlx5e_priv.state_lock */
	priv->tx_stalled = 0;
	mutex_unlock(&priv->state_lock);
	return 0;
}

int mlx5e_reporter_tx_timeout(struct mlx5e_priv *priv)
{
	struct mlx5e_err_ctx err_ctx = {};

	err_ctx.ctx = priv;
	err_ctx.recover = mlx5e_tx_reporter_timeout_recover;
	return mlx5e_health_report(priv, "TX timeout", &err_ctx);
}
