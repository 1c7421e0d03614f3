// SPDX-License-Identifier: GPL-2.0-only
/*
 * sf_rep.c - a representor driver that registers the table its device was
 * created with ('priv->ops', a member: no global table lockpath can name).
 * A slot one of whose registrations is not known explains nothing.
 */
#include "mlx5_core.h"

struct mlx5_sf_priv {
	const struct mlx5_eswitch_rep_ops *ops;
};

void mlx5_sf_rep_register(struct mlx5_core_dev *dev, struct mlx5_sf_priv *priv)
{
	mlx5_eswitch_register_vport_reps(dev->eswitch, priv->ops, REP_IB);
}
