// SPDX-License-Identifier: GPL-2.0-only
/*
 * en/health.c - modelled on mlx5's en/health.c: the common report, which
 * runs whatever recover function the reporter put into the error context.
 */
#include "health.h"

int mlx5e_health_report(struct mlx5e_priv *priv, const char *err_str, struct mlx5e_err_ctx *err_ctx)
{
	if (!err_str)
		return 0;
	return err_ctx->recover(err_ctx->ctx);
}
