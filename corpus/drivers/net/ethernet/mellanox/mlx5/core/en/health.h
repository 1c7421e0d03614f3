/* SPDX-License-Identifier: GPL-2.0-only
 * en/health.h - the Ethernet driver's error recovery: a reporter fills an
 * error context on its stack with the recover function of its kind of
 * error and hands it to mlx5e_health_report(), which calls it.
 */
#ifndef __MLX5E_EN_HEALTH_H
#define __MLX5E_EN_HEALTH_H

#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

struct devlink_health_reporter;
struct devlink_port;

struct mlx5e_priv {
	struct mutex state_lock;
	struct devlink_health_reporter *rx_reporter;   /* en_main.c */
	struct devlink_port *dl_port;
	int rx_wqes, rx_wqes_min;
	struct work_struct rx_timeout_work;
	int rx_stalled, tx_stalled;
};

struct mlx5e_err_ctx {
	int (*recover)(void *ctx);
	void *ctx;
};

int mlx5e_health_report(struct mlx5e_priv *priv, const char *err_str, struct mlx5e_err_ctx *err_ctx);
int mlx5e_reporter_rx_timeout(struct mlx5e_priv *priv);
int mlx5e_reporter_tx_timeout(struct mlx5e_priv *priv);

#endif
