// SPDX-License-Identifier: GPL-2.0-only
/*
 * en_rep.c - the Ethernet representors: loading one registers a netdev,
 * whose notifier takes the device out of its LAG (here called directly).
 */
#include "mlx5_core.h"

static int mlx5e_vport_rep_load(struct mlx5_core_dev *dev, struct mlx5_eswitch_rep *rep)
{
	mlx5_lag_remove_mdev(dev);
	return 0;
}

static void mlx5e_vport_rep_unload(struct mlx5_eswitch_rep *rep)
{
}

static void *mlx5e_vport_rep_get_proto_dev(struct mlx5_eswitch_rep *rep)
{
	return rep->priv[REP_ETH];
}

static const struct mlx5_eswitch_rep_ops rep_ops = {
	.load = mlx5e_vport_rep_load,
	.unload = mlx5e_vport_rep_unload,
	.get_proto_dev = mlx5e_vport_rep_get_proto_dev,
};

void mlx5e_rep_register(struct mlx5_core_dev *dev)
{
	mlx5_eswitch_register_vport_reps(dev->eswitch, &rep_ops, REP_ETH);
}
