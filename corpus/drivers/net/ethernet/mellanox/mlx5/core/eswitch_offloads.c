// SPDX-License-Identifier: GPL-2.0-only
/*
 * eswitch_offloads.c - the e-switch core's side of the representors: each
 * protocol driver registers its rep ops into the slot of its type, and the
 * core loads a vport's representor through the slot it is asked for.
 */
#include "mlx5_core.h"

void mlx5_eswitch_register_vport_reps(struct mlx5_eswitch *esw,
				      const struct mlx5_eswitch_rep_ops *ops, u8 rep_type)
{
	esw->offloads.rep_ops[rep_type] = ops;
}

static int __esw_offloads_load_rep(struct mlx5_eswitch *esw, struct mlx5_eswitch_rep *rep, u8 rep_type)
{
	return esw->offloads.rep_ops[rep_type]->load(esw->dev, rep);
}

/* After a bond change only the RDMA representors are reloaded. */
void mlx5_eswitch_reload_ib_reps(struct mlx5_eswitch *esw)
{
	__esw_offloads_load_rep(esw, &esw->offloads.uplink, REP_IB);
}

/* Every type's representor, in type order. */
void mlx5_eswitch_reload_reps(struct mlx5_eswitch *esw)
{
	u8 rep_type;

	for (rep_type = 0; rep_type < NUM_REP_TYPES; rep_type++)
		__esw_offloads_load_rep(esw, &esw->offloads.uplink, rep_type);
}

void *mlx5_eswitch_uplink_get_proto_dev(struct mlx5_eswitch *esw, u8 rep_type)
{
	return esw->offloads.rep_ops[rep_type]->get_proto_dev(&esw->offloads.uplink);
}
