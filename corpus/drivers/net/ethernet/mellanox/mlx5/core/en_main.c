// SPDX-License-Identifier: GPL-2.0-only
/*
 * en_main.c - modelled on mlx5's en_main.c (resume) and on the devlink
 * half of en/reporter_rx.c: the RX reporter is a devlink health reporter
 * made with the RX ops and kept in 'priv->rx_reporter'; resuming waits for
 * the RX queues to fill and reports a timeout on that reporter, whose
 * recover only restarts the queues.  The RX ops live here, in the
 * directory of the firmware reporters (health.c), so that a path's
 * binding to its module's ops tables (check/ops_tables.c, per directory)
 * covers both, as it does on the whole s390 tree; en/reporter_rx.c keeps
 * the error-context half for the mlx5e-err-ctx trees.
 */
#include <linux/err.h>
#include <net/devlink.h>
#include "en/health.h"
#include "mlx5_core.h"

static int mlx5e_rx_reporter_recover(struct devlink_health_reporter *reporter, void *priv_ctx)
{
	struct mlx5e_priv *priv = devlink_health_reporter_priv(reporter);

	priv->rx_stalled = 0;
	return 0;
}

static const struct devlink_health_reporter_ops mlx5_rx_reporter_ops = {
	.name = "rx",
	.recover = mlx5e_rx_reporter_recover,
};

void mlx5e_reporter_rx_create(struct mlx5e_priv *priv, struct devlink *devlink)
{
	struct devlink_health_reporter *rep;

#ifdef MLX5E_RX_REPORTER_LOOKUP
	/* made on the port, then kept as whatever devlink's list has under
	 * the name: any reporter of the list */
	devlink_port_health_reporter_create(priv->dl_port, &mlx5_rx_reporter_ops, 500, priv);
	rep = devlink_health_reporter_find_by_name(devlink, "rx");
#else
	rep = devlink_port_health_reporter_create(priv->dl_port, &mlx5_rx_reporter_ops, 500, priv);
#endif
	if (IS_ERR(rep))
		return;
	priv->rx_reporter = rep;
}

static int mlx5e_reporter_rx_timeout_report(struct mlx5e_priv *priv)
{
	return devlink_health_report(priv->rx_reporter, "RX timeout", priv);
}

static int mlx5e_wait_for_min_rx_wqes(struct mlx5e_priv *priv)
{
	if (priv->rx_wqes >= priv->rx_wqes_min)
		return 0;
	return mlx5e_reporter_rx_timeout_report(priv);
}

int mlx5e_resume(struct mlx5e_priv *priv)
{
	return mlx5e_wait_for_min_rx_wqes(priv);
}
