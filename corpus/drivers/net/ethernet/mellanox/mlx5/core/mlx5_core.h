/* SPDX-License-Identifier: GPL-2.0-only
 * mlx5_core.h - the parts of an mlx5 device the corpus's e-switch and LAG
 * files share: the device, its e-switch with the rep-ops array (one slot
 * per representor type), and the LAG object with its mutex.
 */
#ifndef __MLX5_CORE_H__
#define __MLX5_CORE_H__

#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/mlx5/eswitch.h>

struct mlx5_lag {
	struct mutex lock;
	struct work_struct bond_work;
	struct mlx5_core_dev *pf;
};

struct mlx5_esw_offload {
	const struct mlx5_eswitch_rep_ops *rep_ops[NUM_REP_TYPES];
	struct mlx5_eswitch_rep uplink;
};

struct mlx5_eswitch {
	struct mlx5_core_dev *dev;
	struct mlx5_esw_offload offloads;
};

struct mlx5_core_dev {
	struct mlx5_eswitch *eswitch;
	struct mlx5_lag *lag;
};

void mlx5_eswitch_reload_ib_reps(struct mlx5_eswitch *esw);
void mlx5_eswitch_reload_reps(struct mlx5_eswitch *esw);
void mlx5_lag_remove_mdev(struct mlx5_core_dev *dev);
void mlx5_lag_init(struct mlx5_lag *ldev);

#endif
