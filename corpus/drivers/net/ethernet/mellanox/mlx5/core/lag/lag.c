// SPDX-License-Identifier: GPL-2.0-only
/*
 * lag/lag.c - link aggregation of two mlx5 ports.  The bond work runs
 * under the LAG's mutex and reloads the RDMA representors; taking the
 * device out of the LAG takes the same mutex.
 */
#include "../mlx5_core.h"

void mlx5_lag_remove_mdev(struct mlx5_core_dev *dev)
{
	struct mlx5_lag *ldev = dev->lag;

	mutex_lock(&ldev->lock);   /* expect(mlx5-rep-all-types,mlx5-rep-slot-unexplained): recursive-lock mlx5_lag.lock */
	ldev->pf = NULL;
	mutex_unlock(&ldev->lock);
}

static void mlx5_do_bond_work(struct work_struct *work)
{
	struct mlx5_lag *ldev = container_of(work, struct mlx5_lag, bond_work);

	mutex_lock(&ldev->lock);
	mlx5_eswitch_reload_ib_reps(ldev->pf->eswitch);
	mutex_unlock(&ldev->lock);
}

void mlx5_lag_init(struct mlx5_lag *ldev)
{
	mutex_init(&ldev->lock);
	INIT_WORK(&ldev->bond_work, mlx5_do_bond_work);
}
