/* SPDX-License-Identifier: GPL-2.0-only
 * mlx5/eswitch.h - the e-switch's representors, as the mlx5 drivers share
 * them.  A vport has one representor per protocol (an Ethernet netdev, an
 * RDMA port); each protocol's driver registers one table of rep ops for its
 * type, and the core keeps the tables in an array indexed by the type.
 */
#ifndef _LINUX_MLX5_ESWITCH_H
#define _LINUX_MLX5_ESWITCH_H

#include <linux/types.h>

enum {
	REP_ETH,
	REP_IB,
	NUM_REP_TYPES,
};

struct mlx5_core_dev;
struct mlx5_eswitch;

struct mlx5_eswitch_rep {
	u16 vport;
	void *priv[NUM_REP_TYPES];
};

struct mlx5_eswitch_rep_ops {
	int (*load)(struct mlx5_core_dev *dev, struct mlx5_eswitch_rep *rep);
	void (*unload)(struct mlx5_eswitch_rep *rep);
	void *(*get_proto_dev)(struct mlx5_eswitch_rep *rep);
};

void mlx5_eswitch_register_vport_reps(struct mlx5_eswitch *esw,
				      const struct mlx5_eswitch_rep_ops *ops, u8 rep_type);
void *mlx5_eswitch_uplink_get_proto_dev(struct mlx5_eswitch *esw, u8 rep_type);

#endif
