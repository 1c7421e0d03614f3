// SPDX-License-Identifier: GPL-2.0-only
/*
 * ib_rep.c - the RDMA representors of mlx5_ib: loading one binds the
 * uplink's IB device to the vport, under no lock of the core's.
 */
#include "../../../net/ethernet/mellanox/mlx5/core/mlx5_core.h"

static int mlx5_ib_vport_rep_load(struct mlx5_core_dev *dev, struct mlx5_eswitch_rep *rep)
{
	rep->priv[REP_IB] = mlx5_eswitch_uplink_get_proto_dev(dev->eswitch, REP_IB);
	return 0;
}

static void mlx5_ib_vport_rep_unload(struct mlx5_eswitch_rep *rep)
{
	rep->priv[REP_IB] = NULL;
}

static void *mlx5_ib_rep_to_dev(struct mlx5_eswitch_rep *rep)
{
	return rep->priv[REP_IB];
}

static const struct mlx5_eswitch_rep_ops rep_ops = {
	.load = mlx5_ib_vport_rep_load,
	.unload = mlx5_ib_vport_rep_unload,
	.get_proto_dev = mlx5_ib_rep_to_dev,
};

void mlx5r_rep_register(struct mlx5_core_dev *dev)
{
	mlx5_eswitch_register_vport_reps(dev->eswitch, &rep_ops, REP_IB);
}
