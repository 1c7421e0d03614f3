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

struct devlink;
struct devlink_health_reporter;
struct mlx5e_priv;

/* The device's firmware reporters (health.c). */
struct mlx5_core_health {
	struct devlink_health_reporter *fw_reporter;
	struct devlink_health_reporter *fw_fatal_reporter;
	struct work_struct report_work;
	struct work_struct reload_work;
};

struct mlx5_core_dev {
	struct mlx5_eswitch *eswitch;
	struct mlx5_lag *lag;
	struct mutex intf_state_mutex;
	struct mlx5_core_health health;
	struct devlink *devlink;
	struct mlx5e_priv *en_priv;
};

void mlx5_eswitch_reload_ib_reps(struct mlx5_eswitch *esw);
void mlx5_eswitch_reload_reps(struct mlx5_eswitch *esw);
void mlx5_lag_remove_mdev(struct mlx5_core_dev *dev);
void mlx5_lag_init(struct mlx5_lag *ldev);
int mlx5_load_one(struct mlx5_core_dev *dev);
int mlx5e_resume(struct mlx5e_priv *priv);

#endif
